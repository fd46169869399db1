/**
 * Keeps the k smallest items seen (a max-heap of size k), so a sorted page
 * costs O(n log k) time and O(k) memory instead of sorting the collection.
 */
export class TopK<T> {
  private items: T[] = [];
  constructor(
    private readonly k: number,
    private readonly cmp: (a: T, b: T) => number,
  ) {}

  push(x: T): void {
    if (this.k <= 0) return;
    const h = this.items;
    if (h.length < this.k) {
      h.push(x);
      this.up(h.length - 1);
    } else if (this.cmp(x, h[0]) < 0) {
      h[0] = x;
      this.down(0);
    }
  }

  /** The kept items, smallest first. */
  sorted(): T[] {
    return [...this.items].sort(this.cmp);
  }

  private up(i: number): void {
    const h = this.items;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.cmp(h[i], h[p]) <= 0) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.items;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.cmp(h[l], h[m]) > 0) m = l;
      if (r < h.length && this.cmp(h[r], h[m]) > 0) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
  }
}
