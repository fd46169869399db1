import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedCollection, type EmbeddedStore, openEmbeddedStore } from '../../runtime/store/embedded/index.js';
import type { Doc, Pipeline } from '../../runtime/store/port.js';
import { tempDir } from './adapters.js';
import { makeDocs, makePipeline, prng } from './fixtures/group-cases.js';

/**
 * The embedded store compiles a leading `$group` (after the planned
 * $match/$sort/$limit) into closures and streams projected documents through
 * it; everything else runs in mingo. Both paths must give identical results —
 * values, types (-0, NaN, Dates), key order and group order — or the same error.
 */

/** Exact rendering: key order, -0, NaN, Dates and undefined all show. */
function show(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (v instanceof Date) return `Date(${v.getTime()})`;
  if (Array.isArray(v)) return `[${v.map(show).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${show(x)}`).join(',')}}`;
  }
  return String(v);
}

async function outcome(run: () => Promise<Doc[]>): Promise<string> {
  try {
    return show(await run());
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

/** Set GROUP_SEED to fuzz with other pipelines than CI runs. */
const SEED = Number(process.env.GROUP_SEED ?? 0) * 1000;

describe('compiled $group (embedded store)', () => {
  let store: EmbeddedStore;
  let clean: EmbeddedCollection;
  let dirty: EmbeddedCollection;

  beforeAll(async () => {
    store = await openEmbeddedStore({ dataDir: tempDir() });
    const t = store.tenant('groups');
    clean = t.collection('clean');
    dirty = t.collection('dirty');
    await clean.insertMany(makeDocs(prng(1), 300, true));
    await dirty.insertMany(makeDocs(prng(2), 300, false));
    await dirty.createIndex({ keys: { stage: 1, createdAt: 1 } });
  });
  afterAll(async () => store.close());

  async function compare(coll: EmbeddedCollection, pipeline: Pipeline): Promise<'compiled' | 'mingo' | 'error'> {
    const fast = await outcome(() => coll.aggregate(pipeline));
    const slow = await outcome(() => coll.aggregate(pipeline, { compiledGroup: false }));
    expect(fast, JSON.stringify(pipeline)).toBe(slow);
    if (slow.startsWith('error:')) return 'error';
    return (await coll.explainAggregate(pipeline)).group ?? 'mingo';
  }

  for (const [name, seed, outside] of [
    ['report-shaped pipelines on clean data', 11, false],
    ['report-shaped pipelines on dirty data (nulls, missing fields, mixed types)', 12, false],
    ['pipelines partly outside the compiled subset, on clean data', 13, true],
  ] as const) {
    it(`matches mingo: ${name}`, async () => {
      const r = prng(seed + SEED);
      const coll = name.includes('clean') ? clean : dirty;
      const paths = { compiled: 0, mingo: 0, error: 0 };
      const least = outside ? 50 : name.includes('clean') ? 150 : 40;
      for (let i = 0; i < 250; i++) paths[await compare(coll, makePipeline(r, outside))]++;
      console.log(`${name}: ${JSON.stringify(paths)}`);
      // The comparison is only worth something if the fast path actually ran.
      expect(paths.compiled).toBeGreaterThan(least);
    });
  }

  it('compiles the benchmark and report shapes', async () => {
    const zone = 'Asia/Shanghai';
    const pipelines: Pipeline[] = [
      [{ $group: { _id: { owner: '$owner', month: { $dateToString: { format: '%Y-%m', date: '$createdAt', timezone: zone } } }, total: { $sum: '$amount' }, count: { $sum: 1 } } }],
      [{ $group: { _id: { owner: '$owner', month: { $dateTrunc: { date: '$createdAt', unit: 'month', timezone: zone } } }, total: { $sum: '$amount' }, count: { $sum: 1 } } }],
      [
        { $match: { stage: { $in: ['won', 'open'] } } },
        { $group: { _id: { d0: { $dateToString: { date: { $dateFromString: { dateString: '$closeDate', onNull: null, onError: null } }, format: '%G-W%V', timezone: 'UTC', onNull: null } } }, m0: { $avg: '$amount' }, m1: { $max: '$amount' } } },
        { $sort: { '_id.d0': 1 } },
        { $limit: 1000 },
      ],
    ];
    for (const p of pipelines) {
      expect(await compare(clean, p)).toBe('compiled');
      await compare(dirty, p);
    }
  });

  it('reuses one Date per field read only as an instant, without mixing documents up', async () => {
    const dated = store.tenant('groups').collection('dated');
    await dated.insertMany(makeDocs(prng(5), 300, true).filter((d) => d.createdAt instanceof Date));
    const p: Pipeline = [
      {
        $group: {
          _id: { m: { $dateToString: { date: '$createdAt', format: '%Y-%m', timezone: 'America/New_York' } }, q: { $month: '$createdAt' } },
          day: { $first: { $dateTrunc: { date: '$createdAt', unit: 'day', timezone: 'Asia/Shanghai' } } },
          at: { $last: { $dateToString: { date: '$createdAt', format: '%d %H:%M:%S.%L' } } },
          days: { $push: { $dateTrunc: { date: '$createdAt', unit: 'week' } } },
        },
      },
    ];
    expect(await compare(dated, p)).toBe('compiled');
  });

  it('falls back to mingo under a collation', async () => {
    const p: Pipeline = [{ $group: { _id: '$owner', n: { $sum: 1 } } }];
    const stats = await clean.explainAggregate(p, { collation: { locale: 'en', strength: 2 } });
    expect(stats.group).toBe('mingo');
  });

  it('returns fresh copies: no object is shared between results or calls', async () => {
    const p: Pipeline = [
      { $match: { createdAt: { $type: 'date' } } },
      { $group: { _id: { $dateTrunc: { date: '$createdAt', unit: 'year' } }, first: { $first: '$createdAt' }, last: { $last: '$createdAt' }, all: { $push: '$createdAt' }, n: { $push: '$nested' } } },
    ];
    expect((await clean.explainAggregate(p)).group).toBe('compiled');
    const a = await clean.aggregate(p);
    const before = show(await clean.aggregate(p));
    const seen = new Set<object>();
    const walk = (v: unknown) => {
      if (v === null || typeof v !== 'object') return;
      expect(seen.has(v)).toBe(false);
      seen.add(v);
      Object.values(v).forEach(walk);
    };
    walk(a);
    for (const row of a) {
      (row._id as Date).setTime(0);
      (row.all as unknown[]).length = 0;
      (row.first as Date).setTime(1);
    }
    expect(show(await clean.aggregate(p))).toBe(before);
  });

  it('a month report over DST and half-hour zones matches hand-computed buckets', async () => {
    const t = store.tenant('zones');
    const c = t.collection('events');
    await c.insertMany([
      { at: new Date('2024-03-31T18:29:59Z'), v: 1 }, // Kolkata: 2024-03-31 23:59:59
      { at: new Date('2024-03-31T18:30:00Z'), v: 2 }, // Kolkata: 2024-04-01 00:00
      { at: new Date('2024-11-01T03:59:59Z'), v: 4 }, // New York (EDT): 2024-10-31 23:59:59
      { at: new Date('2024-12-01T04:59:59Z'), v: 8 }, // New York (EST): 2024-11-30 23:59:59
    ]);
    const month = (timezone: string) => [{ $group: { _id: { $dateToString: { date: '$at', format: '%Y-%m', timezone } }, v: { $sum: '$v' } } }, { $sort: { _id: 1 } }];
    expect(await c.aggregate(month('Asia/Kolkata'))).toEqual([
      { _id: '2024-03', v: 1 },
      { _id: '2024-04', v: 2 },
      { _id: '2024-11', v: 4 },
      { _id: '2024-12', v: 8 },
    ]);
    expect(await c.aggregate(month('America/New_York'))).toEqual([
      { _id: '2024-03', v: 3 },
      { _id: '2024-10', v: 4 },
      { _id: '2024-11', v: 8 },
    ]);
    expect((await c.explainAggregate(month('America/New_York'))).group).toBe('compiled');
  });

  it('historic offsets between -01:00 and 00:00 (Monrovia, Dublin) go the same way on both paths', async () => {
    const c = store.tenant('lmt').collection('events');
    await c.insertMany([
      { at: new Date('1971-06-30T23:50:00Z') },
      { at: new Date('1971-07-01T00:20:00Z') },
      { at: new Date('1915-03-01T00:10:00Z') },
    ]);
    for (const timezone of ['Africa/Monrovia', 'Europe/Dublin']) {
      const p: Pipeline = [
        { $group: { _id: { d: { $dateToString: { date: '$at', format: '%Y-%m-%d %H:%M', timezone } }, m: { $month: { date: '$at', timezone } } } } },
        { $sort: { '_id.d': 1 } },
      ];
      expect(show(await c.aggregate(p))).toBe(show(await c.aggregate(p, { compiledGroup: false })));
      expect((await c.explainAggregate(p)).group).toBe('compiled');
    }
  });

  it('%G is the ISO week-numbering year on both paths', async () => {
    const c = store.tenant('weeks').collection('days');
    await c.insertMany([{ at: new Date('2024-12-30T12:00:00Z') }, { at: new Date('2027-01-01T12:00:00Z') }]);
    const p: Pipeline = [{ $group: { _id: { $dateToString: { date: '$at', format: '%G-W%V' } } } }, { $sort: { _id: 1 } }];
    const want = [{ _id: '2025-W01' }, { _id: '2026-W53' }];
    expect(await c.aggregate(p)).toEqual(want);
    expect(await c.aggregate(p, { compiledGroup: false })).toEqual(want);
  });
});
