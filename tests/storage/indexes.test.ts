import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Collection, Doc, Filter, SortSpec, Store } from '../../runtime/store/port.js';
import { adapters, freshTenant } from './adapters.js';

/** Small deterministic PRNG so a failing case can be replayed from its seed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function makeDocs(n: number, rand: () => number): Doc[] {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const docs: Doc[] = [];
  for (let i = 0; i < n; i++) {
    const d: Doc = { _id: `d${String(i).padStart(4, '0')}`, owner: pick(['u1', 'u2', 'u3', 'u4', 'u5']), stage: pick(['new', 'won', 'lost', 'open']) };
    const r = rand();
    if (r < 0.8) d.amount = Math.floor(rand() * 50);
    else if (r < 0.9) d.amount = null;
    if (rand() < 0.9) d.closeAt = new Date(Date.UTC(2026, 0, 1 + Math.floor(rand() * 60)));
    d.tags = Array.from({ length: Math.floor(rand() * 3) }, () => pick(['a', 'b', 'c', 'd']));
    d.name = pick(['alpha', 'Beta', 'gamma', 'delta', '张三', '李四', 'x'.repeat(400) + pick(['a', 'b'])]);
    d.flag = rand() < 0.5;
    docs.push(d);
  }
  return docs;
}

function randomQuery(rand: () => number): { filter: Filter; sort?: SortSpec; skip?: number; limit?: number } {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const parts: Filter[] = [
    { owner: pick(['u1', 'u2', 'u3']) },
    { stage: pick(['new', 'won']) },
    { owner: { $in: ['u1', 'u4'] } },
    { amount: { $gte: Math.floor(rand() * 40) } },
    { amount: { $gt: 5, $lt: 30 } },
    { amount: null },
    { closeAt: { $lt: new Date(Date.UTC(2026, 1, 1)) } },
    { tags: pick(['a', 'b']) },
    { name: pick(['alpha', 'Beta', 'x'.repeat(400) + 'a']) },
    { flag: true },
    { stage: { $ne: 'lost' } },
  ];
  const filter: Filter = {};
  const count = Math.floor(rand() * 3);
  for (let i = 0; i < count; i++) Object.assign(filter, pick(parts));
  const sorts: (SortSpec | undefined)[] = [
    undefined,
    { amount: 1 },
    { amount: -1 },
    { closeAt: -1 },
    { closeAt: 1, _id: -1 },
    { owner: 1, amount: -1 },
    { owner: 1, closeAt: 1 },
    { stage: -1, amount: -1 },
    { name: 1 },
    { _id: -1 },
  ];
  const sort = pick(sorts);
  return { filter, sort, skip: rand() < 0.3 ? Math.floor(rand() * 20) : undefined, limit: rand() < 0.7 ? 1 + Math.floor(rand() * 30) : undefined };
}

for (const adapter of adapters()) {
  describe(`store conformance (${adapter.name}): indexes`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await adapter.open();
    });
    afterAll(async () => store.close());

    it('creates, lists and drops indexes', async () => {
      const c = freshTenant(store).collection('deals');
      await c.insertOne({ owner: 'u1' });
      expect(await c.createIndex({ keys: { owner: 1, closeAt: -1 } })).toBe('owner_1_closeAt_-1');
      expect(await c.createIndex({ keys: { code: 1 }, unique: true, name: 'code_u' })).toBe('code_u');
      expect(await c.createIndex({ keys: { code: 1 }, unique: true, name: 'code_u' })).toBe('code_u');
      const list = await c.listIndexes();
      expect(list.map((i) => i.name).sort()).toEqual(['_id_', 'code_u', 'owner_1_closeAt_-1']);
      expect(list.find((i) => i.name === 'code_u')).toMatchObject({ keys: { code: 1 }, unique: true });
      await c.dropIndex('code_u');
      expect((await c.listIndexes()).map((i) => i.name).sort()).toEqual(['_id_', 'owner_1_closeAt_-1']);
    });

    it('concurrent identical createIndex calls build one index', async () => {
      const c = freshTenant(store).collection('deals');
      await c.insertMany([{ owner: 'u1' }, { owner: 'u2' }]);
      const names = await Promise.all([1, 2, 3].map(() => c.createIndex({ keys: { owner: 1 } })));
      expect(names).toEqual(['owner_1', 'owner_1', 'owner_1']);
      expect((await c.listIndexes()).map((i) => i.name)).toEqual(['_id_', 'owner_1']);
      expect(await c.count({ owner: 'u1' })).toBe(1);
    });

    it('a unique index cannot be built over duplicates, and nothing is left behind', async () => {
      const c = freshTenant(store).collection('deals');
      await c.insertMany([{ code: 'A' }, { code: 'A' }]);
      await expect(c.createIndex({ keys: { code: 1 }, unique: true })).rejects.toThrow(/duplicate/i);
      expect((await c.listIndexes()).map((i) => i.name)).toEqual(['_id_']);
      expect(await c.count({ code: 'A' })).toBe(2);
    });

    it('unique compound and multikey indexes', async () => {
      const c = freshTenant(store).collection('deals');
      await c.createIndex({ keys: { owner: 1, code: 1 }, unique: true });
      await c.insertMany([{ owner: 'u1', code: 'A' }, { owner: 'u2', code: 'A' }]);
      await expect(c.insertOne({ owner: 'u1', code: 'A' })).rejects.toThrow(/duplicate/i);
      const tags = freshTenant(store).collection('tags');
      await tags.createIndex({ keys: { labels: 1 }, unique: true });
      await tags.insertOne({ labels: ['x', 'y'] });
      await expect(tags.insertOne({ labels: ['z', 'y'] })).rejects.toThrow(/duplicate/i);
      expect(await tags.count({ labels: 'y' })).toBe(1);
    });

    it('index-backed queries give the same answers as unindexed ones (randomized)', async () => {
      const t = freshTenant(store);
      const indexed = t.collection('indexed');
      const plain = t.collection('plain');
      const docs = makeDocs(500, rng(42));
      await indexed.insertMany(docs);
      await plain.insertMany(docs);
      await indexed.createIndex({ keys: { owner: 1, closeAt: 1 } });
      await indexed.createIndex({ keys: { stage: 1, amount: -1 } });
      await indexed.createIndex({ keys: { amount: 1 } });
      await indexed.createIndex({ keys: { tags: 1 } });
      await indexed.createIndex({ keys: { name: 1 } });
      await indexed.createIndex({ keys: { closeAt: -1 } });
      await indexed.createIndex({ keys: { owner: 1, amount: 1, flag: 1 } });
      const rand = rng(7);
      for (let i = 0; i < 300; i++) {
        const q = randomQuery(rand);
        const opts = { sort: q.sort, skip: q.skip, limit: q.limit };
        const a = await indexed.find(q.filter, opts);
        const b = await plain.find(q.filter, opts);
        if (q.sort) expect(a, JSON.stringify(q)).toEqual(b);
        else {
          // Without a sort, which page of matches comes back is unspecified (as in MongoDB): same size, all matches.
          const all = new Set((await plain.find(q.filter)).map((d) => d._id));
          expect(a.length, JSON.stringify(q)).toBe(b.length);
          for (const d of a) expect(all.has(d._id), JSON.stringify(q)).toBe(true);
        }
        expect(await indexed.count(q.filter), JSON.stringify(q)).toBe(await plain.count(q.filter));
      }
    });

    it('collation queries on an indexed field ignore the binary index order', async () => {
      const c = freshTenant(store).collection('names');
      await c.createIndex({ keys: { name: 1 } });
      await c.insertMany(['b', 'A', 'c', 'a', 'B'].map((name, i) => ({ _id: `n${i}`, name })));
      const ci = { locale: 'en', strength: 2 } as const;
      expect((await c.find({ name: 'a' }, { collation: ci, sort: { _id: 1 } })).map((d) => d._id)).toEqual(['n1', 'n3']);
      const sorted = await c.find({}, { sort: { name: -1, _id: 1 }, collation: ci, limit: 3 });
      expect(sorted.map((d) => d._id)).toEqual(['n2', 'n0', 'n4']);
      expect((await c.find({ name: { $gte: 'B' } }, { collation: ci, sort: { _id: 1 } })).map((d) => d._id)).toEqual(['n0', 'n2', 'n4']);
    });

    it('indexes follow updates and deletes', async () => {
      const c = freshTenant(store).collection('deals');
      await c.createIndex({ keys: { owner: 1, amount: 1 } });
      await c.insertMany([{ _id: 'a', owner: 'u1', amount: 5 }, { _id: 'b', owner: 'u1', amount: 7 }]);
      await c.updateOne({ _id: 'a' }, { $set: { owner: 'u2' } });
      await c.deleteOne({ _id: 'b' });
      expect(await c.find({ owner: 'u1' }, { sort: { amount: 1 } })).toEqual([]);
      expect(await c.find({ owner: 'u2' }, { sort: { amount: 1 } })).toEqual([{ _id: 'a', owner: 'u2', amount: 5 }]);
      expect(await c.count({ owner: 'u2' })).toBe(1);
    });
  });
}
