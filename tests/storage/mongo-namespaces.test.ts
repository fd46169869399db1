import { describe, expect, it } from 'vitest';
import { rewritePipeline } from '../../runtime/store/mongodb/namespaces.js';
import { mapDuplicate } from '../../runtime/store/mongodb/errors.js';
import { DuplicateKeyError } from '../../runtime/store/port.js';

/** Runs without a server: the MongoDB adapter's tenant namespacing and error mapping. */
describe('MongoDB adapter namespacing (no server needed)', () => {
  it('rewrites every collection a pipeline names into the tenant, recursively', () => {
    const out = rewritePipeline(
      [
        { $match: { a: 1 } },
        { $lookup: { from: 'users', localField: 'owner', foreignField: '_id', as: 'u', pipeline: [{ $lookup: { from: 'teams', as: 't', pipeline: [] } }] } },
        { $unionWith: 'archive' },
        { $unionWith: { coll: 'old', pipeline: [{ $graphLookup: { from: 'org', startWith: '$m', connectFromField: 'm', connectToField: '_id', as: 'chain' } }] } },
        { $facet: { x: [{ $lookup: { from: 'deals', localField: 'a', foreignField: 'b', as: 'd' } }] } },
      ],
      'acme',
    );
    expect(out).toEqual([
      { $match: { a: 1 } },
      { $lookup: { from: 'acme__users', localField: 'owner', foreignField: '_id', as: 'u', pipeline: [{ $lookup: { from: 'acme__teams', as: 't', pipeline: [] } }] } },
      { $unionWith: { coll: 'acme__archive' } },
      { $unionWith: { coll: 'acme__old', pipeline: [{ $graphLookup: { from: 'acme__org', startWith: '$m', connectFromField: 'm', connectToField: '_id', as: 'chain' } }] } },
      { $facet: { x: [{ $lookup: { from: 'acme__deals', localField: 'a', foreignField: 'b', as: 'd' } }] } },
    ]);
  });

  it('refuses foreign references that are not plain collection names', () => {
    expect(() => rewritePipeline([{ $lookup: { from: { db: 'admin', coll: 'x' }, as: 'y', pipeline: [] } }], 'acme')).toThrow();
    expect(() => rewritePipeline([{ $lookup: { from: '../x', as: 'y', pipeline: [] } }], 'acme')).toThrow(/collection/);
  });

  it('maps E11000 (also nested in bulk write errors) to DuplicateKeyError', () => {
    const direct = mapDuplicate({ code: 11000, errmsg: 'E11000 duplicate key error collection: db.acme__users index: email_1 dup key: { email: "a" }', keyValue: { email: 'a' } });
    expect(direct).toBeInstanceOf(DuplicateKeyError);
    expect(direct).toMatchObject({ index: 'email_1', keyValue: { email: 'a' } });
    const nested = mapDuplicate({ code: 65, writeErrors: [{ err: { code: 11000, errmsg: 'index: code_u dup key: { code: "A" }', keyValue: { code: 'A' } } }] });
    expect(nested).toMatchObject({ index: 'code_u' });
    const other = new Error('boom');
    expect(mapDuplicate(other)).toBe(other);
  });
});
