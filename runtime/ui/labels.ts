/** Picks the text for the current locale from a definition's localized label. */
import type { UiLocale } from './types.js';

export type Localized = { 'zh-CN'?: string; en?: string } | undefined;

export function localize(text: Localized, locale: UiLocale, fallback = ''): string {
  if (!text) return fallback;
  // A label missing in one language is better shown in the other than left blank.
  return text[locale] || text['zh-CN'] || text.en || fallback;
}
