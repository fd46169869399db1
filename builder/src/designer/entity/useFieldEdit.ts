/** Edits one field: `patch` merges properties (undefined removes one) as one undo step. */
import type { FieldDefinition } from '../../../../schemas/entity.js';
import { fieldNamed, updateField } from '../model/entity.js';
import { useDesigner } from '../state/DesignerContext.js';
import { useEntityEdit } from '../state/useEntityEdit.js';

export function useFieldEdit(entityName: string, fieldName: string) {
  const { publishedFields } = useDesigner();
  const { entity, change } = useEntityEdit(entityName);
  const field = entity ? fieldNamed(entity, fieldName) : undefined;
  const published = publishedFields(entityName);

  const replace = (next: FieldDefinition) => change((e) => updateField(e, fieldName, next, published));
  const patch = (props: Record<string, unknown>) => {
    if (!field) return;
    const next: Record<string, unknown> = { ...field, ...props };
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
    replace(next as FieldDefinition);
  };
  return { entity, field, published: published.has(fieldName), replace, patch };
}
