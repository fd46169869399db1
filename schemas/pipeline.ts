import { apiName, definitionHeader, localizedText } from './common.js';
import { conditionRef, stageValue, type DefinitionFromSchema } from './parts.js';

/**
 * A pipeline turns an entity's select field into a state machine: the field
 * changes only through a transition listed here.
 */
const stage = {
  type: 'object',
  properties: {
    /** Equals the `value` of one option of the pipeline's select field. */
    value: stageValue,
    label: localizedText,
    /** Win probability, 0–100. */
    probability: { type: 'number', minimum: 0, maximum: 100 },
    forecastCategory: { enum: ['pipeline', 'bestCase', 'commit', 'closed', 'omitted'] },
    outcome: { enum: ['open', 'won', 'lost'] },
    /** Standard operating procedure: what the owner should do in this stage. */
    sopChecklist: {
      type: 'array',
      maxItems: 30,
      items: {
        type: 'object',
        properties: {
          id: { type: 'string', pattern: '^[a-zA-Z0-9_-]{1,40}$' },
          label: localizedText,
          /** Must be ticked before the record may leave the stage. */
          required: { type: 'boolean' },
        },
        required: ['id', 'label'],
        additionalProperties: false,
      },
    },
    /** Days a record may stay in the stage before it is overdue. */
    slaDays: { type: 'integer', minimum: 1, maximum: 3650 },
    color: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' },
  },
  required: ['value', 'label', 'probability', 'forecastCategory', 'outcome'],
  additionalProperties: false,
} as const;

const transition = {
  type: 'object',
  properties: {
    /** Optional api name, e.g. for a button or an audit entry. */
    name: apiName,
    /** A stage value, or `*` for any stage. */
    from: { type: 'string', pattern: '^(\\*|[A-Za-z0-9_\\-]{1,64})$' },
    to: stageValue,
    /** Button label; defaults to the target stage's label. */
    label: localizedText,
    /**
     * Who may take the transition: any listed role, the record's owner, or the
     * owner's manager. Absent: anyone who may update the record.
     */
    allowed: {
      type: 'object',
      properties: {
        roles: { type: 'array', items: apiName, maxItems: 50, uniqueItems: true },
        owner: { type: 'boolean' },
        manager: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    /** Entry condition on the record; the transition is refused unless it holds. */
    condition: conditionRef,
    /** Fields (api names) that must be non-empty after the transition. */
    requiredFields: { type: 'array', items: apiName, maxItems: 100, uniqueItems: true },
  },
  required: ['from', 'to'],
  additionalProperties: false,
} as const;

export const pipelineSchema = {
  $id: 'stagecraft:pipeline',
  type: 'object',
  properties: {
    kind: { const: 'pipeline' },
    ...definitionHeader,
    entity: apiName,
    /** The entity's select field holding the stage. */
    field: apiName,
    stages: { type: 'array', items: stage, minItems: 1, maxItems: 50 },
    transitions: { type: 'array', items: transition, maxItems: 500 },
    /** Stage value a new record starts in. */
    initialStage: stageValue,
  },
  required: ['kind', 'name', 'label', 'schemaVersion', 'entity', 'field', 'stages', 'transitions', 'initialStage'],
  additionalProperties: false,
} as const;

export type PipelineDefinition = DefinitionFromSchema<typeof pipelineSchema>;
export type PipelineStage = PipelineDefinition['stages'][number];
export type PipelineTransition = PipelineDefinition['transitions'][number];
