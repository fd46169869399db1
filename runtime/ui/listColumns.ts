/** Which fields a list shows as columns, and which of them the server can sort by. */
import type { EntityDefinition, FieldDefinition } from '../../schemas/entity.js';
import { activeFields, fieldMap } from './fields.js';
import { systemField } from './systemFields.js';

const MAX_DEFAULT_COLUMNS = 7;
/** Wide or multi-valued fields make poor default columns. */
const NOT_DEFAULT = new Set(['longText', 'file', 'multiSelect']);
/** Sorting by these would order by ids or arrays, which means nothing to a reader. */
const UNSORTABLE = new Set(['lookup', 'multiSelect', 'file', 'longText', 'user']);

export function listColumns(entity: EntityDefinition, viewColumns?: readonly string[]): FieldDefinition[] {
  const fields = fieldMap(entity);
  if (viewColumns && viewColumns.length > 0) {
    // A view may name a field archived since; it simply drops out.
    return viewColumns.flatMap((name) => fields.get(name) ?? systemField(entity, name) ?? []);
  }
  const title = fields.get(entity.titleField);
  const rest = activeFields(entity).filter((f) => f.name !== entity.titleField && !NOT_DEFAULT.has(f.type));
  // Who holds a record matters in every list of owned records, so the owner always gets a column.
  const owner = systemField(entity, 'owner');
  const columns = [...(title ? [title] : []), ...rest].slice(0, MAX_DEFAULT_COLUMNS - (owner ? 1 : 0));
  return owner ? [...columns, owner] : columns;
}

export const isSortable = (field: FieldDefinition) => !UNSORTABLE.has(field.type);

export const isNumeric = (field: FieldDefinition) =>
  field.type === 'number' || field.type === 'currency' || field.type === 'percent' || field.type === 'rollup' ||
  (field.type === 'formula' && (field.resultType === 'number' || field.resultType === 'currency' || field.resultType === 'percent'));

/** `-closeDate,name` → the first key and its direction, which is what a table header shows. */
export function primarySort(sort: string): { field: string; order: 'ascend' | 'descend' } | undefined {
  const first = sort.split(',')[0]?.trim();
  if (!first) return undefined;
  return first.startsWith('-') ? { field: first.slice(1), order: 'descend' } : { field: first, order: 'ascend' };
}
