/**
 * Submitting a record for approval, by a person (who must be allowed to edit
 * the record) or by the platform (a workflow's startApproval, submitting on
 * behalf of `opts.submitter` or the record owner). The request snapshots the
 * approval definition and the published version it starts on; it is written
 * together with its audit entry, then the first step's approvers are notified.
 */
import { notFound } from '../errors.js';
import { AUDIT_COLLECTION } from '../records/audit.js';
import { findForAction } from '../records/access.js';
import { requireEntity, type RecordContext } from '../records/context.js';
import { newId } from '../store/ids.js';
import { DuplicateKeyError } from '../store/port.js';
import { approvalAuditEntry } from './commit.js';
import { normalizeComment } from './input.js';
import { APPROVAL_REQUESTS } from './lock.js';
import { notifyStepStarted } from './notices.js';
import { alreadyPending, findApproval, pendingRequest, planSubmission } from './plan.js';
import { recordOwner, recordTitle } from './record.js';
import { toDoc, type ApprovalRequest } from './requestDoc.js';
import { toView, type ApprovalRequestView } from './view.js';

export interface SubmitInput {
  approval: string;
  entity: string;
  recordId: string;
  comment?: string | null;
}

export async function submitApproval(ctx: RecordContext, input: SubmitInput, opts: { submitter?: string } = {}): Promise<ApprovalRequestView> {
  const entity = requireEntity(ctx, input.entity);
  const def = findApproval(ctx, input.approval, entity);
  const comment = normalizeComment(input.comment);
  const record = ctx.access
    ? await findForAction(ctx, entity, 'update', input.recordId)
    : await ctx.store.collection(entity.collection).findOne({ _id: input.recordId });
  if (!record) throw notFound(`no ${entity.name} with id "${input.recordId}"`);
  const plan = await planSubmission(ctx, def, entity, record);

  const now = ctx.now?.() ?? new Date();
  const submitter = ctx.user ?? opts.submitter ?? recordOwner(entity, record);
  const request: ApprovalRequest = {
    id: newId(),
    approval: def.name,
    entity: entity.name,
    recordId: input.recordId,
    state: 'pending',
    lockRecord: def.lockRecord === true,
    definitionVersion: ctx.app.version,
    definition: def,
    currentStep: plan.first,
    steps: plan.steps,
    history: [{ action: 'submit', user: submitter, step: def.steps[plan.first].name, comment, at: now }],
    submittedBy: submitter,
    submittedAt: now,
    comment,
    finishedAt: null,
    waitingOn: plan.steps[plan.first].approvers,
    revision: 0,
    outcomeError: null,
  };
  try {
    await ctx.store.batch([
      { op: 'insert', collection: APPROVAL_REQUESTS, doc: toDoc(request) },
      { op: 'insert', collection: AUDIT_COLLECTION, doc: approvalAuditEntry(ctx, 'submit', null, request, comment, now) },
    ]);
  } catch (e) {
    // Another submission for this record won the race (unique `openKey`).
    if (e instanceof DuplicateKeyError) throw alreadyPending(entity.name, await pendingRequest(ctx, entity.name, input.recordId));
    throw e;
  }
  await notifyStepStarted(ctx, request, recordTitle(entity, record), now);
  return toView(ctx, request);
}
