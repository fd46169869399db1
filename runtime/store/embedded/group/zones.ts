import { mingoFixedOffset } from '../mingo/date-format.js';
import { FIXED_OFFSET, asOffset } from '../mingo/date-parts.js';
import { type OffsetFn, zoneOffsets } from '../mingo/timezone.js';
import { isPlainObject } from '../values.js';

/**
 * The offset (minutes) the mingo path applies for a `timezone` argument of a
 * date-part operator, as a function of the instant. mingo/date-parts.ts turns
 * a zone name into "+hh:mm" for the instant and mingo parses that string, so
 * the compiled path applies `mingoFixedOffset(asOffset(offset))` — the same
 * number except for mingo's "-00:mm" quirk. Fixed offsets go to mingo as
 * given. Returns undefined for an argument that is not a constant the mingo
 * path accepts (the stage then runs in mingo).
 */
export type Zone = (utcMs: number) => number;

const UTC: Zone = () => 0;

export function zoneOf(spec: Record<string, unknown>): Zone | undefined {
  if (!('timezone' in spec)) return UTC;
  const tz = spec.timezone;
  if (typeof tz !== 'string' || tz.startsWith('$')) return undefined;
  let offsets: OffsetFn;
  try {
    if (FIXED_OFFSET.test(tz)) {
      const fixed = mingoFixedOffset(tz);
      return () => fixed;
    }
    offsets = zoneOffsets(tz); // unknown zones throw
  } catch {
    return undefined;
  }
  let lastOff = NaN;
  let lastApplied = 0;
  return (utcMs) => {
    const off = offsets(utcMs);
    if (off !== lastOff) {
      lastOff = off;
      lastApplied = mingoFixedOffset(asOffset(off));
    }
    return lastApplied;
  };
}

/** A constant date-operator argument: absent, or a value mingo evaluates to itself (not a field path or expression). */
export function constantArg(spec: Record<string, unknown>, key: string): boolean {
  if (!(key in spec)) return true;
  const v = spec[key];
  return v === null || typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && !v.startsWith('$'));
}

/** A plain object whose keys are all among `allowed`. */
export function specWith(arg: unknown, allowed: readonly string[]): Record<string, unknown> | undefined {
  if (!isPlainObject(arg)) return undefined;
  return Object.keys(arg).every((k) => allowed.includes(k)) ? arg : undefined;
}
