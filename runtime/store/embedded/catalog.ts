import type { IndexSpec } from '../port.js';
import { type Dbs, type Namespace, metaKey, metaRange } from './layout.js';

/** Index metadata as persisted in the `meta` db. */
export interface IndexMeta {
  name: string;
  fields: string[];
  dirs: (1 | -1)[];
  unique: boolean;
  /** Per field: some document held an array on the path (entries fan out; no ordered walk on it). */
  multikey: boolean[];
  /** Per field: some document held an object/array value (order only approximated; no ordered walk on it). */
  complex: boolean[];
}

/** In-memory view: `ready` is false while an index is being built or dropped, so the planner skips it. */
export interface IndexState extends IndexMeta {
  ready: boolean;
}

export const ID_INDEX: IndexSpec = { keys: { _id: 1 }, unique: true, name: '_id_' };
const INDEX_NAME = /^[A-Za-z0-9_.-]{1,100}$/;

export function indexNameFor(spec: IndexSpec): string {
  const name = spec.name ?? Object.entries(spec.keys).map(([k, d]) => `${k}_${d}`).join('_');
  if (!INDEX_NAME.test(name)) throw new TypeError(`invalid index name ${JSON.stringify(name)}: must match ${INDEX_NAME}`);
  return name;
}

/**
 * Caches each collection's indexes. Writers see every index (so entries are
 * maintained from the moment a build starts); readers only ready ones.
 */
export class Catalog {
  private cache = new Map<string, IndexState[]>();
  constructor(private readonly dbs: Dbs) {}

  private key(ns: Namespace): string {
    return `${ns.tenant}\u0000${ns.collection}`;
  }

  all(ns: Namespace): IndexState[] {
    const k = this.key(ns);
    let list = this.cache.get(k);
    if (!list) {
      list = [];
      for (const { value } of this.dbs.meta.getRange(metaRange(ns))) list.push({ ...(value as IndexMeta), ready: true });
      this.cache.set(k, list);
    }
    return list;
  }

  ready(ns: Namespace): IndexState[] {
    return this.all(ns).filter((i) => i.ready);
  }

  /** Called inside the write transaction that builds the index. */
  add(ns: Namespace, meta: IndexMeta): IndexState {
    const state: IndexState = { ...meta, ready: false };
    this.all(ns).push(state);
    this.persist(ns, state);
    return state;
  }

  remove(ns: Namespace, name: string): void {
    const list = this.all(ns);
    const i = list.findIndex((x) => x.name === name);
    if (i >= 0) list.splice(i, 1);
    this.dbs.meta.removeSync(metaKey(ns, name));
  }

  forget(ns: Namespace): void {
    this.cache.delete(this.key(ns));
  }

  /** Inside a write transaction: remember that a field became multikey/complex. */
  persist(ns: Namespace, state: IndexState): void {
    const { ready: _ready, ...meta } = state;
    this.dbs.meta.putSync(metaKey(ns, state.name), meta);
  }
}
