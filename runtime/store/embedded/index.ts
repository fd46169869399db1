export { EmbeddedStore, openEmbeddedStore, type EmbeddedStoreOptions } from './store.js';
export { EmbeddedCollection, type Explained } from './collection.js';
export { EmbeddedTenantStore } from './tenant.js';
export { DataDirLockedError } from './lock.js';
export type { QueryStats } from './executor.js';
