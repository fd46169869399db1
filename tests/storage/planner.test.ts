import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedCollection, type EmbeddedStore, openEmbeddedStore } from '../../runtime/store/embedded/index.js';
import type { Doc } from '../../runtime/store/port.js';
import { tempDir } from './adapters.js';

/**
 * Embedded-store specific: the planner must not scan when an index can answer.
 * `explain*` report how many documents a query read and tested.
 */
const N = 20_000;

describe('embedded store planner', () => {
  let store: EmbeddedStore;
  let deals: EmbeddedCollection;
  beforeAll(async () => {
    store = await openEmbeddedStore({ dataDir: tempDir() });
    deals = store.tenant('perf').collection('deals');
    await deals.createIndex({ keys: { owner: 1, createdAt: 1 } });
    await deals.createIndex({ keys: { createdAt: 1 } });
    await deals.createIndex({ keys: { stage: 1 } });
    const base = Date.UTC(2025, 0, 1);
    for (let start = 0; start < N; start += 5000) {
      const chunk: Doc[] = [];
      for (let i = start; i < start + 5000; i++) {
        chunk.push({
          owner: `u${i % 40}`,
          stage: ['new', 'qualified', 'won', 'lost'][i % 4],
          amount: (i * 7919) % 10_000,
          createdAt: new Date(base + i * 60_000),
        });
      }
      await deals.insertMany(chunk);
    }
  }, 120_000);
  afterAll(async () => store.close());

  it('pages through an equality + sort index walk without scanning', async () => {
    const stats = await deals.explainFind({ owner: 'u7' }, { sort: { createdAt: -1 }, limit: 50 });
    expect(stats.description).toMatch(/owner_1_createdAt_1.*ordered/);
    expect(stats.returned).toBe(50);
    expect(stats.docsExamined).toBeLessThanOrEqual(50);
    const page = await deals.find({ owner: 'u7' }, { sort: { createdAt: -1 }, limit: 50, skip: 50 });
    expect(page).toHaveLength(50);
    const times = page.map((d) => (d.createdAt as Date).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(page.every((d) => d.owner === 'u7')).toBe(true);
  });

  it('prefers a unique index bound on every field over an equality on a wider index', async () => {
    const jobs = store.tenant('perf').collection('jobs');
    await jobs.createIndex({ keys: { state: 1, dueAt: 1 } });
    await jobs.createIndex({ keys: { pendingKey: 1 }, unique: true });
    await jobs.insertMany(Array.from({ length: 500 }, (_, i) => ({ pendingKey: `k:${i}`, state: 'pending', dueAt: new Date(i * 1000) })));
    const stats = await jobs.explainFind({ pendingKey: 'k:250', state: 'pending' }, { limit: 1 });
    expect(stats.description).toMatch(/pendingKey_1/);
    expect(stats.docsExamined).toBe(1);
  });

  it('applies a residual filter during the walk and still stops early', async () => {
    const stats = await deals.explainFind({ owner: 'u9', amount: { $gte: 5000 } }, { sort: { createdAt: 1 }, limit: 50 });
    expect(stats.returned).toBe(50);
    expect(stats.docsExamined).toBeGreaterThanOrEqual(50);
    expect(stats.docsExamined).toBeLessThan(300);
  });

  it('walks a sort-only index for the first page', async () => {
    const stats = await deals.explainFind({}, { sort: { createdAt: -1 }, limit: 50 });
    expect(stats.docsExamined).toBe(50);
  });

  it('uses an index range for $gte/$lt on the sort field', async () => {
    const from = new Date(Date.UTC(2025, 0, 10));
    const stats = await deals.explainFind({ createdAt: { $gte: from, $lt: new Date(from.getTime() + 3_600_000) } }, { sort: { createdAt: 1 } });
    expect(stats.returned).toBe(60);
    expect(stats.docsExamined).toBeLessThanOrEqual(61); // bounds are inclusive supersets; the filter drops the edge
  });

  it('counts from the index without reading documents', async () => {
    const stats = await deals.explainCount({ stage: 'won' });
    expect(stats.returned).toBe(N / 4);
    expect(stats.docsExamined).toBe(0);
    expect(await deals.count({ owner: 'u1' })).toBe(N / 40);
  });

  it('stops a limited unsorted query early instead of scanning', async () => {
    const stats = await deals.explainFind({ amount: { $exists: true } }, { limit: 10 });
    expect(stats.docsExamined).toBe(10);
  });

  it('falls back to a top-k scan for an unindexed sort and gets it right', async () => {
    const t0 = performance.now();
    const stats = await deals.explainFind({}, { sort: { amount: -1 }, limit: 5 });
    const ms = performance.now() - t0;
    expect(stats.plan).toBe('scan');
    expect(stats.docsExamined).toBe(N);
    console.info(`top-5 scan of ${N} documents: ${ms.toFixed(0)} ms`);
    const top = await deals.find({}, { sort: { amount: -1 }, limit: 5 });
    const all = await deals.find({}, { projection: { amount: 1 } });
    const expected = all.map((d) => d.amount as number).sort((a, b) => b - a).slice(0, 5);
    expect(top.map((d) => d.amount)).toEqual(expected);
  });

  it('feeds a leading $match/$sort/$limit of an aggregation through the planner', async () => {
    const pipeline = [{ $match: { owner: 'u3' } }, { $sort: { createdAt: -1 } }, { $limit: 20 }, { $project: { amount: 1 } }];
    const stats = await deals.explainAggregate(pipeline);
    expect(stats.docsExamined).toBeLessThanOrEqual(20);
    expect(await deals.aggregate(pipeline)).toHaveLength(20);
  });
});
