/** The field types of schemas/entity.ts and a valid new field of each, so the designer never produces invalid JSON. */
import type { EntityDefinition, FieldDefinition, FieldType } from '../../../../schemas/entity.js';

export const FIELD_TYPES: readonly FieldType[] = [
  'text', 'longText', 'number', 'currency', 'percent', 'date', 'datetime', 'select', 'multiSelect', 'boolean',
  'email', 'phone', 'url', 'lookup', 'user', 'formula', 'rollup', 'autoNumber', 'file',
];

export type Localized = { 'zh-CN': string; en: string };

/** Properties every type shares; they survive a type change. */
const BASE_KEYS = ['name', 'label', 'helpText', 'required', 'unique', 'readOnly', 'archived'] as const;

export interface FieldContext {
  /** An entity a new lookup can point at. */
  firstEntity: string;
  /** A child entity with a lookup to this one, for a new roll-up (else the admin picks one). */
  child?: { entity: string; lookup: string };
}

/** The first entity of `entities` with an active lookup to `entity`: where a roll-up can count from. */
export function childOf(entities: readonly EntityDefinition[], entity: string): FieldContext['child'] {
  for (const e of entities) {
    const lookup = e.fields.find((f) => f.type === 'lookup' && f.target === entity && !f.archived);
    if (lookup) return { entity: e.name, lookup: lookup.name };
  }
  return undefined;
}

/** A new field of `type` with the least it needs to be valid. */
export function newField(type: FieldType, name: string, label: Localized, ctx: FieldContext): FieldDefinition {
  const head = { name, label };
  switch (type) {
    case 'select':
    case 'multiSelect':
      return { ...head, type, options: [{ value: 'option1', label: { 'zh-CN': '选项1', en: 'Option 1' } }] };
    case 'lookup':
      return { ...head, type, target: ctx.firstEntity };
    case 'formula':
      return { ...head, type, expression: '1', resultType: 'number' };
    case 'rollup':
      return { ...head, type, childEntity: ctx.child?.entity ?? ctx.firstEntity, childLookup: ctx.child?.lookup ?? 'id', aggregate: 'count' };
    case 'autoNumber':
      return { ...head, type, format: '{0000}' };
    default:
      return { ...head, type } as FieldDefinition;
  }
}

/** The same field as another type: shared properties stay, type-specific ones are reset. */
export function changeType(field: FieldDefinition, type: FieldType, ctx: FieldContext): FieldDefinition {
  if (field.type === type) return field;
  const fresh = newField(type, field.name, field.label, ctx) as Record<string, unknown>;
  const from = field as Record<string, unknown>;
  for (const key of BASE_KEYS) if (from[key] !== undefined && key !== 'name' && key !== 'label') fresh[key] = from[key];
  // Options carry over between select and multi-select.
  if ((type === 'select' || type === 'multiSelect') && (field.type === 'select' || field.type === 'multiSelect')) fresh.options = field.options;
  return fresh as FieldDefinition;
}

/** Whether a property applies to the type (drives which inputs the field editor shows). */
export function supports(type: FieldType, prop: 'default' | 'minMax' | 'length' | 'pattern' | 'precision' | 'options' | 'unique'): boolean {
  switch (prop) {
    case 'default':
      return !['lookup', 'formula', 'rollup', 'autoNumber', 'file'].includes(type);
    case 'minMax':
      return ['number', 'currency', 'percent', 'date'].includes(type);
    case 'precision':
      return ['number', 'currency', 'percent'].includes(type);
    case 'length':
      return type === 'text' || type === 'longText';
    case 'pattern':
      return type === 'text';
    case 'options':
      return type === 'select' || type === 'multiSelect';
    case 'unique':
      return !['formula', 'rollup', 'file', 'boolean', 'longText', 'multiSelect'].includes(type);
  }
}
