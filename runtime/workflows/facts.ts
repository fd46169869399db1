/**
 * What a workflow's conditions and templates see: the record's fields as
 * top-level facts (plus id, owner, createdAt, updatedAt), and reserved facts
 * that no api name can shadow:
 *   $previous — the values before this save (null on create), e.g. `{ fact: '$previous', path: '$.stage' }`
 *   $user     — who made the change: id, name, email, roles, department, region, manager (null for the system)
 *   $related  — records the workflow's conditions reach through lookups, by lookup field,
 *               e.g. `{ fact: '$related', path: '$.account.industry' }`
 */
import type { CompiledEntity } from '../definitions/compiledTypes.js';
import type { Condition } from '../../schemas/conditions.js';
import type { TenantStore, Doc } from '../store/port.js';
import { fieldValues } from '../records/storedForm.js';
import { toUser } from '../identity/users.js';
import type { UserCache } from './userCache.js';
import type { CompiledApp } from '../definitions/compiledTypes.js';

export const RESERVED_FACTS = ['$previous', '$user', '$related', '$trigger'] as const;

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v ?? null);

/** A record as facts and template context: field values plus its system properties. */
export function recordFacts(entity: CompiledEntity, doc: Doc): Record<string, unknown> {
  return {
    ...fieldValues(entity, doc),
    id: String(doc._id),
    createdAt: iso(doc.createdAt),
    updatedAt: iso(doc.updatedAt),
    createdBy: doc.createdBy ?? null,
    updatedBy: doc.updatedBy ?? null,
  };
}

export async function userFacts(users: UserCache, userId: string | null): Promise<Record<string, unknown> | null> {
  if (!userId) return null;
  const doc = await users.get(userId);
  if (!doc) return null;
  const u = toUser(doc);
  return { id: u.id, name: u.name, email: u.email, roles: u.roles, department: u.department, region: u.region, manager: u.manager };
}

/** Lookup fields whose related record a condition reads through `$related` (the first path step). */
export function relatedFieldsOf(condition: Condition | undefined, into = new Set<string>()): Set<string> {
  if (!condition) return into;
  if ('all' in condition) condition.all.forEach((c) => relatedFieldsOf(c, into));
  else if ('any' in condition) condition.any.forEach((c) => relatedFieldsOf(c, into));
  else if ('not' in condition) relatedFieldsOf(condition.not, into);
  else if (condition.fact === '$related' && condition.path) {
    const first = condition.path.replace(/^\$\.?/, '').split('.')[0];
    if (first) into.add(first);
  }
  return into;
}

/** The records behind the given lookup fields (read as the system: a workflow's reach is its definition's). */
export async function relatedFacts(app: CompiledApp, store: TenantStore, entity: CompiledEntity, record: Record<string, unknown>, fields: Iterable<string>): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const name of fields) {
    const field = entity.fields.get(name);
    const id = record[name];
    if (field?.type !== 'lookup' || typeof id !== 'string') continue;
    const target = app.entities.get(field.target);
    if (!target) continue;
    const doc = await store.collection(target.collection).findOne({ _id: id });
    out[name] = doc ? recordFacts(target, doc) : null;
  }
  return out;
}
