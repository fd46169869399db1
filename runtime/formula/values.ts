/**
 * Runtime values and the small rules every operator and function shares:
 * what counts as blank, how numbers are tidied, how values become text.
 *
 * Inside the evaluator a value is one of: null (blank), number, string (text,
 * or a 'YYYY-MM-DD' date), boolean, Date (datetime), string[] (list), or an
 * opaque stored value that only ISBLANK looks at.
 */
import { formatDateTime } from './dates.js';
import { MAX_TEXT_LENGTH } from './limits.js';
import type { ValueType } from './types.js';

export type Value = null | number | string | boolean | Date | readonly string[] | { readonly opaque: unknown };

/** Blank: null/undefined, the empty string, and an empty list. Whitespace is not blank. */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && value !== null && 'opaque' in value) return isBlank((value as { opaque: unknown }).opaque);
  return false;
}

/**
 * Binary floating point makes 0.1 + 0.2 = 0.30000000000000004; stored currency
 * must not carry that. Results are cut to 15 significant digits (what a double
 * holds reliably) and then to 10 decimals. Infinity and NaN (e.g. overflow)
 * become blank, and -0 becomes 0.
 */
export function tidy(n: number): number | null {
  if (!Number.isFinite(n)) return null;
  let out = Number(n.toPrecision(15));
  if (Math.abs(out) < 1e21) out = Number(out.toFixed(10));
  return out === 0 ? 0 : out;
}

/** Text results past the longest text field would be refused on save; they count as blank instead. */
export function capText(s: string): string | null {
  return s.length > MAX_TEXT_LENGTH ? null : s;
}

/** How TEXT() and CONCAT() write a value; blank becomes ''. */
export function toText(value: Value, type: ValueType): string {
  if (value === null) return '';
  if (type === 'datetime' && value instanceof Date) return formatDateTime(value);
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'number') return String(tidy(value) ?? '');
  if (typeof value === 'object') return '';
  return String(value);
}

/** Characters as people count them (code points), so LEN/LEFT/RIGHT do not split emoji or rare CJK. */
export function chars(s: string): string[] {
  return Array.from(s);
}
