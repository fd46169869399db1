/** Indexes of a tenant's own system collections (users, audit trail, sessions, shares, approvals, notifications, jobs). */
import type { TenantStore } from '../store/port.js';
import { AUDIT_COLLECTION } from '../records/audit.js';
import { UserDirectory } from '../identity/users.js';
import { SESSIONS } from '../identity/auth.js';
import { SHARES } from '../access/policy.js';
import { APPROVAL_REQUESTS } from '../approvals/lock.js';
import { NOTIFICATIONS } from '../messaging/notifications.js';
import { ensureJobIndexes } from '../scheduler/indexes.js';

export async function ensureSystemIndexes(store: TenantStore): Promise<void> {
  await new UserDirectory(store).ensureIndexes();
  await store.collection(AUDIT_COLLECTION).createIndex({ name: 'i_record', keys: { entity: 1, recordId: 1, at: 1 } });
  await store.collection(SESSIONS).createIndex({ name: 'i_user', keys: { user: 1 } });
  await store.collection(SHARES).createIndex({ name: 'i_entity_user', keys: { entity: 1, user: 1 } });
  await store.collection(APPROVAL_REQUESTS).createIndex({ name: 'i_record_state', keys: { entity: 1, recordId: 1, state: 1 } });
  // At most one pending request per record (approvals/requestDoc.ts openKey), and the inbox query.
  await store.collection(APPROVAL_REQUESTS).createIndex({ name: 'u_open', keys: { openKey: 1 }, unique: true });
  await store.collection(APPROVAL_REQUESTS).createIndex({ name: 'i_waiting', keys: { waitingOn: 1, state: 1 } });
  await store.collection(NOTIFICATIONS).createIndex({ name: 'i_user_created', keys: { user: 1, createdAt: -1 } });
  await ensureJobIndexes(store);
}
