import type { Filter, TenantStore } from '../store/port.js';
import { JOBS_COLLECTION, asJobDoc, lockedPendingKey, type JobDoc } from './jobDoc.js';

/**
 * Jobs this worker may claim at `now`: pending and due, or running with an expired
 * lease (its worker crashed or stalled). Only kinds this worker has handlers for,
 * so a process without a handler leaves the job to one that has it.
 */
export async function findClaimable(store: TenantStore, kinds: string[], now: Date, limit: number): Promise<JobDoc[]> {
  const jobs = store.collection(JOBS_COLLECTION);
  const kind = { $in: kinds };
  const expired = await jobs.find({ state: 'running', leaseUntil: { $lt: now }, kind }, { sort: { leaseUntil: 1 }, limit });
  const room = limit - expired.length;
  // A limit of 0 means "no limit" to MongoDB, so do not ask at all.
  const due = room > 0 ? await jobs.find({ state: 'pending', dueAt: { $lte: now }, kind }, { sort: { dueAt: 1 }, limit: room }) : [];
  return [...expired, ...due].map(asJobDoc);
}

/** Still exactly the candidate we read, and still claimable at `now`. */
function claimFilter(candidate: JobDoc, now: Date): Filter {
  const claimable = candidate.state === 'pending' ? { dueAt: { $lte: now } } : { leaseUntil: { $lt: now } };
  // updatedAt pins the version we read, so the claimed document equals `candidate` plus our $set/$inc.
  return { _id: candidate._id, state: candidate.state, updatedAt: candidate.updatedAt, ...claimable };
}

export type ClaimOutcome =
  | { claimed: true; doc: JobDoc }
  /** Someone else claimed, rescheduled or cancelled it first. */
  | { claimed: false; exhausted: false }
  /** Its lease expired on its last allowed attempt: marked failed instead of run again. */
  | { claimed: false; exhausted: true };

/**
 * The conditional update that makes a worker the job's only runner until `leaseUntil`.
 * Concurrent claims on one store are serialized by the store: at most one matches.
 */
export async function claim(store: TenantStore, candidate: JobDoc, now: Date, leaseMs: number, workerId: string): Promise<ClaimOutcome> {
  const jobs = store.collection(JOBS_COLLECTION);
  const filter = claimFilter(candidate, now);
  if (candidate.state === 'running' && candidate.attempts >= candidate.maxAttempts) {
    const lastError = `lease expired during attempt ${candidate.attempts} of ${candidate.maxAttempts} (worker ${candidate.workerId} stopped or the job outran its lease)`;
    const res = await jobs.updateOne(filter, { $set: { state: 'failed', leaseUntil: null, finishedAt: now, updatedAt: now, lastError } });
    return res.matchedCount === 1 ? { claimed: false, exhausted: true } : { claimed: false, exhausted: false };
  }
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const set = { state: 'running' as const, leaseUntil, workerId, startedAt: now, updatedAt: now, pendingKey: lockedPendingKey(candidate._id) };
  const res = await jobs.updateOne(filter, { $set: set, $inc: { attempts: 1 } });
  if (res.matchedCount !== 1) return { claimed: false, exhausted: false };
  return { claimed: true, doc: { ...candidate, ...set, attempts: candidate.attempts + 1 } };
}

/** Filter matching the job only while this worker still holds this attempt's lease. */
export function ownerFilter(doc: JobDoc): Filter {
  return { _id: doc._id, state: 'running', workerId: doc.workerId, attempts: doc.attempts };
}
