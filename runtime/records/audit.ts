/** The audit trail: one entry per write, with who, when, through which channel, and old → new per field. */
import type { TenantStore } from '../store/port.js';

export type Channel = 'app' | 'api' | 'import' | 'workflow' | 'approval' | 'webhook' | 'template' | 'builder' | 'cli';
export type AuditAction = 'create' | 'update' | 'delete' | 'transition' | 'transfer' | 'publish' | 'userChange' | 'passwordReset' | 'apiKey' | 'approval';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export const AUDIT_COLLECTION = '_audit';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: FieldChange[] = [];
  for (const field of names) {
    if (!same(before[field], after[field])) changes.push({ field, from: before[field] ?? null, to: after[field] ?? null });
  }
  return changes;
}

/** The audit trail of one record, newest first. */
export async function recordHistory(store: TenantStore, entity: string, recordId: string, limit = 200): Promise<Record<string, unknown>[]> {
  const entries = await store.collection(AUDIT_COLLECTION).find({ entity, recordId }, { sort: { at: -1 }, limit });
  return entries.map(({ _id, ...rest }) => ({ id: String(_id), ...rest, at: (rest.at as Date).toISOString() }));
}

export async function writeAudit(
  store: TenantStore,
  entry: { entity: string; recordId: string; action: AuditAction; channel: Channel; user: string | null; at: Date; changes: FieldChange[] },
): Promise<void> {
  await store.collection(AUDIT_COLLECTION).insertOne({ ...entry });
}
