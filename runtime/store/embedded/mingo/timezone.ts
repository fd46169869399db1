/**
 * Time-zone arithmetic with Intl, for date operators whose mingo versions get
 * zones east of UTC wrong. Accepts Olson names ("Asia/Shanghai"), "UTC"/"GMT",
 * and fixed offsets ("+08:00", "+0800", "-05").
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
const OFFSET = /^([+-])(\d{2}):?(\d{2})?$/;

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: tz,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new Error(`unrecognized time zone identifier: "${tz}"`);
    }
    formatters.set(tz, f);
  }
  return f;
}

/** Minutes to add to UTC to get wall-clock time in `tz` at instant `utcMs`. */
export function offsetMinutes(tz: string | null | undefined, utcMs: number): number {
  if (tz === undefined || tz === null || tz === 'UTC' || tz === 'GMT' || tz === 'Z') return 0;
  const m = OFFSET.exec(tz);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  const whole = Math.floor(utcMs / 1000) * 1000;
  const p: Record<string, number> = {};
  for (const part of formatter(tz).formatToParts(new Date(whole))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour === 24 ? 0 : p.hour, p.minute, p.second);
  return Math.round((asUtc - whole) / 60000);
}

/** Wall-clock milliseconds (as if UTC) of an instant in `tz`. */
export function toWall(utcMs: number, tz: string | null | undefined): number {
  return utcMs + offsetMinutes(tz, utcMs) * 60000;
}

/** The instant whose wall-clock time in `tz` is `wallMs` (earlier offset wins in a DST overlap). */
export function fromWall(wallMs: number, tz: string | null | undefined): number {
  const guess = wallMs - offsetMinutes(tz, wallMs) * 60000;
  const off = offsetMinutes(tz, guess);
  return wallMs - off * 60000;
}
