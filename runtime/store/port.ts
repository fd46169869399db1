/**
 * The store port: the one narrow interface between the runtime and storage.
 * Two adapters implement it — the embedded default (lmdb + mingo) and MongoDB.
 * Every call is scoped to a tenant by the `TenantStore` it is made on, so no
 * call can name another tenant's namespace.
 */

export type Doc = Record<string, unknown>;
export type Filter = Record<string, unknown>;
export type SortSpec = Record<string, 1 | -1>;
export type Projection = Record<string, 0 | 1>;
export type Update = Record<string, unknown>; // MongoDB update operators, or a replacement document
export type Pipeline = Record<string, unknown>[];

/** Collation subset both adapters support (ICU-like strength semantics). */
export interface Collation {
  locale: string;
  strength?: 1 | 2 | 3;
}

export interface FindOptions {
  sort?: SortSpec;
  skip?: number;
  limit?: number;
  projection?: Projection;
  collation?: Collation;
}

export interface UpdateOptions {
  upsert?: boolean;
}

export interface UpdateResult {
  matchedCount: number;
  modifiedCount: number;
  upsertedId?: string;
}

export interface IndexSpec {
  /** Ordered keys, as in MongoDB: `{ stage: 1, closeDate: -1 }`. */
  keys: Record<string, 1 | -1>;
  unique?: boolean;
  name?: string;
}

/** One operation in an atomic write batch. */
export type BatchOp =
  | { op: 'insert'; collection: string; doc: Doc }
  /**
   * Updates the first match, or every match when `many` is true. With `mustMatch`, a filter that
   * matches nothing fails the whole batch with BatchConditionError (a version-checked write and
   * what belongs with it commit together or not at all).
   */
  | { op: 'update'; collection: string; filter: Filter; update: Update; upsert?: boolean; many?: boolean; mustMatch?: boolean }
  /** Deletes the first match, or every match when `many` is true; `mustMatch` as for update. */
  | { op: 'delete'; collection: string; filter: Filter; many?: boolean; mustMatch?: boolean };

export interface Collection {
  find(filter: Filter, options?: FindOptions): Promise<Doc[]>;
  findOne(filter: Filter, options?: Omit<FindOptions, 'limit'>): Promise<Doc | null>;
  count(filter: Filter): Promise<number>;
  aggregate(pipeline: Pipeline, options?: { collation?: Collation }): Promise<Doc[]>;
  /** Inserts one document; `_id` is generated (a string) when absent. Returns the `_id`. */
  insertOne(doc: Doc): Promise<string>;
  insertMany(docs: Doc[]): Promise<string[]>;
  /** Updates the first match (MongoDB `updateOne` semantics, incl. upsert and replacement). */
  updateOne(filter: Filter, update: Update, options?: UpdateOptions): Promise<UpdateResult>;
  updateMany(filter: Filter, update: Update): Promise<UpdateResult>;
  deleteOne(filter: Filter): Promise<number>;
  deleteMany(filter: Filter): Promise<number>;
  createIndex(spec: IndexSpec): Promise<string>;
  listIndexes(): Promise<IndexSpec[]>;
  dropIndex(name: string): Promise<void>;
}

/** A tenant's view of the store: collection names are namespaced under the tenant. */
export interface TenantStore {
  readonly tenant: string;
  collection(name: string): Collection;
  /** Applies all operations atomically, or none of them. */
  batch(ops: BatchOp[]): Promise<void>;
  dropCollection(name: string): Promise<void>;
}

export interface Store {
  readonly kind: 'embedded' | 'mongodb';
  tenant(tenantId: string): TenantStore;
  close(): Promise<void>;
}

/** Thrown by adapters for a unique-index violation; mapped to HTTP 409. */
export class DuplicateKeyError extends Error {
  readonly code = 'DUPLICATE_KEY';
  constructor(
    readonly index: string,
    readonly keyValue: Record<string, unknown>,
  ) {
    super(`duplicate key for index ${index}: ${JSON.stringify(keyValue)}`);
  }
}

/** Thrown by `batch` when an update or delete marked `mustMatch` matched nothing; nothing of the batch was written. */
export class BatchConditionError extends Error {
  readonly code = 'BATCH_CONDITION';
  constructor(readonly collection: string, readonly filter: Filter) {
    super(`a batch operation on ${collection} matched no document; the batch was not applied`);
  }
}

/** Thrown when a query uses a feature the adapter refuses rather than answer wrongly. */
export class UnsupportedQueryError extends Error {
  readonly code = 'UNSUPPORTED_QUERY';
}

export const TENANT_ID_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;
export const COLLECTION_NAME_PATTERN = /^[a-zA-Z_][a-zA-Z0-9_.-]{0,100}$/;
