import { newId } from '../store/ids.js';
import { DuplicateKeyError, type BatchOp, type TenantStore } from '../store/port.js';
import { ensureJobIndexes } from './indexes.js';
import { JOBS_COLLECTION, asJobDoc, keyedPendingKey, lockedPendingKey, type JsonObject } from './jobDoc.js';

export const DEFAULT_MAX_ATTEMPTS = 5;

export interface ScheduleInput {
  kind: string;
  dueAt: Date;
  payload?: JsonObject;
  /**
   * Idempotency key: while a job with this key is pending, scheduling the key
   * again replaces that job's kind, dueAt, payload and maxAttempts (and resets its
   * attempts) instead of adding a second job. A job already running is not touched:
   * the new schedule becomes a new pending job.
   */
  key?: string;
  maxAttempts?: number;
}

export interface ScheduleResult {
  id: string;
  /** True when a pending job with the same key was replaced. */
  replaced: boolean;
}

function validate(input: ScheduleInput): void {
  if (typeof input.kind !== 'string' || input.kind.length === 0) throw new TypeError('job kind must be a non-empty string');
  if (!(input.dueAt instanceof Date) || Number.isNaN(input.dueAt.getTime())) throw new TypeError('job dueAt must be a valid Date');
  const p = input.payload;
  if (p !== undefined && (p === null || typeof p !== 'object' || Array.isArray(p))) throw new TypeError('job payload must be a JSON object');
  if (input.key !== undefined && (typeof input.key !== 'string' || input.key.length === 0)) throw new TypeError('job key must be a non-empty string');
  const m = input.maxAttempts;
  if (m !== undefined && (!Number.isInteger(m) || m < 1)) throw new TypeError('job maxAttempts must be a positive integer');
}

/** Adds a job to the tenant's store (or replaces the pending job with the same key). */
export async function schedule(store: TenantStore, input: ScheduleInput, now: Date = new Date()): Promise<ScheduleResult> {
  validate(input);
  await ensureJobIndexes(store);
  const jobs = store.collection(JOBS_COLLECTION);
  const replaceable = {
    kind: input.kind,
    dueAt: input.dueAt,
    payload: input.payload ?? {},
    maxAttempts: input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    attempts: 0,
    updatedAt: now,
  };
  const fresh = { key: null, leaseUntil: null, workerId: null, createdAt: now, startedAt: null, finishedAt: null, lastError: null };
  if (input.key === undefined) {
    const id = newId();
    await jobs.insertOne({ _id: id, pendingKey: lockedPendingKey(id), state: 'pending', ...replaceable, ...fresh });
    return { id, replaced: false };
  }
  const filter = { pendingKey: keyedPendingKey(input.key), state: 'pending' };
  // Replace the pending job, else insert one. The unique pendingKey index makes a concurrent
  // insert of the same key fail; and a job claimed between find and update no longer matches.
  // Either way the next round sees the other side's outcome.
  for (let tries = 0; ; tries++) {
    const found = await jobs.findOne(filter, { projection: { _id: 1 } });
    if (found) {
      const id = asJobDoc(found)._id;
      const res = await jobs.updateOne({ _id: id, ...filter }, { $set: replaceable });
      if (res.matchedCount === 1) return { id, replaced: true };
    } else {
      const id = newId();
      try {
        await jobs.insertOne({ _id: id, ...filter, ...replaceable, ...fresh, key: input.key });
        return { id, replaced: false };
      } catch (e) {
        if (!(e instanceof DuplicateKeyError)) throw e;
      }
    }
    if (tries >= 4) throw new Error(`could not schedule job key ${JSON.stringify(input.key)}: it kept changing under contention`);
  }
}

/** Cancels the pending job with this key; true when there was one. A running job finishes its attempt. */
export async function cancel(store: TenantStore, key: string, now: Date = new Date()): Promise<boolean> {
  const jobs = store.collection(JOBS_COLLECTION);
  const doc = await jobs.findOne({ pendingKey: keyedPendingKey(key), state: 'pending' }, { projection: { _id: 1 } });
  if (!doc) return false;
  const id = asJobDoc(doc)._id;
  const res = await jobs.updateOne(
    { _id: id, state: 'pending' },
    { $set: { state: 'cancelled', pendingKey: lockedPendingKey(id), finishedAt: now, updatedAt: now } },
  );
  return res.matchedCount === 1;
}

/**
 * The writes that schedule keyed jobs (each replacing the pending job of its
 * key or adding one) and cancel others by key, for a caller's own batch — e.g.
 * a save writing its record's timers in the same commit as the record.
 */
export function scheduleOps(inputs: (ScheduleInput & { key: string })[], now: Date, cancelKeys: readonly string[] = []): BatchOp[] {
  inputs.forEach(validate);
  const cancels = cancelKeys.map((key): BatchOp => ({
    op: 'update',
    collection: JOBS_COLLECTION,
    filter: { pendingKey: keyedPendingKey(key), state: 'pending' },
    // A cancelled job leaves the key free; its own unique placeholder keeps the index happy.
    update: { $set: { state: 'cancelled', pendingKey: lockedPendingKey(newId()), finishedAt: now, updatedAt: now } },
  }));
  return [...cancels, ...inputs.map((input): BatchOp => ({
    op: 'update',
    collection: JOBS_COLLECTION,
    filter: { pendingKey: keyedPendingKey(input.key), state: 'pending' },
    update: {
      $set: { kind: input.kind, dueAt: input.dueAt, payload: input.payload ?? {}, maxAttempts: input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS, attempts: 0, updatedAt: now },
      $setOnInsert: { key: input.key, leaseUntil: null, workerId: null, createdAt: now, startedAt: null, finishedAt: null, lastError: null },
    },
    upsert: true,
  }))];
}

/**
 * Schedules many keyed jobs (and cancels others by key) in one write, e.g. a
 * backfill giving every record its timer. If another process scheduled one of
 * the keys at the same moment, the batch is refused whole by the unique index
 * and the jobs are scheduled one by one instead.
 */
export async function scheduleMany(
  store: TenantStore, inputs: (ScheduleInput & { key: string })[], now: Date = new Date(), cancelKeys: readonly string[] = [],
): Promise<void> {
  if (inputs.length === 0 && cancelKeys.length === 0) return;
  const ops = scheduleOps(inputs, now, cancelKeys);
  await ensureJobIndexes(store);
  try {
    await store.batch(ops);
  } catch (e) {
    if (!(e instanceof DuplicateKeyError)) throw e;
    for (const key of cancelKeys) await cancel(store, key, now);
    for (const input of inputs) await schedule(store, input, now);
  }
}
