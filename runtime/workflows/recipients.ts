/** Who a notify or e-mail action reaches: user ids and addresses, resolved when the action runs. */
import type { WorkflowActionOf } from '../../schemas/index.js';
import type { UserCache } from './userCache.js';
import { USERS } from '../identity/users.js';
import { resolveUserRef } from '../identity/userRef.js';

type Recipient = WorkflowActionOf<'notify'>['to'];
type EmailRecipient = WorkflowActionOf<'sendEmail'>['to'][number];

async function activeUser(users: UserCache, id: unknown): Promise<{ id: string; email: string } | null> {
  if (typeof id !== 'string') return null;
  const doc = await users.get(id);
  return doc && doc.status === 'active' ? { id: String(doc._id), email: String(doc.email) } : null;
}

/** Active users a recipient names; empty when nobody matches (e.g. an owner without a manager). */
export async function recipientUsers(users: UserCache, to: Recipient, record: Record<string, unknown>): Promise<{ id: string; email: string }[]> {
  const store = users.store;
  switch (to.type) {
    case 'owner': {
      const u = await activeUser(users, record.owner);
      return u ? [u] : [];
    }
    case 'ownerManager': {
      if (typeof record.owner !== 'string') return [];
      const owner = await users.get(record.owner);
      const u = await activeUser(users, owner?.manager);
      return u ? [u] : [];
    }
    case 'user': {
      const u = await activeUser(users, await resolveUserRef(store, to.value));
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
export async function recipientAddresses(users: UserCache, to: EmailRecipient, record: Record<string, unknown>): Promise<string[]> {
  switch (to.type) {
    case 'field': {
      const v = record[to.value];
      return typeof v === 'string' && v.includes('@') ? [v] : [];
    }
    case 'address':
      return [to.value];
    default:
      return (await recipientUsers(users, to, record)).map((u) => u.email);
  }
}
