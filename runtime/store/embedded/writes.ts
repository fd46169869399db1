import { assertNoRefusedOperators } from '../guards.js';
import { assertValidId, newId } from '../ids.js';
import { DuplicateKeyError, type Doc, type Filter, type Update, type UpdateResult } from '../port.js';
import type { Engine } from './engine.js';
import { reindexDocument } from './index-maintenance.js';
import { type Namespace, docKey } from './layout.js';
import { runFind } from './reads.js';
import { applyUpdate, isReplacement, upsertDocument } from './updates.js';
import { assertNoDecimal, isPlainObject, sameValue, toStorable } from './values.js';

/**
 * Document writes. `prepare*` run before the transaction (validation, ids);
 * the `*InTxn` functions run inside `Engine.write` and may throw to abort.
 */

export function prepareInsert(doc: Doc): Doc {
  if (!isPlainObject(doc)) throw new TypeError('document must be a plain object');
  const stored = toStorable(doc) as Doc;
  const { _id, ...rest } = stored;
  const id = _id === undefined || _id === null ? newId() : _id;
  assertValidId(id);
  return { _id: id, ...rest };
}

export function prepareUpdate(filter: Filter, update: Update): void {
  assertNoRefusedOperators(update, 'update');
  assertNoDecimal(update, 'update');
  isReplacement(update); // validates the operators
  if (!isPlainObject(filter)) throw new TypeError('filter must be an object');
}

export function insertInTxn(engine: Engine, ns: Namespace, doc: Doc): string {
  const id = doc._id as string;
  const key = docKey(ns, id);
  if (engine.dbs.docs.get(key) !== undefined) throw new DuplicateKeyError('_id_', { _id: id });
  reindexDocument(engine.dbs, engine.catalog, ns, id, null, doc);
  engine.dbs.docs.putSync(key, doc);
  return id;
}

export function updateInTxn(
  engine: Engine,
  ns: Namespace,
  filter: Filter,
  update: Update,
  opts: { upsert?: boolean; many?: boolean },
): UpdateResult {
  const matches = runFind(engine, ns, filter, opts.many ? {} : { limit: 1 }).docs;
  let modifiedCount = 0;
  for (const current of matches) {
    const next = applyUpdate(current, update, filter);
    if (sameValue(current, next)) continue;
    assertValidId(next._id);
    reindexDocument(engine.dbs, engine.catalog, ns, next._id, current, next);
    engine.dbs.docs.putSync(docKey(ns, next._id), next);
    modifiedCount++;
  }
  if (matches.length === 0 && opts.upsert) {
    const doc = upsertDocument(filter, update);
    assertValidId(doc._id);
    return { matchedCount: 0, modifiedCount: 0, upsertedId: insertInTxn(engine, ns, doc) };
  }
  return { matchedCount: matches.length, modifiedCount };
}

export function deleteInTxn(engine: Engine, ns: Namespace, filter: Filter, many: boolean): number {
  const matches = runFind(engine, ns, filter, many ? {} : { limit: 1 }).docs;
  for (const doc of matches) {
    const id = doc._id as string;
    reindexDocument(engine.dbs, engine.catalog, ns, id, doc, null);
    engine.dbs.docs.removeSync(docKey(ns, id));
  }
  return matches.length;
}
