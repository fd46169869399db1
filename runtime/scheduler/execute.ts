import { DuplicateKeyError, type TenantStore } from '../store/port.js';
import { backoffDelay, type BackoffOptions } from './backoff.js';
import { ownerFilter } from './claim.js';
import { JOBS_COLLECTION, keyedPendingKey, lockedPendingKey, toJob, type Job, type JobDoc } from './jobDoc.js';

export interface JobContext {
  store: TenantStore;
  /** Aborted when this worker loses the job's lease or abandons it on stop: stop working, the result will not be recorded. */
  signal: AbortSignal;
  now: () => Date;
}

export type JobHandler = (job: Job, ctx: JobContext) => Promise<void>;

export type JobOutcome = 'done' | 'retry' | 'failed' | 'superseded' | 'lost' | 'abandoned';

export interface ExecuteOptions {
  store: TenantStore;
  doc: JobDoc;
  handler: JobHandler;
  leaseMs: number;
  backoff: BackoffOptions;
  clock: () => Date;
  /** Settles when the scheduler gives up on the job (stop past its grace period). */
  abandoned: Promise<void>;
}

/**
 * Runs one claimed job: renews the lease while the handler works, then records
 * the outcome — but only while this attempt still owns the job (a worker that
 * lost its lease must not overwrite the new owner's state).
 */
export async function execute(opts: ExecuteOptions): Promise<JobOutcome> {
  const { store, doc, clock } = opts;
  const jobs = store.collection(JOBS_COLLECTION);
  const owner = ownerFilter(doc);
  const control = new AbortController();
  // Renew well before expiry so a slow handler keeps its job; stop renewing once it is lost.
  const heartbeat = setInterval(() => {
    jobs
      .updateOne(owner, { $set: { leaseUntil: new Date(clock().getTime() + opts.leaseMs) } })
      .then((r) => r.matchedCount === 1 || control.abort(new Error('lease lost')))
      .catch(() => undefined); // a failed renewal is retried on the next beat; the lease may still hold
  }, Math.max(10, Math.floor(opts.leaseMs / 3)));
  heartbeat.unref();

  let error: unknown = undefined;
  let finished = false;
  try {
    // Started inside a then() so a handler that throws synchronously counts as a failed attempt.
    const run = Promise.resolve()
      .then(() => opts.handler(toJob(store.tenant, doc), { store, signal: control.signal, now: clock }))
      .then(
      () => ({ ok: true as const }),
      (e: unknown) => ({ ok: false as const, e }),
    );
    const result = await Promise.race([run, opts.abandoned.then(() => null), lost(control.signal)]);
    if (result === null) {
      control.abort(new Error('abandoned on stop'));
      return 'abandoned';
    }
    if (result === 'lost') return 'lost';
    finished = result.ok;
    if (!result.ok) error = result.e;
  } finally {
    clearInterval(heartbeat);
  }

  const now = clock();
  if (finished) {
    const res = await jobs.updateOne(owner, { $set: { state: 'done', leaseUntil: null, finishedAt: now, updatedAt: now } });
    return res.matchedCount === 1 ? 'done' : 'lost';
  }
  const lastError = error instanceof Error ? error.message : String(error);
  if (doc.attempts >= doc.maxAttempts) {
    const res = await jobs.updateOne(owner, { $set: { state: 'failed', leaseUntil: null, finishedAt: now, updatedAt: now, lastError } });
    return res.matchedCount === 1 ? 'failed' : 'lost';
  }
  const retry = {
    state: 'pending',
    dueAt: new Date(now.getTime() + backoffDelay(doc.attempts, opts.backoff)),
    leaseUntil: null,
    workerId: null,
    updatedAt: now,
    lastError,
  };
  // A keyed job goes back under its key so rescheduling and cancel reach it during its backoff.
  const pendingKey = doc.key === null ? lockedPendingKey(doc._id) : keyedPendingKey(doc.key);
  try {
    const res = await jobs.updateOne(owner, { $set: { ...retry, pendingKey } });
    return res.matchedCount === 1 ? 'retry' : 'lost';
  } catch (e) {
    if (!(e instanceof DuplicateKeyError)) throw e;
    // The key was scheduled again while this attempt ran: that newer job replaces the retry.
    const res = await jobs.updateOne(owner, { $set: { state: 'superseded', leaseUntil: null, finishedAt: now, updatedAt: now, lastError } });
    return res.matchedCount === 1 ? 'superseded' : 'lost';
  }
}

function lost(signal: AbortSignal): Promise<'lost'> {
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve('lost'), { once: true }));
}
