/**
 * Pure edits of a view: type, columns (pick and order), a MongoDB filter built
 * from simple field/operator/value rows, sort keys, kanban and calendar settings.
 */
import type { EntityDefinition, FieldDefinition } from '../../../../../schemas/entity.js';
import type { FilterValue, MongoFilter } from '../../../../../schemas/filter.js';
import type { ViewDefinition } from '../../../../../schemas/view.js';
import { entitiesOf, fieldsOf, pipelinesOf, valueKind, type ValueKind } from '../entities.js';
import { moveItem, removeAt, replaceAt } from '../listOps.js';
import type { DesignerContext } from '../types.js';

export type ViewType = ViewDefinition['type'];
export type SortKey = NonNullable<ViewDefinition['sort']>[number];

// ---- filter rows -----------------------------------------------------------

export type FilterOp = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'nin' | 'exists' | 'notExists' | 'regex';
export const FILTER_OPS: readonly FilterOp[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'regex', 'exists', 'notExists'];

export interface FilterRow {
  field: string;
  op: FilterOp;
  /** A single value, a list for in/nin, unused for exists/notExists. */
  value: FilterValue;
}

export function filterOpsFor(kind: ValueKind): FilterOp[] {
  switch (kind) {
    case 'number': case 'date': case 'datetime': return ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'exists', 'notExists'];
    case 'boolean': return ['eq', 'ne', 'exists', 'notExists'];
    case 'select': case 'user': case 'lookup': return ['eq', 'ne', 'in', 'nin', 'exists', 'notExists'];
    case 'multiSelect': return ['eq', 'in', 'nin', 'exists', 'notExists'];
    default: return ['eq', 'ne', 'regex', 'in', 'nin', 'exists', 'notExists'];
  }
}

const SIMPLE_OPS = new Set(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$exists', '$regex']);
const isPlainObject = (v: unknown): v is Record<string, FilterValue> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One `field: condition` pair as rows (a range gives two rows); null when it is not simple. */
function rowsOfField(field: string, cond: FilterValue): FilterRow[] | null {
  if (!isPlainObject(cond)) return [{ field, op: 'eq', value: cond }];
  const keys = Object.keys(cond);
  if (keys.length === 0 || !keys.every((k) => SIMPLE_OPS.has(k))) return null;
  return keys.map((k) => {
    const v = cond[k]!;
    if (k === '$exists') return { field, op: v ? 'exists' : 'notExists', value: true } as FilterRow;
    return { field, op: k.slice(1) as FilterOp, value: v };
  });
}

/**
 * The rows a filter document is made of, when it is a conjunction of simple
 * field tests (the shape this editor writes); null for anything richer
 * ($or, nested $and, …), which the editor then shows read-only.
 */
export function filterToRows(filter: MongoFilter | undefined): FilterRow[] | null {
  if (!filter) return [];
  const parts: MongoFilter[] = [];
  for (const [k, v] of Object.entries(filter)) {
    if (k === '$and') {
      if (!Array.isArray(v) || !v.every(isPlainObject)) return null;
      parts.push(...(v as MongoFilter[]));
    } else if (k.startsWith('$')) return null;
    else parts.push({ [k]: v });
  }
  const rows: FilterRow[] = [];
  for (const part of parts) {
    for (const [k, v] of Object.entries(part)) {
      if (k.startsWith('$')) return null;
      const r = rowsOfField(k, v);
      if (!r) return null;
      rows.push(...r);
    }
  }
  return rows;
}

function rowCondition(row: FilterRow): FilterValue {
  if (row.op === 'exists') return { $exists: true };
  if (row.op === 'notExists') return { $exists: false };
  if (row.op === 'eq') return row.value;
  return { [`$${row.op}`]: row.value };
}

/**
 * Rows back to a filter: one key per field when the fields differ (the plain
 * form people read), `$and` when a field is tested twice other than as a range.
 */
export function rowsToFilter(rows: readonly FilterRow[]): MongoFilter | undefined {
  if (rows.length === 0) return undefined;
  const byField = new Map<string, FilterRow[]>();
  for (const r of rows) byField.set(r.field, [...(byField.get(r.field) ?? []), r]);
  const merged: MongoFilter = {};
  let mergeable = true;
  for (const [field, list] of byField) {
    if (list.length === 1) {
      merged[field] = rowCondition(list[0]!);
      continue;
    }
    const ops = list.map((r) => (r.op === 'notExists' ? 'exists' : r.op));
    if (ops.includes('eq') || new Set(ops).size !== ops.length) {
      mergeable = false;
      break;
    }
    merged[field] = Object.assign({}, ...list.map((r) => rowCondition(r) as object));
  }
  if (mergeable) return merged;
  return { $and: rows.map((r) => ({ [r.field]: rowCondition(r) })) };
}

export function defaultFilterValue(field: FieldDefinition | undefined, op: FilterOp): FilterValue {
  if (op === 'exists' || op === 'notExists') return true;
  if (op === 'in' || op === 'nin') return [];
  switch (valueKind(field)) {
    case 'number': return 0;
    case 'boolean': return true;
    case 'select': case 'multiSelect': return field && (field.type === 'select' || field.type === 'multiSelect') ? field.options[0]?.value ?? '' : '';
    default: return '';
  }
}

export function newFilterRow(field: FieldDefinition): FilterRow {
  const op = filterOpsFor(valueKind(field))[0]!;
  return { field: field.name, op, value: defaultFilterValue(field, op) };
}

export function changeRowOp(row: FilterRow, op: FilterOp, field: FieldDefinition | undefined): FilterRow {
  const list = op === 'in' || op === 'nin';
  const wasList = row.op === 'in' || row.op === 'nin';
  if (list === wasList && op !== 'exists' && op !== 'notExists' && row.op !== 'exists' && row.op !== 'notExists') return { ...row, op };
  return { ...row, op, value: defaultFilterValue(field, op) };
}

export function setFilter(def: ViewDefinition, rows: readonly FilterRow[]): ViewDefinition {
  const { filter: _old, ...rest } = def;
  const filter = rowsToFilter(rows);
  return filter ? { ...rest, filter } : rest;
}

// ---- the view ----------------------------------------------------------------

export function createView(name: string, context: Pick<DesignerContext, 'definitions'>): ViewDefinition {
  const entity = entitiesOf(context.definitions)[0];
  const columns = fieldsOf(entity).slice(0, 5).map((f) => f.name);
  const view: ViewDefinition = {
    kind: 'view',
    name,
    label: { 'zh-CN': name, en: name },
    schemaVersion: 1,
    entity: entity?.name ?? 'entity',
    type: 'list',
    columns,
    sort: [{ field: 'updatedAt', direction: 'desc' }],
  };
  return view;
}

/** Kanban needs a grouping and calendar a date field: switching type fills them in. */
export function setType(def: ViewDefinition, type: ViewType, entity: EntityDefinition | undefined, context: Pick<DesignerContext, 'definitions'>): ViewDefinition {
  const { kanban, calendar, ...rest } = def;
  const next: ViewDefinition = { ...rest, type };
  if (type === 'kanban') {
    const pipeline = pipelinesOf(context.definitions, def.entity)[0];
    const select = fieldsOf(entity).find((f) => f.type === 'select');
    next.kanban = kanban ?? (pipeline ? { pipeline: pipeline.name } : { groupBy: select?.name ?? 'status' });
  }
  if (type === 'calendar') {
    const date = fieldsOf(entity, { system: true }).find((f) => f.type === 'date' || f.type === 'datetime');
    next.calendar = calendar ?? { dateField: date?.name ?? 'createdAt' };
  }
  return next;
}

export function setEntity(def: ViewDefinition, entity: EntityDefinition | undefined, context: Pick<DesignerContext, 'definitions'>): ViewDefinition {
  if (!entity || entity.name === def.entity) return def;
  const { filter: _f, kanban: _k, calendar: _c, sort: _s, ...rest } = def;
  const base: ViewDefinition = { ...rest, entity: entity.name, columns: fieldsOf(entity).slice(0, 5).map((f) => f.name), type: 'list' };
  return setType(base, def.type, entity, context);
}

export function toggleColumn(def: ViewDefinition, field: string): ViewDefinition {
  const columns = def.columns ?? [];
  return { ...def, columns: columns.includes(field) ? columns.filter((c) => c !== field) : [...columns, field] };
}

export const moveColumn = (def: ViewDefinition, from: number, to: number): ViewDefinition => ({ ...def, columns: moveItem(def.columns ?? [], from, to) });

export function setSort(def: ViewDefinition, sort: SortKey[]): ViewDefinition {
  const { sort: _old, ...rest } = def;
  return sort.length ? { ...rest, sort: sort.slice(0, 5) } : rest;
}

export function addSortKey(def: ViewDefinition, field: string): ViewDefinition {
  const sort = def.sort ?? [];
  if (sort.length >= 5 || sort.some((s) => s.field === field)) return def;
  return setSort(def, [...sort, { field, direction: 'asc' }]);
}

export const updateSortKey = (def: ViewDefinition, index: number, key: SortKey) => setSort(def, replaceAt(def.sort ?? [], index, key));
export const removeSortKey = (def: ViewDefinition, index: number) => setSort(def, removeAt(def.sort ?? [], index));
export const moveSortKey = (def: ViewDefinition, from: number, to: number) => setSort(def, moveItem(def.sort ?? [], from, to));

/** Kanban groups by exactly one of a pipeline or a select field. */
export function setKanban(def: ViewDefinition, by: { pipeline: string } | { groupBy: string }): ViewDefinition {
  return { ...def, kanban: by };
}

export function setCalendar(def: ViewDefinition, dateField: string, endDateField?: string): ViewDefinition {
  return { ...def, calendar: endDateField ? { dateField, endDateField } : { dateField } };
}

export function setPageSize(def: ViewDefinition, pageSize: number | undefined): ViewDefinition {
  const { pageSize: _old, ...rest } = def;
  return pageSize ? { ...rest, pageSize: Math.max(1, Math.min(200, Math.round(pageSize))) } : rest;
}

export function setVisibility(def: ViewDefinition, roles: string[]): ViewDefinition {
  const { visibility, ...rest } = def;
  const next = { ...(visibility ?? {}), roles };
  if (!roles.length) delete (next as { roles?: string[] }).roles;
  return Object.keys(next).length ? { ...rest, visibility: next } : rest;
}
