import { evalExpr } from 'mingo/core';
import type { Options } from 'mingo/types';
import type { Doc } from '../../port.js';
import { truncBin, truncateWall } from '../mingo/date-trunc.js';
import { fromWall, offsetMinutes, toWall } from '../mingo/timezone.js';
import { isPlainObject } from '../values.js';
import { BAIL } from './bail.js';
import { civilDay, compileFormat } from './civil.js';
import { type Compiler, type Fn, compileExpr, compileInstant, isConstant, isNil } from './expr.js';
import { constantArg, specWith, zoneOf } from './zones.js';

/**
 * Date operators of the compiled `$group` path: `$dateToString`, `$year`,
 * `$month`, `$dayOfMonth`, `$dateTrunc`, `$dateFromString`. Each follows the
 * mingo path (mingo plus the fixes in ../mingo/) exactly; the argument must be
 * a Date (anything else bails to mingo, which throws or coerces).
 */

const DEFAULT_FORMAT = '%Y-%m-%dT%H:%M:%S.%LZ';

export function compileDateOperator(op: string, arg: unknown, c: Compiler): Fn | undefined {
  switch (op) {
    case '$dateToString':
      return dateToString(arg, c);
    case '$year':
      return datePart(arg, c, (wall) => civilDay(wall).year);
    case '$month':
      return datePart(arg, c, (wall) => civilDay(wall).month);
    case '$dayOfMonth':
      return datePart(arg, c, (wall) => civilDay(wall).day);
    case '$dateTrunc':
      return dateTrunc(arg, c);
    case '$dateFromString':
      return dateFromString(arg, c);
    default:
      return undefined;
  }
}

/** A valid Date's time, or BAIL (mingo throws or coerces for anything else). */
function timeOf(v: unknown): number {
  if (!(v instanceof Date)) throw BAIL;
  const t = v.getTime();
  if (Number.isNaN(t)) throw BAIL;
  return t;
}

function dateToString(arg: unknown, c: Compiler): Fn | undefined {
  const spec = specWith(arg, ['date', 'format', 'timezone', 'onNull']);
  if (!spec || !('date' in spec) || !constantArg(spec, 'onNull')) return undefined;
  const format = spec.format ?? DEFAULT_FORMAT;
  if (typeof format !== 'string' || format.startsWith('$')) return undefined;
  const render = compileFormat(format);
  const zone = zoneOf(spec);
  const date = compileInstant(spec.date, c);
  if (!render || !zone || !date) return undefined;
  const onNull = spec.onNull ?? null;
  return (doc) => {
    const d = date(doc);
    if (isNil(d)) return onNull;
    const t = timeOf(d);
    return render(t + zone(t) * 60_000);
  };
}

/** `$year: <date>` (UTC), `$year: { date, timezone? }`. */
function datePart(arg: unknown, c: Compiler, part: (wall: number) => number): Fn | undefined {
  const operatorArg = typeof arg === 'string' || (isPlainObject(arg) && Object.keys(arg)[0]?.startsWith('$'));
  if (operatorArg) {
    const date = compileInstant(arg, c);
    return date && ((doc) => part(timeOf(date(doc))));
  }
  const spec = specWith(arg, ['date', 'timezone']);
  if (!spec || !('date' in spec)) return undefined;
  const zone = zoneOf(spec);
  const date = compileInstant(spec.date, c);
  if (!zone || !date) return undefined;
  return (doc) => {
    const t = timeOf(date(doc));
    return part(t + zone(t) * 60_000);
  };
}

/** Our `$dateTrunc` (../mingo/date-trunc.ts) with constant unit, binSize, timezone and startOfWeek. */
function dateTrunc(arg: unknown, c: Compiler): Fn | undefined {
  const spec = specWith(arg, ['date', 'unit', 'binSize', 'timezone', 'startOfWeek']);
  if (!spec || !['unit', 'binSize', 'timezone', 'startOfWeek'].every((k) => constantArg(spec, k))) return undefined;
  const { unit, startOfWeek } = spec;
  const tz = spec.timezone as string | null | undefined;
  if (isNil(unit) || (tz !== undefined && tz !== null && typeof tz !== 'string')) return undefined;
  let bin: number;
  try {
    bin = truncBin(spec.binSize);
    truncateWall(0, unit, bin, startOfWeek);
    offsetMinutes(tz, 0);
  } catch {
    return undefined;
  }
  const date = compileInstant(spec.date, c);
  if (!date) return undefined;
  const truncate = (t: number) => fromWall(truncateWall(toWall(t, tz), unit, bin, startOfWeek), tz);
  if (!DAY_UNITS.has(unit as string)) {
    return (doc) => {
      const d = date(doc);
      return isNil(d) ? null : new Date(truncate(timeOf(d)));
    };
  }
  // Units of whole days: the bin depends only on the local day, so each day is computed once. The
  // Date is shared between documents of that day; compiled code never mutates it and results are copies.
  const days = new Map<number, Date>();
  return (doc) => {
    const d = date(doc);
    if (isNil(d)) return null;
    const t = timeOf(d);
    const day = Math.floor(toWall(t, tz) / DAY);
    let bin = days.get(day);
    if (bin === undefined) {
      if (days.size >= 100_000) days.clear();
      days.set(day, (bin = new Date(truncate(t))));
    }
    return bin;
  };
}

const DAY = 86_400_000;
const DAY_UNITS = new Set(['day', 'week', 'month', 'quarter', 'year']);

/**
 * mingo's `$dateFromString` parses with regular expressions and has quirks of
 * its own, so it is not rewritten: mingo computes each distinct string once
 * and the result is reused (a report's calendar-date column has a few hundred
 * distinct values per million rows). Options must be constants.
 */
function dateFromString(arg: unknown, c: Compiler): Fn | undefined {
  const spec = specWith(arg, ['dateString', 'format', 'timezone', 'onNull', 'onError']);
  if (!spec || !['format', 'timezone', 'onNull', 'onError'].every((k) => constantArg(spec, k))) return undefined;
  const input = compileExpr(spec.dateString, c);
  if (!input) return undefined;
  const expr = { $dateFromString: { ...spec, dateString: '$v' } };
  const viaMingo = (v: unknown): unknown => {
    try {
      return evalExpr({ v } as Doc, expr, c.mingo as Options);
    } catch {
      throw BAIL;
    }
  };
  const onNull = (spec.onNull as unknown) || null; // mingo: `args.onNull || null`
  const memo = new Map<string, unknown>();
  return (doc) => {
    const s = input(doc);
    if (isNil(s)) return onNull;
    if (typeof s !== 'string') return fresh(viaMingo(s));
    let r = memo.get(s);
    if (r === undefined && !memo.has(s)) {
      r = viaMingo(s);
      if (!isConstant(r) && !(r instanceof Date)) throw BAIL;
      if (memo.size < 100_000) memo.set(s, r);
    }
    return fresh(r);
  };
}

/** mingo returns a new Date per call; so does the memo. */
const fresh = (v: unknown) => (v instanceof Date ? new Date(v.getTime()) : v);
