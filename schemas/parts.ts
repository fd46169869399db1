/**
 * Building blocks shared by the kinds added after entity/form: references to
 * the recursive condition and filter schemas, field-value maps, handlebars
 * strings, and `DefinitionFromSchema`, which types `$ref`s to those schemas.
 */
import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import type { Condition } from './conditions.js';
import type { MongoFilter } from './filter.js';
import { apiName } from './common.js';

/** A json-rules-engine condition tree (validated by `stagecraft:condition`). */
export const conditionRef = { $ref: 'stagecraft:condition' } as const;
/** A MongoDB filter document (validated by `stagecraft:filter`). */
export const filterRef = { $ref: 'stagecraft:filter' } as const;

// Type-only stand-ins: FromSchema cannot follow the recursive schemas, so the
// `$ref`s resolve to these stubs and the stubs deserialize to hand-written types.
const conditionStub = { $id: 'stagecraft:condition', $comment: 'stagecraft:condition' } as const;
const filterStub = { $id: 'stagecraft:filter', $comment: 'stagecraft:filter' } as const;
type RefOptions = {
  references: [typeof conditionStub, typeof filterStub];
  deserialize: [
    { pattern: { $comment: 'stagecraft:condition' }; output: Condition },
    { pattern: { $comment: 'stagecraft:filter' }; output: MongoFilter },
  ];
};
/** FromSchema with `stagecraft:condition` → Condition and `stagecraft:filter` → MongoFilter. */
export type DefinitionFromSchema<S extends JSONSchema> = FromSchema<S, RefOptions>;

/** A stage value: the same shape as a select option's `value` (entity.ts). */
export const stageValue = { type: 'string', pattern: '^[A-Za-z0-9_\\-]{1,64}$' } as const;

/**
 * A person named in a portable definition: a user's login name or e-mail,
 * resolved to a user id when the template is installed in a tenant.
 */
export const userRef = { type: 'string', minLength: 1, maxLength: 200, pattern: '^[^\\s$]' } as const;

/** A literal field value: string, number, boolean, null, or a list of strings/numbers. */
export const literalValue = {
  type: ['string', 'number', 'boolean', 'null', 'array'],
  maxLength: 10000,
  maxItems: 200,
  items: { type: ['string', 'number'], maxLength: 1000 },
} as const;

/** Field api name → literal value. Keys are api names, so never `$…` or `__proto__`. */
export const fieldValues = {
  type: 'object',
  propertyNames: apiName,
  maxProperties: 100,
  additionalProperties: literalValue,
} as const;

/** A handlebars template string, rendered with the record as context. */
export const templateString = { type: 'string', minLength: 1, maxLength: 20000 } as const;

/** Field api name → handlebars template producing that field's value. */
export const fieldTemplates = {
  type: 'object',
  propertyNames: apiName,
  maxProperties: 100,
  additionalProperties: { type: 'string', maxLength: 5000 },
} as const;

/** A localized handlebars template: one per supported locale, both required. */
export const localizedTemplate = {
  type: 'object',
  properties: {
    'zh-CN': templateString,
    en: templateString,
  },
  required: ['zh-CN', 'en'],
  additionalProperties: false,
} as const;

/** Sort keys for lists and reports. */
export const sortSpec = {
  type: 'array',
  maxItems: 5,
  items: {
    type: 'object',
    properties: {
      field: { type: 'string', pattern: '^[a-zA-Z_][a-zA-Z0-9_]{0,63}$' },
      direction: { enum: ['asc', 'desc'] },
    },
    required: ['field', 'direction'],
    additionalProperties: false,
  },
} as const;
