/**
 * Side-by-side timing: every round runs each side once, in an order that
 * alternates between rounds, so drift and noise of the machine hit all sides
 * alike. Reported numbers are medians over the rounds.
 */
import { performance } from 'node:perf_hooks';

export interface Side {
  name: string;
  /** One measured repetition; `round` lets a side vary its input per round (same input on every side). */
  run: (round: number) => Promise<unknown> | unknown;
}

export interface SideResult {
  name: string;
  /** Milliseconds per repetition, one per measured round. */
  times: number[];
  median: number;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export interface RoundOptions {
  rounds: number;
  warmup: number;
  /** Stop starting new rounds once this much time has gone by (at least one measured round always runs). */
  budgetMs?: number;
}

export async function sideBySide(sides: Side[], opts: RoundOptions): Promise<SideResult[]> {
  const times = sides.map(() => [] as number[]);
  const start = performance.now();
  for (let round = 0; round < opts.warmup + opts.rounds; round++) {
    if (round > opts.warmup && opts.budgetMs !== undefined && performance.now() - start > opts.budgetMs) break;
    const order = sides.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    for (const i of order) {
      const t0 = performance.now();
      await sides[i].run(round);
      const dt = performance.now() - t0;
      if (round >= opts.warmup) times[i].push(dt);
    }
  }
  return sides.map((s, i) => ({ name: s.name, times: times[i], median: median(times[i]) }));
}

export function fmtMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${(ms * 1000).toFixed(0)} µs`;
}

export function fmtRate(perSecond: number): string {
  return perSecond >= 10_000 ? `${Math.round(perSecond).toLocaleString('en-US')}/s` : `${perSecond.toFixed(0)}/s`;
}

export function fmtRatio(r: number): string {
  return r >= 100 ? `${r.toFixed(0)}×` : r >= 10 ? `${r.toFixed(1)}×` : `${r.toFixed(2)}×`;
}

export function fmtCount(n: number): string {
  return n >= 1_000_000 && n % 1_000_000 === 0 ? `${n / 1_000_000}M` : n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
}

/** A plain text table; the first column left-aligned, the others right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function heading(title: string): void {
  console.log(`\n=== ${title} ${'='.repeat(Math.max(0, 74 - title.length))}`);
}

export class BenchCheckError extends Error {
  constructor(message: string) {
    super(`CHECK FAILED: ${message}`);
  }
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new BenchCheckError(message);
}

export function memoryMb(): string {
  const m = process.memoryUsage();
  return `heap ${Math.round(m.heapUsed / 2 ** 20)} MiB, rss ${Math.round(m.rss / 2 ** 20)} MiB`;
}
