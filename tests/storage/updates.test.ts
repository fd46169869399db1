import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchConditionError, DuplicateKeyError, type Collection, type Doc, type Store } from '../../runtime/store/port.js';
import type { MongoStore } from '../../runtime/store/mongodb/index.js';
import { adapters, freshTenant } from './adapters.js';

/** Multi-document atomicity: always on the embedded store; on MongoDB only where transactions exist (documented fallback). */
const atomicBatches = async (store: Store) => store.kind === 'embedded' || (store as MongoStore).supportsTransactions();

for (const adapter of adapters()) {
  describe(`store conformance (${adapter.name}): writes`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await adapter.open();
    });
    afterAll(async () => store.close());

    const seeded = async (doc: Doc): Promise<Collection> => {
      const c = freshTenant(store).collection('things');
      await c.insertOne(doc);
      return c;
    };

    it('$set / $unset / $inc / $mul / $min / $max / $rename', async () => {
      const c = await seeded({ _id: 'a', n: 10, price: 2.5, lo: 5, hi: 5, old: 'x', gone: 1, nested: { k: 1 } });
      const r = await c.updateOne(
        { _id: 'a' },
        {
          $set: { 'nested.k': 2, 'nested.new': true, added: 'y' },
          $unset: { gone: '' },
          $inc: { n: -3, fresh: 1 },
          $mul: { price: 4 },
          $min: { lo: 1 },
          $max: { hi: 9 },
          $rename: { old: 'renamed' },
        },
      );
      expect(r).toEqual({ matchedCount: 1, modifiedCount: 1 });
      expect(await c.findOne({ _id: 'a' })).toEqual({
        _id: 'a', n: 7, price: 10, lo: 1, hi: 9, nested: { k: 2, new: true }, added: 'y', fresh: 1, renamed: 'x',
      });
    });

    it('$push (with $each/$slice) / $addToSet / $pull / $currentDate', async () => {
      const c = await seeded({ _id: 'a', list: [1, 2], set: ['x'], junk: [1, 5, 7, 9] });
      const before = Date.now();
      await c.updateOne(
        { _id: 'a' },
        {
          $push: { list: { $each: [3, 4, 5], $slice: -4 } },
          $addToSet: { set: { $each: ['x', 'y'] } },
          $pull: { junk: { $gte: 7 } },
          $currentDate: { touchedAt: true },
        },
      );
      const doc = (await c.findOne({ _id: 'a' }))!;
      expect(doc.list).toEqual([2, 3, 4, 5]);
      expect(doc.set).toEqual(['x', 'y']);
      expect(doc.junk).toEqual([1, 5]);
      expect(doc.touchedAt).toBeInstanceOf(Date);
      expect((doc.touchedAt as Date).getTime()).toBeGreaterThanOrEqual(before - 1000);
    });

    it('positional $ updates the matched array element', async () => {
      const c = await seeded({ _id: 'o1', items: [{ sku: 'a', qty: 1 }, { sku: 'b', qty: 2 }] });
      await c.updateOne({ _id: 'o1', 'items.sku': 'b' }, { $set: { 'items.$.qty': 9 } });
      expect((await c.findOne({ _id: 'o1' }))!.items).toEqual([{ sku: 'a', qty: 1 }, { sku: 'b', qty: 9 }]);
    });

    it('reports matched but not modified for a no-op update', async () => {
      const c = await seeded({ _id: 'a', n: 1 });
      expect(await c.updateOne({ _id: 'a' }, { $set: { n: 1 } })).toEqual({ matchedCount: 1, modifiedCount: 0 });
      expect(await c.updateOne({ _id: 'zz' }, { $set: { n: 1 } })).toEqual({ matchedCount: 0, modifiedCount: 0 });
    });

    it('upsert seeds from the filter equalities and applies $setOnInsert only on insert', async () => {
      const c = freshTenant(store).collection('counters');
      const first = await c.updateOne(
        { key: 'visits', 'scope.team': 'north', n: { $gte: 0 } },
        { $inc: { n: 1 }, $setOnInsert: { createdBy: 'seed' } },
        { upsert: true },
      );
      expect(first.matchedCount).toBe(0);
      expect(typeof first.upsertedId).toBe('string');
      const second = await c.updateOne({ key: 'visits' }, { $inc: { n: 1 }, $setOnInsert: { createdBy: 'other' } }, { upsert: true });
      expect(second).toEqual({ matchedCount: 1, modifiedCount: 1 });
      const docs = await c.find({});
      expect(docs).toEqual([{ _id: first.upsertedId, key: 'visits', scope: { team: 'north' }, n: 2, createdBy: 'seed' }]);
    });

    it('upsert with an _id in the filter uses it', async () => {
      const c = freshTenant(store).collection('settings');
      const r = await c.updateOne({ _id: 'tenant-settings' }, { $set: { tz: 'Asia/Shanghai' } }, { upsert: true });
      expect(r.upsertedId).toBe('tenant-settings');
      expect(await c.findOne({ _id: 'tenant-settings' })).toEqual({ _id: 'tenant-settings', tz: 'Asia/Shanghai' });
    });

    it('replacement documents keep _id and drop other fields; upsert replacement inserts', async () => {
      const c = await seeded({ _id: 'a', x: 1, y: 2 });
      expect(await c.updateOne({ _id: 'a' }, { z: 3 })).toEqual({ matchedCount: 1, modifiedCount: 1 });
      expect(await c.findOne({ _id: 'a' })).toEqual({ _id: 'a', z: 3 });
      const r = await c.updateOne({ name: 'new' }, { name: 'new', v: 1 }, { upsert: true });
      expect(typeof r.upsertedId).toBe('string');
      expect(await c.findOne({ name: 'new' })).toEqual({ _id: r.upsertedId, name: 'new', v: 1 });
      await expect(c.updateOne({ _id: 'a' }, { _id: 'other', z: 4 })).rejects.toThrow(/_id/);
    });

    it('updateMany / deleteOne / deleteMany', async () => {
      const c = freshTenant(store).collection('tasks');
      await c.insertMany([1, 2, 3, 4].map((i) => ({ _id: `t${i}`, done: i % 2 === 0, i })));
      expect(await c.updateMany({ done: false }, { $set: { done: true } })).toEqual({ matchedCount: 2, modifiedCount: 2 });
      expect(await c.count({ done: true })).toBe(4);
      expect(await c.deleteOne({ i: { $gt: 2 } })).toBe(1);
      expect(await c.deleteMany({ done: true })).toBe(3);
      expect(await c.count({})).toBe(0);
    });

    it('unique index violations throw DuplicateKeyError and write nothing', async () => {
      const c = freshTenant(store).collection('users');
      await c.createIndex({ keys: { email: 1 }, unique: true, name: 'email_unique' });
      await c.insertOne({ _id: 'u1', email: 'a@x.io' });
      const err = await c.insertOne({ _id: 'u2', email: 'a@x.io' }).catch((e) => e);
      expect(err).toBeInstanceOf(DuplicateKeyError);
      expect(err.index).toBe('email_unique');
      expect(err.keyValue).toEqual({ email: 'a@x.io' });
      expect(await c.count({})).toBe(1);
      await c.insertOne({ _id: 'u3', email: 'b@x.io' });
      await expect(c.updateOne({ _id: 'u3' }, { $set: { email: 'a@x.io' } })).rejects.toBeInstanceOf(DuplicateKeyError);
      expect((await c.findOne({ _id: 'u3' }))!.email).toBe('b@x.io');
      await expect(c.insertOne({ _id: 'u1', email: 'c@x.io' })).rejects.toBeInstanceOf(DuplicateKeyError);
    });

    it('insertMany is all or nothing', async () => {
      const c = freshTenant(store).collection('users');
      await c.createIndex({ keys: { email: 1 }, unique: true });
      await c.insertOne({ email: 'taken@x.io' });
      await expect(
        c.insertMany([{ email: 'n1@x.io' }, { email: 'n2@x.io' }, { email: 'taken@x.io' }]),
      ).rejects.toBeInstanceOf(DuplicateKeyError);
      expect(await c.count({})).toBe((await atomicBatches(store)) ? 1 : 3);
    });

    it('batch applies every operation or none', async () => {
      const t = freshTenant(store);
      await t.collection('deals').insertOne({ _id: 'd1', stage: 'new', version: 1 });
      await t.collection('audit').createIndex({ keys: { key: 1 }, unique: true });
      await t.collection('audit').insertOne({ key: 'k1' });
      await expect(
        t.batch([
          { op: 'update', collection: 'deals', filter: { _id: 'd1' }, update: { $set: { stage: 'won' } } },
          { op: 'insert', collection: 'audit', doc: { key: 'k1' } },
        ]),
      ).rejects.toBeInstanceOf(DuplicateKeyError);
      expect((await t.collection('deals').findOne({ _id: 'd1' }))!.stage).toBe((await atomicBatches(store)) ? 'new' : 'won');
      await t.collection('deals').updateOne({ _id: 'd1' }, { $set: { stage: 'new' } });
      await t.batch([
        { op: 'update', collection: 'deals', filter: { _id: 'd1' }, update: { $set: { stage: 'won' }, $inc: { version: 1 } } },
        { op: 'insert', collection: 'audit', doc: { key: 'k2' } },
        { op: 'update', collection: 'audit', filter: { key: { $in: ['k1', 'k2'] } }, update: { $set: { seen: true } }, many: true },
        { op: 'update', collection: 'deals', filter: { _id: 'd2' }, update: { $set: { stage: 'new' } }, upsert: true },
        { op: 'delete', collection: 'audit', filter: { key: 'k1' } },
      ]);
      expect(await t.collection('deals').find({}, { sort: { _id: 1 } })).toEqual([
        { _id: 'd1', stage: 'won', version: 2 },
        { _id: 'd2', stage: 'new' },
      ]);
      expect(await t.collection('audit').find({}, { projection: { _id: 0 } })).toEqual([{ key: 'k2', seen: true }]);
    });

    it('a mustMatch update that matches nothing fails the batch and writes none of it', async () => {
      const t = freshTenant(store);
      await t.collection('deals').insertOne({ _id: 'd1', stage: 'new', version: 2 });
      await expect(
        t.batch([
          { op: 'update', collection: 'deals', filter: { _id: 'd1', version: 1 }, update: { $set: { stage: 'won' }, $inc: { version: 1 } }, mustMatch: true },
          { op: 'insert', collection: 'audit', doc: { key: 'stale' } },
        ]),
      ).rejects.toBeInstanceOf(BatchConditionError);
      expect(await t.collection('audit').count({})).toBe(0);
      expect(await t.collection('deals').findOne({ _id: 'd1' })).toEqual({ _id: 'd1', stage: 'new', version: 2 });
      await t.batch([
        { op: 'update', collection: 'deals', filter: { _id: 'd1', version: 2 }, update: { $set: { stage: 'won' }, $inc: { version: 1 } }, mustMatch: true },
        { op: 'insert', collection: 'audit', doc: { key: 'fresh' } },
      ]);
      expect(await t.collection('deals').findOne({ _id: 'd1' })).toEqual({ _id: 'd1', stage: 'won', version: 3 });
      expect(await t.collection('audit').count({ key: 'fresh' })).toBe(1);
    });

    it('refuses Decimal128 values clearly', async () => {
      const c = freshTenant(store).collection('money');
      const decimal = { _bsontype: 'Decimal128', toString: () => '1.10' };
      await expect(c.insertOne({ amount: decimal })).rejects.toThrow(/Decimal128/);
      await expect(c.find({ amount: { $numberDecimal: '1.10' } })).rejects.toThrow(/Decimal128/);
      await expect(c.aggregate([{ $project: { d: { $toDecimal: '$amount' } } }])).rejects.toThrow(/Decimal128/);
      expect(await c.count({})).toBe(0);
    });
  });
}
