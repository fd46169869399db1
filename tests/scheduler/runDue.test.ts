import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scheduler, schedule, scheduleMany, cancel } from '../../runtime/scheduler/index.js';
import type { Store, TenantStore } from '../../runtime/store/port.js';
import { FakeClock, T0, countingHandler, jobDoc, jobDocs, minutes, openEmbedded, tempDataDir } from './harness.js';

describe('scheduler: due jobs, reschedule by key, cancel', () => {
  const dir = tempDataDir();
  let store: Store;
  let seq = 0;
  const freshTenant = (): TenantStore => store.tenant(`sched-${++seq}`);

  beforeAll(async () => {
    store = await openEmbedded(dir.dataDir);
  });
  afterAll(async () => {
    await store.close();
    dir.cleanup();
  });

  function setup(t: TenantStore) {
    const clock = new FakeClock(T0.getTime());
    const counted = countingHandler();
    const scheduler = new Scheduler({
      store,
      tenants: async () => [t.tenant],
      handlers: { remind: counted.handler },
      workerId: 'w1',
      leaseMs: minutes(1),
      pollMs: 10,
      clock: clock.now,
      batchSize: 10,
    });
    return { clock, scheduler, ...counted };
  }

  it('runs due jobs once and leaves future ones pending', async () => {
    const t = freshTenant();
    const { scheduler, runs, clock, jobs } = setup(t);
    const due = await schedule(t, { kind: 'remind', dueAt: new Date(T0.getTime() - 1), payload: { recordId: 'r1' } }, T0);
    const exact = await schedule(t, { kind: 'remind', dueAt: T0, payload: {} }, T0);
    const future = await schedule(t, { kind: 'remind', dueAt: new Date(T0.getTime() + minutes(5)), payload: {} }, T0);

    expect(await scheduler.runDue()).toEqual({ ran: 2, full: false });
    expect([...runs.keys()].sort()).toEqual([due.id, exact.id].sort());
    expect(jobs.find((j) => j.id === due.id)).toMatchObject({ tenant: t.tenant, kind: 'remind', payload: { recordId: 'r1' }, attempt: 1 });
    const done = await jobDoc(t, due.id);
    expect(done).toMatchObject({ state: 'done', attempts: 1, workerId: 'w1', leaseUntil: null, finishedAt: T0, lastError: null });
    expect((await jobDoc(t, future.id)).state).toBe('pending');

    // Done jobs are not run again; the future one runs when its time comes.
    expect((await scheduler.runDue()).ran).toBe(0);
    clock.advance(minutes(5));
    expect((await scheduler.runDue()).ran).toBe(1);
    expect(runs.get(future.id)).toBe(1);
    expect(runs.get(due.id)).toBe(1);
  });

  it('leaves kinds it has no handler for to other workers', async () => {
    const t = freshTenant();
    const { scheduler, runs } = setup(t);
    const other = await schedule(t, { kind: 'webhook', dueAt: T0 }, T0);
    expect((await scheduler.runDue()).ran).toBe(0);
    expect(runs.size).toBe(0);
    expect((await jobDoc(t, other.id)).state).toBe('pending');
  });

  it('scheduling the same key again replaces the pending job instead of adding one', async () => {
    const t = freshTenant();
    const { scheduler, runs, clock, jobs } = setup(t);
    const first = await schedule(t, { kind: 'remind', key: 'opp-1:closeDate', dueAt: new Date(T0.getTime() + minutes(10)), payload: { v: 1 } }, T0);
    const second = await schedule(t, { kind: 'remind', key: 'opp-1:closeDate', dueAt: new Date(T0.getTime() + minutes(20)), payload: { v: 2 } }, T0);
    expect(first.replaced).toBe(false);
    expect(second).toEqual({ id: first.id, replaced: true });
    expect(await jobDocs(t)).toHaveLength(1);

    clock.advance(minutes(10)); // the old time: nothing runs
    expect((await scheduler.runDue()).ran).toBe(0);
    clock.advance(minutes(10));
    expect((await scheduler.runDue()).ran).toBe(1);
    expect(jobs.map((j) => j.payload)).toEqual([{ v: 2 }]);

    // Once the keyed job has run, the key schedules a new job; the done one stays as the log.
    const third = await schedule(t, { kind: 'remind', key: 'opp-1:closeDate', dueAt: clock.now(), payload: { v: 3 } }, clock.now());
    expect(third.id).not.toBe(first.id);
    expect((await jobDocs(t)).map((d) => d.state)).toEqual(['done', 'pending']);
    await scheduler.runDue();
    expect(runs.get(third.id)).toBe(1);
  });

  it('scheduleMany replaces the pending jobs of known keys and adds the rest, in one write', async () => {
    const t = freshTenant();
    const { scheduler, jobs } = setup(t);
    const existing = await schedule(t, { kind: 'remind', key: 'a', dueAt: new Date(T0.getTime() + minutes(30)), payload: { v: 0 } }, T0);
    await scheduleMany(t, [
      { kind: 'remind', key: 'a', dueAt: T0, payload: { v: 1 } },
      { kind: 'remind', key: 'b', dueAt: T0, payload: { v: 2 } },
    ], T0);
    const pending = await jobDocs(t, { state: 'pending' });
    expect(pending.map((d) => d.key).sort()).toEqual(['a', 'b']);
    expect(pending.find((d) => d.key === 'a')!._id).toBe(existing.id);
    expect((await scheduler.runDue()).ran).toBe(2);
    expect(jobs.map((j) => j.payload).sort((x, y) => Number(x.v) - Number(y.v))).toEqual([{ v: 1 }, { v: 2 }]);
    // Scheduled again after they ran: new pending jobs beside the done ones.
    await scheduleMany(t, [{ kind: 'remind', key: 'a', dueAt: T0 }], T0);
    expect((await jobDocs(t)).map((d) => d.state).sort()).toEqual(['done', 'done', 'pending']);
  });

  it('concurrent schedules of one key leave one pending job', async () => {
    const t = freshTenant();
    await Promise.all(Array.from({ length: 20 }, (_, i) => schedule(t, { kind: 'remind', key: 'k', dueAt: T0, payload: { i } }, T0)));
    expect(await jobDocs(t, { state: 'pending' })).toHaveLength(1);
  });

  it('cancel removes the pending job from the queue and keeps it as cancelled', async () => {
    const t = freshTenant();
    const { scheduler, runs } = setup(t);
    const job = await schedule(t, { kind: 'remind', key: 'task-7:due', dueAt: T0 }, T0);
    expect(await cancel(t, 'task-7:due', T0)).toBe(true);
    expect(await cancel(t, 'task-7:due', T0)).toBe(false);
    expect(await cancel(t, 'never-scheduled', T0)).toBe(false);
    expect((await scheduler.runDue()).ran).toBe(0);
    expect(runs.size).toBe(0);
    expect(await jobDoc(t, job.id)).toMatchObject({ state: 'cancelled', finishedAt: T0 });
    // The key is free again.
    const again = await schedule(t, { kind: 'remind', key: 'task-7:due', dueAt: T0 }, T0);
    expect(again).toMatchObject({ replaced: false });
    expect(again.id).not.toBe(job.id);
  });

  it('refuses malformed jobs', async () => {
    const t = freshTenant();
    await expect(schedule(t, { kind: '', dueAt: T0 })).rejects.toThrow(/kind/);
    await expect(schedule(t, { kind: 'x', dueAt: new Date('nope') })).rejects.toThrow(/dueAt/);
    await expect(schedule(t, { kind: 'x', dueAt: T0, payload: [] as unknown as Record<string, unknown> })).rejects.toThrow(/payload/);
    await expect(schedule(t, { kind: 'x', dueAt: T0, maxAttempts: 0 })).rejects.toThrow(/maxAttempts/);
    await expect(schedule(t, { kind: 'x', dueAt: T0, key: '' })).rejects.toThrow(/key/);
  });

  it('creates its indexes, including { state, dueAt }', async () => {
    const t = freshTenant();
    await schedule(t, { kind: 'remind', dueAt: T0 }, T0);
    const keys = (await t.collection('_jobs').listIndexes()).map((i) => i.keys);
    expect(keys).toContainEqual({ state: 1, dueAt: 1 });
    expect(keys).toContainEqual({ state: 1, leaseUntil: 1 });
  });
});
