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

/** Keys of a condition node: exactly one of all / any / not, or a fact test. */
const conditionKeys = ['all', 'any', 'not', 'fact', 'operator', 'value', 'path', 'params'] as const;
const only = (...keys: string[]) => ({
  properties: Object.fromEntries(conditionKeys.filter((k) => !keys.includes(k)).map((k) => [k, false])),
});

/**
 * A json-rules-engine condition tree. It is recursive, so its TS type is
 * hand-written in conditions.ts while this schema stays the validator's source.
 *
 * The node's shape is chosen by if/else on its keys (not oneOf), so a fault is
 * reported once, at the offending node or key, instead of once per branch.
 */
export const conditionSchema = {
  $id: 'stagecraft:condition',
  type: 'object',
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
    /** A literal, a list of literals, or `{ fact, path? }` to compare with another fact. */
    value: {
      type: ['string', 'number', 'boolean', 'null', 'array', 'object'],
      maxLength: 1000,
      maxItems: 500,
      items: { type: ['string', 'number', 'boolean', 'null'], maxLength: 1000 },
      properties: {
        fact: { type: 'string', minLength: 1, maxLength: 100 },
        path: { type: 'string', maxLength: 200 },
      },
      required: ['fact'],
      additionalProperties: false,
    },
    params: {
      type: 'object',
      maxProperties: 20,
      propertyNames: apiName,
      additionalProperties: { type: ['string', 'number', 'boolean', 'null'], maxLength: 1000 },
    },
  },
  additionalProperties: false,
  if: { required: ['all'] },
  then: only('all'),
  else: {
    if: { required: ['any'] },
    then: only('any'),
    else: {
      if: { required: ['not'] },
      then: only('not'),
      else: { required: ['fact', 'operator'] },
    },
  },
} as const;
