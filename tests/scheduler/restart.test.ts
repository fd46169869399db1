import { describe, expect, it } from 'vitest';
import { Scheduler, schedule } from '../../runtime/scheduler/index.js';
import { FakeClock, T0, countingHandler, jobDoc, minutes, openEmbedded, tempDataDir, waitFor } from './harness.js';

describe('scheduler: jobs survive a restart', () => {
  it('a job that fell due while the server was down runs exactly once when it is back', async () => {
    const dir = tempDataDir();
    try {
      // Server up: the job is scheduled an hour ahead; the scheduler runs but nothing is due.
      const clock = new FakeClock(T0.getTime());
      let store = await openEmbedded(dir.dataDir);
      const first = countingHandler();
      const before = new Scheduler({ store, tenants: async () => ['acme'], handlers: { remind: first.handler }, workerId: 'before', leaseMs: minutes(1), pollMs: 5, clock: clock.now, batchSize: 10 });
      before.start();
      const { id } = await schedule(store.tenant('acme'), { kind: 'remind', dueAt: new Date(T0.getTime() + minutes(60)), payload: { n: 1 } }, T0);
      await new Promise((r) => setTimeout(r, 30));
      await before.stop();
      await store.close(); // server down

      clock.advance(minutes(180)); // the due time passes while nothing runs
      store = await openEmbedded(dir.dataDir);
      const after = countingHandler();
      const scheduler = new Scheduler({ store, tenants: async () => ['acme'], handlers: { remind: after.handler }, workerId: 'after', leaseMs: minutes(1), pollMs: 5, clock: clock.now, batchSize: 10 });
      scheduler.start(); // its first round is the catch-up
      try {
        await waitFor(() => after.runs.size === 1);
        await new Promise((r) => setTimeout(r, 50)); // several more polls
      } finally {
        await scheduler.stop();
      }
      expect(first.runs.size).toBe(0);
      expect(after.runs.get(id)).toBe(1);
      expect(after.jobs[0].payload).toEqual({ n: 1 });
      expect(await jobDoc(store.tenant('acme'), id)).toMatchObject({ state: 'done', attempts: 1, workerId: 'after' });
      await store.close();
    } finally {
      dir.cleanup();
    }
  });
});
