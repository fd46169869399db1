import { type ClientSession, type Db, MongoClient } from 'mongodb';
import { assertCollectionName, assertTenantId } from '../guards.js';
import { BatchConditionError, type BatchOp, type Store, type TenantStore } from '../port.js';
import { MongoStoreCollection } from './collection.js';
import { physicalName } from './namespaces.js';

export interface MongoStoreOptions {
  url: string;
  /** Database holding every tenant's collections (default `stagecraft`). */
  dbName?: string;
}

/**
 * The MongoDB adapter. Layout: one database; a tenant's collection `name`
 * is the MongoDB collection `${tenant}__${name}`. `batch` (and `insertMany`)
 * run in a multi-document transaction when the deployment supports one
 * (replica set or sharded cluster); on a standalone server they fall back to
 * ordered writes, which stop at the first error but are not rolled back.
 */
export class MongoStore implements Store {
  readonly kind = 'mongodb' as const;
  private transactions: Promise<boolean> | undefined;

  constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {}

  supportsTransactions(): Promise<boolean> {
    this.transactions ??= this.db
      .admin()
      .command({ hello: 1 })
      .then((h) => Boolean(h.setName) || h.msg === 'isdbgrid')
      .catch(() => false);
    return this.transactions;
  }

  /** Runs `fn` in a transaction when the deployment has them, else directly (see class comment). */
  async transact<T>(fn: (session?: ClientSession) => Promise<T>): Promise<T> {
    if (!(await this.supportsTransactions())) return fn();
    return this.client.withSession((session) => session.withTransaction(() => fn(session)));
  }

  tenant(tenantId: string): TenantStore {
    assertTenantId(tenantId);
    return new MongoTenantStore(this, this.db, tenantId);
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}

class MongoTenantStore implements TenantStore {
  constructor(
    private readonly store: MongoStore,
    private readonly db: Db,
    readonly tenant: string,
  ) {}

  collection(name: string): MongoStoreCollection {
    assertCollectionName(name);
    return new MongoStoreCollection(this.db.collection(physicalName(this.tenant, name)), this.tenant, undefined, (fn) => this.store.transact(fn));
  }

  async batch(ops: BatchOp[]): Promise<void> {
    if (!Array.isArray(ops)) throw new TypeError('batch takes an array of operations');
    for (const op of ops) assertCollectionName(op.collection);
    const run = async (session?: ClientSession) => {
      for (const op of ops) {
        const c = new MongoStoreCollection(this.db.collection(physicalName(this.tenant, op.collection)), this.tenant, session);
        if (op.op === 'insert') await c.insertOne(op.doc);
        else if (op.op === 'update') {
          const { matchedCount } = op.many ? await c.updateMany(op.filter, op.update) : await c.updateOne(op.filter, op.update, { upsert: op.upsert });
          // Inside a transaction this aborts it; without one, callers put the conditional update first so nothing precedes it.
          if (op.mustMatch && matchedCount === 0) throw new BatchConditionError(op.collection, op.filter);
        } else if (op.op === 'delete') {
          const deleted = op.many ? await c.deleteMany(op.filter) : await c.deleteOne(op.filter);
          if (op.mustMatch && deleted === 0) throw new BatchConditionError(op.collection, op.filter);
        } else throw new TypeError(`unknown batch operation ${JSON.stringify((op as { op: unknown }).op)}`);
      }
    };
    await this.store.transact(run);
  }

  async dropCollection(name: string): Promise<void> {
    assertCollectionName(name);
    try {
      await this.db.collection(physicalName(this.tenant, name)).drop();
    } catch (e) {
      if ((e as { code?: number }).code !== 26) throw e; // already absent
    }
  }
}

export async function openMongoStore(options: MongoStoreOptions): Promise<MongoStore> {
  const client = new MongoClient(options.url);
  await client.connect();
  return new MongoStore(client, client.db(options.dbName ?? 'stagecraft'));
}
