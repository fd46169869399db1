/**
 * What happens to the record when a request ends: the outcome's field values
 * (onApprove / onReject / onRecall) are saved through the save pipeline as the
 * platform (channel `approval`, one level deeper for the workflow loop guard),
 * after the request has left `pending` so its own lock lets the write through.
 * The request has ended either way; a write that fails is kept on the request
 * (`outcomeError`) for people to see rather than undoing the decision.
 */
import { RuntimeError } from '../errors.js';
import { requireEntity, type RecordContext } from '../records/context.js';
import { updateRecord } from '../records/savePipeline.js';
import { APPROVAL_REQUESTS } from './lock.js';
import { readRecord } from './record.js';
import type { ApprovalRequest, RequestState } from './requestDoc.js';

const OUTCOME: Record<Exclude<RequestState, 'pending'>, 'onApprove' | 'onReject' | 'onRecall'> = {
  approved: 'onApprove',
  rejected: 'onReject',
  recalled: 'onRecall',
};
/** A concurrent edit of the record (when the approval does not lock it) is retried this often. */
const ATTEMPTS = 3;

const describe = (e: unknown) =>
  e instanceof RuntimeError && e.details.length ? `${e.message}: ${e.details.map((d) => `${d.path} ${d.message}`).join('; ')}` : e instanceof Error ? e.message : String(e);

export function systemContext(ctx: RecordContext): RecordContext {
  return { ...ctx, user: null, access: null, channel: 'approval', depth: (ctx.depth ?? 0) + 1 };
}

export async function applyOutcome(ctx: RecordContext, request: ApprovalRequest): Promise<ApprovalRequest> {
  if (request.state === 'pending') return request;
  const values = request.definition[OUTCOME[request.state]]?.setFields;
  if (!values || Object.keys(values).length === 0) return request;
  const system = systemContext(ctx);
  let error = '';
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      const entity = requireEntity(system, request.entity);
      const current = await readRecord(system.store, entity, request.recordId);
      await updateRecord(system, entity.name, request.recordId, { ...values, version: current.version });
      return request;
    } catch (e) {
      error = describe(e);
      if (!(e instanceof RuntimeError)) console.error(`approval ${request.id}: writing the ${request.state} outcome failed`, e);
      if (!(e instanceof RuntimeError && e.code === 'STALE_VERSION')) break;
    }
  }
  await ctx.store.collection(APPROVAL_REQUESTS).updateOne({ _id: request.id }, { $set: { outcomeError: error } });
  return { ...request, outcomeError: error };
}
