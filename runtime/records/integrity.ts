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
    const filter = ctx.access ? await scoped(ctx, target, 'read', { _id: id }).catch(() => null) : { _id: id };
    if (!filter || (await ctx.store.collection(target.collection).count(filter)) === 0) {
      problems.push({ path: `/${field.name}`, message: `no ${field.target} with id "${String(id)}"` });
    }
  }
  const userFields = [...entity.fields.values()].filter((f) => f.type === 'user').map((f) => f.name);
  if (entity.definition.hasOwner) userFields.push('owner');
  const named = userFields.filter((f) => changed.has(f) && typeof values[f] === 'string');
  if (named.length) {
    const ids = [...new Set(named.map((f) => values[f] as string))];
    const known = new Set((await ctx.store.collection(USERS).find({ _id: { $in: ids } }, { projection: { _id: 1 } })).map((u) => String(u._id)));
    for (const f of named) if (!known.has(values[f] as string)) problems.push({ path: `/${f}`, message: `no user "${String(values[f])}"` });
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
