/**
 * Withdrawing a pending request: by its submitter or an administrator (or the
 * platform), only when the approval allows recall. The request ends `recalled`,
 * then the onRecall field values are written and the submitter is told if
 * someone else recalled it.
 */
import { RuntimeError } from '../errors.js';
import type { RecordContext } from '../records/context.js';
import { auditApproval, commitChange, notPending } from './commit.js';
import { normalizeComment } from './input.js';
import { notifyEnded } from './notices.js';
import { applyOutcome } from './outcome.js';
import { recordTitle } from './record.js';
import { toView, type ApprovalRequestView } from './view.js';
import { loadRequest } from './visibility.js';

export async function recall(ctx: RecordContext, requestId: string, comment?: string | null): Promise<ApprovalRequestView> {
  const text = normalizeComment(comment);
  const before = await loadRequest(ctx, requestId);
  if (before.definition.allowRecall !== true) {
    throw new RuntimeError('forbidden', 'RECALL_NOT_ALLOWED', `approval ${before.approval} does not allow recalling a request`);
  }
  const mayRecall = !ctx.access || ctx.access.isAdmin || (ctx.user !== null && ctx.user === before.submittedBy);
  if (!mayRecall) throw new RuntimeError('forbidden', 'NOT_SUBMITTER', 'only the submitter or an administrator may recall this request');
  if (before.state !== 'pending') throw notPending(before);

  const now = ctx.now?.() ?? new Date();
  const step = before.steps[before.currentStep];
  const ended = {
    ...structuredClone(before),
    state: 'recalled' as const,
    finishedAt: now,
    waitingOn: [],
    history: [...structuredClone(before.history), { action: 'recall' as const, user: ctx.user, step: step.name, comment: text, at: now }],
  };
  let after = await commitChange(ctx, before, ended);
  await auditApproval(ctx, 'recall', before, after, text, now);
  after = await applyOutcome(ctx, after);
  const entity = ctx.app.entities.get(after.entity);
  const title = entity ? recordTitle(entity, await ctx.store.collection(entity.collection).findOne({ _id: after.recordId })) : null;
  await notifyEnded(ctx, after, title, text, now);
  return toView(ctx, after);
}
