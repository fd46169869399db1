/** A user's approvals inbox: pending requests whose current step waits for their answer, newest first. */
import type { LocalizedText } from '../messaging/notifications.js';
import type { RecordContext } from '../records/context.js';
import { APPROVAL_REQUESTS } from './lock.js';
import { fromDoc } from './requestDoc.js';
import { recordTitles, userNames } from './view.js';

export interface InboxItem {
  id: string;
  approval: string;
  label: LocalizedText;
  entity: string;
  recordId: string;
  recordTitle: string | null;
  step: { name: string; label: LocalizedText };
  submittedBy: string | null;
  submittedByName: string | null;
  submittedAt: string;
  comment: string | null;
}

const INBOX_LIMIT = 500;

export async function inbox(ctx: RecordContext): Promise<{ items: InboxItem[] }> {
  if (!ctx.user) return { items: [] };
  const docs = await ctx.store
    .collection(APPROVAL_REQUESTS)
    .find({ state: 'pending', waitingOn: ctx.user }, { sort: { submittedAt: -1, _id: -1 }, limit: INBOX_LIMIT });
  const requests = docs.map(fromDoc);
  const [names, titles] = await Promise.all([userNames(ctx, requests.map((r) => r.submittedBy)), recordTitles(ctx, requests)]);
  const items = requests.map((r) => {
    const step = r.definition.steps[r.currentStep];
    return {
      id: r.id,
      approval: r.approval,
      label: r.definition.label,
      entity: r.entity,
      recordId: r.recordId,
      recordTitle: titles.get(`${r.entity}:${r.recordId}`) ?? null,
      step: { name: step.name, label: step.label },
      submittedBy: r.submittedBy,
      submittedByName: r.submittedBy ? names.get(r.submittedBy) ?? r.submittedBy : null,
      submittedAt: new Date(r.submittedAt).toISOString(),
      comment: r.comment,
    };
  });
  return { items };
}
