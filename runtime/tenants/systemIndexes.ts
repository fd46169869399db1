/** Indexes of a tenant's own system collections (users, audit trail, sessions, shares). */
import type { TenantStore } from '../store/port.js';
import { AUDIT_COLLECTION } from '../records/audit.js';
import { UserDirectory } from '../identity/users.js';
import { SESSIONS } from '../identity/auth.js';
import { SHARES } from '../access/policy.js';

export async function ensureSystemIndexes(store: TenantStore): Promise<void> {
  await new UserDirectory(store).ensureIndexes();
  await store.collection(AUDIT_COLLECTION).createIndex({ name: 'i_record', keys: { entity: 1, recordId: 1, at: 1 } });
  await store.collection(SESSIONS).createIndex({ name: 'i_user', keys: { user: 1 } });
  await store.collection(SHARES).createIndex({ name: 'i_entity_user', keys: { entity: 1, user: 1 } });
}
