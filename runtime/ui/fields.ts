/** Which fields of an entity the UI works with, and how they behave. */
import type { EntityDefinition, FieldDefinition, FieldType } from '../../schemas/entity.js';

/** Archived fields keep their data on the server but never appear in the UI. */
export function activeFields(entity: EntityDefinition): FieldDefinition[] {
  return entity.fields.filter((f) => !f.archived);
}

export function fieldMap(entity: EntityDefinition): Map<string, FieldDefinition> {
  return new Map(activeFields(entity).map((f) => [f.name, f]));
}

const COMPUTED: ReadonlySet<FieldType> = new Set(['formula', 'rollup', 'autoNumber']);

/** The server computes these; sending them would be rejected. */
export const isComputed = (field: FieldDefinition) => COMPUTED.has(field.type);

/** Fields a user can type into (files arrive with the upload feature). */
export const isEditable = (field: FieldDefinition) => !isComputed(field) && field.type !== 'file' && !field.readOnly;

export const titleOf = (entity: EntityDefinition, record: Record<string, unknown>): string => {
  const value = record[entity.titleField];
  return value === undefined || value === null || value === '' ? String(record.id ?? '') : String(value);
};
