import type { ClientSession, Collection as MongoCollection, Document } from 'mongodb';
import { assertNoRefusedOperators } from '../guards.js';
import { newId } from '../ids.js';
import type {
  Collation,
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
import { prepareInsert } from '../embedded/writes.js';
import { isReplacement } from '../embedded/updates.js';
import { assertNoDecimal, toStorable } from '../embedded/values.js';
import { mapped } from './errors.js';
import { rewritePipeline } from './namespaces.js';

/**
 * The MongoDB adapter's collection. Inputs are validated with the same rules
 * as the embedded store (JSON-like documents, no Decimal128, no server-side
 * JavaScript) so both adapters accept and refuse the same things.
 */

const ID_ONLY_FILTER = (filter: Filter) =>
  typeof filter._id === 'string' || (filter._id !== null && typeof filter._id === 'object' && typeof (filter._id as { $eq?: unknown }).$eq === 'string');

/** Ties are broken by `_id` ascending, as in the embedded store, so pages are stable. */
function withTieBreak(sort: FindOptions['sort']): Document | undefined {
  if (!sort || Object.keys(sort).length === 0) return undefined;
  return '_id' in sort ? sort : { ...sort, _id: 1 };
}

function checkFilter(filter: Filter): Filter {
  assertNoRefusedOperators(filter, 'filter');
  assertNoDecimal(filter, 'filter');
  return filter;
}

function checkUpdate(update: Update): Update {
  assertNoRefusedOperators(update, 'update');
  assertNoDecimal(update, 'update');
  if (isReplacement(update)) return toStorable(update) as Update;
  return update;
}

export class MongoStoreCollection implements Collection {
  constructor(
    private readonly coll: MongoCollection<Document>,
    private readonly tenant: string,
    private readonly session?: ClientSession,
    private readonly transact?: <T>(fn: (session?: ClientSession) => Promise<T>) => Promise<T>,
  ) {}

  private get opts() {
    return this.session ? { session: this.session } : {};
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<Doc[]> {
    const cursor = this.coll.find(checkFilter(filter), {
      ...this.opts,
      sort: withTieBreak(options.sort),
      skip: options.skip,
      limit: options.limit,
      projection: options.projection,
      collation: options.collation,
    });
    return (await cursor.toArray()) as Doc[];
  }

  async findOne(filter: Filter, options: Omit<FindOptions, 'limit'> = {}): Promise<Doc | null> {
    return (await this.find(filter, { ...options, limit: 1 }))[0] ?? null;
  }

  async count(filter: Filter): Promise<number> {
    return this.coll.countDocuments(checkFilter(filter), this.opts);
  }

  async aggregate(pipeline: Pipeline, options: { collation?: Collation } = {}): Promise<Doc[]> {
    assertNoRefusedOperators(pipeline, 'pipeline');
    assertNoDecimal(pipeline, 'pipeline');
    const rewritten = rewritePipeline(pipeline, this.tenant);
    return (await this.coll.aggregate(rewritten, { ...this.opts, collation: options.collation }).toArray()) as Doc[];
  }

  async insertOne(doc: Doc): Promise<string> {
    const prepared = prepareInsert(doc);
    await mapped(this.coll.insertOne(prepared, this.opts));
    return prepared._id as string;
  }

  async insertMany(docs: Doc[]): Promise<string[]> {
    const prepared = docs.map(prepareInsert);
    if (prepared.length === 0) return [];
    const insert = (session?: ClientSession) => mapped(this.coll.insertMany(prepared, { ordered: true, ...(session ? { session } : {}) }));
    // All or nothing: inside a transaction when the deployment supports one.
    if (this.session || !this.transact) await insert(this.session);
    else await this.transact(insert);
    return prepared.map((d) => d._id as string);
  }

  async updateOne(filter: Filter, update: Update, options: UpdateOptions = {}): Promise<UpdateResult> {
    checkFilter(filter);
    const u = checkUpdate(update);
    if (isReplacement(u)) return this.replaceOne(filter, u, !!options.upsert);
    // Upserts get a string `_id` (the server would make an ObjectId).
    const ops = { ...u } as Record<string, Record<string, unknown>>;
    if (options.upsert && !ID_ONLY_FILTER(filter) && !ops.$set?._id && !ops.$setOnInsert?._id) {
      ops.$setOnInsert = { ...ops.$setOnInsert, _id: newId() };
    }
    const r = await mapped(this.coll.updateOne(filter, ops, { ...this.opts, upsert: !!options.upsert }));
    return result(r);
  }

  /**
   * Replacement with upsert: try a plain replace first; if nothing matched,
   * upsert with a fresh string `_id`. If a matching document appeared in
   * between, the server refuses the `_id` change and we retry the replace.
   */
  private async replaceOne(filter: Filter, doc: Update, upsert: boolean): Promise<UpdateResult> {
    const { _id, ...rest } = doc as Doc;
    const first = await mapped(this.coll.replaceOne(filter, _id === undefined ? rest : doc, this.opts));
    if (first.matchedCount > 0 || !upsert) return result(first);
    const pinned = ID_ONLY_FILTER(filter) ? undefined : (_id ?? newId());
    try {
      const r = await mapped(this.coll.replaceOne(filter, pinned ? { _id: pinned, ...rest } : doc, { ...this.opts, upsert: true }));
      return result(r);
    } catch (e) {
      if ((e as { code?: number }).code !== 66) throw e;
      return result(await mapped(this.coll.replaceOne(filter, rest, this.opts)));
    }
  }

  async updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    checkFilter(filter);
    const u = checkUpdate(update);
    if (isReplacement(u)) throw new TypeError('updateMany needs update operators, not a replacement document');
    return result(await mapped(this.coll.updateMany(filter, u, this.opts)));
  }

  async deleteOne(filter: Filter): Promise<number> {
    return (await this.coll.deleteOne(checkFilter(filter), this.opts)).deletedCount;
  }

  async deleteMany(filter: Filter): Promise<number> {
    return (await this.coll.deleteMany(checkFilter(filter), this.opts)).deletedCount;
  }

  async createIndex(spec: IndexSpec): Promise<string> {
    return mapped(this.coll.createIndex(spec.keys, { unique: !!spec.unique, ...(spec.name ? { name: spec.name } : {}) }));
  }

  async listIndexes(): Promise<IndexSpec[]> {
    try {
      const list = await this.coll.listIndexes().toArray();
      return list.map((i) => ({ name: i.name as string, keys: i.key as IndexSpec['keys'], ...(i.unique ? { unique: true } : {}) }));
    } catch (e) {
      if ((e as { code?: number }).code === 26) return [{ keys: { _id: 1 }, unique: true, name: '_id_' }];
      throw e;
    }
  }

  async dropIndex(name: string): Promise<void> {
    await this.coll.dropIndex(name);
  }
}

function result(r: { matchedCount: number; modifiedCount: number; upsertedId?: unknown }): UpdateResult {
  const out: UpdateResult = { matchedCount: r.matchedCount, modifiedCount: r.modifiedCount };
  if (r.upsertedId !== null && r.upsertedId !== undefined) out.upsertedId = String(r.upsertedId);
  return out;
}
