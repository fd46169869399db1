/**
 * An approver's answer. Only an approver of the current step who has not
 * answered yet may answer (403 NOT_APPROVER); only while pending (409). Then:
 * the step waits for more answers (unanimous), moves on to the next step that
 * applies, ends approved after the last one, goes back one step on a rejection
 * (backOneStep, not on the first step), or ends rejected. Whatever the next
 * step needs (its approvers) is resolved before anything is written, so a
 * refused answer writes nothing. After the conditional write: audit, the
 * outcome's field values, notifications.
 */
import { RuntimeError } from '../errors.js';
import { requireEntity, type RecordContext } from '../records/context.js';
import { auditApproval, commitChange, notPending } from './commit.js';
import { normalizeComment } from './input.js';
import { notifyEnded, notifyStepStarted } from './notices.js';
import { applyOutcome } from './outcome.js';
import { readRecord, recordTitle } from './record.js';
import type { ApprovalRequest, Decision } from './requestDoc.js';
import { previousStep, restartStep, startStepFrom, stepOutcome, undecided } from './steps.js';
import { toView, type ApprovalRequestView } from './view.js';
import { loadRequest } from './visibility.js';

const notApprover = (message: string) => new RuntimeError('forbidden', 'NOT_APPROVER', message);

/** The request after `user` answered, with the step moved on, back, or ended as the answer implies. */
async function answer(ctx: RecordContext, before: ApprovalRequest, user: string, decision: Decision, comment: string | null, now: Date): Promise<ApprovalRequest> {
  const request = structuredClone(before);
  const def = request.definition;
  const index = request.currentStep;
  const step = request.steps[index];
  step.decisions.push({ user, decision, comment, at: now });
  request.history.push({ action: decision, user, step: step.name, comment, at: now });
  const outcome = stepOutcome(def.steps[index].mode, step);
  if (outcome === 'waiting') {
    request.waitingOn = undecided(step);
    return request;
  }
  const entity = requireEntity(ctx, request.entity);
  const end = (state: 'approved' | 'rejected') => {
    request.state = state;
    request.finishedAt = now;
    request.waitingOn = [];
    request.history.push({ action: state, user, step: step.name, comment: null, at: now });
    return request;
  };
  if (outcome === 'approved') {
    const next = await startStepFrom(ctx.store, entity, () => readRecord(ctx.store, entity, request.recordId), def, request.steps, index + 1);
    if (next === null) return end('approved');
    request.currentStep = next;
    request.waitingOn = request.steps[next].approvers;
    request.history.push({ action: 'advance', user, step: request.steps[next].name, comment: null, at: now });
    return request;
  }
  const back = def.steps[index].onReject === 'backOneStep' ? previousStep(request.steps, index) : null;
  if (back === null) return end('rejected');
  await restartStep(ctx.store, entity, await readRecord(ctx.store, entity, request.recordId), def, request.steps, back);
  request.currentStep = back;
  request.waitingOn = request.steps[back].approvers;
  request.history.push({ action: 'backOneStep', user, step: request.steps[back].name, comment: null, at: now });
  return request;
}

export async function decide(ctx: RecordContext, requestId: string, decision: Decision, comment?: string | null): Promise<ApprovalRequestView> {
  const text = normalizeComment(comment);
  const before = await loadRequest(ctx, requestId);
  if (before.state !== 'pending') throw notPending(before);
  const user = ctx.user;
  const step = before.steps[before.currentStep];
  if (!user || !step.approvers.includes(user)) throw notApprover(`you are not an approver of step "${step.name}" of this request`);
  if (step.decisions.some((d) => d.user === user)) throw notApprover(`you have already answered step "${step.name}" of this request`);

  const now = ctx.now?.() ?? new Date();
  let after = await commitChange(ctx, before, await answer(ctx, before, user, decision, text, now));
  await auditApproval(ctx, decision, before, after, text, now);
  const entity = ctx.app.entities.get(after.entity);
  const title = entity ? recordTitle(entity, await ctx.store.collection(entity.collection).findOne({ _id: after.recordId })) : null;
  if (after.state === 'pending') {
    if (after.currentStep !== before.currentStep) await notifyStepStarted(ctx, after, title, now);
  } else {
    after = await applyOutcome(ctx, after);
    await notifyEnded(ctx, after, title, decision === 'reject' ? text : null, now);
  }
  return toView(ctx, after);
}
