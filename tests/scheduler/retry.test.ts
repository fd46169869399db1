import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scheduler, backoffDelay, schedule, type JobHandler } from '../../runtime/scheduler/index.js';
import type { Store, TenantStore } from '../../runtime/store/port.js';
import { FakeClock, T0, jobDoc, jobDocs, minutes, openEmbedded, tempDataDir } from './harness.js';

describe('scheduler: retries with backoff, then failed', () => {
  const dir = tempDataDir();
  let store: Store;
  let seq = 0;
  const freshTenant = (): TenantStore => store.tenant(`retry-${++seq}`);
  const backoff = { baseMs: 1_000, maxMs: 5_000 };

  beforeAll(async () => {
    store = await openEmbedded(dir.dataDir);
  });
  afterAll(async () => {
    await store.close();
    dir.cleanup();
  });

  const scheduler = (t: TenantStore, handler: JobHandler, clock: FakeClock) =>
    new Scheduler({ store, tenants: async () => [t.tenant], handlers: { flaky: handler }, workerId: 'w', leaseMs: minutes(1), pollMs: 10, clock: clock.now, batchSize: 10, backoff });

  it('backoff is base × 2^attempts, capped', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, backoff))).toEqual([2_000, 4_000, 5_000, 5_000]);
  });

  it('a failing job is retried after base × 2^attempts until maxAttempts, then failed with the error', async () => {
    const t = freshTenant();
    const clock = new FakeClock(T0.getTime());
    let calls = 0;
    const s = scheduler(t, async () => {
      calls++;
      throw new Error(`smtp down (${calls})`);
    }, clock);
    const { id } = await schedule(t, { kind: 'flaky', dueAt: T0, maxAttempts: 3 }, T0);

    await s.runDue();
    expect(await jobDoc(t, id)).toMatchObject({ state: 'pending', attempts: 1, lastError: 'smtp down (1)', dueAt: new Date(T0.getTime() + 2_000), workerId: null, leaseUntil: null });
    clock.advance(1_999);
    expect((await s.runDue()).ran).toBe(0);
    clock.advance(1);
    await s.runDue();
    expect(await jobDoc(t, id)).toMatchObject({ state: 'pending', attempts: 2, lastError: 'smtp down (2)', dueAt: new Date(T0.getTime() + 2_000 + 4_000) });
    clock.advance(4_000);
    await s.runDue();
    expect(await jobDoc(t, id)).toMatchObject({ state: 'failed', attempts: 3, lastError: 'smtp down (3)', finishedAt: clock.now() });
    clock.advance(minutes(60));
    expect((await s.runDue()).ran).toBe(0);
    expect(calls).toBe(3);
  });

  it('a kind with its own backoff waits by that, other kinds by the default', async () => {
    const t = freshTenant();
    const clock = new FakeClock(T0.getTime());
    const fail: JobHandler = async () => {
      throw new Error('receiver down');
    };
    const s = new Scheduler({
      store, tenants: async () => [t.tenant], handlers: { flaky: fail, slow: fail }, workerId: 'w', leaseMs: minutes(1), pollMs: 10,
      clock: clock.now, batchSize: 10, backoff, backoffByKind: { slow: { baseMs: 30_000, maxMs: minutes(60) } },
    });
    const fast = await schedule(t, { kind: 'flaky', dueAt: T0, maxAttempts: 3 }, T0);
    const slow = await schedule(t, { kind: 'slow', dueAt: T0, maxAttempts: 3 }, T0);
    await s.runDue();
    expect((await jobDoc(t, fast.id)).dueAt).toEqual(new Date(T0.getTime() + 2_000));
    expect((await jobDoc(t, slow.id)).dueAt).toEqual(new Date(T0.getTime() + 60_000));
  });

  it('a handler that throws synchronously counts as a failed attempt', async () => {
    const t = freshTenant();
    const clock = new FakeClock(T0.getTime());
    const s = scheduler(t, (() => {
      throw new Error('sync');
    }) as unknown as JobHandler, clock);
    const { id } = await schedule(t, { kind: 'flaky', dueAt: T0, maxAttempts: 1 }, T0);
    await s.runDue();
    expect(await jobDoc(t, id)).toMatchObject({ state: 'failed', lastError: 'sync' });
  });

  it('a job that fails once and then succeeds ends done, with the earlier error kept', async () => {
    const t = freshTenant();
    const clock = new FakeClock(T0.getTime());
    let calls = 0;
    const s = scheduler(t, async () => {
      if (++calls === 1) throw new Error('timeout');
    }, clock);
    const { id } = await schedule(t, { kind: 'flaky', dueAt: T0 }, T0);
    await s.runDue();
    clock.advance(2_000);
    await s.runDue();
    expect(await jobDoc(t, id)).toMatchObject({ state: 'done', attempts: 2, lastError: 'timeout' });
  });

  it('rescheduling a key while its job is in backoff replaces that retry (and resets its attempts)', async () => {
    const t = freshTenant();
    const clock = new FakeClock(T0.getTime());
    const s = scheduler(t, async () => {
      throw new Error('boom');
    }, clock);
    const first = await schedule(t, { kind: 'flaky', key: 'deal-9', dueAt: T0, maxAttempts: 2 }, T0);
    await s.runDue();
    const again = await schedule(t, { kind: 'flaky', key: 'deal-9', dueAt: new Date(T0.getTime() + minutes(30)), payload: { v: 2 } }, T0);
    expect(again).toEqual({ id: first.id, replaced: true });
    expect(await jobDoc(t, first.id)).toMatchObject({ state: 'pending', attempts: 0, payload: { v: 2 } });
    expect(await jobDocs(t)).toHaveLength(1);
  });

  it('a key scheduled again while its job runs gets a new job; the failed attempt is superseded, not retried', async () => {
    const t = freshTenant();
    const clock = new FakeClock(T0.getTime());
    let newer: string | undefined;
    const s = scheduler(t, async (job) => {
      if (job.payload.v === 1) {
        newer = (await schedule(t, { kind: 'flaky', key: 'deal-1', dueAt: T0, payload: { v: 2 } }, T0)).id;
        throw new Error('stale');
      }
    }, clock);
    const first = await schedule(t, { kind: 'flaky', key: 'deal-1', dueAt: T0, payload: { v: 1 } }, T0);
    await s.runDue();
    expect(newer).toBeDefined();
    expect(newer).not.toBe(first.id);
    expect(await jobDoc(t, first.id)).toMatchObject({ state: 'superseded', lastError: 'stale' });
    await s.runDue();
    expect(await jobDoc(t, newer!)).toMatchObject({ state: 'done', payload: { v: 2 } });
  });
});
