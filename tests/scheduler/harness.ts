import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JOBS_COLLECTION, type Job, type JobDoc, type JobHandler } from '../../runtime/scheduler/index.js';
import { openStore } from '../../runtime/store/open.js';
import type { Store, TenantStore } from '../../runtime/store/port.js';

/** A temp DATA_DIR for the real embedded store, removed by `cleanup`. */
export function tempDataDir(): { dataDir: string; cleanup: () => void } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-scheduler-'));
  return { dataDir, cleanup: () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}

export const openEmbedded = (dataDir: string): Promise<Store> => openStore({ dataDir });

/** A clock the test moves by hand: schedulers read it, nothing sleeps. */
export class FakeClock {
  constructor(private t: number) {}
  now = (): Date => new Date(this.t);
  set(at: Date): void {
    this.t = at.getTime();
  }
  advance(ms: number): Date {
    this.t += ms;
    return this.now();
  }
}

/** Handler that counts executions per job id (and yields once, so concurrent runs interleave). */
export function countingHandler(): { handler: JobHandler; runs: Map<string, number>; jobs: Job[] } {
  const runs = new Map<string, number>();
  const jobs: Job[] = [];
  const handler: JobHandler = async (job) => {
    runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
    jobs.push(job);
    await new Promise((r) => setImmediate(r));
  };
  return { handler, runs, jobs };
}

export async function jobDocs(store: TenantStore, filter: Record<string, unknown> = {}): Promise<JobDoc[]> {
  return (await store.collection(JOBS_COLLECTION).find(filter, { sort: { createdAt: 1, _id: 1 } })) as unknown as JobDoc[];
}

export async function jobDoc(store: TenantStore, id: string): Promise<JobDoc> {
  const doc = await store.collection(JOBS_COLLECTION).findOne({ _id: id });
  if (!doc) throw new Error(`no job ${id}`);
  return doc as unknown as JobDoc;
}

/** Polls `check` on real time (for tests that run the scheduler's own loop). */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting for condition');
    await new Promise((r) => setTimeout(r, 5));
  }
}

export const T0 = new Date('2026-03-01T09:00:00Z');
export const minutes = (n: number) => n * 60_000;
