/** What the canvas shows of a field: its label in the UI language, type name, whether it is required or has rules. */
import type { EntityDefinition } from '../../../../schemas/entity.js';
import type { FormDefinition } from '../../../../schemas/form.js';
import type { UiLocale } from '../../../../runtime/ui/types.js';
import { localize } from '../../../../runtime/ui/labels.js';
import { fieldTypeName } from '../i18n.js';

export interface FieldInfo {
  label: string;
  typeName: string;
  required?: boolean;
  hasRules?: boolean;
}

export function fieldInfo(entity: EntityDefinition, form: FormDefinition, locale: UiLocale): (name: string) => FieldInfo {
  const byName = new Map(entity.fields.map((f) => [f.name, f]));
  const ruled = new Set((form.rules ?? []).map((r) => r.field));
  return (name) => {
    const f = byName.get(name);
    return f
      ? { label: localize(f.label, locale, name), typeName: fieldTypeName(locale, f.type), required: f.required === true, hasRules: ruled.has(name) }
      : { label: name, typeName: '?' };
  };
}
