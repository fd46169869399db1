import type { Store } from './port.js';

export interface OpenStoreOptions {
  /** Embedded store directory, used when no MongoDB URL is given. */
  dataDir: string;
  /** When set, the MongoDB adapter is used (e.g. from `MONGODB_URL`). */
  mongodbUrl?: string;
  /** MongoDB database name (default `stagecraft`). */
  mongodbDbName?: string;
}

/** Chooses the adapter: MongoDB when a URL is configured, else the embedded store. */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  if (options.mongodbUrl) {
    const { openMongoStore } = await import('./mongodb/index.js');
    return openMongoStore({ url: options.mongodbUrl, dbName: options.mongodbDbName });
  }
  const { openEmbeddedStore } = await import('./embedded/index.js');
  return openEmbeddedStore({ dataDir: options.dataDir });
}
