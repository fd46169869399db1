/** What to tell the user when an approval call is refused: the server's own words, after a short headline. */
import { ApiError, isNetworkError } from '../api/http.js';
import type { ShellKey } from '../i18n/messages.js';

type Translate = (key: ShellKey, vars?: Record<string, string | number>) => string;

export function approvalErrorText(e: unknown, t: Translate): string {
  if (isNetworkError(e)) return t('networkError');
  if (e instanceof ApiError) {
    const details = e.details.map((d) => d.message).join('; ');
    const reason = details ? `${e.message}: ${details}` : e.message;
    if (e.status === 409) return `${t('approvalGone')} — ${reason}`;
    if (e.status === 403) return `${t('noPermission')}: ${reason}`;
    return reason;
  }
  return e instanceof Error ? e.message : String(e);
}

/** A 409 or 404: the request changed under the user, so the list on screen is out of date. */
export const isOutdated = (e: unknown) => e instanceof ApiError && (e.status === 409 || e.status === 404);
