/**
 * (d) Scheduler throughput: due jobs processed per second by 1 vs 4 Scheduler
 * instances claiming from one store. All instances share this process's one
 * embedded store (it admits one process), so the figure shows what the lease
 * claim costs under contention, not multi-process scaling (that needs MongoDB).
 * Each round loads `jobs` due jobs into a fresh tenant (not timed), then times
 * from start() until every job is done; every job must have run exactly once.
 */
import { performance } from 'node:perf_hooks';
import { JOBS_COLLECTION, Scheduler, type JobHandler } from '../runtime/scheduler/index.js';
import { newId } from '../runtime/store/ids.js';
import type { Store } from '../runtime/store/port.js';
import { check, fmtRate, fmtRatio, heading, sideBySide, table, type SideResult } from './measure.js';

export interface SchedulerBenchOptions {
  /** Due jobs per round (default 2000). */
  jobs?: number;
  rounds?: number;
  warmup?: number;
  /** Simulated I/O per job in ms; 0 measures the scheduler alone (default [0, 5]). */
  handlerMs?: number[];
}

export interface SchedulerRow {
  handlerMs: number;
  jobs: number;
  results: SideResult[];
}

const INSTANCES = [1, 4];
let tenantSeq = 0;

/** Writes due jobs the way `schedule()` would, in one insertMany, so loading is cheap. */
async function loadDueJobs(store: Store, tenant: string, count: number): Promise<void> {
  const now = new Date();
  const dueAt = new Date(now.getTime() - 1000);
  const docs = Array.from({ length: count }, (_, i) => {
    const _id = newId();
    return { _id, kind: 'bench', key: null, pendingKey: `#${_id}`, payload: { i }, state: 'pending', dueAt, attempts: 0, maxAttempts: 1, leaseUntil: null, workerId: null, createdAt: now, updatedAt: now, startedAt: null, finishedAt: null, lastError: null };
  });
  const jobs = store.tenant(tenant).collection(JOBS_COLLECTION);
  for (let i = 0; i < docs.length; i += 5000) await jobs.insertMany(docs.slice(i, i + 5000));
}

/** One timed run: `instances` schedulers drain `count` due jobs of a fresh tenant. */
async function drain(store: Store, instances: number, count: number, handlerMs: number): Promise<number> {
  const tenant = `bench-sched-${++tenantSeq}`;
  await loadDueJobs(store, tenant, count);
  const runs = new Map<string, number>();
  let finished!: () => void;
  const allDone = new Promise<void>((resolve) => (finished = resolve));
  const handler: JobHandler = async (job) => {
    if (handlerMs > 0) await new Promise((r) => setTimeout(r, handlerMs));
    runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
    if (runs.size === count) finished();
  };
  const schedulers = Array.from(
    { length: instances },
    (_, i) => new Scheduler({ store, tenants: async () => [tenant], handlers: { bench: handler }, workerId: `bench-${i}`, leaseMs: 60_000, pollMs: 10, batchSize: 50 }),
  );
  const t0 = performance.now();
  schedulers.forEach((s) => s.start());
  await allDone;
  const ms = performance.now() - t0;
  await Promise.all(schedulers.map((s) => s.stop()));
  check([...runs.values()].every((n) => n === 1), `some job ran more than once with ${instances} instances`);
  // The handler resolves before its job is marked done: check the documents after stop.
  const done = await store.tenant(tenant).collection(JOBS_COLLECTION).count({ state: 'done' });
  check(done === count, `${done} of ${count} jobs done with ${instances} instances`);
  await store.tenant(tenant).dropCollection(JOBS_COLLECTION);
  return ms;
}

export async function benchScheduler(store: Store, options: SchedulerBenchOptions = {}): Promise<SchedulerRow[]> {
  const jobs = options.jobs ?? 2000;
  const rows: SchedulerRow[] = [];
  heading(`(d) scheduler: ${jobs} due jobs, 1 vs 4 instances claiming from one store`);
  for (const handlerMs of options.handlerMs ?? [0, 5]) {
    const results = await sideBySide(
      INSTANCES.map((n) => ({ name: `${n} instance${n > 1 ? 's' : ''}`, run: () => drain(store, n, jobs, handlerMs) })),
      { rounds: options.rounds ?? 3, warmup: options.warmup ?? 1 },
    );
    const row = { handlerMs, jobs, results };
    rows.push(row);
    console.log(table(schedulerHeader, [schedulerRowCells(row)]));
  }
  return rows;
}

export const schedulerHeader = ['handler', 'rounds×jobs', '1 instance', '4 instances', '4/1'];

export function schedulerRowCells(row: SchedulerRow): string[] {
  const [one, four] = row.results;
  const rate = (ms: number) => (row.jobs * 1000) / ms;
  return [
    row.handlerMs === 0 ? 'no-op' : `${row.handlerMs} ms I/O`,
    `${one.times.length}×${row.jobs}`,
    fmtRate(rate(one.median)),
    fmtRate(rate(four.median)),
    fmtRatio(rate(four.median) / rate(one.median)),
  ];
}
