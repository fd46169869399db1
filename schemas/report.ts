import { apiName, definitionHeader, localizedText } from './common.js';
import { filterRef, sortSpec, type DefinitionFromSchema } from './parts.js';

const metric = {
  type: 'object',
  properties: {
    /** Optional api name, so `sort` can refer to the metric. */
    name: apiName,
    /** The aggregated field; required unless aggregate is `count`. */
    field: apiName,
    aggregate: { enum: ['count', 'sum', 'avg', 'min', 'max'] },
    label: localizedText,
  },
  required: ['aggregate', 'label'],
  if: { properties: { aggregate: { enum: ['sum', 'avg', 'min', 'max'] } } },
  then: { required: ['field'] },
  additionalProperties: false,
} as const;

const dimension = {
  type: 'object',
  properties: {
    field: apiName,
    /** For date/datetime fields; buckets use the tenant's time zone. */
    dateBucket: { enum: ['day', 'week', 'month', 'quarter', 'year'] },
  },
  required: ['field'],
  additionalProperties: false,
} as const;

/** A report over one entity, compiled to a MongoDB aggregation. */
export const reportSchema = {
  $id: 'stagecraft:report',
  type: 'object',
  properties: {
    kind: { const: 'report' },
    ...definitionHeader,
    entity: apiName,
    metrics: { type: 'array', items: metric, minItems: 1, maxItems: 10 },
    dimensions: { type: 'array', items: dimension, maxItems: 3 },
    /** MongoDB filter document applied before grouping. */
    filter: filterRef,
    chart: { enum: ['bar', 'line', 'pie', 'table', 'funnel', 'number'] },
    /** `field` is a dimension's field or a metric's name. */
    sort: sortSpec,
    limit: { type: 'integer', minimum: 1, maximum: 1000 },
  },
  required: ['kind', 'name', 'label', 'schemaVersion', 'entity', 'metrics', 'chart'],
  additionalProperties: false,
} as const;

export type ReportDefinition = DefinitionFromSchema<typeof reportSchema>;
export type ReportMetric = ReportDefinition['metrics'][number];
