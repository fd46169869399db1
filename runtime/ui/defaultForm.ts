/** A form for entities that have none yet: every active field in one two-column section. */
import type { EntityDefinition } from '../../schemas/entity.js';
import type { FormDefinition } from '../../schemas/form.js';
import { activeFields } from './fields.js';

const WIDE = new Set(['longText', 'file']);

export function defaultForm(entity: EntityDefinition): FormDefinition {
  return {
    kind: 'form',
    name: `${entity.name}Default`,
    label: entity.label,
    schemaVersion: 1,
    entity: entity.name,
    sections: [
      {
        id: 'main',
        label: entity.label,
        columns: 2,
        fields: activeFields(entity).map((f) => (WIDE.has(f.type) ? { field: f.name, span: 2 } : { field: f.name })),
      },
    ],
  };
}

/** The form to render for an entity: its first published form, else the default. */
export function formFor(entity: EntityDefinition, forms: readonly FormDefinition[]): FormDefinition {
  return forms.find((f) => f.entity === entity.name) ?? defaultForm(entity);
}

/**
 * The form with the record's owner on it: where the form places `owner`, else
 * at the end of its first section of fields, so every record shows who holds it.
 */
export function withOwner(form: FormDefinition, entity: EntityDefinition): FormDefinition {
  if (!entity.hasOwner || form.sections.some((s) => s.fields.some((p) => p.field === 'owner'))) return form;
  const first = form.sections.findIndex((s) => s.fields.length > 0);
  if (first < 0) return form;
  return {
    ...form,
    sections: form.sections.map((s, i) => (i === first ? { ...s, fields: [...s.fields, { field: 'owner' }] } : s)),
  };
}
