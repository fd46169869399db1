import type {
  Collection,
  Doc,
  Filter,
  FindOptions,
  IndexSpec,
  Pipeline,
  Update,
  UpdateOptions,
  UpdateResult,
} from '../port.js';
import { type AggregateOptions, runAggregate } from './aggregate.js';
import { ID_INDEX, indexNameFor } from './catalog.js';
import type { Engine } from './engine.js';
import type { QueryStats } from './executor.js';
import { buildIndex, clearIndex } from './index-maintenance.js';
import type { Namespace } from './layout.js';
import { runCount, runFind } from './reads.js';
import { deleteInTxn, insertInTxn, prepareInsert, prepareUpdate, updateInTxn } from './writes.js';

/** Per-query statistics of the embedded store, for tests and benchmarks. */
export interface Explained extends QueryStats {
  description: string;
  /** For a pipeline whose first unplanned stage is `$group`: compiled fast path or mingo. */
  group?: 'compiled' | 'mingo';
}

/** The embedded adapter's collection: the port plus `explain*` for observing the planner. */
export class EmbeddedCollection implements Collection {
  constructor(
    private readonly engine: Engine,
    private readonly ns: Namespace,
  ) {}

  async find(filter: Filter, options: FindOptions = {}): Promise<Doc[]> {
    this.engine.assertOpen();
    return runFind(this.engine, this.ns, filter, options).docs;
  }

  async findOne(filter: Filter, options: Omit<FindOptions, 'limit'> = {}): Promise<Doc | null> {
    this.engine.assertOpen();
    return runFind(this.engine, this.ns, filter, { ...options, limit: 1 }).docs[0] ?? null;
  }

  /** Runs `find` and reports what it examined. */
  async explainFind(filter: Filter, options: FindOptions = {}): Promise<Explained> {
    this.engine.assertOpen();
    return runFind(this.engine, this.ns, filter, options).stats;
  }

  async count(filter: Filter): Promise<number> {
    this.engine.assertOpen();
    return runCount(this.engine, this.ns, filter).count;
  }

  /** Runs `count` and reports what it examined. */
  async explainCount(filter: Filter): Promise<QueryStats> {
    this.engine.assertOpen();
    return runCount(this.engine, this.ns, filter).stats;
  }

  /** The port's aggregate; `compiledGroup: false` forces mingo for a leading `$group` (for comparisons). */
  async aggregate(pipeline: Pipeline, options: AggregateOptions = {}): Promise<Doc[]> {
    this.engine.assertOpen();
    return runAggregate(this.engine, this.ns, pipeline, options).docs;
  }

  /** Runs `aggregate` and reports what its planned prefix (leading $match/$sort/$skip/$limit) examined. */
  async explainAggregate(pipeline: Pipeline, options: AggregateOptions = {}): Promise<Explained> {
    this.engine.assertOpen();
    return runAggregate(this.engine, this.ns, pipeline, options).stats;
  }

  async insertOne(doc: Doc): Promise<string> {
    const prepared = prepareInsert(doc);
    return this.engine.write(() => insertInTxn(this.engine, this.ns, prepared));
  }

  async insertMany(docs: Doc[]): Promise<string[]> {
    const prepared = docs.map(prepareInsert);
    return this.engine.write(() => prepared.map((d) => insertInTxn(this.engine, this.ns, d)));
  }

  async updateOne(filter: Filter, update: Update, options: UpdateOptions = {}): Promise<UpdateResult> {
    prepareUpdate(filter, update);
    return this.engine.write(() => updateInTxn(this.engine, this.ns, filter, update, { upsert: options.upsert }));
  }

  async updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    prepareUpdate(filter, update);
    return this.engine.write(() => updateInTxn(this.engine, this.ns, filter, update, { many: true }));
  }

  async deleteOne(filter: Filter): Promise<number> {
    return this.engine.write(() => deleteInTxn(this.engine, this.ns, filter, false));
  }

  async deleteMany(filter: Filter): Promise<number> {
    return this.engine.write(() => deleteInTxn(this.engine, this.ns, filter, true));
  }

  async createIndex(spec: IndexSpec): Promise<string> {
    const fields = Object.keys(spec.keys ?? {});
    if (fields.length === 0) throw new TypeError('an index needs at least one key');
    for (const [f, d] of Object.entries(spec.keys)) {
      if (d !== 1 && d !== -1) throw new TypeError(`index direction for ${f} must be 1 or -1`);
      if (!f || f.startsWith('$') || f.split('.').some((s) => s === '')) throw new TypeError(`invalid index field ${JSON.stringify(f)}`);
    }
    if (fields.length === 1 && fields[0] === '_id') return ID_INDEX.name!;
    const name = indexNameFor(spec);
    const dirs = Object.values(spec.keys);
    const meta = { name, fields, dirs, unique: !!spec.unique, multikey: fields.map(() => false), complex: fields.map(() => false) };
    // Checked inside the write transaction so concurrent createIndex calls cannot both build.
    const state = await this.engine.write(() => {
      const existing = this.engine.catalog.all(this.ns);
      const same = existing.find((i) => i.name === name);
      if (same) {
        const identical = same.fields.join() === fields.join() && same.dirs.join() === dirs.join() && same.unique === !!spec.unique;
        if (identical) return same;
        throw new Error(`an index named ${name} already exists with different keys or options`);
      }
      const byKeys = existing.find((i) => i.fields.join() === fields.join() && i.dirs.join() === dirs.join());
      if (byKeys) throw new Error(`index with keys ${JSON.stringify(spec.keys)} already exists with a different name: ${byKeys.name}`);
      try {
        return buildIndex(this.engine.dbs, this.engine.catalog, this.ns, meta);
      } catch (e) {
        this.engine.catalog.forget(this.ns); // the transaction rolls back; reload the list from disk
        throw e;
      }
    });
    state.ready = true;
    return name;
  }

  async listIndexes(): Promise<IndexSpec[]> {
    this.engine.assertOpen();
    const own = this.engine.catalog.all(this.ns).map((i) => ({
      name: i.name,
      keys: Object.fromEntries(i.fields.map((f, j) => [f, i.dirs[j]])),
      ...(i.unique ? { unique: true } : {}),
    }));
    return [ID_INDEX, ...own];
  }

  async dropIndex(name: string): Promise<void> {
    if (name === ID_INDEX.name) throw new Error('cannot drop the _id index');
    const state = this.engine.catalog.all(this.ns).find((i) => i.name === name);
    if (!state) throw new Error(`index not found with name [${name}]`);
    state.ready = false; // the planner stops using it before its entries go
    await this.engine.write(() => {
      clearIndex(this.engine.dbs, this.ns, name);
      this.engine.catalog.remove(this.ns, name);
    });
  }
}
