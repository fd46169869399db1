import { apiName, definitionHeader, localizedText } from './common.js';
import { conditionRef, fieldValues, userRef, type DefinitionFromSchema } from './parts.js';

const approver = {
  type: 'object',
  required: ['type'],
  discriminator: { propertyName: 'type' },
  oneOf: [
    {
      type: 'object',
      properties: { type: { const: 'user' }, value: userRef },
      required: ['type', 'value'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { type: { const: 'role' }, value: apiName },
      required: ['type', 'value'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { type: { const: 'ownerManager' } },
      required: ['type'],
      additionalProperties: false,
    },
    {
      /** A user field of the record, e.g. `salesDirector`. */
      type: 'object',
      properties: { type: { const: 'userField' }, value: apiName },
      required: ['type', 'value'],
      additionalProperties: false,
    },
  ],
} as const;

const step = {
  type: 'object',
  properties: {
    name: apiName,
    label: localizedText,
    approver,
    /** With several approvers (a role): all must approve, or the first answer decides. */
    mode: { enum: ['unanimous', 'firstResponse'] },
    /** On rejection: the request ends rejected, or returns to the previous step. */
    onReject: { enum: ['final', 'backOneStep'] },
    /**
     * The step applies only when the record satisfies this when the step is
     * reached (e.g. the director only above 2,000,000); otherwise it is skipped.
     */
    when: conditionRef,
  },
  required: ['name', 'label', 'approver', 'mode', 'onReject'],
  additionalProperties: false,
} as const;

/** What to do when the request ends a given way. */
const outcome = {
  type: 'object',
  properties: { setFields: fieldValues },
  additionalProperties: false,
} as const;

/** An approval process; started by a workflow's `startApproval` action or by hand. */
export const approvalSchema = {
  $id: 'stagecraft:approval',
  type: 'object',
  properties: {
    kind: { const: 'approval' },
    ...definitionHeader,
    entity: apiName,
    /** The record must satisfy this to be submitted. */
    entryCriteria: conditionRef,
    steps: { type: 'array', items: step, minItems: 1, maxItems: 20 },
    onApprove: outcome,
    onReject: outcome,
    onRecall: outcome,
    /** The submitter may withdraw a pending request. */
    allowRecall: { type: 'boolean' },
    /** The record is read-only while the request is pending. */
    lockRecord: { type: 'boolean' },
  },
  required: ['kind', 'name', 'label', 'schemaVersion', 'entity', 'steps'],
  additionalProperties: false,
} as const;

export type ApprovalDefinition = DefinitionFromSchema<typeof approvalSchema>;
export type ApprovalStep = ApprovalDefinition['steps'][number];
export type ApproverSpec = ApprovalStep['approver'];
