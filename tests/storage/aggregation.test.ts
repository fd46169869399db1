import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnsupportedQueryError, type Collection, type Store, type TenantStore } from '../../runtime/store/port.js';
import { adapters, freshTenant } from './adapters.js';

const SH = 'Asia/Shanghai';

for (const adapter of adapters()) {
  describe(`store conformance (${adapter.name}): aggregation`, () => {
    let store: Store;
    let t: TenantStore;
    let deals: Collection;
    beforeAll(async () => {
      store = await adapter.open();
      t = freshTenant(store);
      deals = t.collection('deals');
      await deals.insertMany([
        { _id: 'd1', owner: 'u1', stage: 'won', amount: 100, items: ['a', 'b'], closedAt: new Date('2026-01-31T17:00:00Z') },
        { _id: 'd2', owner: 'u1', stage: 'lost', amount: 50, items: ['a'], closedAt: new Date('2026-01-31T15:59:59Z') },
        { _id: 'd3', owner: 'u2', stage: 'won', amount: 300, items: [], closedAt: new Date('2026-02-15T02:00:00Z') },
        { _id: 'd4', owner: 'u3', stage: 'open', amount: 20, items: ['c'], closedAt: new Date('2026-03-01T16:30:00Z') },
      ]);
      await t.collection('users').insertMany([
        { _id: 'u1', name: 'Li Lei', team: 'north' },
        { _id: 'u2', name: 'Han Meimei', team: 'south' },
      ]);
    });
    afterAll(async () => store.close());

    it('$match + $group with $sum/$avg/$min/$max/$push/$count, then $sort', async () => {
      const out = await deals.aggregate([
        { $match: { amount: { $gte: 20 } } },
        {
          $group: {
            _id: '$owner',
            total: { $sum: '$amount' },
            avg: { $avg: '$amount' },
            min: { $min: '$amount' },
            max: { $max: '$amount' },
            ids: { $push: '$_id' },
            n: { $count: {} },
          },
        },
        { $sort: { total: -1 } },
      ]);
      expect(out).toEqual([
        { _id: 'u2', total: 300, avg: 300, min: 300, max: 300, ids: ['d3'], n: 1 },
        { _id: 'u1', total: 150, avg: 75, min: 50, max: 100, ids: ['d1', 'd2'], n: 2 },
        { _id: 'u3', total: 20, avg: 20, min: 20, max: 20, ids: ['d4'], n: 1 },
      ]);
    });

    it('$group on a missing field groups under null', async () => {
      const out = await deals.aggregate([{ $group: { _id: '$nope', n: { $sum: 1 } } }]);
      expect(out).toEqual([{ _id: null, n: 4 }]);
    });

    it('$project with expressions and $unwind', async () => {
      const out = await deals.aggregate([
        { $match: { _id: { $in: ['d1', 'd3'] } } },
        { $unwind: { path: '$items', preserveNullAndEmptyArrays: true } },
        { $project: { _id: 0, id: '$_id', item: '$items', big: { $gt: ['$amount', 150] } } },
        { $sort: { id: 1, item: 1 } },
      ]);
      expect(out).toEqual([
        { id: 'd1', item: 'a', big: false },
        { id: 'd1', item: 'b', big: false },
        { id: 'd3', big: true },
      ]);
    });

    it('$lookup by localField/foreignField within the tenant', async () => {
      const out = await deals.aggregate([
        { $sort: { _id: 1 } },
        { $lookup: { from: 'users', localField: 'owner', foreignField: '_id', as: 'ownerDoc' } },
        { $project: { ownerName: { $first: '$ownerDoc.name' } } },
      ]);
      expect(out).toEqual([
        { _id: 'd1', ownerName: 'Li Lei' },
        { _id: 'd2', ownerName: 'Li Lei' },
        { _id: 'd3', ownerName: 'Han Meimei' },
        { _id: 'd4' },
      ]);
    });

    it('$lookup concise form runs the pipeline on matched documents only', async () => {
      const out = await deals.aggregate([
        { $match: { _id: { $in: ['d1', 'd3'] } } },
        { $sort: { _id: 1 } },
        {
          $lookup: {
            from: 'users',
            localField: 'owner',
            foreignField: '_id',
            let: { amt: '$amount' },
            pipeline: [{ $project: { _id: 0, name: 1, dealAmount: '$$amt' } }],
            as: 'owner',
          },
        },
        { $project: { owner: 1 } },
      ]);
      expect(out).toEqual([
        { _id: 'd1', owner: [{ name: 'Li Lei', dealAmount: 100 }] },
        { _id: 'd3', owner: [{ name: 'Han Meimei', dealAmount: 300 }] },
      ]);
    });

    it('$lookup with let/pipeline and $expr', async () => {
      const out = await t.collection('users').aggregate([
        { $sort: { _id: 1 } },
        {
          $lookup: {
            from: 'deals',
            let: { uid: '$_id' },
            pipeline: [{ $match: { $expr: { $and: [{ $eq: ['$owner', '$$uid'] }, { $eq: ['$stage', 'won'] }] } } }, { $count: 'n' }],
            as: 'won',
          },
        },
        { $project: { won: 1 } },
      ]);
      expect(out).toEqual([
        { _id: 'u1', won: [{ n: 1 }] },
        { _id: 'u2', won: [{ n: 1 }] },
      ]);
    });

    it('$lookup cannot reach another tenant', async () => {
      const other = freshTenant(store);
      await other.collection('secrets').insertOne({ _id: 's1', owner: 'u1' });
      const out = await deals.aggregate([
        { $match: { _id: 'd1' } },
        { $lookup: { from: 'secrets', localField: 'owner', foreignField: 'owner', as: 's' } },
      ]);
      expect(out[0].s).toEqual([]);
      await expect(deals.aggregate([{ $lookup: { from: `${other.tenant}__secrets`, localField: 'owner', foreignField: 'owner', as: 's' } }])).resolves.toEqual(
        expect.arrayContaining([expect.objectContaining({ s: [] })]),
      );
      await expect(deals.aggregate([{ $lookup: { from: '../x', localField: 'a', foreignField: 'b', as: 's' } }])).rejects.toThrow();
    });

    it('$facet and $bucket', async () => {
      const [out] = await deals.aggregate([
        {
          $facet: {
            byStage: [{ $group: { _id: '$stage', n: { $sum: 1 } } }, { $sort: { _id: 1 } }],
            sizes: [{ $bucket: { groupBy: '$amount', boundaries: [0, 60, 200, 1000], default: 'other', output: { n: { $sum: 1 } } } }],
          },
        },
      ]);
      expect(out).toEqual({
        byStage: [{ _id: 'lost', n: 1 }, { _id: 'open', n: 1 }, { _id: 'won', n: 2 }],
        sizes: [{ _id: 0, n: 2 }, { _id: 60, n: 1 }, { _id: 200, n: 1 }],
      });
    });

    it('$dateToString in Asia/Shanghai: 2026-01-31T17:00Z is Feb 1 there', async () => {
      const out = await deals.aggregate([
        { $match: { _id: { $in: ['d1', 'd2'] } } },
        { $sort: { _id: 1 } },
        { $project: { day: { $dateToString: { date: '$closedAt', format: '%Y-%m-%d', timezone: SH } } } },
      ]);
      expect(out).toEqual([{ _id: 'd1', day: '2026-02-01' }, { _id: 'd2', day: '2026-01-31' }]);
    });

    it('$dateTrunc buckets by local day, week and month in Asia/Shanghai', async () => {
      const out = await deals.aggregate([
        { $sort: { _id: 1 } },
        {
          $project: {
            day: { $dateTrunc: { date: '$closedAt', unit: 'day', timezone: SH } },
            week: { $dateTrunc: { date: '$closedAt', unit: 'week', timezone: SH, startOfWeek: 'monday' } },
            month: { $dateTrunc: { date: '$closedAt', unit: 'month', timezone: SH } },
            quarter: { $dateTrunc: { date: '$closedAt', unit: 'quarter', timezone: SH } },
            utcMonth: { $dateTrunc: { date: '$closedAt', unit: 'month' } },
          },
        },
      ]);
      const iso = (d: unknown) => (d as Date).toISOString();
      expect(out.map((d) => [d._id, iso(d.day), iso(d.week), iso(d.month), iso(d.quarter), iso(d.utcMonth)])).toEqual([
        // 2026-02-01 01:00 local (a Sunday): Monday-weeks start 2026-01-26 local.
        ['d1', '2026-01-31T16:00:00.000Z', '2026-01-25T16:00:00.000Z', '2026-01-31T16:00:00.000Z', '2025-12-31T16:00:00.000Z', '2026-01-01T00:00:00.000Z'],
        // 2026-01-31 23:59:59 local.
        ['d2', '2026-01-30T16:00:00.000Z', '2026-01-25T16:00:00.000Z', '2025-12-31T16:00:00.000Z', '2025-12-31T16:00:00.000Z', '2026-01-01T00:00:00.000Z'],
        ['d3', '2026-02-14T16:00:00.000Z', '2026-02-08T16:00:00.000Z', '2026-01-31T16:00:00.000Z', '2025-12-31T16:00:00.000Z', '2026-02-01T00:00:00.000Z'],
        // 2026-03-02 00:30 local (a Monday).
        ['d4', '2026-03-01T16:00:00.000Z', '2026-03-01T16:00:00.000Z', '2026-02-28T16:00:00.000Z', '2025-12-31T16:00:00.000Z', '2026-03-01T00:00:00.000Z'],
      ]);
    });

    it('date parts accept any IANA zone, UTC and fixed offsets', async () => {
      const [out] = await deals.aggregate([
        { $match: { _id: 'd1' } },
        {
          $project: {
            _id: 0,
            utc: { $dateToString: { date: '$closedAt', format: '%Y-%m-%d %H:%M', timezone: 'UTC' } },
            ba: { $dateToString: { date: '$closedAt', format: '%Y-%m-%d %H:%M', timezone: 'America/Argentina/Buenos_Aires' } },
            kolkata: { $hour: { date: '$closedAt', timezone: '+05:30' } },
            shDay: { $dayOfMonth: { date: '$closedAt', timezone: SH } },
            shMonth: { $month: { date: '$closedAt', timezone: SH } },
          },
        },
      ]);
      expect(out).toEqual({ utc: '2026-01-31 17:00', ba: '2026-01-31 14:00', kolkata: 22, shDay: 1, shMonth: 2 });
    });

    it('$dateTrunc day around a DST change (America/New_York) and a fixed offset', async () => {
      const c = freshTenant(store).collection('events');
      await c.insertMany([
        { _id: 'e1', at: new Date('2026-03-08T12:00:00Z') }, // DST starts 02:00 local that day
        { _id: 'e2', at: new Date('2026-11-01T12:00:00Z') }, // DST ends that day
      ]);
      const out = await c.aggregate([
        { $sort: { _id: 1 } },
        {
          $project: {
            ny: { $dateTrunc: { date: '$at', unit: 'day', timezone: 'America/New_York' } },
            fixed: { $dateTrunc: { date: '$at', unit: 'day', timezone: '+08:00' } },
          },
        },
      ]);
      expect(out.map((d) => [(d.ny as Date).toISOString(), (d.fixed as Date).toISOString()])).toEqual([
        ['2026-03-08T05:00:00.000Z', '2026-03-07T16:00:00.000Z'],
        ['2026-11-01T04:00:00.000Z', '2026-10-31T16:00:00.000Z'],
      ]);
    });

    it('$group by $dateTrunc month in Asia/Shanghai (a monthly report)', async () => {
      const out = await deals.aggregate([
        { $group: { _id: { $dateTrunc: { date: '$closedAt', unit: 'month', timezone: SH } }, total: { $sum: '$amount' } } },
        { $sort: { _id: 1 } },
        { $project: { _id: 0, month: { $dateToString: { date: '$_id', format: '%Y-%m', timezone: SH } }, total: 1 } },
      ]);
      expect(out).toEqual([
        { month: '2026-01', total: 50 },
        { month: '2026-02', total: 400 },
        { month: '2026-03', total: 20 },
      ]);
    });

    it('$group with a case-insensitive collation merges keys', async () => {
      const c = freshTenant(store).collection('names');
      await c.insertMany([{ city: 'Paris' }, { city: 'PARIS' }, { city: 'paris' }, { city: 'Rome' }]);
      const out = await c.aggregate([{ $group: { _id: '$city', n: { $sum: 1 } } }, { $sort: { n: -1 } }], {
        collation: { locale: 'en', strength: 2 },
      });
      expect(out.map((g) => [String(g._id).toLowerCase(), g.n])).toEqual([['paris', 3], ['rome', 1]]);
      const matched = await c.aggregate([{ $match: { city: 'paris' } }, { $count: 'n' }], { collation: { locale: 'en', strength: 2 } });
      expect(matched).toEqual([{ n: 3 }]);
      if (store.kind === 'embedded') {
        // Operators mingo would evaluate without the collation are refused rather than answered wrongly.
        await expect(
          c.aggregate([{ $group: { _id: null, cities: { $addToSet: '$city' } } }], { collation: { locale: 'en', strength: 2 } }),
        ).rejects.toBeInstanceOf(UnsupportedQueryError);
      }
    });

    it('refuses stages that write', async () => {
      await expect(deals.aggregate([{ $out: 'elsewhere' }])).rejects.toBeInstanceOf(UnsupportedQueryError);
      await expect(deals.aggregate([{ $merge: { into: 'elsewhere' } }])).rejects.toBeInstanceOf(UnsupportedQueryError);
    });
  });
}
