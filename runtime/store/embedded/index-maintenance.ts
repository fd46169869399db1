import { DuplicateKeyError, type Doc } from '../port.js';
import type { Catalog, IndexMeta, IndexState } from './catalog.js';
import { RANK } from './compare.js';
import { type Component, entriesFor, flatten } from './keys.js';
import { type Dbs, type Namespace, MAX, docKey, docRange, idxKey, idxPrefix } from './layout.js';

/**
 * Keeps index entries in step with documents. Runs inside the write
 * transaction of the document change, so a unique violation aborts the
 * change and its index entries together.
 */

const entryText = (comps: Component[]) => JSON.stringify(comps);

function keyValueOf(idx: IndexMeta, comps: Component[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  idx.fields.forEach((f, i) => {
    const [rank, v] = comps[i];
    out[f] = rank === RANK.nullish ? null : rank === RANK.date ? new Date(v as number) : rank === RANK.boolean ? v === 1 : v;
  });
  return out;
}

/** Same key, full values: truncated string parts are re-checked on untruncated entries. */
function reallyEqual(idx: IndexMeta, a: Doc, b: Doc, comps: Component[]): boolean {
  if (!comps.some((c) => c[2] === 1)) return true;
  const full = (d: Doc) => new Set(entriesFor(d, idx.fields, Infinity).entries.map(entryText));
  const fa = full(a);
  for (const t of full(b)) if (fa.has(t)) return true;
  return false;
}

function assertUnique(dbs: Dbs, ns: Namespace, idx: IndexMeta, comps: Component[], id: string, doc: Doc): void {
  const prefix = idxPrefix(ns, idx.name, flatten(comps));
  for (const key of dbs.idx.getKeys({ start: prefix, end: [...prefix, MAX] })) {
    const other = (key as unknown[])[(key as unknown[]).length - 1] as string;
    if (other === id) continue;
    const otherDoc = dbs.docs.get(docKey(ns, other));
    if (otherDoc && !reallyEqual(idx, doc, otherDoc, comps)) continue;
    throw new DuplicateKeyError(idx.name, keyValueOf(idx, comps));
  }
}

/** Moves one document's entries in every index from `before` to `after` (either may be null). */
export function reindexDocument(
  dbs: Dbs,
  catalog: Catalog,
  ns: Namespace,
  id: string,
  before: Doc | null,
  after: Doc | null,
): void {
  for (const idx of catalog.all(ns)) reindexOne(dbs, catalog, ns, idx, id, before, after);
}

function reindexOne(dbs: Dbs, catalog: Catalog, ns: Namespace, idx: IndexState, id: string, before: Doc | null, after: Doc | null) {
  const oldE = before ? entriesFor(before, idx.fields) : undefined;
  const newE = after ? entriesFor(after, idx.fields) : undefined;
  const oldSet = new Map((oldE?.entries ?? []).map((c) => [entryText(c), c]));
  const newSet = new Map((newE?.entries ?? []).map((c) => [entryText(c), c]));
  for (const [t, comps] of newSet) {
    if (oldSet.has(t)) continue;
    if (idx.unique) assertUnique(dbs, ns, idx, comps, id, after!);
    dbs.idx.putSync(idxKey(ns, idx.name, flatten(comps), id), 1);
  }
  for (const [t, comps] of oldSet) if (!newSet.has(t)) dbs.idx.removeSync(idxKey(ns, idx.name, flatten(comps), id));
  if (newE) {
    let changed = false;
    newE.multikey.forEach((m, i) => {
      if (m && !idx.multikey[i]) changed = idx.multikey[i] = true;
    });
    newE.complex.forEach((c, i) => {
      if (c && !idx.complex[i]) changed = idx.complex[i] = true;
    });
    if (changed) catalog.persist(ns, idx);
  }
}

/** Builds a new index over the existing documents (inside the createIndex transaction). */
export function buildIndex(dbs: Dbs, catalog: Catalog, ns: Namespace, meta: IndexMeta): IndexState {
  const state = catalog.add(ns, meta);
  for (const { value } of dbs.docs.getRange(docRange(ns))) {
    reindexOne(dbs, catalog, ns, state, value._id as string, null, value);
  }
  return state;
}

/** Removes every entry of one index (inside the dropIndex transaction). */
export function clearIndex(dbs: Dbs, ns: Namespace, name: string): void {
  const prefix = idxPrefix(ns, name);
  const keys = [...dbs.idx.getKeys({ start: prefix, end: [...prefix, MAX] })];
  for (const key of keys) dbs.idx.removeSync(key);
}
