/**
 * In-app notifications (站内通知): one document per recipient in
 * `_notifications`, written by workflows and approvals, read by the user
 * they are for. Text is stored rendered in both UI languages.
 */
import type { BatchOp, TenantStore } from '../store/port.js';
import { newId } from '../store/ids.js';

export const NOTIFICATIONS = '_notifications';

export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

export interface NewNotification {
  user: string;
  message: LocalizedText;
  /** The record it is about, for a link in the app. */
  entity?: string;
  recordId?: string;
  /** What sent it: a workflow run, an approval request. */
  source?: { workflow?: string; runId?: string; approval?: string; requestId?: string };
}

export interface Notification extends NewNotification {
  id: string;
  read: boolean;
  createdAt: string;
}

/** The write that creates a notification, for callers that batch it with other writes. */
export function notificationOp(input: NewNotification, now = new Date()): Extract<BatchOp, { op: 'insert' }> {
  return { op: 'insert', collection: NOTIFICATIONS, doc: { _id: newId(), ...input, read: false, createdAt: now } };
}

export async function notify(store: TenantStore, input: NewNotification, now = new Date()): Promise<string> {
  const { doc } = notificationOp(input, now);
  await store.collection(NOTIFICATIONS).insertOne(doc);
  return String(doc._id);
}

export async function listNotifications(store: TenantStore, user: string, opts: { unreadOnly?: boolean; limit?: number } = {}): Promise<{ items: Notification[]; unread: number }> {
  const col = store.collection(NOTIFICATIONS);
  const filter = opts.unreadOnly ? { user, read: false } : { user };
  const [docs, unread] = await Promise.all([
    col.find(filter, { sort: { createdAt: -1 }, limit: Math.min(opts.limit ?? 50, 200) }),
    col.count({ user, read: false }),
  ]);
  const items = docs.map(({ _id, createdAt, ...rest }) => ({ ...(rest as unknown as NewNotification), id: String(_id), read: rest.read === true, createdAt: (createdAt as Date).toISOString() }));
  return { items, unread };
}

/** Marks one (or, without an id, every) notification of the user read; another user's id matches nothing. */
export async function markRead(store: TenantStore, user: string, id?: string): Promise<number> {
  const col = store.collection(NOTIFICATIONS);
  const filter = id ? { _id: id, user, read: false } : { user, read: false };
  const result = id ? await col.updateOne(filter, { $set: { read: true } }) : await col.updateMany(filter, { $set: { read: true } });
  return result.modifiedCount;
}
