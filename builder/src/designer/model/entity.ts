/** Pure edits of one entity definition; each returns a new definition or throws a DesignError. */
import type { EntityDefinition, FieldDefinition } from '../../../../schemas/entity.js';
import { isApiName } from './apiName.js';
import type { Localized } from './fieldTypes.js';

/** A refused edit, with a message key the UI translates. */
export class DesignError extends Error {
  constructor(readonly code: 'BAD_NAME' | 'DUPLICATE' | 'NOT_FOUND' | 'TITLE_FIELD' | 'PUBLISHED_NAME', message: string) {
    super(message);
  }
}

export function newEntity(name: string, label: Localized, titleLabel: Localized): EntityDefinition {
  if (!isApiName(name)) throw new DesignError('BAD_NAME', `"${name}" is not an API name`);
  return {
    kind: 'entity', name, label, pluralLabel: label, schemaVersion: 1, titleField: 'name', hasOwner: true,
    fields: [{ name: 'name', type: 'text', label: titleLabel, required: true, maxLength: 200 }],
  };
}

export const activeFields = (e: EntityDefinition) => e.fields.filter((f) => !f.archived);
export const archivedFields = (e: EntityDefinition) => e.fields.filter((f) => f.archived);
export const fieldNamed = (e: EntityDefinition, name: string) => e.fields.find((f) => f.name === name);

export function addField(entity: EntityDefinition, field: FieldDefinition): EntityDefinition {
  if (!isApiName(field.name)) throw new DesignError('BAD_NAME', `"${field.name}" is not an API name`);
  // Archived fields keep their data under their name, so a new field may not take it.
  if (entity.fields.some((f) => f.name === field.name)) throw new DesignError('DUPLICATE', `field "${field.name}" exists`);
  return { ...entity, fields: [...entity.fields, field] };
}

/**
 * Replaces a field. `publishedNames` are the entity's field names in the
 * published version: those API names are fixed, since records store data under them.
 */
export function updateField(entity: EntityDefinition, name: string, next: FieldDefinition, publishedNames: ReadonlySet<string> = new Set()): EntityDefinition {
  const at = entity.fields.findIndex((f) => f.name === name);
  if (at < 0) throw new DesignError('NOT_FOUND', `no field "${name}"`);
  if (next.name !== name) {
    if (publishedNames.has(name)) throw new DesignError('PUBLISHED_NAME', `"${name}" is published; its API name is fixed`);
    if (!isApiName(next.name)) throw new DesignError('BAD_NAME', `"${next.name}" is not an API name`);
    if (entity.fields.some((f) => f.name === next.name)) throw new DesignError('DUPLICATE', `field "${next.name}" exists`);
  }
  const fields = [...entity.fields];
  fields[at] = next;
  return { ...entity, fields, titleField: entity.titleField === name ? next.name : entity.titleField };
}

/** Moves the field named `name` to position `to` among all fields (archived ones included). */
export function moveField(entity: EntityDefinition, name: string, to: number): EntityDefinition {
  const from = entity.fields.findIndex((f) => f.name === name);
  if (from < 0) throw new DesignError('NOT_FOUND', `no field "${name}"`);
  const fields = [...entity.fields];
  const [moved] = fields.splice(from, 1);
  fields.splice(Math.max(0, Math.min(to, fields.length)), 0, moved);
  return { ...entity, fields };
}

/**
 * Deletes a field: a published one is archived (its records keep the data and
 * it can be restored), one that was never published is simply removed.
 */
export function deleteField(entity: EntityDefinition, name: string, publishedNames: ReadonlySet<string>): EntityDefinition {
  const field = fieldNamed(entity, name);
  if (!field) throw new DesignError('NOT_FOUND', `no field "${name}"`);
  if (entity.titleField === name) throw new DesignError('TITLE_FIELD', `"${name}" is the title field`);
  if (!publishedNames.has(name)) return { ...entity, fields: entity.fields.filter((f) => f.name !== name) };
  return { ...entity, fields: entity.fields.map((f) => (f.name === name ? { ...f, archived: true } : f)) };
}

export function restoreField(entity: EntityDefinition, name: string): EntityDefinition {
  if (!fieldNamed(entity, name)) throw new DesignError('NOT_FOUND', `no field "${name}"`);
  return {
    ...entity,
    fields: entity.fields.map((f) => {
      if (f.name !== name) return f;
      const { archived: _archived, ...rest } = f;
      return rest as FieldDefinition;
    }),
  };
}

export function setTitleField(entity: EntityDefinition, name: string): EntityDefinition {
  const field = fieldNamed(entity, name);
  if (!field || field.archived) throw new DesignError('NOT_FOUND', `no active field "${name}"`);
  return { ...entity, titleField: name };
}
