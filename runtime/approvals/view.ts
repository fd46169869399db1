/**
 * Requests as the API shows them (ApprovalRequestView): labels from the
 * request's own definition snapshot, user names and record titles looked up
 * in one query per kind for a whole list.
 */
import type { LocalizedText } from '../messaging/notifications.js';
import type { RecordContext } from '../records/context.js';
import { USERS } from '../identity/users.js';
import type { ApprovalStep } from '../../schemas/index.js';
import type { ApprovalRequest, Decision, HistoryAction, RequestState } from './requestDoc.js';
import { recordTitle } from './record.js';

export interface UserRefView {
  id: string;
  name: string;
}

export interface ApprovalRequestView {
  id: string;
  approval: string;
  label: LocalizedText;
  entity: string;
  recordId: string;
  recordTitle: string | null;
  state: RequestState;
  definitionVersion: number;
  currentStep: number;
  steps: {
    name: string;
    label: LocalizedText;
    mode: ApprovalStep['mode'];
    approvers: UserRefView[];
    decisions: { user: string; userName: string; decision: Decision; comment: string | null; at: string }[];
    /** The step's `when` did not hold when it was reached. */
    skipped: boolean;
  }[];
  history: { action: HistoryAction; user: string | null; userName: string | null; step: string | null; comment: string | null; at: string }[];
  submittedBy: string | null;
  submittedByName: string | null;
  submittedAt: string;
  finishedAt: string | null;
  lockRecord: boolean;
  /** Set when the outcome's field values could not be written to the record. */
  outcomeError?: string;
}

export type Names = ReadonlyMap<string, string>;

export async function userNames(ctx: RecordContext, ids: Iterable<string | null>): Promise<Names> {
  const wanted = [...new Set([...ids].filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const docs = await ctx.store.collection(USERS).find({ _id: { $in: wanted } }, { projection: { name: 1 } });
  return new Map(docs.map((d) => [String(d._id), String(d.name ?? d._id)]));
}

/** Titles by `entity:recordId`, for records of entities the app still has. */
export async function recordTitles(ctx: RecordContext, refs: readonly { entity: string; recordId: string }[]): Promise<ReadonlyMap<string, string | null>> {
  const out = new Map<string, string | null>();
  const byEntity = new Map<string, Set<string>>();
  for (const r of refs) byEntity.set(r.entity, (byEntity.get(r.entity) ?? new Set()).add(r.recordId));
  for (const [name, ids] of byEntity) {
    const entity = ctx.app.entities.get(name);
    if (!entity) continue;
    const docs = await ctx.store.collection(entity.collection).find({ _id: { $in: [...ids] } }, { projection: { [entity.titleField]: 1 } });
    for (const doc of docs) out.set(`${name}:${String(doc._id)}`, recordTitle(entity, doc, ctx));
  }
  return out;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const nameOf = (names: Names, id: string | null) => (id ? names.get(id) ?? id : null);

export function viewOf(request: ApprovalRequest, names: Names, title: string | null): ApprovalRequestView {
  const def = request.definition;
  return {
    id: request.id,
    approval: request.approval,
    label: def.label,
    entity: request.entity,
    recordId: request.recordId,
    recordTitle: title,
    state: request.state,
    definitionVersion: request.definitionVersion,
    currentStep: request.currentStep,
    steps: request.steps.map((s, i) => ({
      name: s.name,
      label: def.steps[i].label,
      mode: def.steps[i].mode,
      approvers: s.approvers.map((id) => ({ id, name: nameOf(names, id)! })),
      decisions: s.decisions.map((d) => ({ user: d.user, userName: nameOf(names, d.user)!, decision: d.decision, comment: d.comment, at: iso(d.at)! })),
      skipped: s.skipped,
    })),
    history: request.history.map((h) => ({ action: h.action, user: h.user, userName: nameOf(names, h.user), step: h.step, comment: h.comment, at: iso(h.at)! })),
    submittedBy: request.submittedBy,
    submittedByName: nameOf(names, request.submittedBy),
    submittedAt: iso(request.submittedAt)!,
    finishedAt: iso(request.finishedAt),
    lockRecord: request.lockRecord,
    ...(request.outcomeError ? { outcomeError: request.outcomeError } : {}),
  };
}

export async function toViews(ctx: RecordContext, requests: readonly ApprovalRequest[]): Promise<ApprovalRequestView[]> {
  const ids = requests.flatMap((r) => [r.submittedBy, ...r.steps.flatMap((s) => [...s.approvers, ...s.decisions.map((d) => d.user)]), ...r.history.map((h) => h.user)]);
  const [names, titles] = await Promise.all([userNames(ctx, ids), recordTitles(ctx, requests)]);
  return requests.map((r) => viewOf(r, names, titles.get(`${r.entity}:${r.recordId}`) ?? null));
}

export async function toView(ctx: RecordContext, request: ApprovalRequest): Promise<ApprovalRequestView> {
  return (await toViews(ctx, [request]))[0];
}
