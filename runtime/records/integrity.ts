/** Referential rules between records: lookups must point at existing records; deletes respect references. */
import type { CompiledApp, CompiledEntity } from '../definitions/compiledTypes.js';
import { conflict, invalid, type ErrorDetail } from '../errors.js';
import type { BatchOp, TenantStore } from '../store/port.js';
import type { RecordContext } from './context.js';
import { scoped } from './access.js';
import { USERS } from '../identity/users.js';

/**
 * Every non-blank lookup value among `changed` must name an existing record of
 * its target that the user may read (so a lookup cannot probe for records they
 * cannot see), and owner and user fields must name users of this tenant.
 */
export async function checkReferences(ctx: RecordContext, entity: CompiledEntity, values: Record<string, unknown>, changed: ReadonlySet<string>): Promise<void> {
  const problems: ErrorDetail[] = [];
  for (const field of entity.lookups) {
    const id = values[field.name];
    if (!changed.has(field.name) || id === null || id === undefined) continue;
    const target = ctx.app.entities.get(field.target)!;
    // A detail's parent must be one the user may change; any other lookup, one they may read.
    const action = entity.master?.name === field.name ? 'update' : 'read';
    const filter = ctx.access ? await scoped(ctx, target, action, { _id: id }).catch(() => null) : { _id: id };
    if (!filter || (await ctx.store.collection(target.collection).count(filter)) === 0) {
      problems.push({ path: `/${field.name}`, message: `no ${field.target} with id "${String(id)}"` });
    }
  }
  const userFields = [...entity.fields.values()].filter((f) => f.type === 'user').map((f) => f.name);
  if (entity.definition.hasOwner) userFields.push('owner');
  const named = userFields.filter((f) => changed.has(f) && typeof values[f] === 'string');
  if (named.length) {
    const ids = [...new Set(named.map((f) => values[f] as string))];
    const users = await ctx.store.collection(USERS).find({ _id: { $in: ids } }, { projection: { status: 1 } });
    const status = new Map(users.map((u) => [String(u._id), u.status as string]));
    for (const f of named) {
      const id = values[f] as string;
      if (!status.has(id)) problems.push({ path: `/${f}`, message: `no user "${id}"` });
      else if (status.get(id) !== 'active') problems.push({ path: `/${f}`, message: `${id} has left; choose an active user` });
    }
  }
  if (problems.length) throw invalid('the record refers to records or users that do not exist', problems);
}

/**
 * What deleting a record does to records that refer to it: lookups with
 * `onDelete: clear` are cleared in the same batch; any other reference blocks the delete.
 */
export async function deleteEffects(store: TenantStore, app: CompiledApp, entity: CompiledEntity, id: string): Promise<BatchOp[]> {
  const ops: BatchOp[] = [];
  const blockers: ErrorDetail[] = [];
  for (const other of app.entities.values()) {
    for (const field of other.lookups) {
      if (field.target !== entity.name) continue;
      const filter = { [field.name]: id };
      const count = await store.collection(other.collection).count(filter);
      if (count === 0) continue;
      if (field.onDelete === 'clear') {
        ops.push({ op: 'update', collection: other.collection, filter, update: { $set: { [field.name]: null } }, many: true });
      } else {
        blockers.push({ path: `/${other.name}/${field.name}`, message: `${count} ${other.name} record(s) refer to this ${entity.name}` });
      }
    }
  }
  if (blockers.length) throw conflict('REFERENCED', `this ${entity.name} is still referenced; reassign or delete those records first`, blockers);
  return ops;
}
