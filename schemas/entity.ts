import type { FromSchema } from 'json-schema-to-ts';
import { apiName, definitionHeader, localizedText, optionalLocalizedText } from './common.js';

/** Properties every field type shares. */
const fieldBase = {
  name: apiName,
  label: localizedText,
  helpText: optionalLocalizedText,
  required: { type: 'boolean' },
  unique: { type: 'boolean' },
  readOnly: { type: 'boolean' },
  /** Archived fields keep their data but leave forms, lists and validation. */
  archived: { type: 'boolean' },
} as const;

const fieldHead = ['name', 'type', 'label'] as const;

const selectOption = {
  type: 'object',
  properties: {
    value: { type: 'string', pattern: '^[A-Za-z0-9_\\-]{1,64}$' },
    label: localizedText,
    color: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' },
  },
  required: ['value', 'label'],
  additionalProperties: false,
} as const;

const textField = {
  type: 'object',
  properties: {
    ...fieldBase,
    type: { const: 'text' },
    default: { type: 'string', maxLength: 10000 },
    minLength: { type: 'integer', minimum: 0 },
    maxLength: { type: 'integer', minimum: 1, maximum: 10000 },
    pattern: { type: 'string', maxLength: 500 },
  },
  required: fieldHead,
  additionalProperties: false,
} as const;

const longTextField = {
  type: 'object',
  properties: {
    ...fieldBase,
    type: { const: 'longText' },
    default: { type: 'string', maxLength: 100000 },
    maxLength: { type: 'integer', minimum: 1, maximum: 100000 },
  },
  required: fieldHead,
  additionalProperties: false,
} as const;

const numberProps = {
  default: { type: 'number' },
  min: { type: 'number' },
  max: { type: 'number' },
  precision: { type: 'integer', minimum: 0, maximum: 10 },
} as const;

const numberField = {
  type: 'object',
  properties: { ...fieldBase, type: { const: 'number' }, ...numberProps },
  required: fieldHead,
  additionalProperties: false,
} as const;

const currencyField = {
  type: 'object',
  properties: {
    ...fieldBase,
    type: { const: 'currency' },
    ...numberProps,
    /** ISO 4217; absent means the tenant's base currency. */
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
  },
  required: fieldHead,
  additionalProperties: false,
} as const;

const percentField = {
  type: 'object',
  properties: { ...fieldBase, type: { const: 'percent' }, ...numberProps },
  required: fieldHead,
  additionalProperties: false,
} as const;

/** Dates as ISO strings; a default may be an ISO date or "today" / "today+N". */
const dateField = {
  type: 'object',
  properties: {
    ...fieldBase,
    type: { const: 'date' },
    default: { type: 'string', pattern: '^(today([+-][0-9]{1,4})?|[0-9]{4}-[0-9]{2}-[0-9]{2})$' },
    min: { type: 'string', format: 'date' },
    max: { type: 'string', format: 'date' },
  },
  required: fieldHead,
  additionalProperties: false,
} as const;

const datetimeField = {
  type: 'object',
  properties: {
    ...fieldBase,
    type: { const: 'datetime' },
    default: { type: 'string', pattern: '^(now|[0-9]{4}-[0-9]{2}-[0-9]{2}T.+)$' },
  },
  required: fieldHead,
  additionalProperties: false,
} as const;

const booleanField = {
  type: 'object',
  properties: { ...fieldBase, type: { const: 'boolean' }, default: { type: 'boolean' } },
  required: fieldHead,
  additionalProperties: false,
} as const;

const selectField = {
  type: 'object',
  properties: {
    ...fieldBase,
    type: { const: 'select' },
    options: { type: 'array', items: selectOption, minItems: 1, maxItems: 500 },
    default: { type: 'string', maxLength: 10000 },
  },
  required: [...fieldHead, 'options'],
  additionalProperties: false,
} as const;

const multiSelectField = {
  type: 'object',
  properties: {
    ...fieldBase,
    type: { const: 'multiSelect' },
    options: { type: 'array', items: selectOption, minItems: 1, maxItems: 500 },
    default: { type: 'array', items: { type: 'string', maxLength: 64 }, maxItems: 500 },
    maxItems: { type: 'integer', minimum: 1, maximum: 500 },
  },
  required: [...fieldHead, 'options'],
  additionalProperties: false,
} as const;

const simpleStringField = <T extends string>(type: T) =>
  ({
    type: 'object',
    properties: { ...fieldBase, type: { const: type }, default: { type: 'string', maxLength: 10000 } },
    required: fieldHead,
    additionalProperties: false,
  }) as const;

const emailField = simpleStringField('email');
const phoneField = simpleStringField('phone');
const urlField = simpleStringField('url');

const lookupField = {
  type: 'object',
  properties: {
    ...fieldBase,
    type: { const: 'lookup' },
    /** API name of the target entity. */
    target: apiName,
    /** What happens to this record when the target is deleted. */
    onDelete: { enum: ['restrict', 'clear'] },
  },
  required: [...fieldHead, 'target'],
  additionalProperties: false,
} as const;

const userField = {
  type: 'object',
  properties: { ...fieldBase, type: { const: 'user' }, default: { enum: ['currentUser'] } },
  required: fieldHead,
  additionalProperties: false,
} as const;

const formulaField = {
  type: 'object',
  properties: {
    ...fieldBase,
    type: { const: 'formula' },
    /** Safe expression over the record's fields, e.g. `amount * probability / 100`. */
    expression: { type: 'string', minLength: 1, maxLength: 2000 },
    resultType: { enum: ['number', 'currency', 'percent', 'text', 'boolean', 'date'] },
  },
  required: [...fieldHead, 'expression', 'resultType'],
  additionalProperties: false,
} as const;

const rollupField = {
  type: 'object',
  properties: {
    ...fieldBase,
    type: { const: 'rollup' },
    /** Child entity and its lookup field pointing at this entity. */
    childEntity: apiName,
    childLookup: apiName,
    aggregate: { enum: ['count', 'sum', 'min', 'max', 'avg'] },
    childField: apiName,
  },
  required: [...fieldHead, 'childEntity', 'childLookup', 'aggregate'],
  additionalProperties: false,
} as const;

const autoNumberField = {
  type: 'object',
  properties: {
    ...fieldBase,
    type: { const: 'autoNumber' },
    /** e.g. "Q-{YYYY}{MM}-{0000}": date tokens in the tenant's time zone, then the counter. */
    format: { type: 'string', minLength: 1, maxLength: 60, pattern: '\\{0+\\}' },
    start: { type: 'integer', minimum: 0 },
  },
  required: [...fieldHead, 'format'],
  additionalProperties: false,
} as const;

const fileField = {
  type: 'object',
  properties: {
    ...fieldBase,
    type: { const: 'file' },
    multiple: { type: 'boolean' },
    accept: { type: 'array', items: { type: 'string', maxLength: 100 }, maxItems: 50 },
    maxSizeMb: { type: 'number', exclusiveMinimum: 0, maximum: 1024 },
  },
  required: fieldHead,
  additionalProperties: false,
} as const;

export const fieldSchema = {
  type: 'object',
  required: ['type'],
  discriminator: { propertyName: 'type' },
  oneOf: [
    textField, longTextField, numberField, currencyField, percentField, dateField,
    datetimeField, booleanField, selectField, multiSelectField, emailField, phoneField,
    urlField, lookupField, userField, formulaField, rollupField, autoNumberField, fileField,
  ],
} as const;

export const entitySchema = {
  $id: 'stagecraft:entity',
  type: 'object',
  properties: {
    kind: { const: 'entity' },
    ...definitionHeader,
    pluralLabel: localizedText,
    icon: { type: 'string', maxLength: 60 },
    /** The field shown as the record's name in lists, lookups and titles. */
    titleField: apiName,
    /** Records carry an `owner` (a user id) when true. */
    hasOwner: { type: 'boolean' },
    fields: { type: 'array', items: fieldSchema, minItems: 1, maxItems: 500 },
    indexes: {
      type: 'array',
      maxItems: 30,
      items: {
        type: 'object',
        properties: {
          fields: { type: 'array', items: apiName, minItems: 1, maxItems: 5 },
          unique: { type: 'boolean' },
        },
        required: ['fields'],
        additionalProperties: false,
      },
    },
  },
  required: ['kind', 'name', 'label', 'schemaVersion', 'titleField', 'fields'],
  additionalProperties: false,
} as const;

export type EntityDefinition = FromSchema<typeof entitySchema>;
export type FieldDefinition = EntityDefinition['fields'][number];
export type FieldType = FieldDefinition['type'];
export type FieldOf<T extends FieldType> = Extract<FieldDefinition, { type: T }>;
