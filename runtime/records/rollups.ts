/**
 * Roll-up fields are kept current on write: when a child record changes, the
 * parents it pointed at before and after get their roll-ups (and the formulas
 * that read them) recomputed in the store. No version bump: a roll-up is not
 * an edit of the parent, and it must not make the parent's open forms stale.
 */
import type { FieldOf } from '../../schemas/index.js';
import type { CompiledApp, CompiledEntity } from '../definitions/compiledTypes.js';
import type { Doc, TenantStore } from '../store/port.js';
import { computeFormulas } from './formulas.js';
import { fieldValues, toStoredValues } from './storedForm.js';

const MAX_CASCADE = 5;

async function rollupValue(store: TenantStore, child: CompiledEntity, field: FieldOf<'rollup'>, parentId: string): Promise<number | null> {
  const accumulator =
    field.aggregate === 'count' ? { $sum: 1 } : { [`$${field.aggregate}`]: `$${field.childField}` };
  const [row] = await store
    .collection(child.collection)
    .aggregate([{ $match: { [field.childLookup]: parentId } }, { $group: { _id: null, value: accumulator } }]);
  if (!row) return field.aggregate === 'count' || field.aggregate === 'sum' ? 0 : null;
  const value = row.value as number | null;
  return typeof value === 'number' ? Math.round(value * 1e10) / 1e10 : null;
}

export async function recomputeRollups(
  store: TenantStore,
  app: CompiledApp,
  child: CompiledEntity,
  before: Doc | null,
  after: Doc | null,
  ctx: { now: Date; timeZone: string },
  depth = 0,
): Promise<void> {
  if (depth >= MAX_CASCADE) return;
  for (const { parentEntity, field } of child.dependentRollups) {
    const parent = app.entities.get(parentEntity);
    if (!parent) continue;
    const ids = new Set<string>();
    for (const doc of [before, after]) {
      const id = doc?.[field.childLookup];
      if (typeof id === 'string') ids.add(id);
    }
    for (const parentId of ids) {
      const parentDoc = await store.collection(parent.collection).findOne({ _id: parentId });
      if (!parentDoc) continue;
      const values = fieldValues(parent, parentDoc);
      values[field.name] = await rollupValue(store, child, field, parentId);
      computeFormulas(parent, values, ctx);
      const changed: Record<string, unknown> = { [field.name]: values[field.name] };
      for (const { field: formula } of parent.formulas) changed[formula.name] = values[formula.name];
      await store.collection(parent.collection).updateOne({ _id: parentId }, { $set: toStoredValues(parent, changed) });
      const updated = { ...parentDoc, ...changed };
      await recomputeRollups(store, app, parent, parentDoc, updated, ctx, depth + 1);
    }
  }
}

/** Initial roll-up values of a new record, which has no children yet. */
export function emptyRollups(entity: CompiledEntity, values: Record<string, unknown>): void {
  for (const field of entity.fields.values()) {
    if (field.type === 'rollup') values[field.name] = field.aggregate === 'count' || field.aggregate === 'sum' ? 0 : null;
  }
}
