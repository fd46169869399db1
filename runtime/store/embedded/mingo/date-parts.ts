import { evalExpr } from 'mingo/core';
import * as expressionOps from 'mingo/operators/expression';
import type { AnyObject, Options } from 'mingo/types';
import { offsetMinutes } from './timezone.js';

/**
 * Date-part operators with any IANA zone. mingo only accepts `Area/City`
 * names (not "UTC" or "America/Argentina/Buenos_Aires") and re-parses
 * `toLocaleString` on every call; we resolve the zone to the fixed offset in
 * force at that instant (cached Intl formatter) and hand mingo the offset.
 */
const NAMES = [
  '$dateToString',
  '$dateToParts',
  '$year',
  '$month',
  '$dayOfMonth',
  '$dayOfWeek',
  '$dayOfYear',
  '$hour',
  '$minute',
  '$second',
  '$millisecond',
  '$week',
  '$isoWeek',
  '$isoWeekYear',
  '$isoDayOfWeek',
] as const;

const FIXED = /^[+-]\d{2}(:?\d{2})?$/;
type Op = (obj: AnyObject, expr: unknown, options: Options) => unknown;

function asOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function wrap(original: Op): Op {
  return (obj, expr, options) => {
    if (expr === null || typeof expr !== 'object' || Array.isArray(expr) || !('date' in expr) || !('timezone' in expr)) {
      return original(obj, expr, options);
    }
    const spec = expr as Record<string, unknown>;
    const tz = evalExpr(obj, spec.timezone, options);
    const date = evalExpr(obj, spec.date, options);
    if (typeof tz !== 'string' || FIXED.test(tz) || !(date instanceof Date)) return original(obj, expr, options);
    const timezone = asOffset(offsetMinutes(tz, date.getTime()));
    return original(obj, { ...spec, date: { $literal: date }, timezone }, options);
  };
}

export const datePartOps: Record<string, Op> = Object.fromEntries(
  NAMES.map((name) => [name, wrap((expressionOps as unknown as Record<string, Op>)[name])]),
);
