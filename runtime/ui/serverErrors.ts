/**
 * Turns the server's validation details into messages at form fields. Each
 * detail's `path` is a JSON Pointer into the request body, so `/amount` (or
 * `/tags/2`) belongs to the field `amount` (`tags`).
 */
import type { ErrorDetail } from './types.js';

export interface PlacedErrors {
  byField: Map<string, string>;
  /** Details that point at no field shown in the form; they still must reach the user. */
  unplaced: ErrorDetail[];
}

const unescapePointer = (token: string) => token.replace(/~1/g, '/').replace(/~0/g, '~');

export function fieldOfPointer(path: string): string | undefined {
  if (!path.startsWith('/')) return undefined;
  const first = path.slice(1).split('/')[0];
  return first ? unescapePointer(first) : undefined;
}

export function placeServerErrors(details: readonly ErrorDetail[] | undefined, shownFields: ReadonlySet<string>): PlacedErrors {
  const byField = new Map<string, string>();
  const unplaced: ErrorDetail[] = [];
  for (const detail of details ?? []) {
    const field = fieldOfPointer(detail.path);
    if (field && shownFields.has(field)) {
      // Several problems on one field read as one sentence.
      byField.set(field, byField.has(field) ? `${byField.get(field)}; ${detail.message}` : detail.message);
    } else {
      unplaced.push(detail);
    }
  }
  return { byField, unplaced };
}
