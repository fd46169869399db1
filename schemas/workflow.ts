import { apiName, definitionHeader, localizedText } from './common.js';
import {
  conditionRef, fieldTemplates, fieldValues, literalValue, localizedTemplate, stageValue,
  templateString, userRef, type DefinitionFromSchema,
} from './parts.js';

/** A branch of a `type`-discriminated union: `type` const plus the given properties. */
const variant = <const T extends string, const P extends object, const R extends readonly string[] = []>(
  type: T,
  properties: P,
  required: R = [] as unknown as R,
) =>
  ({
    type: 'object',
    properties: { type: { const: type }, ...properties },
    required: ['type', ...required],
    additionalProperties: false,
  }) as const;

// ---- triggers -------------------------------------------------------------

const primitive = { type: ['string', 'number', 'boolean', 'null'], maxLength: 1000 } as const;

const triggerSchema = {
  type: 'object',
  required: ['type'],
  discriminator: { propertyName: 'type' },
  oneOf: [
    variant('recordCreated', {}),
    variant('recordUpdated', {}),
    /** `from` / `to` restrict the old / new value; absent means any value. */
    variant('fieldChanged', { field: apiName, from: primitive, to: primitive }, ['field']),
    variant('stageChanged', { from: stageValue, to: stageValue }),
    variant('recordDeleted', {}),
    /** e.g. 3 days before closeDate: `{ field: 'closeDate', offset: 3, unit: 'days', direction: 'before' }`. */
    variant(
      'dateRelative',
      {
        field: apiName,
        offset: { type: 'integer', minimum: 0, maximum: 3650 },
        unit: { enum: ['days', 'hours'] },
        direction: { enum: ['before', 'after'] },
      },
      ['field', 'offset', 'unit', 'direction'] as const,
    ),
    /** No update for this many days. */
    variant('idle', { days: { type: 'integer', minimum: 1, maximum: 3650 } }, ['days']),
    /** Five-field cron, evaluated in the tenant's time zone. */
    variant(
      'schedule',
      { cron: { type: 'string', maxLength: 100, pattern: '^\\S+( \\S+){4}$' } },
      ['cron'] as const,
    ),
    variant('manual', { buttonLabel: localizedText }, ['buttonLabel']),
    /** Inbound webhook; `secretRef` names the tenant secret that signs requests. */
    variant('webhook', { secretRef: apiName }),
  ],
} as const;

// ---- actions --------------------------------------------------------------

const assignTarget = {
  type: 'object',
  required: ['type'],
  discriminator: { propertyName: 'type' },
  oneOf: [
    variant('user', { user: userRef }, ['user']),
    /** Over active users with the role, in the team (a department and its sub-departments), or both. */
    { ...variant('roundRobin', { role: apiName, team: apiName }), minProperties: 2 },
    { ...variant('leastLoaded', { role: apiName, team: apiName }), minProperties: 2 },
  ],
} as const;

/** Who is notified. */
const recipient = {
  type: 'object',
  required: ['type'],
  discriminator: { propertyName: 'type' },
  oneOf: [
    variant('owner', {}),
    variant('ownerManager', {}),
    variant('user', { value: userRef }, ['value']),
    variant('role', { value: apiName }, ['value']),
  ],
} as const;

/** Who is e-mailed: a recipient, an e-mail field of the record, or an address. */
const emailRecipient = {
  type: 'object',
  required: ['type'],
  discriminator: { propertyName: 'type' },
  oneOf: [
    ...recipient.oneOf,
    variant('field', { value: apiName }, ['value']),
    variant('address', { value: { type: 'string', format: 'email', maxLength: 254 } }, ['value']),
  ],
} as const;

const actionSchema = {
  type: 'object',
  required: ['type'],
  discriminator: { propertyName: 'type' },
  oneOf: [
    variant('setFields', { values: fieldValues }, ['values']),
    /** `templates` are handlebars strings per field, rendered with the triggering record. */
    variant(
      'createRecord',
      { entity: apiName, values: fieldValues, templates: fieldTemplates },
      ['entity'] as const,
    ),
    /** The first rule whose `when` holds (or has none) assigns; otherwise `fallbackUser`. */
    variant(
      'assignOwner',
      {
        rules: {
          type: 'array',
          minItems: 1,
          maxItems: 50,
          items: {
            type: 'object',
            properties: { when: conditionRef, assignTo: assignTarget },
            required: ['assignTo'],
            additionalProperties: false,
          },
        },
        fallbackUser: userRef,
      },
      ['rules'] as const,
    ),
    variant('notify', { to: recipient, message: localizedTemplate }, ['to', 'message']),
    variant(
      'sendEmail',
      {
        to: { type: 'array', items: emailRecipient, minItems: 1, maxItems: 20 },
        subject: { type: 'string', minLength: 1, maxLength: 500 },
        body: templateString,
      },
      ['to', 'subject', 'body'] as const,
    ),
    /** POSTs JSON; `secretRef` names the tenant secret used to sign the request. */
    variant(
      'callWebhook',
      {
        url: { type: 'string', maxLength: 2000, format: 'uri', pattern: '^https?://' },
        secretRef: apiName,
        /** Handlebars template producing the JSON body; absent sends the record. */
        payloadTemplate: templateString,
      },
      ['url', 'secretRef'] as const,
    ),
    variant('startApproval', { approval: apiName }, ['approval']),
    variant(
      'delay',
      { amount: { type: 'integer', minimum: 1, maximum: 8760 }, unit: { enum: ['minutes', 'hours', 'days'] } },
      ['amount', 'unit'] as const,
    ),
  ],
} as const;

/** Automation: when the trigger fires and the conditions hold, run the actions in order. */
export const workflowSchema = {
  $id: 'stagecraft:workflow',
  type: 'object',
  properties: {
    kind: { const: 'workflow' },
    ...definitionHeader,
    entity: apiName,
    trigger: triggerSchema,
    conditions: conditionRef,
    actions: { type: 'array', items: actionSchema, minItems: 1, maxItems: 50 },
    active: { type: 'boolean' },
    /** How deep workflows may trigger each other before the chain is stopped. */
    maxDepth: { type: 'integer', minimum: 1, maximum: 10 },
  },
  required: ['kind', 'name', 'label', 'schemaVersion', 'entity', 'trigger', 'actions'],
  additionalProperties: false,
} as const;

export type WorkflowDefinition = DefinitionFromSchema<typeof workflowSchema>;
export type WorkflowTrigger = WorkflowDefinition['trigger'];
export type WorkflowTriggerType = WorkflowTrigger['type'];
export type WorkflowAction = WorkflowDefinition['actions'][number];
export type WorkflowActionType = WorkflowAction['type'];
export type WorkflowActionOf<T extends WorkflowActionType> = Extract<WorkflowAction, { type: T }>;
export type LiteralValue = DefinitionFromSchema<typeof literalValue>;
