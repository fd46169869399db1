/**
 * The pipeline's rules inside the save pipeline: a record starts in the
 * initial stage, and its stage field changes only through a transition.
 */
import type { CompiledEntity } from '../definitions/compiledTypes.js';
import { invalid } from '../errors.js';
import type { RecordContext } from '../records/context.js';

/** Sample data from a template install may be in any stage; every other create starts in the initial stage. */
export function mayCreateInAnyStage(ctx: RecordContext): boolean {
  return ctx.access === null && ctx.channel === 'template';
}

/** Sets or checks the stage of a record being created (before defaults apply). */
export function startStage(ctx: RecordContext, entity: CompiledEntity, values: Record<string, unknown>): void {
  const pipeline = entity.pipeline;
  if (!pipeline) return;
  const given = values[pipeline.field];
  if (given === undefined || given === null) {
    values[pipeline.field] = pipeline.initialStage;
    return;
  }
  if (given === pipeline.initialStage || mayCreateInAnyStage(ctx)) return;
  throw invalid(`a new ${entity.name} starts in stage "${pipeline.initialStage}"; move it on with a transition`, [
    { path: `/${pipeline.field}`, message: `must be "${pipeline.initialStage}" (the initial stage of pipeline ${pipeline.name}); use a transition to change it` },
  ]);
}

/** Refuses an ordinary update that changes the stage field. */
export function refuseDirectStageChange(entity: CompiledEntity, changedFields: readonly string[]): void {
  const pipeline = entity.pipeline;
  if (!pipeline || !changedFields.includes(pipeline.field)) return;
  throw invalid(`the ${pipeline.field} of a ${entity.name} changes only through a transition`, [
    { path: `/${pipeline.field}`, message: `cannot be changed directly; use a transition (POST …/records/${entity.name}/:id/transition)` },
  ]);
}
