/**
 * Writing a state change of a pending request, and its audit entry. The change
 * is conditional on the request still being pending at the revision it was
 * read at, so of two approvers answering at once exactly one wins; the other
 * gets 409 and re-reads (no silent retry: the request may have moved to a step
 * where the same answer would mean something else).
 */
import { conflict } from '../errors.js';
import { writeAudit, type FieldChange } from '../records/audit.js';
import type { RecordContext } from '../records/context.js';
import { APPROVAL_REQUESTS } from './lock.js';
import { changeSet, type ApprovalRequest, type RequestState } from './requestDoc.js';

export const notPending = (request: Pick<ApprovalRequest, 'approval' | 'state'>) =>
  conflict('APPROVAL_NOT_PENDING', `this ${request.approval} request is ${request.state}, no longer pending`);

export async function commitChange(ctx: RecordContext, before: ApprovalRequest, after: ApprovalRequest): Promise<ApprovalRequest> {
  const requests = ctx.store.collection(APPROVAL_REQUESTS);
  const { matchedCount } = await requests.updateOne(
    { _id: before.id, state: 'pending', revision: before.revision },
    { $set: changeSet(after), $inc: { revision: 1 } },
  );
  if (matchedCount !== 1) {
    const latest = await requests.findOne({ _id: before.id }, { projection: { state: 1 } });
    if (latest && latest.state !== 'pending') throw notPending({ approval: before.approval, state: latest.state as RequestState });
    throw conflict('APPROVAL_CHANGED', 'someone else answered this request at the same moment; reload it and try again');
  }
  return { ...after, revision: before.revision + 1 };
}

export type AuditedAction = 'submit' | 'approve' | 'reject' | 'recall';

const currentStepName = (r: ApprovalRequest) => (r.state === 'pending' ? r.steps[r.currentStep].name : null);

/** One audit entry on the record per submit, decision and recall: what happened, and the state and step before → after. */
export function approvalAuditEntry(
  ctx: RecordContext, action: AuditedAction, before: ApprovalRequest | null, after: ApprovalRequest, comment: string | null, at: Date,
): Parameters<typeof writeAudit>[1] {
  const changes: FieldChange[] = [
    { field: 'approval', from: null, to: after.approval },
    { field: 'approvalRequest', from: null, to: after.id },
    { field: 'approvalAction', from: null, to: action },
    { field: 'approvalState', from: before?.state ?? null, to: after.state },
    { field: 'approvalStep', from: before ? currentStepName(before) : null, to: currentStepName(after) },
    ...(comment ? [{ field: 'approvalComment', from: null, to: comment }] : []),
  ];
  return { entity: after.entity, recordId: after.recordId, action: 'approval' as const, channel: ctx.channel, user: ctx.user, at, changes };
}

export async function auditApproval(...args: Parameters<typeof approvalAuditEntry>): Promise<void> {
  await writeAudit(args[0].store, approvalAuditEntry(...args));
}
