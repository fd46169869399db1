import type { RootDatabase } from 'lmdb';
import { Catalog } from './catalog.js';
import { type Dbs, openDbs } from './layout.js';

/**
 * Shared state of one open embedded store. All writes go through `write`:
 * the callback runs synchronously inside an lmdb child transaction (atomic:
 * a throw rolls back exactly that callback), lmdb batches concurrent
 * callbacks into one commit, and the promise resolves only after the commit
 * is flushed to disk — that is when a write is acknowledged.
 */
export class Engine {
  readonly dbs: Dbs;
  readonly catalog: Catalog;
  private closed = false;
  private inflight = new Set<Promise<unknown>>();

  constructor(env: RootDatabase) {
    this.dbs = openDbs(env);
    this.catalog = new Catalog(this.dbs);
  }

  assertOpen(): void {
    if (this.closed) throw new Error('the store is closed');
  }

  async write<T>(fn: () => T): Promise<T> {
    this.assertOpen();
    const p = this.dbs.docs.childTransaction(fn);
    this.inflight.add(p);
    try {
      const result = await p;
      await this.dbs.env.flushed;
      return result;
    } finally {
      this.inflight.delete(p);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.inflight]);
    await this.dbs.env.close();
  }
}
