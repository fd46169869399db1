/**
 * In-app notifications of approvals, in both UI languages: the approvers of a
 * step when it starts, and the submitter when the request ends (unless the
 * submitter ended it themselves, by recalling it).
 */
import { notify, type LocalizedText } from '../messaging/notifications.js';
import type { RecordContext } from '../records/context.js';
import type { ApprovalRequest } from './requestDoc.js';

const source = (r: ApprovalRequest) => ({ approval: r.approval, requestId: r.id });

export async function notifyStepStarted(ctx: RecordContext, request: ApprovalRequest, title: string | null, now: Date): Promise<void> {
  const step = request.definition.steps[request.currentStep];
  const state = request.steps[request.currentStep];
  const label = request.definition.label;
  const name = title ?? request.recordId;
  const message: LocalizedText = {
    'zh-CN': `待您审批：${label['zh-CN']}「${name}」（${step.label['zh-CN']}）`,
    en: `Waiting for your approval: ${label.en} "${name}" (${step.label.en})`,
  };
  for (const user of state.approvers) {
    await notify(ctx.store, { user, message, entity: request.entity, recordId: request.recordId, source: source(request) }, now);
  }
}

const ENDED: Record<'approved' | 'rejected' | 'recalled', LocalizedText> = {
  approved: { 'zh-CN': '已通过', en: 'was approved' },
  rejected: { 'zh-CN': '已被驳回', en: 'was rejected' },
  recalled: { 'zh-CN': '已被撤回', en: 'was recalled' },
};

export async function notifyEnded(ctx: RecordContext, request: ApprovalRequest, title: string | null, comment: string | null, now: Date): Promise<void> {
  if (request.state === 'pending' || !request.submittedBy || request.submittedBy === ctx.user) return;
  const label = request.definition.label;
  const name = title ?? request.recordId;
  const ended = ENDED[request.state];
  const message: LocalizedText = {
    'zh-CN': `您提交的${label['zh-CN']}「${name}」${ended['zh-CN']}${comment ? `：${comment}` : ''}`,
    en: `Your ${label.en} request for "${name}" ${ended.en}${comment ? `: ${comment}` : ''}`,
  };
  await notify(ctx.store, { user: request.submittedBy, message, entity: request.entity, recordId: request.recordId, source: source(request) }, now);
}
