/**
 * Who approves a step, resolved when the step starts (so a step reached a week
 * later asks the people who hold the role then): a named user, every active
 * user with a role, the record owner's manager, or the user in a user field.
 * Only active users approve.
 */
import type { ApproverSpec } from '../../schemas/index.js';
import type { CompiledEntity } from '../definitions/compiledTypes.js';
import { resolveUserRef } from '../identity/userRef.js';
import { USERS } from '../identity/users.js';
import type { Doc, TenantStore } from '../store/port.js';
import { recordOwner } from './record.js';

async function activeUser(store: TenantStore, id: unknown): Promise<string | null> {
  if (typeof id !== 'string' || id === '') return null;
  const doc = await store.collection(USERS).findOne({ _id: id, status: 'active' }, { projection: { _id: 1 } });
  return doc ? String(doc._id) : null;
}

/**
 * The owner's manager; when that manager has left, the next active manager
 * above, so a departure does not strand the request.
 */
async function ownerManager(store: TenantStore, owner: string | null): Promise<string | null> {
  const users = store.collection(USERS);
  const seen = new Set<string>();
  let at = owner;
  while (at && !seen.has(at)) {
    seen.add(at);
    const doc = await users.findOne({ _id: at }, { projection: { manager: 1 } });
    const manager = typeof doc?.manager === 'string' ? doc.manager : null;
    if (!manager) return null;
    if (await activeUser(store, manager)) return manager;
    at = manager;
  }
  return null;
}

export async function resolveApprovers(store: TenantStore, entity: CompiledEntity, record: Doc, approver: ApproverSpec): Promise<string[]> {
  switch (approver.type) {
    case 'user': {
      const id = await resolveUserRef(store, approver.value);
      return id ? [id] : [];
    }
    case 'role': {
      const docs = await store.collection(USERS).find({ roles: approver.value, status: 'active' }, { projection: { _id: 1 }, sort: { _id: 1 } });
      return docs.map((d) => String(d._id));
    }
    case 'ownerManager': {
      const manager = await ownerManager(store, recordOwner(entity, record));
      return manager ? [manager] : [];
    }
    case 'userField': {
      const id = await activeUser(store, record[approver.value]);
      return id ? [id] : [];
    }
  }
}

/** Words for "nobody can approve this step", naming what was looked for. */
export function describeApprover(approver: ApproverSpec): string {
  switch (approver.type) {
    case 'user': return `no active user "${approver.value}"`;
    case 'role': return `no active user has role "${approver.value}"`;
    case 'ownerManager': return 'the record owner has no active manager';
    case 'userField': return `field "${approver.value}" names no active user`;
  }
}
