/**
 * Shapes the renderer exchanges with whoever hosts it (the reps' app, the
 * builder's live preview). The renderer never fetches: data comes in as props,
 * effects go out through callbacks typed here.
 */
import type { FilterValue } from '../../schemas/filter.js';

export type UiLocale = 'zh-CN' | 'en';

/** A record as the API speaks it: system fields plus fields by API name. */
export interface RecordData {
  id?: string;
  version?: number;
  owner?: string | null;
  createdAt?: string;
  updatedAt?: string;
  [field: string]: unknown;
}

/** Display titles of looked-up records: target entity → id → title. */
export type RecordRefs = Record<string, Record<string, string>>;

export interface LookupOption {
  value: string;
  label: string;
}

/** Finds records of `entity` whose title matches `q`, for lookup pickers. */
export type SearchLookup = (entity: string, q: string) => Promise<LookupOption[]>;

/** One problem the server reported; `path` is a JSON Pointer into the request body. */
export interface ErrorDetail {
  path: string;
  message: string;
}

/** One page of records as the list endpoint answers it. */
export interface RecordPage {
  items: RecordData[];
  total: number;
  page: number;
  pageSize: number;
  refs?: RecordRefs;
}

/** Values of the list filter bar, by field API name (plus `owner`). */
export type FilterBarValues = Record<string, FilterBarValue | undefined>;
export type FilterBarValue =
  | { kind: 'in'; values: string[] }
  | { kind: 'range'; from?: string; to?: string }
  | { kind: 'equals'; value: string };

/** Everything a list shows depends on, so hosts can keep it in the URL. */
export interface ListQueryState {
  q: string;
  filters: FilterBarValues;
  /** Comma-separated, `-` for descending, as the API takes it. */
  sort: string;
  page: number;
  pageSize: number;
}

/** One entry of a record's audit trail, as `GET …/records/:entity/:id/history` answers it. */
export interface HistoryEntry {
  id: string;
  /** create, update, delete, transfer, … */
  action: string;
  /** Through which channel the write came: app, api, import, workflow, template, … */
  channel: string;
  /** User id, or null for the system. */
  user: string | null;
  /** ISO instant. */
  at: string;
  changes: { field: string; from: unknown; to: unknown }[];
}

export type { FilterValue };
