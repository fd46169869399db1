/**
 * The record operations' side of access control: the user's filter for an
 * action ANDed into the query, 403 versus 404 without leaking existence, and
 * field restrictions on input and output. A null policy is the system itself
 * (template install, workflow actions running as the platform).
 */
import type { RoleAction } from '../../schemas/index.js';
import type { CompiledEntity } from '../definitions/compiledTypes.js';
import { invalid, RuntimeError, type ErrorDetail } from '../errors.js';
import type { Doc, Filter } from '../store/port.js';
import type { RecordContext } from './context.js';

const forbidden = (message: string) => new RuntimeError('forbidden', 'FORBIDDEN', message);
const NO_FIELDS: ReadonlySet<string> = new Set();

/** `filter` restricted to what the context's user may do for `action`; throws 403 when the scope is none. */
export async function scoped(ctx: RecordContext, entity: CompiledEntity, action: RoleAction, filter: Filter): Promise<Filter> {
  if (!ctx.access) return filter;
  const allowed = await ctx.access.filter(entity, action);
  if (ctx.access.scope(entity.name, action).scope === 'none' && !('$or' in allowed)) {
    throw forbidden(`your role does not allow ${action} on ${entity.name}`);
  }
  if (Object.keys(allowed).length === 0) return filter;
  return Object.keys(filter).length === 0 ? allowed : { $and: [filter, allowed] };
}

/**
 * The record `id` if the user may do `action` on it. A record the user cannot
 * even read answers 404, exactly as a record that does not exist.
 */
export async function findForAction(ctx: RecordContext, entity: CompiledEntity, action: RoleAction, id: string): Promise<Doc | null> {
  const collection = ctx.store.collection(entity.collection);
  if (!ctx.access) return collection.findOne({ _id: id });
  const readable = await collection.findOne(await scoped(ctx, entity, 'read', { _id: id })).catch((e) => {
    if (e instanceof RuntimeError && e.kind === 'forbidden') return null;
    throw e;
  });
  if (!readable) return null;
  if (action === 'read') return readable;
  const permitted = await collection.findOne(await scoped(ctx, entity, action, { _id: id }));
  if (!permitted) throw forbidden(`your role allows you to see this ${entity.name} but not to ${action} it`);
  if (ctx.access.lockedByRecordRules(entity.name, action, permitted)) {
    throw forbidden(`this ${entity.name} is read-only for your role in its current state`);
  }
  return permitted;
}

export function hiddenFields(ctx: RecordContext, entity: CompiledEntity): ReadonlySet<string> {
  return ctx.access?.hiddenFields(entity.name) ?? NO_FIELDS;
}

/** Throws 403 unless some role of the user grants `action` on the entity at all. */
export function requireScope(ctx: RecordContext, entity: CompiledEntity, action: RoleAction): void {
  if (ctx.access && ctx.access.scope(entity.name, action).scope === 'none') throw forbidden(`your role does not allow ${action} on ${entity.name}`);
}

/** Input may not touch fields the user's role makes hidden or read-only. */
export function checkWritableFields(ctx: RecordContext, entity: CompiledEntity, changed: Iterable<string>): void {
  if (!ctx.access) return;
  const readOnly = ctx.access.readOnlyFields(entity.name);
  const problems: ErrorDetail[] = [];
  for (const field of changed) if (readOnly.has(field)) problems.push({ path: `/${field}`, message: 'is read-only for your role' });
  if (problems.length) throw invalid(`you may not change these fields of ${entity.name}`, problems);
}

/** The owner a write sets must lie within the user's scope for that action. */
export function checkOwner(ctx: RecordContext, entity: CompiledEntity, action: RoleAction, owner: unknown): void {
  if (!ctx.access || !entity.definition.hasOwner) return;
  if (!ctx.access.mayAssign(entity.name, action, typeof owner === 'string' ? owner : null)) {
    throw forbidden(`your role does not allow you to give a ${entity.name} to ${String(owner)}`);
  }
}

export function stripHidden<T extends Record<string, unknown>>(record: T, hidden: ReadonlySet<string>): T {
  if (hidden.size === 0) return record;
  return Object.fromEntries(Object.entries(record).filter(([k]) => !hidden.has(k))) as T;
}
