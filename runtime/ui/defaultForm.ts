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
