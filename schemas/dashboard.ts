import { apiName, definitionHeader, localizedText } from './common.js';
import type { DefinitionFromSchema } from './parts.js';

/** A grid of report widgets (12 columns wide). */
export const dashboardSchema = {
  $id: 'stagecraft:dashboard',
  type: 'object',
  properties: {
    kind: { const: 'dashboard' },
    ...definitionHeader,
    widgets: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        properties: {
          /** Api name of a report definition. */
          report: apiName,
          /** Defaults to the report's label. */
          title: localizedText,
          layout: {
            type: 'object',
            properties: {
              x: { type: 'integer', minimum: 0, maximum: 11 },
              y: { type: 'integer', minimum: 0, maximum: 1000 },
              w: { type: 'integer', minimum: 1, maximum: 12 },
              h: { type: 'integer', minimum: 1, maximum: 50 },
            },
            required: ['x', 'y', 'w', 'h'],
            additionalProperties: false,
          },
        },
        required: ['report', 'layout'],
        additionalProperties: false,
      },
    },
  },
  required: ['kind', 'name', 'label', 'schemaVersion', 'widgets'],
  additionalProperties: false,
} as const;

export type DashboardDefinition = DefinitionFromSchema<typeof dashboardSchema>;
export type DashboardWidget = DashboardDefinition['widgets'][number];
