import type { TenantStore } from '../store/port.js';
import { JOBS_COLLECTION } from './jobDoc.js';

/**
 * `{state, dueAt}` finds due pending jobs, `{state, leaseUntil}` finds expired leases,
 * `{pendingKey}` (unique) allows one pending job per key, `{key}` serves cancel.
 */
const INDEXES = [
  { keys: { state: 1, dueAt: 1 } },
  { keys: { state: 1, leaseUntil: 1 } },
  { keys: { pendingKey: 1 }, unique: true },
  { keys: { key: 1 } },
] as const;

// createIndex is idempotent but costs a write transaction; remember per tenant store object.
const ensured = new WeakMap<TenantStore, Promise<void>>();

export function ensureJobIndexes(store: TenantStore): Promise<void> {
  let p = ensured.get(store);
  if (!p) {
    const jobs = store.collection(JOBS_COLLECTION);
    p = (async () => {
      for (const spec of INDEXES) await jobs.createIndex({ keys: { ...spec.keys }, unique: 'unique' in spec ? spec.unique : undefined });
    })();
    // A failure is not cached: the next call tries again.
    p.catch(() => ensured.delete(store));
    ensured.set(store, p);
  }
  return p;
}
