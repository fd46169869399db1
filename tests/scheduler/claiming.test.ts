import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scheduler, schedule, type JobHandler } from '../../runtime/scheduler/index.js';
import type { Store, TenantStore } from '../../runtime/store/port.js';
import { FakeClock, T0, countingHandler, jobDoc, jobDocs, minutes, openEmbedded, tempDataDir, waitFor } from './harness.js';

/** Several Scheduler instances on one store stand in for several server processes on one MongoDB. */
describe('scheduler: leases across several instances on one store', () => {
  const dir = tempDataDir();
  let store: Store;
  let seq = 0;
  const freshTenant = (): TenantStore => store.tenant(`claim-${++seq}`);

  beforeAll(async () => {
    store = await openEmbedded(dir.dataDir);
  });
  afterAll(async () => {
    await store.close();
    dir.cleanup();
  });

  const instance = (t: TenantStore | TenantStore[], workerId: string, handler: JobHandler, clock: () => Date, extra: { leaseMs?: number; pollMs?: number } = {}) =>
    new Scheduler({
      store,
      tenants: async () => (Array.isArray(t) ? t : [t]).map((x) => x.tenant),
      handlers: { work: handler },
      workerId,
      leaseMs: extra.leaseMs ?? minutes(1),
      pollMs: extra.pollMs ?? 5,
      clock,
      batchSize: 25,
    });

  it('four instances claiming concurrently run every job exactly once (runDue rounds)', async () => {
    const t = freshTenant();
    const clock = new FakeClock(T0.getTime());
    const ids = [];
    for (let i = 0; i < 300; i++) ids.push((await schedule(t, { kind: 'work', dueAt: new Date(T0.getTime() - i), payload: { i } }, T0)).id);
    const { handler, runs } = countingHandler();
    const workers = ['a', 'b', 'c', 'd'].map((w) => instance(t, w, handler, clock.now));
    const ranBy = new Map<string, number>();
    for (let round = 0; round < 100 && runs.size < ids.length; round++) {
      const results = await Promise.all(workers.map((w) => w.runDue()));
      results.forEach((r, i) => ranBy.set(workers[i].workerId, (ranBy.get(workers[i].workerId) ?? 0) + r.ran));
    }
    expect(runs.size).toBe(ids.length);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    expect([...ranBy.values()].reduce((a, b) => a + b, 0)).toBe(ids.length);
    const docs = await jobDocs(t);
    expect(docs.every((d) => d.state === 'done' && d.attempts === 1)).toBe(true);
  });

  it('four instances running their own polling loops over two tenants run every job exactly once', async () => {
    const tenants = [freshTenant(), freshTenant()];
    const ids: string[] = [];
    for (const t of tenants) for (let i = 0; i < 150; i++) ids.push((await schedule(t, { kind: 'work', dueAt: T0, payload: { i } })).id);
    const { handler, runs } = countingHandler();
    const workers = ['a', 'b', 'c', 'd'].map((w) => instance(tenants, w, handler, () => new Date()));
    workers.forEach((w) => w.start());
    try {
      await waitFor(() => runs.size === ids.length, 20_000);
      // A few more rounds: nothing may run a second time.
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    expect(runs.size).toBe(ids.length);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
  });

  it('a job held by a crashed worker stays with it until its lease expires, then another instance runs it', async () => {
    const t = freshTenant();
    const clock = new FakeClock(T0.getTime());
    const job = await schedule(t, { kind: 'work', dueAt: T0 }, T0);
    let started = 0;
    const hang: JobHandler = () => {
      started++;
      return new Promise<void>(() => {}); // never settles: the process "dies" mid-job
    };
    const crashed = instance(t, 'crashed', hang, clock.now, { leaseMs: minutes(1) });
    const roundA = crashed.runDue();
    // The document says running as soon as the claim commits; the handler starts just after.
    await waitFor(async () => started === 1 && (await jobDoc(t, job.id)).state === 'running');
    await crashed.stop({ graceMs: 0 }); // gives up on the job without recording anything
    await roundA;
    expect(await jobDoc(t, job.id)).toMatchObject({ state: 'running', workerId: 'crashed', attempts: 1 });

    const { handler, runs } = countingHandler();
    const rescuer = instance(t, 'rescuer', handler, clock.now, { leaseMs: minutes(1) });
    clock.advance(minutes(1) - 1); // lease still holds
    expect((await rescuer.runDue()).ran).toBe(0);
    clock.advance(2); // lease expired
    expect((await rescuer.runDue()).ran).toBe(1);
    expect(runs.get(job.id)).toBe(1);
    expect(await jobDoc(t, job.id)).toMatchObject({ state: 'done', workerId: 'rescuer', attempts: 2 });
  });

  it('stop() waits for running jobs within its grace period and records them', async () => {
    const t = freshTenant();
    const job = await schedule(t, { kind: 'work', dueAt: new Date() });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const s = instance(t, 'graceful', () => gate, () => new Date());
    s.start();
    await waitFor(async () => (await jobDoc(t, job.id)).state === 'running');
    const stopped = s.stop({ graceMs: 5_000 });
    setTimeout(release, 20);
    await stopped;
    expect(await jobDoc(t, job.id)).toMatchObject({ state: 'done', workerId: 'graceful' });
  });

  it('a crash on the last allowed attempt marks the job failed instead of running it again', async () => {
    const t = freshTenant();
    const clock = new FakeClock(T0.getTime());
    const job = await schedule(t, { kind: 'work', dueAt: T0, maxAttempts: 1 }, T0);
    const crashed = instance(t, 'crashed', () => new Promise<void>(() => {}), clock.now);
    const round = crashed.runDue();
    await waitFor(async () => (await jobDoc(t, job.id)).state === 'running');
    await crashed.stop({ graceMs: 0 });
    await round;
    const { handler, runs } = countingHandler();
    clock.advance(minutes(2));
    expect((await instance(t, 'other', handler, clock.now).runDue()).ran).toBe(0);
    expect(runs.size).toBe(0);
    expect(await jobDoc(t, job.id)).toMatchObject({ state: 'failed', attempts: 1, lastError: expect.stringMatching(/lease expired/) });
  });

  it('a handler that outlives its lease keeps the job: the lease is renewed while it runs', async () => {
    const t = freshTenant();
    const job = await schedule(t, { kind: 'work', dueAt: new Date() });
    let runsOfJob = 0;
    const slow: JobHandler = async () => {
      runsOfJob++;
      await new Promise((r) => setTimeout(r, 900)); // six leases long
    };
    const clock = () => new Date();
    // Renewed every 50 ms: the test tolerates event-loop stalls of up to ~100 ms on a busy machine.
    const a = instance(t, 'a', slow, clock, { leaseMs: 150 });
    const b = instance(t, 'b', slow, clock, { leaseMs: 150, pollMs: 5 });
    const roundA = a.runDue();
    await waitFor(async () => (await jobDoc(t, job.id)).state === 'running');
    b.start(); // polls all the while A works
    await roundA;
    await b.stop();
    expect(runsOfJob).toBe(1);
    expect(await jobDoc(t, job.id)).toMatchObject({ state: 'done', workerId: 'a', attempts: 1 });
  });
});
