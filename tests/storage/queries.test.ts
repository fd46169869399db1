import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Collection, Doc, Store } from '../../runtime/store/port.js';
import { adapters, freshTenant } from './adapters.js';

const PEOPLE: Doc[] = [
  { _id: 'p1', name: 'Alice', age: 30, city: 'Shanghai', tags: ['vip', 'new'], address: { zip: '200000', geo: { lat: 31 } }, scores: [80, 95], active: true },
  { _id: 'p2', name: 'bob', age: 25, city: 'Beijing', tags: ['new'], address: { zip: '100000' }, scores: [60, 70], active: false },
  { _id: 'p3', name: 'Carol', age: 35, city: 'Shanghai', tags: [], address: null, scores: [99], active: true, nick: 'cc' },
  { _id: 'p4', name: 'dave', age: null, city: 'Shenzhen', tags: ['vip'], scores: [], active: true },
  { _id: 'p5', name: 'Eve', city: 'Beijing', items: [{ sku: 'a', qty: 2 }, { sku: 'b', qty: 7 }], active: false },
];

const ids = (docs: Doc[]) => docs.map((d) => d._id).sort();

for (const adapter of adapters()) {
  describe(`store conformance (${adapter.name}): queries`, () => {
    let store: Store;
    let people: Collection;
    beforeAll(async () => {
      store = await adapter.open();
      people = freshTenant(store).collection('people');
      await people.insertMany(PEOPLE);
    });
    afterAll(async () => store.close());

    const cases: [string, Record<string, unknown>, string[]][] = [
      ['implicit $eq', { city: 'Shanghai' }, ['p1', 'p3']],
      ['$eq', { age: { $eq: 30 } }, ['p1']],
      ['$ne (includes missing)', { city: { $ne: 'Beijing' } }, ['p1', 'p3', 'p4']],
      ['$gt', { age: { $gt: 25 } }, ['p1', 'p3']],
      ['$gte', { age: { $gte: 30 } }, ['p1', 'p3']],
      ['$lt', { age: { $lt: 30 } }, ['p2']],
      ['$lte', { age: { $lte: 30 } }, ['p1', 'p2']],
      ['$in', { city: { $in: ['Beijing', 'Shenzhen'] } }, ['p2', 'p4', 'p5']],
      ['$nin', { city: { $nin: ['Beijing', 'Shenzhen'] } }, ['p1', 'p3']],
      ['$and', { $and: [{ city: 'Shanghai' }, { age: { $gt: 31 } }] }, ['p3']],
      ['$or', { $or: [{ age: 25 }, { name: 'Eve' }] }, ['p2', 'p5']],
      ['$nor', { $nor: [{ city: 'Shanghai' }, { city: 'Beijing' }] }, ['p4']],
      ['$not', { age: { $not: { $gt: 26 } } }, ['p2', 'p4', 'p5']],
      ['$exists true', { nick: { $exists: true } }, ['p3']],
      ['$exists false', { age: { $exists: false } }, ['p5']],
      ['null matches null and missing', { age: null }, ['p4', 'p5']],
      ['$regex', { name: { $regex: '^[a-c]', $options: 'i' } }, ['p1', 'p2', 'p3']],
      ['regex literal', { name: /e$/ }, ['p1', 'p4', 'p5']],
      ['array contains', { tags: 'vip' }, ['p1', 'p4']],
      ['array $all', { tags: { $all: ['vip', 'new'] } }, ['p1']],
      ['array $size', { tags: { $size: 0 } }, ['p3']],
      ['array exact', { tags: ['new'] }, ['p2']],
      ['$elemMatch scalars', { scores: { $elemMatch: { $gte: 90, $lt: 98 } } }, ['p1']],
      ['$elemMatch documents', { items: { $elemMatch: { sku: 'b', qty: { $gt: 5 } } } }, ['p5']],
      ['array range on any element', { scores: { $gt: 96 } }, ['p3']],
      ['dotted path', { 'address.zip': '100000' }, ['p2']],
      ['deep dotted path', { 'address.geo.lat': { $gte: 30 } }, ['p1']],
      ['dotted path through array', { 'items.sku': 'a' }, ['p5']],
      ['array index path', { 'scores.0': 60 }, ['p2']],
      ['boolean', { active: false }, ['p2', 'p5']],
      ['type bracketing: number range skips strings', { name: { $gt: 5 } }, []],
    ];
    for (const [label, filter, expected] of cases) {
      it(`filter: ${label}`, async () => {
        expect(ids(await people.find(filter))).toEqual(expected);
        expect(await people.count(filter)).toBe(expected.length);
      });
    }

    it('sorts ascending and descending, null/missing first, then skip/limit', async () => {
      const asc = await people.find({}, { sort: { age: 1 } });
      expect(asc.map((d) => d._id)).toEqual(['p4', 'p5', 'p2', 'p1', 'p3']);
      const desc = await people.find({}, { sort: { age: -1 }, skip: 1, limit: 2 });
      expect(desc.map((d) => d._id)).toEqual(['p1', 'p2']);
      const multi = await people.find({}, { sort: { city: 1, name: -1 } });
      // Binary order: 'bob' > 'Eve' (lower case sorts after upper case).
      expect(multi.map((d) => d._id)).toEqual(['p2', 'p5', 'p3', 'p1', 'p4']);
    });

    it('sorts arrays by their smallest element ascending and largest descending', async () => {
      const asc = await people.find({ scores: { $exists: true, $ne: [] } }, { sort: { scores: 1 } });
      expect(asc.map((d) => d._id)).toEqual(['p2', 'p1', 'p3']);
      const desc = await people.find({ scores: { $exists: true, $ne: [] } }, { sort: { scores: -1 } });
      expect(desc.map((d) => d._id)).toEqual(['p3', 'p1', 'p2']);
    });

    it('projects included and excluded fields', async () => {
      const inc = await people.find({ _id: 'p1' }, { projection: { name: 1, 'address.zip': 1 } });
      expect(inc).toEqual([{ _id: 'p1', name: 'Alice', address: { zip: '200000' } }]);
      const exc = await people.findOne({ _id: 'p2' }, { projection: { tags: 0, scores: 0, address: 0, _id: 0 } });
      expect(exc).toEqual({ name: 'bob', age: 25, city: 'Beijing', active: false });
    });

    it('findOne returns null when nothing matches', async () => {
      expect(await people.findOne({ city: 'Paris' })).toBeNull();
    });

    it('sorts with a case-insensitive English collation', async () => {
      const c = freshTenant(store).collection('names');
      await c.insertMany(['b', 'A', 'C', 'a', 'B'].map((name, i) => ({ _id: `n${i}`, name })));
      const binary = await c.find({}, { sort: { name: 1, _id: 1 } });
      expect(binary.map((d) => d.name)).toEqual(['A', 'B', 'C', 'a', 'b']);
      const ci = await c.find({}, { sort: { name: 1, _id: 1 }, collation: { locale: 'en', strength: 2 } });
      expect(ci.map((d) => String(d.name).toLowerCase())).toEqual(['a', 'a', 'b', 'b', 'c']);
    });

    it('matches equality and $in with a collation', async () => {
      const c = freshTenant(store).collection('names');
      await c.insertMany([{ _id: '1', name: 'Apple' }, { _id: '2', name: 'APPLE' }, { _id: '3', name: 'Äpple' }, { _id: '4', name: 'pear' }]);
      expect(ids(await c.find({ name: 'apple' }))).toEqual([]);
      expect(ids(await c.find({ name: 'apple' }, { collation: { locale: 'en', strength: 2 } }))).toEqual(['1', '2']);
      expect(ids(await c.find({ name: 'apple' }, { collation: { locale: 'en', strength: 1 } }))).toEqual(['1', '2', '3']);
      expect(ids(await c.find({ name: { $in: ['PEAR'] } }, { collation: { locale: 'en', strength: 2 } }))).toEqual(['4']);
      expect(ids(await c.find({ name: { $in: ['apple', 'PEAR'] } }, { collation: { locale: 'en', strength: 2 } }))).toEqual(['1', '2', '4']);
      expect(ids(await c.find({ name: { $nin: ['apple'] } }, { collation: { locale: 'en', strength: 1 } }))).toEqual(['4']);
      expect(ids(await c.find({ name: { $gt: 'APPLE' } }, { collation: { locale: 'en', strength: 2 } }))).toEqual(['3', '4']);
    });

    it('sorts Chinese names by pinyin with the zh collation', async () => {
      const c = freshTenant(store).collection('names');
      await c.insertMany(['张三', '李四', '王五', '阿毛', '赵六'].map((name) => ({ name })));
      const sorted = await c.find({}, { sort: { name: 1 }, collation: { locale: 'zh' } });
      expect(sorted.map((d) => d.name)).toEqual(['阿毛', '李四', '王五', '张三', '赵六']);
    });

    it('returns copies: mutating a result does not change the store', async () => {
      const [doc] = await people.find({ _id: 'p1' });
      (doc.tags as string[]).push('mutated');
      (doc.address as Doc).zip = 'changed';
      doc.name = 'Mallory';
      const again = await people.findOne({ _id: 'p1' });
      expect(again).toMatchObject({ name: 'Alice', tags: ['vip', 'new'], address: { zip: '200000' } });
      const agg = await people.aggregate([{ $match: { _id: 'p1' } }]);
      (agg[0].tags as string[]).length = 0;
      expect((await people.findOne({ _id: 'p1' }))!.tags).toEqual(['vip', 'new']);
    });

    it('keeps tenants apart', async () => {
      const a = freshTenant(store);
      const b = freshTenant(store);
      await a.collection('deals').insertOne({ _id: 'same', owner: 'a' });
      await b.collection('deals').insertOne({ _id: 'same', owner: 'b' });
      expect(await a.collection('deals').find({})).toEqual([{ _id: 'same', owner: 'a' }]);
      expect(await b.collection('deals').find({})).toEqual([{ _id: 'same', owner: 'b' }]);
      await b.dropCollection('deals');
      expect(await a.collection('deals').count({})).toBe(1);
    });

    it('validates tenant ids and collection names', async () => {
      expect(() => store.tenant('../other')).toThrow(/tenant/);
      expect(() => store.tenant('A')).toThrow(/tenant/);
      const t = freshTenant(store);
      expect(() => t.collection('$bad')).toThrow(/collection/);
      expect(() => t.collection('')).toThrow(/collection/);
    });

    it('round-trips Dates, nested values and generates string ids', async () => {
      const c = freshTenant(store).collection('misc');
      const at = new Date('2026-02-03T04:05:06.789Z');
      const id = await c.insertOne({ at, nested: { list: [1, 'two', null, { d: at }] }, flag: true });
      expect(id).toMatch(/^[0-9a-f]{24}$/);
      const doc = await c.findOne({ _id: id });
      expect(doc!.at).toBeInstanceOf(Date);
      expect((doc!.at as Date).getTime()).toBe(at.getTime());
      expect(doc).toEqual({ _id: id, at, nested: { list: [1, 'two', null, { d: at }] }, flag: true });
      expect(await c.count({ at: { $gte: new Date('2026-01-01'), $lt: new Date('2026-03-01') } })).toBe(1);
    });

    it('refuses server-side JavaScript', async () => {
      await expect(people.find({ $where: 'this.age > 1' })).rejects.toThrow(/JavaScript/);
    });
  });
}
