/**
 * Who may see a request: the platform, administrators, the submitter, anyone
 * who was asked to approve it, and whoever may read the record. Anyone else
 * gets 404, exactly as for a request that does not exist.
 */
import { notFound } from '../errors.js';
import { findForAction } from '../records/access.js';
import type { RecordContext } from '../records/context.js';
import { APPROVAL_REQUESTS } from './lock.js';
import { fromDoc, type ApprovalRequest } from './requestDoc.js';

async function maySee(ctx: RecordContext, request: ApprovalRequest): Promise<boolean> {
  if (!ctx.access || ctx.access.isAdmin || ctx.user === null) return true;
  const user = ctx.user;
  if (request.submittedBy === user) return true;
  if (request.steps.some((s) => s.approvers.includes(user) || s.decisions.some((d) => d.user === user))) return true;
  const entity = ctx.app.entities.get(request.entity);
  return !!entity && (await findForAction(ctx, entity, 'read', request.recordId)) !== null;
}

export async function loadRequest(ctx: RecordContext, requestId: string): Promise<ApprovalRequest> {
  const doc = typeof requestId === 'string' && requestId.length <= 64 ? await ctx.store.collection(APPROVAL_REQUESTS).findOne({ _id: requestId }) : null;
  const request = doc ? fromDoc(doc) : null;
  if (!request || !(await maySee(ctx, request))) throw notFound(`no approval request "${requestId}"`);
  return request;
}
