import { assertCollectionName } from '../guards.js';
import { BatchConditionError, type BatchOp, type TenantStore } from '../port.js';
import { EmbeddedCollection } from './collection.js';
import type { Engine } from './engine.js';
import { type Namespace, docRange, idxRangeAll, metaRange } from './layout.js';
import { deleteInTxn, insertInTxn, prepareInsert, prepareUpdate, updateInTxn } from './writes.js';

/** A tenant's view: every namespace it builds starts with its own (validated) tenant id. */
export class EmbeddedTenantStore implements TenantStore {
  constructor(
    private readonly engine: Engine,
    readonly tenant: string,
  ) {}

  private ns(collection: string): Namespace {
    assertCollectionName(collection);
    return { tenant: this.tenant, collection };
  }

  collection(name: string): EmbeddedCollection {
    return new EmbeddedCollection(this.engine, this.ns(name));
  }

  /** All operations in one lmdb transaction: any error (e.g. a duplicate key) rolls all of them back. */
  async batch(ops: BatchOp[]): Promise<void> {
    if (!Array.isArray(ops)) throw new TypeError('batch takes an array of operations');
    const prepared = ops.map((op) => {
      const ns = this.ns(op.collection);
      switch (op.op) {
        case 'insert':
          return { ...op, ns, doc: prepareInsert(op.doc) };
        case 'update':
          prepareUpdate(op.filter, op.update);
          return { ...op, ns };
        case 'delete':
          return { ...op, ns };
        default:
          throw new TypeError(`unknown batch operation ${JSON.stringify((op as { op: unknown }).op)}`);
      }
    });
    await this.engine.write(() => {
      for (const op of prepared) {
        if (op.op === 'insert') insertInTxn(this.engine, op.ns, op.doc);
        else if (op.op === 'update') {
          const { matchedCount } = updateInTxn(this.engine, op.ns, op.filter, op.update, { upsert: op.upsert, many: op.many });
          // Thrown inside the transaction, so everything written before it rolls back.
          if (op.mustMatch && matchedCount === 0) throw new BatchConditionError(op.collection, op.filter);
        }
        else if (deleteInTxn(this.engine, op.ns, op.filter, !!op.many) === 0 && op.mustMatch) throw new BatchConditionError(op.collection, op.filter);
      }
    });
  }

  async dropCollection(name: string): Promise<void> {
    const ns = this.ns(name);
    const { dbs, catalog } = this.engine;
    for (const idx of catalog.all(ns)) idx.ready = false;
    await this.engine.write(() => {
      // Collect first: removing while a cursor walks the same range is not safe.
      const docKeys = [...dbs.docs.getKeys(docRange(ns))];
      for (const k of docKeys) dbs.docs.removeSync(k);
      const idxKeys = [...dbs.idx.getKeys(idxRangeAll(ns))];
      for (const k of idxKeys) dbs.idx.removeSync(k);
      const metaKeys = [...dbs.meta.getKeys(metaRange(ns))];
      for (const k of metaKeys) dbs.meta.removeSync(k);
      catalog.forget(ns);
    });
  }
}
