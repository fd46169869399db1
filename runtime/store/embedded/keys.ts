import { UnsupportedQueryError, type Doc } from '../port.js';
import { RANK, typeRank } from './compare.js';

/**
 * Index keys. Each indexed field becomes three lmdb key parts
 * `[typeRank, value, truncated]` so lmdb's ordered-binary order matches
 * MongoDB's cross-type order; the document `_id` ends the key so entries are
 * unique and equal values come out in `_id` order.
 */

export type KeyPart = string | number;
/** `[rank, value, truncated]` for one field. */
export type Component = [number, KeyPart, 0 | 1];

/** lmdb's maximum key is ~1978 bytes; long strings are cut and marked, the residual filter re-checks. */
const STRING_CHARS_PER_INDEX = 300;

export function stringBudget(fieldCount: number): number {
  return Math.max(16, Math.floor(STRING_CHARS_PER_INDEX / Math.max(1, fieldCount)));
}

function cut(s: string, maxChars: number): [string, 0 | 1] {
  // NUL delimits array keys in ordered-binary; SOH keeps such strings ordered near their neighbours.
  const clean = s.includes('\u0000') ? s.replaceAll('\u0000', '\u0001') : s;
  if (clean.length <= maxChars) return [clean, 0];
  let end = maxChars;
  const c = clean.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end -= 1; // never split a surrogate pair
  return [clean.slice(0, end), 1];
}

/** Stable text for nested objects/arrays: only equality of such values matters to the planner. */
function stableText(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (x instanceof Date ? { $date: x.getTime() } : x));
}

export function encodeValue(v: unknown, maxChars: number): Component {
  const rank = typeRank(v);
  switch (rank) {
    case RANK.nullish:
      return [rank, 0, 0];
    case RANK.number:
      return [rank, Number.isNaN(v) ? -Infinity : Object.is(v, -0) ? 0 : (v as number), 0];
    case RANK.string: {
      const [s, t] = cut(v as string, maxChars);
      return [rank, s, t];
    }
    case RANK.boolean:
      return [rank, v ? 1 : 0, 0];
    case RANK.date:
      return [rank, (v as Date).getTime(), 0];
    default: {
      const [s, t] = cut(stableText(v), maxChars);
      return [rank, s, t];
    }
  }
}

export interface PathResult {
  /** Values found at the path, arrays expanded; `undefined` stands for a missing field. */
  values: unknown[];
  /** An array was met on the way (a multikey index, in MongoDB's terms). */
  multikey: boolean;
}

/** Collects the values at a dotted path the way MongoDB indexes them (arrays fan out). */
export function collectPath(doc: unknown, path: string): PathResult {
  const segs = path.split('.');
  const out: PathResult = { values: [], multikey: false };
  const walk = (value: unknown, i: number): void => {
    if (i === segs.length) {
      if (Array.isArray(value)) {
        out.multikey = true;
        for (const x of value) out.values.push(x);
      } else out.values.push(value);
      return;
    }
    if (Array.isArray(value)) {
      out.multikey = true;
      const seg = segs[i];
      if (/^\d+$/.test(seg) && Number(seg) < value.length) walk(value[Number(seg)], i + 1);
      for (const el of value) if (el !== null && typeof el === 'object' && !Array.isArray(el)) walk(el, i);
      return;
    }
    if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      walk((value as Record<string, unknown>)[segs[i]], i + 1);
    } else out.values.push(undefined);
  };
  walk(doc, 0);
  return out;
}

/** Values at a path for sorting: missing stays `undefined`, an empty array yields `[]`. */
export function sortPathValues(doc: Doc, path: string): unknown[] | undefined {
  if (!path.includes('.')) {
    const v = doc[path];
    return Array.isArray(v) ? v : [v];
  }
  return collectPath(doc, path).values;
}

export interface DocEntries {
  /** One flattened list of components per distinct entry. */
  entries: Component[][];
  /** Per indexed field: it held an array somewhere (multikey) or a nested object/array value. */
  multikey: boolean[];
  complex: boolean[];
}

export function entriesFor(doc: Doc, fields: string[], budget = stringBudget(fields.length)): DocEntries {
  const perField: Component[][] = [];
  const multikey: boolean[] = [];
  const complex: boolean[] = [];
  let fanned = -1;
  fields.forEach((f, i) => {
    const r = collectPath(doc, f);
    const seen = new Map<string, Component>();
    for (const v of r.values.length ? r.values : [undefined]) {
      const c = encodeValue(v, budget);
      seen.set(`${c[0]}|${String(c[1])}|${c[2]}`, c);
    }
    perField.push([...seen.values()]);
    multikey.push(r.multikey);
    complex.push(r.values.some((v) => typeRank(v) === RANK.object || typeRank(v) === RANK.array));
    if (seen.size > 1) {
      if (fanned >= 0) {
        throw new UnsupportedQueryError(`cannot index parallel arrays [${fields[fanned]}] [${f}]`);
      }
      fanned = i;
    }
  });
  let entries: Component[][] = [[]];
  for (const comps of perField) {
    const next: Component[][] = [];
    for (const e of entries) for (const c of comps) next.push([...e, c]);
    entries = next;
  }
  return { entries, multikey, complex };
}

export function flatten(comps: Component[]): KeyPart[] {
  const out: KeyPart[] = [];
  for (const c of comps) out.push(c[0], c[1], c[2]);
  return out;
}
