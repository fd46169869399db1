/** Locale-aware formatting of field values, shared by lists, read-only fields and inputs. */
import type { UiLocale } from './types.js';

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Intl formatters are costly to build and a list formats hundreds of cells. */
function cachedNumberFormat(locale: UiLocale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

export function formatCurrency(value: number, currency: string, locale: UiLocale, precision?: number): string {
  const digits = precision ?? 2;
  return cachedNumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** The symbol alone (¥, $, CN¥…), used as the input prefix of currency fields. */
export function currencySymbol(currency: string, locale: UiLocale): string {
  const parts = cachedNumberFormat(locale, { style: 'currency', currency }).formatToParts(0);
  return parts.find((p) => p.type === 'currency')?.value ?? currency;
}

export function formatNumber(value: number, locale: UiLocale, precision?: number): string {
  return cachedNumberFormat(locale, precision === undefined ? { maximumFractionDigits: 10 } : { minimumFractionDigits: precision, maximumFractionDigits: precision }).format(value);
}

/** Percent fields hold whole percentages (30 means 30 %), as formulas like `amount * probability / 100` expect. */
export function formatPercent(value: number, locale: UiLocale, precision?: number): string {
  return `${formatNumber(value, locale, precision)}%`;
}

/** Dates are plain calendar days (`YYYY-MM-DD`); no time zone applies. */
export function formatDate(value: string, locale: UiLocale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  if (locale === 'zh-CN') return `${match[1]}-${match[2]}-${match[3]}`;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(date);
}

/** Datetimes are instants, shown in the tenant's time zone so a team sees the same clock. */
export function formatDateTime(value: string, locale: UiLocale, timeZone: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false, timeZone,
  }).format(date);
}

/** Thousands separators for InputNumber without touching the decimals. */
export function groupDigits(raw: string | number | undefined): string {
  if (raw === undefined || raw === '') return '';
  const [whole, fraction] = String(raw).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

export const ungroupDigits = (text: string | undefined) => (text ?? '').replace(/,/g, '');
