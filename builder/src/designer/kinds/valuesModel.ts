/**
 * Field → literal value maps (a workflow's "set fields", a created record's
 * values, an approval's outcome): add a field with a value typed for it,
 * change or remove it. Values are what schemas/parts.ts `literalValue` allows.
 */
import type { FieldDefinition } from '../../../../schemas/entity.js';
import type { LiteralValue } from '../../../../schemas/workflow.js';
import { valueKind } from './entities.js';

export type FieldValues = Record<string, LiteralValue>;

/** A first value that passes the server's checks for the field (a select's first option, today for dates…). */
export function initialValue(field: FieldDefinition | undefined): LiteralValue {
  switch (valueKind(field)) {
    case 'number': return 0;
    case 'boolean': return true;
    case 'select': return field && field.type === 'select' ? field.options[0]?.value ?? null : null;
    case 'multiSelect': return [];
    case 'user': case 'lookup': return null;
    default: return '';
  }
}

export function setValue(values: FieldValues | undefined, field: string, value: LiteralValue): FieldValues {
  return { ...(values ?? {}), [field]: value };
}

export function addField(values: FieldValues | undefined, field: FieldDefinition): FieldValues {
  if (values && field.name in values) return values;
  return setValue(values, field.name, initialValue(field));
}

export function removeField(values: FieldValues | undefined, field: string): FieldValues {
  const { [field]: _gone, ...rest } = values ?? {};
  return rest;
}

/** Renames a key in place, keeping the order the admin sees. */
export function renameField(values: FieldValues | undefined, from: string, to: FieldDefinition): FieldValues {
  if (!values || from === to.name) return values ?? {};
  return Object.fromEntries(Object.entries(values).filter(([k]) => k !== to.name).map(([k, v]) => (k === from ? [to.name, initialValue(to)] : [k, v])));
}
