import type { Collation, Doc, SortSpec } from '../port.js';
import { isPlainObject } from './values.js';

/**
 * MongoDB's cross-type ordering (null/missing < numbers < strings < objects <
 * arrays < booleans < dates). Index keys are encoded with the same ranks, so
 * an index walk and an in-memory sort agree.
 */
export const RANK = { emptyArray: 0, nullish: 1, number: 2, string: 3, object: 4, array: 5, boolean: 8, date: 9, other: 10 } as const;

export type StringCompare = (a: string, b: string) => number;

export function typeRank(v: unknown): number {
  if (v === undefined || v === null) return RANK.nullish;
  switch (typeof v) {
    case 'number':
      return RANK.number;
    case 'string':
      return RANK.string;
    case 'boolean':
      return RANK.boolean;
  }
  if (v instanceof Date) return RANK.date;
  if (Array.isArray(v)) return RANK.array;
  return isPlainObject(v) ? RANK.object : RANK.other;
}

/** Code-point order, which equals the UTF-8 byte order lmdb uses for keys (JS `<` is UTF-16 order). */
export function codePointCompare(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? (y >= 0xe000 ? -1 : 1) : x >= 0xe000 ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length < 0 ? -1 : a.length === b.length ? 0 : 1;
}

const STRENGTH: Record<number, Intl.CollatorOptions['sensitivity']> = { 1: 'base', 2: 'accent', 3: 'variant' };
const collators = new Map<string, StringCompare>();

/** String comparison for a collation (ICU via Intl), or code-point order without one. */
export function stringCompareFor(collation?: Collation): StringCompare {
  if (!collation || collation.locale === 'simple') return codePointCompare;
  const key = `${collation.locale}/${collation.strength ?? 3}`;
  let cmp = collators.get(key);
  if (!cmp) {
    const c = new Intl.Collator(collation.locale, { sensitivity: STRENGTH[collation.strength ?? 3], usage: 'sort' });
    cmp = c.compare.bind(c);
    collators.set(key, cmp);
  }
  return cmp;
}

export function compareValues(a: unknown, b: unknown, cmpStr: StringCompare = codePointCompare): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case RANK.nullish:
      return 0;
    case RANK.number: {
      const x = a as number;
      const y = b as number;
      if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : -1) : 1;
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case RANK.string:
      return Math.sign(cmpStr(a as string, b as string));
    case RANK.boolean:
      return a === b ? 0 : a ? 1 : -1;
    case RANK.date: {
      const x = (a as Date).getTime();
      const y = (b as Date).getTime();
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case RANK.array: {
      const x = a as unknown[];
      const y = b as unknown[];
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const c = compareValues(x[i], y[i], cmpStr);
        if (c !== 0) return c;
      }
      return Math.sign(x.length - y.length);
    }
    case RANK.object: {
      // BSON compares documents pair by pair: value type, then field name, then value.
      const x = Object.entries(a as object);
      const y = Object.entries(b as object);
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const t = typeRank(x[i][1]) - typeRank(y[i][1]);
        if (t !== 0) return Math.sign(t);
        const k = codePointCompare(x[i][0], y[i][0]);
        if (k !== 0) return k;
        const c = compareValues(x[i][1], y[i][1], cmpStr);
        if (c !== 0) return c;
      }
      return Math.sign(x.length - y.length);
    }
    default:
      return 0;
  }
}

/** Marker for an empty array in sort position; MongoDB sorts it before null. */
export const EMPTY_ARRAY = Symbol('emptyArray');

/**
 * The value a document sorts by for one field: arrays sort by their smallest
 * element ascending and their largest descending, as in MongoDB.
 */
export function sortValue(values: unknown[] | undefined, dir: 1 | -1, cmpStr: StringCompare): unknown {
  if (values === undefined || values.length === 0) return values === undefined ? null : EMPTY_ARRAY;
  if (values.length === 1) return values[0];
  let best = values[0];
  for (let i = 1; i < values.length; i++) {
    const c = compareValues(values[i], best, cmpStr);
    if (dir === 1 ? c < 0 : c > 0) best = values[i];
  }
  return best;
}

function compareSortValues(a: unknown, b: unknown, cmpStr: StringCompare): number {
  if (a === EMPTY_ARRAY || b === EMPTY_ARRAY) return a === b ? 0 : a === EMPTY_ARRAY ? -1 : 1;
  return compareValues(a, b, cmpStr);
}

export interface Keyed {
  doc: Doc;
  keys: unknown[];
}

/**
 * Builds the key extractor and comparator for a sort spec. Ties are broken by
 * `_id` ascending so that pages are stable whatever plan produced them.
 */
export function sortComparator(
  sort: SortSpec,
  pathValues: (doc: Doc, path: string) => unknown[] | undefined,
  collation?: Collation,
): { keyOf: (doc: Doc) => Keyed; compare: (a: Keyed, b: Keyed) => number } {
  const fields = Object.entries(sort);
  const cmpStr = stringCompareFor(collation);
  return {
    keyOf: (doc) => ({ doc, keys: fields.map(([p, d]) => sortValue(pathValues(doc, p), d, cmpStr)) }),
    compare: (a, b) => {
      for (let i = 0; i < fields.length; i++) {
        const c = compareSortValues(a.keys[i], b.keys[i], cmpStr);
        if (c !== 0) return c * fields[i][1];
      }
      return codePointCompare(String(a.doc._id), String(b.doc._id));
    },
  };
}
