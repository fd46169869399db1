import { padDigits } from '../mingo/date-format.js';
import { BAIL } from './bail.js';

/**
 * Calendar fields of wall-clock times (milliseconds as if UTC), and
 * `$dateToString` formats built from them. Values match mingo's UTC getters
 * and padding; days are computed once and cached, since a million report rows
 * span a few hundred days.
 */

const DAY = 86_400_000;
/** 0001-01-01 and 10000-01-01: outside, mingo's output (and ours) is not worth reproducing. */
const MIN_WALL = -62_135_596_800_000;
const MAX_WALL = 253_402_300_800_000;

export interface CivilDay {
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday. */
  weekday: number;
  dayOfYear: number;
  isoYear: number;
  isoWeek: number;
}

const days = new Map<number, CivilDay>();

function jan1(year: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, 0, 1); // Date.UTC maps years 0..99 to 1900..1999
  return Math.floor(d.getTime() / DAY);
}

function compute(dayIndex: number): CivilDay {
  const d = new Date(dayIndex * DAY);
  const year = d.getUTCFullYear();
  const weekday = d.getUTCDay();
  const thursday = dayIndex + 4 - (weekday || 7);
  const isoYear = new Date(thursday * DAY).getUTCFullYear();
  return {
    year,
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday,
    dayOfYear: dayIndex - jan1(year) + 1,
    isoYear,
    isoWeek: Math.floor((thursday - jan1(isoYear)) / 7) + 1,
  };
}

/** The calendar day of a wall-clock time; throws BAIL outside years 1..9999. */
export function civilDay(wall: number): CivilDay {
  if (!(wall >= MIN_WALL && wall < MAX_WALL)) throw BAIL;
  const index = Math.floor(wall / DAY);
  let c = days.get(index);
  if (!c) {
    if (days.size >= 50_000) days.clear();
    days.set(index, (c = compute(index)));
  }
  return c;
}

type Piece = string | ((c: CivilDay, msOfDay: number) => string);

const SPECIFIERS: Record<string, Piece> = {
  '%Y': (c) => padDigits(c.year, 4),
  '%G': (c) => padDigits(c.isoYear, 4),
  '%m': (c) => padDigits(c.month, 2),
  '%d': (c) => padDigits(c.day, 2),
  '%j': (c) => padDigits(c.dayOfYear, 3),
  '%u': (c) => padDigits(c.weekday || 7, 1),
  '%V': (c) => padDigits(c.isoWeek, 2),
  '%H': (_, t) => padDigits(Math.floor(t / 3_600_000), 2),
  '%M': (_, t) => padDigits(Math.floor(t / 60_000) % 60, 2),
  '%S': (_, t) => padDigits(Math.floor(t / 1000) % 60, 2),
  '%L': (_, t) => padDigits(t % 1000, 3),
};
const TIME_OF_DAY = new Set(['%H', '%M', '%S', '%L']);
const TOKEN = /%[bBYGmdjHMSLwuUVzZ%]/g;

/**
 * A formatter for a constant format string, or undefined if it uses a
 * specifier the compiled path does not reproduce (%b %B %w %U %z %Z %%).
 */
export function compileFormat(format: string): ((wall: number) => string) | undefined {
  const pieces: Piece[] = [];
  let last = 0;
  let timeOfDay = false;
  for (const m of format.matchAll(TOKEN)) {
    const f = SPECIFIERS[m[0]];
    if (!f) return undefined;
    if (m.index > last) pieces.push(format.slice(last, m.index));
    pieces.push(f);
    timeOfDay ||= TIME_OF_DAY.has(m[0]);
    last = m.index + m[0].length;
  }
  if (last < format.length) pieces.push(format.slice(last));
  const render = (wall: number) => {
    const c = civilDay(wall);
    const t = wall - Math.floor(wall / DAY) * DAY;
    let s = '';
    for (const p of pieces) s += typeof p === 'string' ? p : p(c, t);
    return s;
  };
  if (timeOfDay) return render;
  // Day-level formats: one string per day, also so that group keys reuse one string instance.
  const cache = new Map<number, string>();
  let lastIndex = NaN;
  let lastText = '';
  return (wall) => {
    const index = Math.floor(wall / DAY);
    if (index === lastIndex) return lastText; // documents come in _id order, which is mostly time order
    let s = cache.get(index);
    if (s === undefined) {
      if (cache.size >= 50_000) cache.clear();
      cache.set(index, (s = render(wall)));
    }
    lastIndex = index;
    lastText = s;
    return s;
  };
}
