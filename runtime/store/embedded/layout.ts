import type { Database, RootDatabase } from 'lmdb';
import type { KeyPart } from './keys.js';
import { ProjectedDocs, decoderOf } from './projection/reader.js';

/**
 * Where things live in the one lmdb environment. Every key starts with the
 * tenant id, then the collection name, so no key range of one tenant can
 * overlap another's, and no API takes a raw key.
 *
 *   docs: [tenant, collection, _id]                          -> document
 *   idx:  [tenant, collection, index, ...components, _id]    -> 1
 *   meta: ['index', tenant, collection, index]               -> IndexMeta
 */

/** Sorts after every key part we write (ordered-binary's maximum). */
export const MAX = Buffer.from([0xff]);

export type Key = (KeyPart | Buffer)[];

export interface Dbs {
  env: RootDatabase;
  docs: Database<Record<string, unknown>, Key>;
  idx: Database<number, Key>;
  meta: Database<unknown, Key>;
  /** Read-only view of `docs` that can decode just the fields a query needs (aggregation fast path). */
  projected: ProjectedDocs;
}

export function openDbs(env: RootDatabase): Dbs {
  const docs = env.openDB<Record<string, unknown>, Key>('docs', {});
  return {
    env,
    docs,
    idx: env.openDB<number, Key>('idx', {}),
    meta: env.openDB<unknown, Key>('meta', {}),
    projected: new ProjectedDocs(env, decoderOf(docs)),
  };
}

export interface Namespace {
  tenant: string;
  collection: string;
}

export const docKey = (ns: Namespace, id: string): Key => [ns.tenant, ns.collection, id];
export const docRange = (ns: Namespace) => ({ start: [ns.tenant, ns.collection] as Key, end: [ns.tenant, ns.collection, MAX] as Key });

export const idxKey = (ns: Namespace, index: string, parts: KeyPart[], id: string): Key => [
  ns.tenant,
  ns.collection,
  index,
  ...parts,
  id,
];
export const idxPrefix = (ns: Namespace, index: string, parts: KeyPart[] = []): Key => [ns.tenant, ns.collection, index, ...parts];
export const idxRangeAll = (ns: Namespace) => ({ start: [ns.tenant, ns.collection] as Key, end: [ns.tenant, ns.collection, MAX] as Key });

export const metaKey = (ns: Namespace, index: string): Key => ['index', ns.tenant, ns.collection, index];
export const metaRange = (ns: Namespace) => ({
  start: ['index', ns.tenant, ns.collection] as Key,
  end: ['index', ns.tenant, ns.collection, MAX] as Key,
});
