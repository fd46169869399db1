/** Calendar arithmetic in a tenant's time zone (IANA name), via Intl — never a fixed offset. */

const formatters = new Map<string, Intl.DateTimeFormat>();

function parts(at: Date, timeZone: string): Record<string, string> {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
}

/** The calendar date (YYYY-MM-DD) that `at` falls on in `timeZone`. */
export function localDate(at: Date, timeZone: string): string {
  const p = parts(at, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Date parts of `at` in `timeZone`, for formats such as auto-numbers. */
export function localParts(at: Date, timeZone: string): { year: string; month: string; day: string } {
  const p = parts(at, timeZone);
  return { year: p.year, month: p.month, day: p.day };
}

/** Adds whole days to a calendar date string. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The instant at which the wall clock in `timeZone` shows `date` `hour`:00 (DST-aware). */
export function zonedInstant(date: string, hour: number, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, hour);
  const offsetAt = (t: number) => {
    const p = parts(new Date(t), timeZone);
    return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - t;
  };
  // The zone's offset at the guess, then once more in case the guess crossed a DST change.
  let t = wall - offsetAt(wall);
  t = wall - offsetAt(t);
  return new Date(t);
}
