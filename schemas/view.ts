import { apiName, definitionHeader } from './common.js';
import { filterRef, sortSpec, userRef, type DefinitionFromSchema } from './parts.js';

/** A saved list, kanban board or calendar over one entity. */
export const viewSchema = {
  $id: 'stagecraft:view',
  type: 'object',
  properties: {
    kind: { const: 'view' },
    ...definitionHeader,
    entity: apiName,
    type: { enum: ['list', 'kanban', 'calendar'] },
    /** Field api names shown as list columns (or on kanban cards), in order. */
    columns: { type: 'array', items: apiName, maxItems: 50, uniqueItems: true },
    /** MongoDB filter document over the entity's records. */
    filter: filterRef,
    sort: sortSpec,
    /** Required when type is kanban: group by a pipeline's stages or by a select field. */
    kanban: {
      type: 'object',
      properties: {
        pipeline: apiName,
        groupBy: apiName,
      },
      minProperties: 1,
      maxProperties: 1,
      additionalProperties: false,
    },
    /** Required when type is calendar. */
    calendar: {
      type: 'object',
      properties: {
        dateField: apiName,
        endDateField: apiName,
      },
      required: ['dateField'],
      additionalProperties: false,
    },
    pageSize: { type: 'integer', minimum: 1, maximum: 200 },
    /** Who sees the view; absent means everyone who can read the entity. */
    visibility: {
      type: 'object',
      properties: {
        roles: { type: 'array', items: apiName, maxItems: 50, uniqueItems: true },
        user: userRef,
      },
      additionalProperties: false,
    },
  },
  required: ['kind', 'name', 'label', 'schemaVersion', 'entity', 'type'],
  allOf: [
    { if: { properties: { type: { const: 'kanban' } } }, then: { required: ['kanban'] } },
    { if: { properties: { type: { const: 'calendar' } } }, then: { required: ['calendar'] } },
  ],
  additionalProperties: false,
} as const;

export type ViewDefinition = DefinitionFromSchema<typeof viewSchema>;
