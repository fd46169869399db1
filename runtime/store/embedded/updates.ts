import { update as mingoUpdate } from 'mingo';
import { setValue } from 'mingo/util';
import { newId } from '../ids.js';
import { UnsupportedQueryError, type Doc, type Filter, type Update } from '../port.js';
import { isPlainObject, toStorable } from './values.js';

/**
 * Applies MongoDB update documents: operator updates (through mingo's
 * updater), replacement documents, and the upsert rules mingo lacks
 * (`$setOnInsert`, seeding the new document from the filter's equalities).
 */

const OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$push',
  '$addToSet',
  '$pull',
  '$pullAll',
  '$pop',
  '$rename',
  '$currentDate',
  '$setOnInsert',
  '$bit',
]);

export function isReplacement(update: Update): boolean {
  if (Array.isArray(update)) throw new UnsupportedQueryError('pipeline-style updates are not supported');
  if (!isPlainObject(update)) throw new TypeError('update must be an object');
  const keys = Object.keys(update);
  const ops = keys.filter((k) => k.startsWith('$'));
  if (ops.length > 0 && ops.length !== keys.length) {
    throw new TypeError('update mixes operators and plain fields; use either operators or a replacement document');
  }
  if (ops.length === 0) return true;
  for (const op of ops) {
    if (!OPERATORS.has(op)) throw new UnsupportedQueryError(`unknown update operator ${op}`);
    if (!isPlainObject(update[op])) throw new TypeError(`${op} needs an object of fields`);
  }
  return false;
}

function assertSameId(before: unknown, after: Doc): void {
  if (after._id !== before) {
    throw new TypeError(`Performing an update on the path '_id' would modify the immutable field '_id'`);
  }
}

function applyOperators(doc: Doc, update: Update, filter: Filter | undefined, inserting: boolean): Doc {
  const { $setOnInsert, ...ops } = update as Record<string, Record<string, unknown>>;
  const modifier: Record<string, unknown> = { ...ops };
  if (inserting && $setOnInsert) modifier.$set = { ...(modifier.$set as object | undefined), ...$setOnInsert };
  if (Object.keys(modifier).length === 0) return doc;
  // `$` positional paths need the query condition to find the matched element.
  const positional = JSON.stringify(Object.values(modifier).map((o) => Object.keys(o as object))).includes('.$');
  mingoUpdate(doc, modifier as never, undefined, positional ? (filter as never) : undefined, { cloneMode: 'deep' });
  return doc;
}

/** The new version of an existing document, or the same object when nothing changed. */
export function applyUpdate(current: Doc, update: Update, filter: Filter): Doc {
  if (isReplacement(update)) {
    const next = toStorable({ ...update, _id: update._id ?? current._id }) as Doc;
    assertSameId(current._id, next);
    return { _id: next._id, ...next };
  }
  const next = applyOperators(structuredClone(current), update, filter, false);
  assertSameId(current._id, next);
  return toStorable(next) as Doc;
}

/** Equality fields of a filter seed an upserted document, as in MongoDB. */
function seedFromFilter(filter: Filter, into: Doc): void {
  for (const [k, v] of Object.entries(filter)) {
    if (k === '$and' && Array.isArray(v)) {
      for (const clause of v) if (isPlainObject(clause)) seedFromFilter(clause, into);
      continue;
    }
    if (k.startsWith('$') || v instanceof RegExp) continue;
    if (isPlainObject(v) && Object.keys(v).some((x) => x.startsWith('$'))) {
      if (Object.keys(v).length === 1 && '$eq' in v) setValue(into, k, structuredClone(v.$eq));
      continue;
    }
    setValue(into, k, structuredClone(v));
  }
}

/** The document an upsert inserts when nothing matched. */
export function upsertDocument(filter: Filter, update: Update): Doc {
  let doc: Doc;
  if (isReplacement(update)) {
    const seed: Doc = {};
    seedFromFilter(filter, seed);
    doc = { ...update };
    if (doc._id === undefined && seed._id !== undefined) doc._id = seed._id;
  } else {
    doc = {};
    seedFromFilter(filter, doc);
    applyOperators(doc, update, undefined, true);
  }
  if (doc._id === undefined || doc._id === null) doc = { _id: newId(), ...doc };
  else doc = { _id: doc._id, ...doc };
  return toStorable(doc) as Doc;
}
