/**
 * The whitelist of formula functions. Each entry declares its arity, how its
 * result type follows from its argument types (checked at compile time), and
 * its implementation. Arguments arrive as thunks so IF/AND/OR/BLANKVALUE only
 * evaluate what they need; the rest call `all()` first.
 *
 * Blank handling, per function, is part of the documented language:
 * - ROUND/FLOOR/CEIL/ABS/YEAR/MONTH/DAY/DATE_ADD/DAYS_BETWEEN/UPPER/LOWER/TRIM/
 *   LEFT/RIGHT/TEXT/VALUE: blank in → blank out;
 * - SUM counts blanks as 0; MIN/MAX skip blanks (blank if all are);
 * - CONCAT writes blanks as ''; LEN of blank is 0; CONTAINS of a blank text is false.
 */
import type { Node } from './ast.js';
import { addDays, addMonths, addMs, truthy } from './operators.js';
import {
  dayInZone, formatDay, parseDay, ymdOfDay, zonedParts, zonedToInstant, MS_PER_DAY,
} from './dates.js';
import type { FormulaContext, ValueType } from './types.js';
import { capText, chars, isBlank, tidy, toText, type Value } from './values.js';

export type Thunk = () => Value;
export type FunctionImpl = (args: readonly Thunk[], ctx: FormulaContext) => Value;

/** A type fault in argument `index`; the checker turns it into a positioned FormulaError. */
export class ArgProblem {
  constructor(readonly index: number, readonly message: string) {}
}

export interface FunctionSpec {
  /** How the function is written, for arity messages. */
  readonly usage: string;
  readonly minArgs: number;
  readonly maxArgs: number;
  /** The result type for these argument types; throws ArgProblem when they do not fit. */
  type(name: string, types: readonly ValueType[], nodes: readonly Node[]): ValueType;
  /** Builds the implementation once the argument types are known. */
  bind(types: readonly ValueType[], nodes: readonly Node[]): FunctionImpl;
}

// ---- type helpers -----------------------------------------------------------

const article = (t: string) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);

function need(name: string, types: readonly ValueType[], index: number, allowed: readonly ValueType[]): void {
  const t = types[index]!;
  if (t === 'null' || allowed.includes(t)) return;
  throw new ArgProblem(index, `${name} expects ${allowed.map(article).join(' or ')} as argument ${index + 1}, not ${article(t)}`);
}

/** The common type of the given arguments (which must agree); 'null' if all are the null literal. */
function unify(name: string, types: readonly ValueType[], indexes: readonly number[]): ValueType {
  let found: ValueType = 'null';
  for (const i of indexes) {
    const t = types[i]!;
    if (t === 'null') continue;
    if (found === 'null') found = t;
    else if (t !== found) throw new ArgProblem(i, `${name} needs arguments of one type, but got ${found} and ${t}`);
  }
  return found;
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

// ---- implementation helpers ------------------------------------------------

const all = (args: readonly Thunk[]) => args.map((a) => a());
const asNumber = (v: Value): number | null => (typeof v === 'number' ? v : null);
const asText = (v: Value): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** Round half away from zero at `digits` decimals, shifting in decimal notation so 1.005 → 1.01. */
export function roundHalfAway(n: number, digits: number): number | null {
  const shift = (x: number, by: number) => {
    const [mantissa, exponent = '0'] = String(x).split('e');
    return Number(`${mantissa}e${Number(exponent) + by}`);
  };
  const sign = n < 0 ? -1 : 1;
  return tidy(sign * shift(Math.round(shift(Math.abs(n), digits)), -digits));
}

function numeric(name: string, f: (n: number) => number): FunctionSpec {
  return {
    usage: `${name}(number)`, minArgs: 1, maxArgs: 1,
    type: (fn, types) => (need(fn, types, 0, ['number']), 'number'),
    bind: () => (args) => {
      const n = asNumber(args[0]!());
      return n === null ? null : tidy(f(n));
    },
  };
}

function textToText(name: string, f: (s: string) => string): FunctionSpec {
  return {
    usage: `${name}(text)`, minArgs: 1, maxArgs: 1,
    type: (fn, types) => (need(fn, types, 0, ['text']), 'text'),
    bind: () => (args) => {
      const s = asText(args[0]!());
      return s === null ? null : f(s);
    },
  };
}

/** A date's or datetime's calendar fields; a datetime is read in the context's zone. */
function calendarOf(v: Value, ctx: FormulaContext): { year: number; month: number; day: number } | null {
  if (typeof v === 'string') {
    const day = parseDay(v);
    return day === null ? null : ymdOfDay(day);
  }
  if (v instanceof Date) return zonedParts(v.getTime(), ctx.timeZone);
  return null;
}

/** The calendar day number of a date, or of a datetime in the context's zone. */
function dayOf(v: Value, ctx: FormulaContext): number | null {
  if (typeof v === 'string') return parseDay(v);
  if (v instanceof Date) return dayInZone(v.getTime(), ctx.timeZone);
  return null;
}

function datePart(name: string, pick: (c: { year: number; month: number; day: number }) => number): FunctionSpec {
  return {
    usage: `${name}(date)`, minArgs: 1, maxArgs: 1,
    type: (fn, types) => (need(fn, types, 0, ['date', 'datetime']), 'number'),
    bind: () => (args, ctx) => {
      const c = calendarOf(args[0]!(), ctx);
      return c ? pick(c) : null;
    },
  };
}

function extreme(name: string, better: (a: number | string, b: number | string) => boolean): FunctionSpec {
  return {
    usage: `${name}(value, …)`, minArgs: 1, maxArgs: Infinity,
    type: (fn, types) => {
      types.forEach((_, i) => need(fn, types, i, ['number', 'date', 'datetime', 'text']));
      return unify(fn, types, range(0, types.length));
    },
    bind: () => (args) => {
      let best: Value = null;
      for (const v of all(args)) {
        if (isBlank(v)) continue;
        const k = v instanceof Date ? v.getTime() : (v as number | string);
        const b = best instanceof Date ? best.getTime() : (best as number | string | null);
        if (b === null || better(k, b)) best = v;
      }
      return best;
    },
  };
}

const DATE_UNITS = new Set(['day', 'week', 'month', 'year']);
const TIME_UNITS = new Set(['hour', 'minute', 'second']);

/** 'Days', 'day', 'DAYS' → 'day'. */
const normalizeUnit = (u: string) => u.trim().toLowerCase().replace(/s$/, '');

/** DATE_ADD on a datetime: calendar units move the wall-clock date in the context's zone, time units move the instant. */
function addToDateTime(v: Value, n: number, unit: string, ctx: FormulaContext): Value {
  if (!(v instanceof Date)) return null;
  if (unit === 'hour') return addMs(v, n * 3_600_000);
  if (unit === 'minute') return addMs(v, n * 60_000);
  if (unit === 'second') return addMs(v, n * 1000);
  const p = zonedParts(v.getTime(), ctx.timeZone);
  const day = Math.round(Date.UTC(p.year, p.month - 1, p.day) / MS_PER_DAY);
  const moved = unit === 'month' || unit === 'year' ? addMonths(formatDay(day), unit === 'year' ? n * 12 : n) : addDays(formatDay(day), unit === 'week' ? n * 7 : n);
  if (typeof moved !== 'string') return null;
  const target = ymdOfDay(parseDay(moved)!);
  const ms = v.getTime() % 1000;
  const out = new Date(zonedToInstant({ ...target, hour: p.hour, minute: p.minute, second: p.second, ms: ms < 0 ? ms + 1000 : ms }, ctx.timeZone));
  return Number.isNaN(out.getTime()) ? null : out;
}

// ---- the whitelist ----------------------------------------------------------

const SPECS: Record<string, FunctionSpec> = {
  IF: {
    usage: 'IF(condition, then, else)', minArgs: 2, maxArgs: 3,
    type: (fn, types) => (need(fn, types, 0, ['boolean']), unify(fn, types, range(1, types.length))),
    bind: () => (args) => (truthy(args[0]!()) ? args[1]!() : args[2] ? args[2]() : null),
  },
  AND: {
    usage: 'AND(condition, …)', minArgs: 1, maxArgs: Infinity,
    type: (fn, types) => (types.forEach((_, i) => need(fn, types, i, ['boolean'])), 'boolean'),
    bind: () => (args) => args.every((a) => truthy(a())),
  },
  OR: {
    usage: 'OR(condition, …)', minArgs: 1, maxArgs: Infinity,
    type: (fn, types) => (types.forEach((_, i) => need(fn, types, i, ['boolean'])), 'boolean'),
    bind: () => (args) => args.some((a) => truthy(a())),
  },
  NOT: {
    usage: 'NOT(condition)', minArgs: 1, maxArgs: 1,
    type: (fn, types) => (need(fn, types, 0, ['boolean']), 'boolean'),
    bind: () => (args) => !truthy(args[0]!()),
  },
  ISBLANK: {
    usage: 'ISBLANK(value)', minArgs: 1, maxArgs: 1,
    type: () => 'boolean',
    bind: () => (args) => isBlank(args[0]!()),
  },
  BLANKVALUE: {
    usage: 'BLANKVALUE(value, fallback)', minArgs: 2, maxArgs: 2,
    type: (fn, types) => unify(fn, types, [0, 1]),
    bind: () => (args) => {
      const v = args[0]!();
      return isBlank(v) ? args[1]!() : v;
    },
  },
  ROUND: {
    usage: 'ROUND(number, digits)', minArgs: 1, maxArgs: 2,
    type: (fn, types) => (types.forEach((_, i) => need(fn, types, i, ['number'])), 'number'),
    bind: () => (args) => {
      const n = asNumber(args[0]!());
      const d = args[1] ? asNumber(args[1]()) : 0;
      if (n === null || d === null) return null;
      return roundHalfAway(n, Math.max(-15, Math.min(15, Math.trunc(d))));
    },
  },
  FLOOR: numeric('FLOOR', Math.floor),
  CEIL: numeric('CEIL', Math.ceil),
  ABS: numeric('ABS', Math.abs),
  MIN: extreme('MIN', (a, b) => a < b),
  MAX: extreme('MAX', (a, b) => a > b),
  SUM: {
    usage: 'SUM(number, …)', minArgs: 1, maxArgs: Infinity,
    type: (fn, types) => (types.forEach((_, i) => need(fn, types, i, ['number'])), 'number'),
    bind: () => (args) => tidy(all(args).reduce<number>((sum, v) => sum + (asNumber(v) ?? 0), 0)),
  },
  LEN: {
    usage: 'LEN(text)', minArgs: 1, maxArgs: 1,
    type: (fn, types) => (need(fn, types, 0, ['text']), 'number'),
    bind: () => (args) => {
      const s = args[0]!();
      return typeof s === 'string' ? chars(s).length : 0;
    },
  },
  CONCAT: {
    usage: 'CONCAT(value, …)', minArgs: 1, maxArgs: Infinity,
    type: (fn, types) => (types.forEach((_, i) => need(fn, types, i, ['text', 'number', 'boolean', 'date', 'datetime', 'list'])), 'text'),
    bind: (types) => (args) => capText(all(args).map((v, i) => toText(v, types[i]!)).join('')),
  },
  UPPER: textToText('UPPER', (s) => s.toUpperCase()),
  LOWER: textToText('LOWER', (s) => s.toLowerCase()),
  TRIM: textToText('TRIM', (s) => s.trim()),
  LEFT: {
    usage: 'LEFT(text, count)', minArgs: 2, maxArgs: 2,
    type: (fn, types) => (need(fn, types, 0, ['text']), need(fn, types, 1, ['number']), 'text'),
    bind: () => (args) => {
      const s = asText(args[0]!());
      const n = asNumber(args[1]!());
      return s === null || n === null ? null : chars(s).slice(0, Math.max(0, Math.trunc(n))).join('');
    },
  },
  RIGHT: {
    usage: 'RIGHT(text, count)', minArgs: 2, maxArgs: 2,
    type: (fn, types) => (need(fn, types, 0, ['text']), need(fn, types, 1, ['number']), 'text'),
    bind: () => (args) => {
      const s = asText(args[0]!());
      const n = asNumber(args[1]!());
      if (s === null || n === null) return null;
      const count = Math.max(0, Math.trunc(n));
      const cs = chars(s);
      return cs.slice(Math.max(0, cs.length - count)).join('');
    },
  },
  CONTAINS: {
    usage: 'CONTAINS(text or list, search)', minArgs: 2, maxArgs: 2,
    type: (fn, types) => (need(fn, types, 0, ['text', 'list']), need(fn, types, 1, ['text']), 'boolean'),
    bind: () => (args) => {
      const hay = args[0]!();
      const needle = args[1]!();
      if (typeof needle !== 'string') return false;
      if (Array.isArray(hay)) return hay.includes(needle);
      return typeof hay === 'string' && hay !== '' && hay.includes(needle);
    },
  },
  TEXT: {
    usage: 'TEXT(value)', minArgs: 1, maxArgs: 1,
    type: (fn, types) => (need(fn, types, 0, ['number', 'text', 'boolean', 'date', 'datetime', 'list']), 'text'),
    bind: (types) => (args) => {
      const v = args[0]!();
      return isBlank(v) ? null : toText(v, types[0]!);
    },
  },
  VALUE: {
    usage: 'VALUE(text)', minArgs: 1, maxArgs: 1,
    type: (fn, types) => (need(fn, types, 0, ['text', 'number']), 'number'),
    bind: () => (args) => {
      const v = args[0]!();
      if (typeof v === 'number') return v;
      if (typeof v !== 'string') return null;
      const s = v.trim();
      // Plain decimal notation only: Number() would also take '0x1f', 'Infinity' and ''.
      return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s) ? tidy(Number(s)) : null;
    },
  },
  TODAY: {
    usage: 'TODAY()', minArgs: 0, maxArgs: 0,
    type: () => 'date',
    bind: () => (_args, ctx) => formatDay(dayInZone(ctx.now.getTime(), ctx.timeZone)),
  },
  NOW: {
    usage: 'NOW()', minArgs: 0, maxArgs: 0,
    type: () => 'datetime',
    bind: () => (_args, ctx) => new Date(ctx.now.getTime()),
  },
  YEAR: datePart('YEAR', (c) => c.year),
  MONTH: datePart('MONTH', (c) => c.month),
  DAY: datePart('DAY', (c) => c.day),
  DATE_ADD: {
    usage: 'DATE_ADD(date, amount, "days" | "weeks" | "months" | "years" | "hours" | "minutes" | "seconds")', minArgs: 3, maxArgs: 3,
    type: (fn, types, nodes) => {
      need(fn, types, 0, ['date', 'datetime']);
      need(fn, types, 1, ['number']);
      const unitNode = nodes[2]!;
      if (unitNode.kind !== 'literal' || typeof unitNode.value !== 'string') {
        throw new ArgProblem(2, `${fn} needs the unit written as text, e.g. "days"`);
      }
      const unit = normalizeUnit(unitNode.value);
      const isDate = types[0] === 'date';
      if (!DATE_UNITS.has(unit) && !(TIME_UNITS.has(unit) && !isDate)) {
        const allowed = isDate ? '"days", "weeks", "months" or "years"' : '"days", "weeks", "months", "years", "hours", "minutes" or "seconds"';
        throw new ArgProblem(2, `${fn} unit must be ${allowed}, not "${unitNode.value}"`);
      }
      return types[0] === 'null' ? 'null' : types[0]!;
    },
    bind: (types, nodes) => {
      const unitNode = nodes[2]!;
      const unit = normalizeUnit(unitNode.kind === 'literal' ? String(unitNode.value) : '');
      const isDate = types[0] === 'date';
      return (args, ctx) => {
        const v = args[0]!();
        const n = asNumber(args[1]!());
        if (n === null || isBlank(v)) return null;
        if (isDate) {
          if (unit === 'month' || unit === 'year') return addMonths(v, unit === 'year' ? Math.trunc(n) * 12 : n);
          return addDays(v, unit === 'week' ? Math.trunc(n) * 7 : n);
        }
        return addToDateTime(v, TIME_UNITS.has(unit) ? n : Math.trunc(n), unit, ctx);
      };
    },
  },
  DAYS_BETWEEN: {
    usage: 'DAYS_BETWEEN(from, to)', minArgs: 2, maxArgs: 2,
    type: (fn, types) => (need(fn, types, 0, ['date', 'datetime']), need(fn, types, 1, ['date', 'datetime']), 'number'),
    // Calendar days from `from` to `to` (positive when `to` is later), datetimes counted on their date in the context's zone.
    bind: () => (args, ctx) => {
      const a = dayOf(args[0]!(), ctx);
      const b = dayOf(args[1]!(), ctx);
      return a === null || b === null ? null : b - a;
    },
  },
};

const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map(Object.entries(SPECS));

/** Function names are case-insensitive (`round` = `ROUND`); lookup is in a Map, so `constructor` is never found. */
export function lookupFunction(name: string): { name: string; spec: FunctionSpec } | undefined {
  const canonical = name.toUpperCase();
  const spec = FUNCTIONS.get(canonical);
  return spec ? { name: canonical, spec } : undefined;
}

export const FUNCTION_NAMES: readonly string[] = [...FUNCTIONS.keys()];
