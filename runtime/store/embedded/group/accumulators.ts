import { compare } from 'mingo/util';
import type { Doc } from '../../port.js';
import { isPlainObject } from '../values.js';
import { BAIL } from './bail.js';
import { type Compiler, type Fn, compileExpr, isNil } from './expr.js';

/**
 * Streaming versions of mingo's `$group` accumulators. mingo collects each
 * group's documents and then evaluates; these keep a running state per group
 * with the same result, in the same floating-point order (document order).
 */

export interface Group {
  id: unknown;
  count: number;
  slots: unknown[];
}

export interface Accumulator {
  /** Called for every document after the first one of a group (the group is created with `init`). */
  step?(g: Group, doc: Doc): void;
  init(g: Group, doc: Doc): void;
  done(g: Group): unknown;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);

/**
 * $min/$max sort with mingo's `compare`, which is a consistent order only for
 * numbers (without NaN), strings, booleans, valid Dates and null; anything
 * else bails so that mingo's own sort decides.
 */
function orderable(v: unknown): void {
  if (typeof v === 'string' || typeof v === 'boolean' || isNumber(v)) return;
  if (v instanceof Date && !Number.isNaN(v.getTime())) return;
  throw BAIL;
}

const cmp = (a: unknown, b: unknown): number =>
  typeof a === 'number' && typeof b === 'number' ? (a < b ? -1 : a > b ? 1 : 0) : compare(a, b);

export function compileAccumulator(spec: unknown, slot: number, c: Compiler): Accumulator | undefined {
  if (!isPlainObject(spec)) return undefined;
  const keys = Object.keys(spec);
  if (keys.length !== 1) return undefined;
  const op = keys[0];
  const arg = spec[op];
  if (op === '$count') return isPlainObject(arg) && Object.keys(arg).length === 0 ? { init() {}, done: (g) => g.count } : undefined;
  if (op === '$sum' && isNumber(arg)) return { init() {}, done: (g) => g.count * arg }; // mingo: coll.length * expr
  if (Array.isArray(arg) || isNil(arg)) return undefined; // mingo treats these differently (arrays as expressions, nil as $$ROOT)
  const f = compileExpr(arg, c);
  if (!f) return undefined;
  switch (op) {
    case '$sum':
      return numeric(f, slot, (sum) => sum);
    case '$avg':
      return numeric(f, slot, (sum, n) => (n === 0 ? null : sum / n));
    case '$min':
      return extreme(f, slot, false);
    case '$max':
      return extreme(f, slot, true);
    // Evaluated as documents arrive, so no document is kept (the projection may reuse parts of it).
    // mingo evaluates only the first/last document: an error elsewhere just bails to mingo.
    case '$first':
      return { init: (g, doc) => (g.slots[slot] = f(doc) ?? null), done: (g) => g.slots[slot] };
    case '$last': {
      const step = (g: Group, doc: Doc) => (g.slots[slot] = f(doc) ?? null);
      return { init: step, step, done: (g) => g.slots[slot] };
    }
    case '$push': {
      const step = (g: Group, doc: Doc) => (g.slots[slot] as unknown[]).push(f(doc) ?? null);
      return {
        init: (g, doc) => {
          g.slots[slot] = [];
          step(g, doc);
        },
        step,
        done: (g) => g.slots[slot],
      };
    }
    default:
      return undefined;
  }
}

/** Sum and count of the numeric values (NaN and non-numbers are skipped, as mingo's isNumber does). */
function numeric(f: Fn, slot: number, finish: (sum: number, n: number) => unknown): Accumulator {
  const step = (g: Group, doc: Doc) => {
    const v = f(doc);
    if (typeof v === 'number' && v === v) {
      g.slots[slot] = (g.slots[slot] as number) + v;
      g.slots[slot + 1] = (g.slots[slot + 1] as number) + 1;
    }
  };
  return {
    init: (g, doc) => {
      g.slots[slot] = 0;
      g.slots[slot + 1] = 0;
      step(g, doc);
    },
    step,
    done: (g) => finish(g.slots[slot] as number, g.slots[slot + 1] as number),
  };
}

/**
 * mingo's $min drops null/missing and takes the first of the sorted values
 * (stable sort: the earliest of equal values); $max keeps nulls (they sort
 * first) and takes the last (the latest of equal values).
 */
function extreme(f: Fn, slot: number, max: boolean): Accumulator {
  const step = (g: Group, doc: Doc) => {
    const v = f(doc) ?? null;
    if (v === null && !max) return;
    if (v !== null) orderable(v);
    const cur = g.slots[slot];
    if (cur === undefined) g.slots[slot] = v;
    else if (max ? cmp(v, cur) >= 0 : cmp(v, cur) < 0) g.slots[slot] = v;
  };
  return {
    init: (g, doc) => {
      g.slots[slot] = undefined;
      step(g, doc);
    },
    step,
    done: (g) => g.slots[slot] ?? null,
  };
}

/** Slots an accumulator uses in `Group.slots` (sum and count for the numeric ones). */
export const SLOTS_PER_ACCUMULATOR = 2;
