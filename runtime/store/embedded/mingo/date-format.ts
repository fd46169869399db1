/**
 * Pieces of mingo's date formatting that the compiled `$group` path must
 * reproduce digit for digit, plus the ISO week-numbering year mingo lacks.
 */

const DAY = 86_400_000;

/** mingo's zero padding (a negative year pads to "00-5", as mingo prints it). */
export function padDigits(n: number, digits: number): string {
  const s = String(n);
  return s.length >= digits ? s : '0'.repeat(digits - s.length) + s;
}

const MINGO_OFFSET = /(([+-][01][0-9]|2[0-3]):?([0-5][0-9])?)/;

/**
 * The minutes mingo applies for a fixed-offset time zone string, quirks
 * included ("-00:30" counts as +30); throws like mingo for strings it rejects.
 */
export function mingoFixedOffset(tz: string): number {
  const m = MINGO_OFFSET.exec(tz);
  if (!m) throw new Error(`timezone '${tz}' is invalid or not supported.`);
  const hr = parseInt(m[2]) || 0;
  const min = parseInt(m[3]) || 0;
  return (Math.abs(hr * 60) + min) * (hr < 0 ? -1 : 1);
}

/** The ISO 8601 week-numbering year (`%G`) of a wall-clock time: the year of that week's Thursday. */
export function isoWeekYear(wallMs: number): number {
  const dow = new Date(wallMs).getUTCDay() || 7;
  return new Date(wallMs + (4 - dow) * DAY).getUTCFullYear();
}

/** The format specifiers mingo recognises, in its own tokenisation. */
export const FORMAT_TOKEN = /%[bBYGmdjHMSLwuUVzZ%]/g;
