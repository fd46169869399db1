/**
 * The record lock of a pending approval: while a request whose approval locks
 * the record is pending, nobody edits, moves or deletes the record. Approval
 * outcomes write after the request has left `pending`, so they pass.
 */
import { RuntimeError } from '../errors.js';
import type { TenantStore } from '../store/port.js';

export const APPROVAL_REQUESTS = '_approvalRequests';

export interface ApprovalLock {
  requestId: string;
  approval: string;
}

export async function pendingLock(store: TenantStore, entity: string, recordId: string): Promise<ApprovalLock | null> {
  const doc = await store.collection(APPROVAL_REQUESTS).findOne(
    { entity, recordId, state: 'pending', lockRecord: true },
    { projection: { approval: 1 } },
  );
  return doc ? { requestId: String(doc._id), approval: String(doc.approval) } : null;
}

/** 409 APPROVAL_PENDING when the record is locked by a pending approval. */
export async function refuseWhileLocked(store: TenantStore, entity: string, recordId: string): Promise<void> {
  const lock = await pendingLock(store, entity, recordId);
  if (lock) {
    throw new RuntimeError('conflict', 'APPROVAL_PENDING', `this ${entity} is waiting for approval (${lock.approval}) and cannot be changed until the request is decided or recalled`, [
      { path: '/approval', message: lock.requestId },
    ]);
  }
}
