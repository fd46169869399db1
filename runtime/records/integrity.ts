/** Referential rules between records: lookups must point at existing records; deletes respect references. */
import type { CompiledApp, CompiledEntity } from '../definitions/compiledTypes.js';
import { conflict, invalid, type ErrorDetail } from '../errors.js';
import type { BatchOp, TenantStore } from '../store/port.js';

/** Every non-blank lookup value among `changed` must name an existing record of its target. */
export async function checkLookups(store: TenantStore, app: CompiledApp, entity: CompiledEntity, values: Record<string, unknown>, changed: ReadonlySet<string>): Promise<void> {
  const problems: ErrorDetail[] = [];
  for (const field of entity.lookups) {
    const id = values[field.name];
    if (!changed.has(field.name) || id === null || id === undefined) continue;
    const target = app.entities.get(field.target)!;
    if ((await store.collection(target.collection).count({ _id: id })) === 0) {
      problems.push({ path: `/${field.name}`, message: `no ${field.target} with id "${String(id)}"` });
    }
  }
  if (problems.length) throw invalid('the record refers to records that do not exist', problems);
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
