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

const EN_US = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+):(\d+)$/;

/** The offset Intl reports for `tz` at `utcMs` (whole seconds), in minutes. About a microsecond per call. */
function intlOffset(tz: string, utcMs: number): number {
  const whole = Math.floor(utcMs / 1000) * 1000;
  const f = formatter(tz);
  const date = new Date(whole);
  // format() is four times faster than formatToParts(); the parts are the fallback for unusual output.
  const m = EN_US.exec(f.format(date));
  const p: Record<string, number> = {};
  if (m) {
    [p.month, p.day, p.year, p.hour, p.minute, p.second] = m.slice(1).map(Number);
  } else {
    for (const part of f.formatToParts(date)) {
      if (part.type !== 'literal') p[part.type] = Number(part.value);
    }
  }
  const wall = new Date(Date.UTC(2000, p.month - 1, p.day, p.hour === 24 ? 0 : p.hour, p.minute, p.second));
  wall.setUTCFullYear(p.year); // Date.UTC would read years 0..99 as 1900..1999
  return Math.round((wall.getTime() - whole) / 60000);
}

/**
 * Offsets are cached per zone and 15-minute bucket of UTC time: every offset
 * in use is a multiple of 15 minutes, so transitions fall on bucket
 * boundaries. A bucket counts as uniform only when the offsets at its start
 * and at the next bucket's start agree; a bucket holding a transition at an
 * odd instant (historic local mean time) is computed exactly on every call.
 * Reports group a million dates per query; Intl per date would dominate.
 */
const BUCKET_MS = 15 * 60_000;
const MAX_BUCKETS = 400_000;

interface ZoneCache {
  starts: Map<number, number>;
  /** Offset of a uniform bucket, or NaN for a bucket holding a transition. */
  buckets: Map<number, number>;
  lastBucket: number;
  lastOffset: number;
}

function startOffset(c: ZoneCache, tz: string, bucket: number): number {
  let o = c.starts.get(bucket);
  if (o === undefined) c.starts.set(bucket, (o = intlOffset(tz, bucket * BUCKET_MS)));
  return o;
}

function cachedOffset(c: ZoneCache, tz: string, utcMs: number): number {
  const b = Math.floor(utcMs / BUCKET_MS);
  if (b === c.lastBucket) return c.lastOffset;
  let o = c.buckets.get(b);
  if (o === undefined) {
    if (c.buckets.size >= MAX_BUCKETS) {
      c.buckets.clear();
      c.starts.clear();
    }
    const first = startOffset(c, tz, b);
    o = first === startOffset(c, tz, b + 1) ? first : NaN;
    c.buckets.set(b, o);
  }
  if (Number.isNaN(o)) return intlOffset(tz, utcMs);
  c.lastBucket = b;
  c.lastOffset = o;
  return o;
}

export type OffsetFn = (utcMs: number) => number;

const ZERO: OffsetFn = () => 0;
const resolved = new Map<string, OffsetFn>();

function resolveZone(tz: string): OffsetFn {
  if (tz === 'UTC' || tz === 'GMT' || tz === 'Z') return ZERO;
  const m = OFFSET.exec(tz);
  if (m) {
    const fixed = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
    return () => fixed;
  }
  formatter(tz); // unknown zones throw here
  const c: ZoneCache = { starts: new Map(), buckets: new Map(), lastBucket: NaN, lastOffset: 0 };
  return (utcMs) => (Number.isFinite(utcMs) ? cachedOffset(c, tz, utcMs) : intlOffset(tz, utcMs));
}

/** The offset function of a zone (resolved once per zone string); throws for an unknown zone. */
export function zoneOffsets(tz: string | null | undefined): OffsetFn {
  if (tz === undefined || tz === null) return ZERO;
  let f = resolved.get(tz);
  if (!f) {
    f = resolveZone(tz);
    if (resolved.size >= 1000) resolved.clear();
    resolved.set(tz, f);
  }
  return f;
}

/** Minutes to add to UTC to get wall-clock time in `tz` at instant `utcMs`. */
export function offsetMinutes(tz: string | null | undefined, utcMs: number): number {
  return zoneOffsets(tz)(utcMs);
}

/** The uncached Intl answer, for tests that check the cache. */
export function offsetMinutesUncached(tz: string, utcMs: number): number {
  return intlOffset(tz, utcMs);
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
