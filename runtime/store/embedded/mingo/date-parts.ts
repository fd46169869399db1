import { evalExpr } from 'mingo/core';
import * as expressionOps from 'mingo/operators/expression';
import type { AnyObject, Options } from 'mingo/types';
import { FORMAT_TOKEN, isoWeekYear, mingoFixedOffset, padDigits } from './date-format.js';
import { offsetMinutes } from './timezone.js';

/**
 * Date-part operators with any IANA zone. mingo only accepts `Area/City`
 * names (not "UTC" or "America/Argentina/Buenos_Aires") and re-parses
 * `toLocaleString` on every call; we resolve the zone to the fixed offset in
 * force at that instant (cached Intl formatter) and hand mingo the offset.
 * `$dateToString` also gets `%G` right: mingo prints the calendar year, so the
 * ISO week of 2024-12-30 came out as "2024-W01" instead of "2025-W01".
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

export const FIXED_OFFSET = /^[+-]\d{2}(:?\d{2})?$/;
type Op = (obj: AnyObject, expr: unknown, options: Options) => unknown;

/** An offset in the "+hh:mm" form mingo parses. */
export function asOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function wrap(original: Op, name: string): Op {
  return (obj, expr, options) => {
    if (expr === null || typeof expr !== 'object' || Array.isArray(expr) || !('date' in expr)) {
      return original(obj, expr, options);
    }
    const spec = expr as Record<string, unknown>;
    const hasZone = 'timezone' in spec;
    const fixesIsoYear = name === '$dateToString' && 'format' in spec;
    if (!hasZone && !fixesIsoYear) return original(obj, expr, options);
    const date = evalExpr(obj, spec.date, options);
    if (!(date instanceof Date)) return original(obj, expr, options);
    const out: Record<string, unknown> = { ...spec, date: { $literal: date } };
    if (hasZone) {
      const tz = evalExpr(obj, spec.timezone, options);
      if (typeof tz !== 'string') return original(obj, expr, options);
      out.timezone = FIXED_OFFSET.test(tz) ? tz : asOffset(offsetMinutes(tz, date.getTime()));
    }
    if (fixesIsoYear) {
      const format = evalExpr(obj, spec.format, options);
      if (typeof format === 'string' && format.includes('%G')) {
        // mingo applies the offset as it parses it from the string we pass.
        const minutes = hasZone ? mingoFixedOffset(out.timezone as string) : 0;
        const year = padDigits(isoWeekYear(date.getTime() + minutes * 60_000), 4);
        out.format = { $literal: format.replace(FORMAT_TOKEN, (t) => (t === '%G' ? year : t)) };
      } else {
        out.format = { $literal: format };
      }
    }
    return original(obj, out, options);
  };
}

export const datePartOps: Record<string, Op> = Object.fromEntries(
  NAMES.map((name) => [name, wrap((expressionOps as unknown as Record<string, Op>)[name], name)]),
);
