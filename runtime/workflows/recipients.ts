/** Who a notify or e-mail action reaches: user ids and addresses, resolved when the action runs. */
import type { WorkflowActionOf } from '../../schemas/index.js';
import type { TenantStore } from '../store/port.js';
import { USERS } from '../identity/users.js';
import { resolveUserRef } from '../identity/userRef.js';

type Recipient = WorkflowActionOf<'notify'>['to'];
type EmailRecipient = WorkflowActionOf<'sendEmail'>['to'][number];

async function activeUser(store: TenantStore, id: unknown): Promise<{ id: string; email: string } | null> {
  if (typeof id !== 'string') return null;
  const doc = await store.collection(USERS).findOne({ _id: id, status: 'active' }, { projection: { email: 1 } });
  return doc ? { id: String(doc._id), email: String(doc.email) } : null;
}

/** Active users a recipient names; empty when nobody matches (e.g. an owner without a manager). */
export async function recipientUsers(store: TenantStore, to: Recipient, record: Record<string, unknown>): Promise<{ id: string; email: string }[]> {
  switch (to.type) {
    case 'owner': {
      const u = await activeUser(store, record.owner);
      return u ? [u] : [];
    }
    case 'ownerManager': {
      if (typeof record.owner !== 'string') return [];
      const owner = await store.collection(USERS).findOne({ _id: record.owner }, { projection: { manager: 1 } });
      const u = await activeUser(store, owner?.manager);
      return u ? [u] : [];
    }
    case 'user': {
      const u = await activeUser(store, await resolveUserRef(store, to.value));
      return u ? [u] : [];
    }
    case 'role': {
      const docs = await store.collection(USERS).find({ roles: to.value, status: 'active' }, { sort: { _id: 1 }, projection: { email: 1 } });
      return docs.map((d) => ({ id: String(d._id), email: String(d.email) }));
    }
    default: {
      const unhandled: never = to;
      throw new Error(`unknown recipient ${JSON.stringify(unhandled)}`);
    }
  }
}

/** E-mail addresses for a send action's recipient (deduplicated by the caller). */
export async function recipientAddresses(store: TenantStore, to: EmailRecipient, record: Record<string, unknown>): Promise<string[]> {
  switch (to.type) {
    case 'field': {
      const v = record[to.value];
      return typeof v === 'string' && v.includes('@') ? [v] : [];
    }
    case 'address':
      return [to.value];
    default:
      return (await recipientUsers(store, to, record)).map((u) => u.email);
  }
}
