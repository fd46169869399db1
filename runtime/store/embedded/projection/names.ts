/**
 * Matching stored field names against the fields a query keeps, on the raw
 * UTF-8 bytes: no string is decoded for the fields that are skipped.
 */

/** The top-level fields to keep, as UTF-8 bytes for matching record field names without decoding them. */
export interface Projection {
  names: string[];
  bytes: Uint8Array[];
  /** 1 for a byte some kept name (or `__proto__`) starts with: most field names are rejected on it. */
  starts: Uint8Array;
  /** Per kept field: a Date reused for every document, for fields the caller reads only as an instant; else null. */
  instants: (Date | null)[];
}

const PROTO = Buffer.from('__proto__');

export function projectionOf(fields: Iterable<string>, instants: ReadonlySet<string> = new Set()): Projection {
  const names = [...new Set(fields)];
  const bytes = names.map((n) => Buffer.from(n, 'utf8'));
  const starts = new Uint8Array(256);
  for (const b of [...bytes, PROTO]) if (b.length > 0) starts[b[0]] = 1;
  return { names, bytes, starts, instants: names.map((n) => (instants.has(n) ? new Date(0) : null)) };
}

/** Thrown for a field named `__proto__` (msgpackr renames it); the caller falls back to msgpackr. */
export const NAME_FALLBACK = new Error('msgpack projection: __proto__ field');

/** Index of the wanted name equal to bytes [at, at+len), -1 if none; throws on `__proto__` (msgpackr renames it). */
export function matchName(p: Projection, src: Uint8Array, at: number, len: number): number {
  if (len > 0 && p.starts[src[at]] === 0) return -1;
  for (let w = 0; w < p.bytes.length; w++) {
    const b = p.bytes[w];
    if (b.length !== len) continue;
    let i = 0;
    while (i < len && src[at + i] === b[i]) i++;
    if (i === len) return w;
  }
  if (len === 9 && src[at] === 0x5f && PROTO.equals(src.subarray(at, at + 9))) throw NAME_FALLBACK;
  return -1;
}

