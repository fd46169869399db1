/** Building blocks shared by every definition kind. */

export const localizedText = {
  type: 'object',
  properties: {
    'zh-CN': { type: 'string', minLength: 1, maxLength: 200 },
    en: { type: 'string', minLength: 1, maxLength: 200 },
  },
  required: ['zh-CN', 'en'],
  additionalProperties: false,
} as const;

export const optionalLocalizedText = {
  type: 'object',
  properties: {
    'zh-CN': { type: 'string', maxLength: 2000 },
    en: { type: 'string', maxLength: 2000 },
  },
  additionalProperties: false,
} as const;

/** A stable API name: portable between tenants, immutable once published. */
export const apiName = {
  type: 'string',
  pattern: '^[a-z][a-zA-Z0-9]{0,62}$',
} as const;

export const schemaVersion = { type: 'integer', const: 1 } as const;

/** The header every definition carries. */
export const definitionHeader = {
  name: apiName,
  label: localizedText,
  schemaVersion,
  description: optionalLocalizedText,
} as const;

/**
 * A json-rules-engine condition tree. It is recursive, so its TS type is
 * hand-written in conditions.ts while this schema stays the validator's source.
 */
export const conditionSchema = {
  $id: 'stagecraft:condition',
  type: 'object',
  oneOf: [
    { required: ['all'] },
    { required: ['any'] },
    { required: ['not'] },
    { required: ['fact', 'operator'] },
  ],
  properties: {
    all: { type: 'array', items: { $ref: 'stagecraft:condition' }, maxItems: 50 },
    any: { type: 'array', items: { $ref: 'stagecraft:condition' }, maxItems: 50 },
    not: { $ref: 'stagecraft:condition' },
    fact: { type: 'string', minLength: 1, maxLength: 100 },
    path: { type: 'string', maxLength: 200 },
    operator: {
      enum: [
        'equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan',
        'greaterThanInclusive', 'in', 'notIn', 'contains', 'doesNotContain',
        'isEmpty', 'isNotEmpty',
      ],
    },
    value: {},
    params: { type: 'object' },
  },
  additionalProperties: false,
} as const;
