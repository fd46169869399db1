/**
 * Whether a record can be submitted to an approval now, and if so the request's
 * first step: no request pending on the record, the entry criteria hold, and
 * somebody can approve the first step that applies. Shared by submitting and
 * by the "which approvals could I submit" list, so both give the same reason.
 */
import type { ApprovalDefinition } from '../../schemas/index.js';
import type { CompiledEntity } from '../definitions/compiledTypes.js';
import { conflict, invalid, RuntimeError } from '../errors.js';
import type { RecordContext } from '../records/context.js';
import type { Doc } from '../store/port.js';
import { failedConditions } from './entryCriteria.js';
import { APPROVAL_REQUESTS } from './lock.js';
import { recordFacts } from './record.js';
import type { StepState } from './requestDoc.js';
import { initialSteps, startStepFrom } from './steps.js';

export interface SubmissionPlan {
  steps: StepState[];
  first: number;
}

/** The approval of that name for that entity; 422 at `/approval` otherwise. */
export function findApproval(ctx: RecordContext, name: unknown, entity: CompiledEntity): ApprovalDefinition {
  const def = typeof name === 'string' ? ctx.app.approvals.get(name) : undefined;
  if (!def || def.entity !== entity.name) {
    throw invalid(`no approval "${String(name)}" for ${entity.name}`, [{ path: '/approval', message: `is not an approval of ${entity.name}` }]);
  }
  return def;
}

export async function pendingRequest(ctx: RecordContext, entity: string, recordId: string): Promise<{ id: string; approval: string } | null> {
  const doc = await ctx.store.collection(APPROVAL_REQUESTS).findOne({ entity, recordId, state: 'pending' }, { projection: { approval: 1 } });
  return doc ? { id: String(doc._id), approval: String(doc.approval) } : null;
}

export const alreadyPending = (entity: string, pending: { id: string; approval: string } | null) =>
  conflict('APPROVAL_ALREADY_PENDING', `this ${entity} already has a pending approval request${pending ? ` (${pending.approval})` : ''}`, [
    { path: '/approval', message: pending ? `request ${pending.id} is pending` : 'a request is pending' },
  ]);

export async function planSubmission(ctx: RecordContext, def: ApprovalDefinition, entity: CompiledEntity, record: Doc): Promise<SubmissionPlan> {
  const recordId = String(record._id);
  const pending = await pendingRequest(ctx, entity.name, recordId);
  if (pending) throw alreadyPending(entity.name, pending);
  if (def.entryCriteria) {
    const hidden = ctx.access?.hiddenFields(entity.name) ?? new Set<string>();
    const failed = failedConditions(def.entryCriteria, recordFacts(entity, record), '/entryCriteria', hidden);
    if (failed.length) {
      throw new RuntimeError('validation', 'ENTRY_CRITERIA', `this ${entity.name} does not meet the entry criteria of approval ${def.name}`, failed);
    }
  }
  const steps = initialSteps(def);
  const first = await startStepFrom(ctx.store, entity, record, def, steps, 0);
  if (first === null) {
    throw new RuntimeError('validation', 'NO_APPROVER', `no step of approval ${def.name} applies to this ${entity.name}`, [
      { path: '/steps', message: 'the `when` condition of every step is false for this record' },
    ]);
  }
  return { steps, first };
}
