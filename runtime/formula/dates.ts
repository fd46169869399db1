/**
 * Calendar arithmetic without the host's time zone: dates are 'YYYY-MM-DD'
 * strings handled as day numbers in UTC (no zone involved), and a datetime's
 * calendar date or wall-clock time is read in the zone the caller names, via Intl.
 */

const MS_PER_DAY = 86_400_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Days since 1970-01-01 of a valid 'YYYY-MM-DD', else null. */
export function parseDay(s: string): number | null {
  const m = DATE_RE.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March; a rolled-over date is not a date.
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return Math.round(ms / MS_PER_DAY);
}

/** 'YYYY-MM-DD' of a day number, or null outside years 0000–9999 (which the format cannot hold). */
export function formatDay(day: number): string | null {
  const date = new Date(day * MS_PER_DAY);
  const y = date.getUTCFullYear();
  if (!Number.isFinite(y) || y < 0 || y > 9999) return null;
  return `${String(y).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

export function ymdOfDay(day: number): { year: number; month: number; day: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Adds calendar months, clamping to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonthsToDay(day: number, months: number): number {
  const { year, month, day: dom } = ymdOfDay(day);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Math.round(Date.UTC(y, m, Math.min(dom, last)) / MS_PER_DAY);
}

interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// One formatter per zone; building one is the slow part. Bounded so odd input cannot grow it forever.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric', month: 'numeric', day: 'numeric',
        hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      throw new RangeError(`unknown time zone "${timeZone}"`);
    }
    if (formatters.size >= 200) formatters.clear();
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws a RangeError for a zone Intl does not know. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** Wall-clock fields of an instant in a zone. */
export function zonedParts(ms: number, timeZone: string): ZonedParts {
  const out: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour! % 24, minute: out.minute!, second: out.second! };
}

/** The zone's offset from UTC (ms) at an instant. */
function offsetAt(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The instant a wall-clock time in a zone denotes. Guess with the offset at the
 * wall time read as UTC, then correct once with the offset at the guess; in a
 * DST gap this lands just after it, in an overlap on the earlier instant.
 */
export function zonedToInstant(
  p: { year: number; month: number; day: number; hour: number; minute: number; second: number; ms: number },
  timeZone: string,
): number {
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.ms);
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  return second;
}

/** The calendar day (day number) an instant falls on in a zone. */
export function dayInZone(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  return Math.round(Date.UTC(p.year, p.month - 1, p.day) / MS_PER_DAY);
}

/**
 * A stored datetime: an ISO string with `Z` or an offset is an instant; one
 * without is a wall-clock time in `timeZone` (never the server's zone); a bare
 * date is midnight there. Returns null for anything else.
 */
export function parseDateTime(value: unknown, timeZone: string): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'string') return null;
  const dayOnly = parseDay(value);
  if (dayOnly !== null) {
    const { year, month, day } = ymdOfDay(dayOnly);
    return new Date(zonedToInstant({ year, month, day, hour: 0, minute: 0, second: 0, ms: 0 }, timeZone));
  }
  const m = DATETIME_RE.exec(value);
  if (!m) return null;
  const day = parseDay(`${m[1]}-${m[2]}-${m[3]}`);
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (day === null || hour > 23 || minute > 59 || second > 59) return null;
  const ms = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  const zone = m[8];
  let instant: number;
  if (!zone) {
    const { year, month, day: dom } = ymdOfDay(day);
    instant = zonedToInstant({ year, month, day: dom, hour, minute, second, ms }, timeZone);
  } else {
    const offset = zone.toUpperCase() === 'Z' ? 0 : parseOffset(zone);
    if (offset === null) return null;
    instant = day * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + ms - offset;
  }
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? null : date;
}

function parseOffset(zone: string): number | null {
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (minutes > 18 * 60) return null;
  return (m[1] === '-' ? -1 : 1) * minutes * 60_000;
}

/** Datetimes leave the evaluator as ISO strings in UTC, as the store keeps them. */
export function formatDateTime(date: Date): string {
  return date.toISOString();
}

export { MS_PER_DAY };
