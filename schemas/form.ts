import type { FromSchema } from 'json-schema-to-ts';
import type { Condition } from './conditions.js';
import { apiName, definitionHeader, localizedText } from './common.js';

/** A per-field rule: the effect holds while the condition holds. */
const fieldRuleHead = {
  field: apiName,
  effect: { enum: ['visible', 'required', 'readOnly'] },
} as const;
const fieldRule = {
  type: 'object',
  properties: { ...fieldRuleHead, when: { $ref: 'stagecraft:condition' } },
  required: ['field', 'effect', 'when'],
  additionalProperties: false,
} as const;
const fieldRuleHeadSchema = {
  type: 'object',
  properties: fieldRuleHead,
  required: ['field', 'effect'],
  additionalProperties: false,
} as const;

const fieldPlacement = {
  type: 'object',
  properties: {
    field: apiName,
    /** Column span within the section's grid. */
    span: { type: 'integer', minimum: 1, maximum: 4 },
  },
  required: ['field'],
  additionalProperties: false,
} as const;

const relatedList = {
  type: 'object',
  properties: {
    entity: apiName,
    /** The child's lookup field that points at this record. */
    via: apiName,
    columns: { type: 'array', items: apiName, maxItems: 12 },
    label: localizedText,
  },
  required: ['entity', 'via'],
  additionalProperties: false,
} as const;

const section = {
  type: 'object',
  properties: {
    id: { type: 'string', pattern: '^[a-zA-Z0-9_-]{1,40}$' },
    label: localizedText,
    /** Tab the section belongs to; sections without a tab show on the first. */
    tab: { type: 'string', pattern: '^[a-zA-Z0-9_-]{1,40}$' },
    columns: { type: 'integer', minimum: 1, maximum: 4 },
    collapsed: { type: 'boolean' },
    fields: { type: 'array', items: fieldPlacement, maxItems: 200 },
    relatedList,
  },
  required: ['id', 'label', 'fields'],
  additionalProperties: false,
} as const;

export const formSchema = {
  $id: 'stagecraft:form',
  type: 'object',
  properties: {
    kind: { const: 'form' },
    ...definitionHeader,
    entity: apiName,
    tabs: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        properties: {
          id: { type: 'string', pattern: '^[a-zA-Z0-9_-]{1,40}$' },
          label: localizedText,
        },
        required: ['id', 'label'],
        additionalProperties: false,
      },
    },
    sections: { type: 'array', items: section, minItems: 1, maxItems: 50 },
    rules: { type: 'array', items: fieldRule, maxItems: 200 },
  },
  required: ['kind', 'name', 'label', 'schemaVersion', 'entity', 'sections'],
  additionalProperties: false,
} as const;

type FormDefinitionRaw = FromSchema<typeof formSchema>;
/** The rule's condition is recursive, so its type comes from conditions.ts. */
export type FormRule = FromSchema<typeof fieldRuleHeadSchema> & { when: Condition };
export type FormDefinition = Omit<FormDefinitionRaw, 'rules'> & { rules?: FormRule[] };
export type FormSection = FormDefinition['sections'][number];
