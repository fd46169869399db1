import type { Doc } from '../store/port.js';

/** Jobs live in each tenant's store, so they survive restarts and are shared by every process on that store. */
export const JOBS_COLLECTION = '_jobs';

/**
 * pending → running → done | failed, or back to pending to retry.
 * cancelled: by `cancel(key)` while pending. superseded: a retry found a newer
 * pending job with its key (that newer schedule wins).
 */
export type JobState = 'pending' | 'running' | 'done' | 'failed' | 'cancelled' | 'superseded';

export type JsonObject = Record<string, unknown>;

/** The stored job document; every field stays in the document as the job's run log. */
export interface JobDoc {
  _id: string;
  kind: string;
  /** Caller's idempotency key, or null. */
  key: string | null;
  /**
   * Unique (index): the key while the job is pending and replaceable by key, else `#<_id>`.
   * This keeps at most one pending job per key, even when two processes schedule at once.
   */
  pendingKey: string;
  payload: JsonObject;
  state: JobState;
  dueAt: Date;
  /** Claims so far (a claim counts as an attempt even if the worker then crashes). */
  attempts: number;
  maxAttempts: number;
  leaseUntil: Date | null;
  workerId: string | null;
  createdAt: Date;
  updatedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** Message of the most recent failure; on a failed job, the one that ended it. */
  lastError: string | null;
}

/** What a handler sees: the job as claimed for this attempt. */
export interface Job {
  id: string;
  tenant: string;
  kind: string;
  key: string | null;
  payload: JsonObject;
  dueAt: Date;
  attempt: number;
  maxAttempts: number;
}

export function toJob(tenant: string, doc: JobDoc): Job {
  return {
    id: doc._id,
    tenant,
    kind: doc.kind,
    key: doc.key,
    payload: doc.payload,
    dueAt: doc.dueAt,
    attempt: doc.attempts,
    maxAttempts: doc.maxAttempts,
  };
}

export function asJobDoc(doc: Doc): JobDoc {
  return doc as unknown as JobDoc;
}

/** The `pendingKey` of a job that no `schedule(key)` may replace. */
export function lockedPendingKey(id: string): string {
  return `#${id}`;
}

/** `pendingKey` of a keyed pending job; the prefix keeps it apart from `#<id>` of locked jobs. */
export function keyedPendingKey(key: string): string {
  return `k:${key}`;
}
