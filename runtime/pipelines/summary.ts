/**
 * The pipeline summary (forecast): per stage the number of records, the sum of
 * their amounts and the weighted sum (amount × the stage's probability / 100),
 * with the stage's forecast category — over the records the user may read, in
 * one aggregation inside the store.
 */
import type { CompiledEntity, CompiledPipeline } from '../definitions/compiledTypes.js';
import { notFound } from '../errors.js';
import { hiddenFields, scoped } from '../records/access.js';
import { requireEntity, type RecordContext } from '../records/context.js';
import type { PipelineStage } from '../../schemas/index.js';

export interface StageSummary {
  stage: string;
  label: PipelineStage['label'];
  probability: number;
  forecastCategory: PipelineStage['forecastCategory'];
  outcome: PipelineStage['outcome'];
  count: number;
  /** Null when the entity has no amount field, or the user's role hides it. */
  amount: number | null;
  weightedAmount: number | null;
}

export interface PipelineSummary {
  pipeline: string;
  entity: string;
  field: string;
  amountField: string | null;
  stages: StageSummary[];
  /** Totals per forecast category (pipeline, bestCase, commit, closed, omitted). */
  forecast: Record<string, { count: number; amount: number | null; weightedAmount: number | null }>;
  total: { count: number; amount: number | null; weightedAmount: number | null };
}

const cents = (n: number) => Math.round(n * 100) / 100;

/** The field summed as the amount: `amount` when it is a number, else the entity's first currency field. */
export function amountFieldOf(entity: CompiledEntity): string | null {
  const amount = entity.fields.get('amount');
  if (amount && (amount.type === 'currency' || amount.type === 'number')) return 'amount';
  return [...entity.fields.values()].find((f) => f.type === 'currency')?.name ?? null;
}

export async function pipelineSummary(ctx: RecordContext, name: string): Promise<PipelineSummary> {
  const pipeline: CompiledPipeline | undefined = ctx.app.pipelines.get(name);
  if (!pipeline) throw notFound(`no pipeline "${name}"`);
  const entity = requireEntity(ctx, pipeline.entity);
  const hidden = hiddenFields(ctx, entity);
  const candidate = amountFieldOf(entity);
  const amountField = candidate && !hidden.has(candidate) ? candidate : null;
  const match = await scoped(ctx, entity, 'read', { [pipeline.field]: { $in: [...pipeline.stages.keys()] } });
  const groups = await ctx.store.collection(entity.collection).aggregate([
    { $match: match },
    { $group: { _id: `$${pipeline.field}`, count: { $sum: 1 }, ...(amountField ? { amount: { $sum: `$${amountField}` } } : {}) } },
  ]);
  const byStage = new Map(groups.map((g) => [String(g._id), g]));
  const stages: StageSummary[] = [...pipeline.stages.values()].map((s) => {
    const g = byStage.get(s.value);
    const amount = amountField ? cents(Number(g?.amount ?? 0)) : null;
    return {
      stage: s.value,
      label: s.label,
      probability: s.probability,
      forecastCategory: s.forecastCategory,
      outcome: s.outcome,
      count: Number(g?.count ?? 0),
      amount,
      weightedAmount: amount === null ? null : cents((amount * s.probability) / 100),
    };
  });
  const add = (into: { count: number; amount: number | null; weightedAmount: number | null }, s: StageSummary) => {
    into.count += s.count;
    if (into.amount !== null && s.amount !== null) into.amount = cents(into.amount + s.amount);
    if (into.weightedAmount !== null && s.weightedAmount !== null) into.weightedAmount = cents(into.weightedAmount + s.weightedAmount);
  };
  const zero = () => ({ count: 0, amount: amountField ? 0 : null, weightedAmount: amountField ? 0 : null });
  const total = zero();
  const forecast: PipelineSummary['forecast'] = {};
  for (const s of stages) {
    add(total, s);
    add((forecast[s.forecastCategory] ??= zero()), s);
  }
  return { pipeline: pipeline.name, entity: entity.name, field: pipeline.field, amountField, stages, forecast, total };
}
