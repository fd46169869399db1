/**
 * A list's state (view, search, filters, sort, page) lives in the URL, so back
 * from a record returns to the same page of the same filtered list, and a
 * filtered list can be shared as a link. Defaults are left out of the URL.
 */
import type { FilterBarValues, ListQueryState } from '../../../runtime/ui/types.js';

export const DEFAULT_PAGE_SIZE = 20;

export interface ListDefaults {
  sort: string;
  pageSize: number;
}

function positive(raw: string | null, fallback: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function filtersFrom(raw: string | null): FilterBarValues {
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as FilterBarValues) : {};
  } catch {
    return {}; // a hand-edited URL should not break the page
  }
}

export function queryFromUrl(search: URLSearchParams, defaults: ListDefaults): ListQueryState {
  return {
    q: search.get('q') ?? '',
    filters: filtersFrom(search.get('f')),
    sort: search.get('sort') || defaults.sort,
    page: positive(search.get('page'), 1),
    pageSize: positive(search.get('pageSize'), defaults.pageSize),
  };
}

/** `view` is the chosen list view's name, or undefined for the entity's default view. */
export function queryToUrl(query: ListQueryState, defaults: ListDefaults, view?: string): string {
  const params = new URLSearchParams();
  if (view) params.set('view', view);
  if (query.q) params.set('q', query.q);
  const filters = Object.fromEntries(Object.entries(query.filters).filter(([, v]) => v !== undefined));
  if (Object.keys(filters).length > 0) params.set('f', JSON.stringify(filters));
  if (query.sort && query.sort !== defaults.sort) params.set('sort', query.sort);
  if (query.page > 1) params.set('page', String(query.page));
  if (query.pageSize !== defaults.pageSize) params.set('pageSize', String(query.pageSize));
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}
