import { evalExpr } from 'mingo/core';
import type { AnyObject, Options } from 'mingo/types';
import { resolve } from 'mingo/util';
import { type StringCompare, compareValues, typeRank } from '../compare.js';
import { isPlainObject } from '../values.js';

/**
 * Collation-aware operators. mingo applies a collation to `$sort` only; MongoDB
 * also applies it to equality and range matches, `$group` keys and `$lookup`
 * joins. These replacements are installed in the mingo context when a query
 * carries a collation.
 */

type Pred = (o: AnyObject) => boolean;

function valuesAt(o: AnyObject, selector: string): unknown[] {
  const v = resolve(o, selector, { unwrapArray: true });
  if (!Array.isArray(v)) return [v];
  // Arrays match element-wise (one level of nesting from dotted paths as well).
  return [v, ...v, ...v.flatMap((x) => (Array.isArray(x) ? x : []))];
}

export function collationQueryOps(cmp: StringCompare) {
  const equal = (a: unknown, b: unknown) => {
    if ((a === undefined || a === null) && b === null) return true;
    return typeRank(a) === typeRank(b) && compareValues(a, b, cmp) === 0;
  };
  const matchesOne = (vs: unknown[], rhs: unknown) =>
    rhs instanceof RegExp ? vs.some((v) => typeof v === 'string' && rhs.test(v)) : vs.some((v) => equal(v, rhs));
  const range = (test: (c: number) => boolean) => (selector: string, rhs: unknown): Pred => (o) =>
    valuesAt(o, selector).some((v) => !Array.isArray(v) && typeRank(v) === typeRank(rhs) && test(compareValues(v, rhs, cmp)));
  return {
    $eq: (selector: string, rhs: unknown): Pred => (o) => matchesOne(valuesAt(o, selector), rhs),
    $ne: (selector: string, rhs: unknown): Pred => (o) => !matchesOne(valuesAt(o, selector), rhs),
    $in: (selector: string, rhs: unknown): Pred => (o) => {
      const vs = valuesAt(o, selector);
      return (rhs as unknown[]).some((r) => matchesOne(vs, r));
    },
    $nin: (selector: string, rhs: unknown): Pred => (o) => {
      const vs = valuesAt(o, selector);
      return !(rhs as unknown[]).some((r) => matchesOne(vs, r));
    },
    $gt: range((c) => c > 0),
    $gte: range((c) => c >= 0),
    $lt: range((c) => c < 0),
    $lte: range((c) => c <= 0),
  };
}

/** Aggregation-expression comparisons under a collation (BSON order across types). */
export function collationExpressionOps(cmp: StringCompare) {
  const op = (test: (c: number) => boolean) => (obj: AnyObject, expr: unknown, options: Options) => {
    const [a, b] = evalExpr(obj, expr, options) as unknown[];
    return test(compareValues(a ?? null, b ?? null, cmp));
  };
  return {
    $eq: op((c) => c === 0),
    $ne: op((c) => c !== 0),
    $gt: op((c) => c > 0),
    $gte: op((c) => c >= 0),
    $lt: op((c) => c < 0),
    $lte: op((c) => c <= 0),
    $cmp: (obj: AnyObject, expr: unknown, options: Options) => {
      const [a, b] = evalExpr(obj, expr, options) as unknown[];
      return compareValues(a ?? null, b ?? null, cmp);
    },
  };
}

/**
 * Maps values to a canonical representative so that values equal under the
 * collation become identical: each string is replaced by the first string seen
 * that compares equal to it (kept sorted, found by binary search). Without a
 * collation only missing values are normalised (to null, as MongoDB groups them).
 */
export class Canonicalizer {
  private reps: string[] = [];
  constructor(private readonly cmp: StringCompare | null) {}

  canon(v: unknown): unknown {
    if (v === undefined) return null;
    if (typeof v === 'string') return this.cmp ? this.rep(v) : v;
    if (Array.isArray(v)) return v.map((x) => this.canon(x));
    if (isPlainObject(v)) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = this.canon(x);
      return out;
    }
    return v;
  }

  private rep(s: string): string {
    const cmp = this.cmp!;
    let lo = 0;
    let hi = this.reps.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = cmp(this.reps[mid], s);
      if (c === 0) return this.reps[mid];
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    this.reps.splice(lo, 0, s);
    return s;
  }
}

/** A hashable text for a canonical value (numbers of equal value collide, as in BSON comparison). */
export function keyText(v: unknown): string {
  return JSON.stringify(v, function (this: unknown, k, x) {
    const raw = (this as Record<string, unknown>)[k];
    return raw instanceof Date ? { $date: raw.getTime() } : x;
  });
}
