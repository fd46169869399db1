/** Indexes for the admin's newest-first logs of outgoing mail and webhook deliveries. */
import type { TenantStore } from '../store/port.js';

// createIndex is idempotent but costs a write; like the scheduler's, remembered per tenant store object.
const ensured = new WeakMap<TenantStore, Map<string, Promise<void>>>();

export function ensureLogIndex(store: TenantStore, collection: string): Promise<void> {
  let perStore = ensured.get(store);
  if (!perStore) ensured.set(store, (perStore = new Map()));
  let p = perStore.get(collection);
  if (!p) {
    p = store.collection(collection).createIndex({ name: 'i_created', keys: { createdAt: -1 } }).then(() => undefined);
    // A failure is not cached: the next call tries again.
    p.catch(() => perStore.delete(collection));
    perStore.set(collection, p);
  }
  return p;
}
