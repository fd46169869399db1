/**
 * Runs a report definition as one aggregation inside the store: the user's read
 * filter and the report's filter in `$match`, dimensions (date buckets in the
 * tenant's time zone) as the `$group` key, metrics as accumulators.
 */
import type { ReportDefinition } from '../../schemas/index.js';
import type { CompiledEntity } from '../definitions/compiledTypes.js';
import { notFound, RuntimeError } from '../errors.js';
import { guardFilter } from '../records/filterGuard.js';
import { hiddenFields, scoped } from '../records/access.js';
import type { RecordContext } from '../records/context.js';
import { requireEntity } from '../records/context.js';

export interface ReportResult {
  report: string;
  columns: { name: string; kind: 'dimension' | 'metric'; label?: { 'zh-CN': string; en: string } }[];
  rows: Record<string, unknown>[];
}

const FORMATS = { day: '%Y-%m-%d', week: '%G-W%V', month: '%Y-%m', year: '%Y' } as const;

type DateBucket = NonNullable<NonNullable<ReportDefinition['dimensions']>[number]['dateBucket']>;

function dimensionExpression(entity: CompiledEntity, field: string, bucket: DateBucket | undefined, timeZone: string): unknown {
  const type = entity.fields.get(field)?.type;
  if (!bucket) return `$${field}`;
  // A date field is a calendar day: bucket it as such; a datetime is an instant: bucket it in the tenant's zone.
  const zone = type === 'date' ? 'UTC' : timeZone;
  const date = type === 'date' ? { $dateFromString: { dateString: `$${field}`, onNull: null, onError: null } } : `$${field}`;
  if (bucket === 'quarter') {
    return {
      $cond: [
        { $eq: [{ $ifNull: [`$${field}`, null] }, null] },
        null,
        { $concat: [{ $dateToString: { date, format: '%Y', timezone: zone } }, '-Q', { $toString: { $ceil: { $divide: [{ $month: { date, timezone: zone } }, 3] } } }] },
      ],
    };
  }
  return { $dateToString: { date, format: FORMATS[bucket], timezone: zone, onNull: null } };
}

/** Every field a filter document names, at any depth, so a report cannot filter on what the user may not see. */
function filterFields(filter: unknown): string[] {
  if (Array.isArray(filter)) return filter.flatMap(filterFields);
  if (filter === null || typeof filter !== 'object') return [];
  return Object.entries(filter).flatMap(([k, v]) => (k.startsWith('$') ? filterFields(v) : [k, ...filterFields(v)]));
}

export async function runReport(ctx: RecordContext, name: string): Promise<ReportResult> {
  const definition = ctx.app.definitions.get(`report:${name}`) as unknown as ReportDefinition | undefined;
  if (!definition) throw notFound(`no report "${name}"`);
  const entity = requireEntity(ctx, definition.entity);
  const hidden = hiddenFields(ctx, entity);
  const dimensions = definition.dimensions ?? [];
  const used = [
    ...dimensions.map((d) => d.field),
    ...definition.metrics.flatMap((m) => (m.field ? [m.field] : [])),
    ...filterFields(definition.filter),
  ];
  if (used.some((f) => hidden.has(f))) throw new RuntimeError('forbidden', 'FORBIDDEN', `report "${name}" uses fields hidden from your role`);

  const match = await scoped(ctx, entity, 'read', definition.filter ? guardFilter(entity, definition.filter) : {});
  const metricName = (m: ReportDefinition['metrics'][number], i: number) => m.name ?? `m${i}`;
  const group: Record<string, unknown> = {
    _id: Object.fromEntries(dimensions.map((d, i) => [`d${i}`, dimensionExpression(entity, d.field, d.dateBucket, ctx.tenant.timeZone)])),
  };
  definition.metrics.forEach((m, i) => {
    group[metricName(m, i)] = m.aggregate === 'count' ? { $sum: 1 } : { [`$${m.aggregate}`]: `$${m.field}` };
  });
  const sortKey = (field: string) => {
    const d = dimensions.findIndex((dim) => dim.field === field);
    return d >= 0 ? `_id.d${d}` : field;
  };
  const sort = definition.sort?.length
    ? Object.fromEntries(definition.sort.map((s) => [sortKey(s.field), s.direction === 'asc' ? 1 : -1]))
    : dimensions.length ? Object.fromEntries(dimensions.map((_, i) => [`_id.d${i}`, 1])) : undefined;
  const pipeline: Record<string, unknown>[] = [{ $match: match }, { $group: group }];
  if (sort) pipeline.push({ $sort: sort });
  pipeline.push({ $limit: definition.limit ?? 1000 });

  const rows = (await ctx.store.collection(entity.collection).aggregate(pipeline)).map((row) => {
    const out: Record<string, unknown> = {};
    dimensions.forEach((d, i) => (out[d.field] = (row._id as Record<string, unknown>)[`d${i}`] ?? null));
    definition.metrics.forEach((m, i) => {
      const v = row[metricName(m, i)];
      out[metricName(m, i)] = typeof v === 'number' ? Math.round(v * 100) / 100 : (v ?? null);
    });
    return out;
  });
  return {
    report: name,
    columns: [
      ...dimensions.map((d) => ({ name: d.field, kind: 'dimension' as const, label: entity.fields.get(d.field)?.label })),
      ...definition.metrics.map((m, i) => ({ name: metricName(m, i), kind: 'metric' as const, label: m.label })),
    ],
    rows,
  };
}
