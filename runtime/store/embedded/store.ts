import path from 'node:path';
import { open } from 'lmdb';
import { assertTenantId } from '../guards.js';
import type { Store } from '../port.js';
import { Engine } from './engine.js';
import { type Lock, acquireLock } from './lock.js';
import { EmbeddedTenantStore } from './tenant.js';

export interface EmbeddedStoreOptions {
  /** Directory holding the lmdb files and the process lock. Created when missing. */
  dataDir: string;
}

/** The embedded default store: lmdb for durability and indexes, mingo for MongoDB semantics. */
export class EmbeddedStore implements Store {
  readonly kind = 'embedded' as const;
  private tenants = new Map<string, EmbeddedTenantStore>();

  constructor(
    private readonly engine: Engine,
    private readonly lock: Lock,
  ) {}

  tenant(tenantId: string): EmbeddedTenantStore {
    assertTenantId(tenantId);
    this.engine.assertOpen();
    let t = this.tenants.get(tenantId);
    if (!t) this.tenants.set(tenantId, (t = new EmbeddedTenantStore(this.engine, tenantId)));
    return t;
  }

  async close(): Promise<void> {
    try {
      await this.engine.close();
    } finally {
      this.lock.release();
    }
  }
}

export async function openEmbeddedStore(options: EmbeddedStoreOptions): Promise<EmbeddedStore> {
  const dataDir = path.resolve(options.dataDir);
  const lock = acquireLock(dataDir);
  try {
    // Default sync settings: commits are flushed before a write is acknowledged (no noSync).
    const env = open({ path: path.join(dataDir, 'store.lmdb'), maxDbs: 8 });
    return new EmbeddedStore(new Engine(env), lock);
  } catch (e) {
    lock.release();
    throw e;
  }
}
