/**
 * A person named in a portable definition (`userRef`): a user id such as
 * `manager1`, or an e-mail. Resolved when the definition runs, so a template
 * names people by login and each tenant maps them to its own users.
 */
import type { TenantStore } from '../store/port.js';
import { USERS } from './users.js';

/** The active user's id the reference names, or null when the tenant has no such active user. */
export async function resolveUserRef(store: TenantStore, ref: string): Promise<string | null> {
  const users = store.collection(USERS);
  const doc = ref.includes('@')
    ? await users.findOne({ email: ref.toLowerCase(), status: 'active' }, { projection: { _id: 1 } })
    : await users.findOne({ _id: ref, status: 'active' }, { projection: { _id: 1 } });
  return doc ? String(doc._id) : null;
}
