import { evalExpr } from 'mingo/core';
import type { Options } from 'mingo/types';
import { fromWall, toWall } from './timezone.js';

/**
 * `$dateTrunc` computed on the wall clock of the requested time zone. mingo 7
 * shifts by the offset in the wrong direction for zones east of UTC, so an
 * Asia/Shanghai day bucket started at the previous day's 16:00Z boundary
 * minus a day. Bins count from 2000-01-01 (MongoDB's reference), weeks from
 * the first `startOfWeek` on or after it.
 */

const DAY = 86_400_000;
const UNIT_MS: Record<string, number> = { millisecond: 1, second: 1000, minute: 60_000, hour: 3_600_000, day: DAY };
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const REF = Date.UTC(2000, 0, 1);

/** Validates `binSize` as the operator does; returns the bin count. */
export function truncBin(binSize: unknown): number {
  const bin = binSize === undefined || binSize === null ? 1 : Number(binSize);
  if (!Number.isInteger(bin) || bin <= 0) throw new Error("$dateTrunc: 'binSize' must be a positive integer");
  return bin;
}

/** Start of the bin holding wall-clock time `wall`; throws for an invalid unit or startOfWeek. */
export function truncateWall(wall: number, unit: unknown, bin: number, startOfWeek: unknown): number {
  const floorBin = (n: number) => Math.floor(n / bin) * bin;
  if (typeof unit === 'string' && unit in UNIT_MS) {
    const size = UNIT_MS[unit] * bin;
    return REF + Math.floor((wall - REF) / size) * size;
  }
  if (unit === 'week') {
    const sow = String(startOfWeek ?? 'sun').toLowerCase().slice(0, 3);
    const dow = WEEKDAYS.indexOf(sow);
    if (dow < 0) throw new Error(`$dateTrunc: startOfWeek '${String(startOfWeek)}' is not valid`);
    const firstWeek = REF + (((dow - new Date(REF).getUTCDay()) + 7) % 7) * DAY;
    return firstWeek + floorBin(Math.floor((wall - firstWeek) / (7 * DAY))) * 7 * DAY;
  }
  if (unit === 'month' || unit === 'quarter' || unit === 'year') {
    const d = new Date(wall);
    const months = (d.getUTCFullYear() - 2000) * 12 + d.getUTCMonth();
    const span = unit === 'month' ? bin : unit === 'quarter' ? 3 * bin : 12 * bin;
    const start = Math.floor(months / span) * span;
    return Date.UTC(2000 + Math.floor(start / 12), ((start % 12) + 12) % 12, 1);
  }
  throw new Error(`$dateTrunc: unit '${String(unit)}' is invalid`);
}

export function dateTrunc(obj: Record<string, unknown>, expr: unknown, options: Options): Date | null {
  const args = evalExpr(obj, expr, options) as {
    date?: unknown;
    unit?: unknown;
    binSize?: unknown;
    timezone?: string;
    startOfWeek?: unknown;
  };
  const { date, unit } = args;
  if (date === null || date === undefined || unit === null || unit === undefined) return null;
  if (!(date instanceof Date)) throw new Error("$dateTrunc: 'date' must resolve to a valid Date object");
  const bin = truncBin(args.binSize);
  const wall = toWall(date.getTime(), args.timezone);
  return new Date(fromWall(truncateWall(wall, unit, bin, args.startOfWeek), args.timezone));
}
