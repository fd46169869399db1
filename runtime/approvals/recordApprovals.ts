/**
 * The approvals side of one record: its requests, newest first, and the
 * approvals of its entity with whether the user could submit each one now
 * (and if not, why — the same checks and words as submitting).
 */
import type { LocalizedText } from '../messaging/notifications.js';
import { notFound, RuntimeError } from '../errors.js';
import { findForAction } from '../records/access.js';
import { requireEntity, type RecordContext } from '../records/context.js';
import { APPROVAL_REQUESTS } from './lock.js';
import { planSubmission } from './plan.js';
import { fromDoc } from './requestDoc.js';
import { toViews, type ApprovalRequestView } from './view.js';

export interface AvailableApproval {
  name: string;
  label: LocalizedText;
  eligible: boolean;
  reason?: string;
}

const HISTORY_LIMIT = 200;

const reasonOf = (e: RuntimeError) => (e.details.length ? `${e.message}: ${e.details.map((d) => d.message).join('; ')}` : e.message);

export async function recordApprovals(
  ctx: RecordContext, entityName: string, recordId: string,
): Promise<{ items: ApprovalRequestView[]; available: AvailableApproval[] }> {
  const entity = requireEntity(ctx, entityName);
  const record = await findForAction(ctx, entity, 'read', recordId);
  if (!record) throw notFound(`no ${entity.name} with id "${recordId}"`);
  const docs = await ctx.store.collection(APPROVAL_REQUESTS).find({ entity: entity.name, recordId }, { sort: { submittedAt: -1, _id: -1 }, limit: HISTORY_LIMIT });
  const items = await toViews(ctx, docs.map(fromDoc));

  const available: AvailableApproval[] = [];
  for (const def of ctx.app.approvals.values()) {
    if (def.entity !== entity.name) continue;
    try {
      const editable = await findForAction(ctx, entity, 'update', recordId);
      if (!editable) throw notFound(`no ${entity.name} with id "${recordId}"`);
      await planSubmission(ctx, def, entity, editable);
      available.push({ name: def.name, label: def.label, eligible: true });
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      available.push({ name: def.name, label: def.label, eligible: false, reason: reasonOf(e) });
    }
  }
  return { items, available };
}
