/**
 * Operators as overload tables: each entry says which operand types it takes,
 * what it produces, and how. The checker picks the entry once at compile time,
 * so evaluation never dispatches on runtime types.
 *
 * Blank operands (documented for formula authors):
 * - arithmetic and ordering comparisons (`+ - * / % < <= > >=`) with a blank
 *   operand give blank; so does division by zero (never Infinity/NaN);
 * - text `+` text treats a blank side as '' (so `firstName + " " + lastName` works);
 * - `=`/`!=` treat blanks as equal to each other and to nothing else;
 * - `AND`/`OR`/`NOT` treat blank as false and always give true or false.
 */
import { addMonthsToDay, MS_PER_DAY, parseDay, formatDay } from './dates.js';
import type { BinaryOp, UnaryOp } from './ast.js';
import type { ValueType } from './types.js';
import { capText, isBlank, tidy, type Value } from './values.js';

export type BinaryImpl = (a: Value, b: Value) => Value;

interface Overload {
  readonly left: ValueType;
  readonly right: ValueType;
  readonly result: ValueType;
  readonly impl: BinaryImpl;
}

const num = (f: (a: number, b: number) => number): BinaryImpl =>
  (a, b) => (typeof a === 'number' && typeof b === 'number' ? tidy(f(a, b)) : null);

/** A date plus whole days; fractions of a day are dropped (toward zero). */
export function addDays(date: Value, days: Value): Value {
  if (typeof date !== 'string' || typeof days !== 'number') return null;
  const day = parseDay(date);
  return day === null ? null : formatDay(day + Math.trunc(days));
}

export function addMonths(date: Value, months: Value): Value {
  if (typeof date !== 'string' || typeof months !== 'number') return null;
  const day = parseDay(date);
  return day === null ? null : formatDay(addMonthsToDay(day, Math.trunc(months)));
}

/** A datetime plus (possibly fractional) days of 24 hours. */
export function addMs(date: Value, ms: number | null): Value {
  if (!(date instanceof Date) || ms === null || !Number.isFinite(ms)) return null;
  const out = new Date(date.getTime() + ms);
  return Number.isNaN(out.getTime()) ? null : out;
}

const daysBetweenDates: BinaryImpl = (a, b) => {
  const x = typeof a === 'string' ? parseDay(a) : null;
  const y = typeof b === 'string' ? parseDay(b) : null;
  return x === null || y === null ? null : x - y;
};

const daysBetweenDateTimes: BinaryImpl = (a, b) =>
  a instanceof Date && b instanceof Date ? tidy((a.getTime() - b.getTime()) / MS_PER_DAY) : null;

const concat: BinaryImpl = (a, b) => capText(`${typeof a === 'string' ? a : ''}${typeof b === 'string' ? b : ''}`);

/** Comparable key of a non-blank value: datetimes by instant, the rest as they are. */
function key(v: Value): unknown {
  return v instanceof Date ? v.getTime() : v;
}

export function equals(a: Value, b: Value): boolean {
  const blankA = isBlank(a);
  const blankB = isBlank(b);
  if (blankA || blankB) return blankA && blankB;
  return key(a) === key(b);
}

const ordered = (test: (c: number) => boolean): BinaryImpl => (a, b) => {
  if (isBlank(a) || isBlank(b)) return null;
  const x = key(a) as number | string;
  const y = key(b) as number | string;
  return test(x < y ? -1 : x > y ? 1 : 0);
};

const COMPARABLE: readonly ValueType[] = ['number', 'text', 'date', 'datetime'];
const EQUATABLE: readonly ValueType[] = ['number', 'text', 'boolean', 'date', 'datetime'];

const same = (types: readonly ValueType[], impl: BinaryImpl): Overload[] =>
  types.map((t) => ({ left: t, right: t, result: 'boolean', impl }));

const OVERLOADS: Record<Exclude<BinaryOp, 'and' | 'or'>, readonly Overload[]> = {
  '+': [
    { left: 'number', right: 'number', result: 'number', impl: num((a, b) => a + b) },
    { left: 'text', right: 'text', result: 'text', impl: concat },
    { left: 'date', right: 'number', result: 'date', impl: addDays },
    { left: 'number', right: 'date', result: 'date', impl: (a, b) => addDays(b, a) },
    { left: 'datetime', right: 'number', result: 'datetime', impl: (a, b) => addMs(a, typeof b === 'number' ? b * MS_PER_DAY : null) },
    { left: 'number', right: 'datetime', result: 'datetime', impl: (a, b) => addMs(b, typeof a === 'number' ? a * MS_PER_DAY : null) },
  ],
  '-': [
    { left: 'number', right: 'number', result: 'number', impl: num((a, b) => a - b) },
    { left: 'date', right: 'number', result: 'date', impl: (a, b) => addDays(a, typeof b === 'number' ? -b : null) },
    { left: 'datetime', right: 'number', result: 'datetime', impl: (a, b) => addMs(a, typeof b === 'number' ? -b * MS_PER_DAY : null) },
    { left: 'date', right: 'date', result: 'number', impl: daysBetweenDates },
    { left: 'datetime', right: 'datetime', result: 'number', impl: daysBetweenDateTimes },
  ],
  '*': [{ left: 'number', right: 'number', result: 'number', impl: num((a, b) => a * b) }],
  '/': [{ left: 'number', right: 'number', result: 'number', impl: num((a, b) => (b === 0 ? NaN : a / b)) }],
  '%': [{ left: 'number', right: 'number', result: 'number', impl: num((a, b) => (b === 0 ? NaN : a % b)) }],
  '=': same(EQUATABLE, equals),
  '!=': same(EQUATABLE, (a, b) => !equals(a, b)),
  '<': same(COMPARABLE, ordered((c) => c < 0)),
  '<=': same(COMPARABLE, ordered((c) => c <= 0)),
  '>': same(COMPARABLE, ordered((c) => c > 0)),
  '>=': same(COMPARABLE, ordered((c) => c >= 0)),
};

const fits = (actual: ValueType, wanted: ValueType) => actual === wanted || actual === 'null';

/** The overload for these operand types, or a message saying why there is none. */
export function resolveBinary(op: Exclude<BinaryOp, 'and' | 'or'>, left: ValueType, right: ValueType): Overload | string {
  const hit = OVERLOADS[op].find((o) => fits(left, o.left) && fits(right, o.right));
  if (hit) return hit;
  const hint =
    left === 'list' || right === 'list' ? '; test a multi-select with CONTAINS(field, "value")' :
    (left === 'text') !== (right === 'text') && op === '+' ? '; convert with TEXT(…) or VALUE(…)' :
    (left === 'date' && right === 'datetime') || (left === 'datetime' && right === 'date') ? '; a date and a datetime cannot be mixed' : '';
  return `operator "${op}" cannot be applied to ${left} and ${right}${hint}`;
}

interface UnaryOverload {
  readonly arg: ValueType;
  readonly result: ValueType;
  readonly impl: (a: Value) => Value;
}

const UNARY_OVERLOADS: Record<UnaryOp, UnaryOverload> = {
  neg: { arg: 'number', result: 'number', impl: (a) => (typeof a === 'number' ? tidy(-a) : null) },
  plus: { arg: 'number', result: 'number', impl: (a) => (typeof a === 'number' ? a : null) },
  not: { arg: 'boolean', result: 'boolean', impl: (a) => a !== true },
};

export function resolveUnary(op: UnaryOp, arg: ValueType): UnaryOverload | string {
  const o = UNARY_OVERLOADS[op];
  if (fits(arg, o.arg)) return o;
  return op === 'not' ? `NOT needs a boolean, not ${arg}` : `a sign (+/-) needs a number, not ${arg}`;
}

/** Logic treats blank (and anything not `true`) as false. */
export const truthy = (v: Value): boolean => v === true;
