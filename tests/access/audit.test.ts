/**
 * The audit trail: every create, update, delete, definition publish and people
 * change leaves an entry with who, when, through which channel and old → new
 * per field; refused and no-op writes leave none; and no API route can change
 * or delete an entry (nor reach the audit or other system collections at all).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/apiHarness.js';
import { AUDIT_COLLECTION } from '../../runtime/records/audit.js';
import { auditEntries, create, expectError, label, publish, recordsUrl, type Rec } from './support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ sampleData: true });
}, 120_000);
afterAll(async () => h?.close());

interface Entry {
  id: string;
  entity: string;
  recordId: string;
  action: string;
  channel: string;
  user: string;
  at: string;
  changes: { field: string; from: unknown; to: unknown }[];
}

async function history(entity: string, id: string, as: 'admin' | 'rep1' | 'mgr' = 'admin'): Promise<Entry[]> {
  const res = await h.inject({ method: 'GET', url: `${recordsUrl('acme', entity, id)}/history` }, as);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

describe('audit entries', () => {
  it('a create and an update are in the record\'s history, newest first, with who, channel and old → new', async () => {
    const t0 = Date.now();
    const deal = await create(h, 'acme', 'rep1', 'deal', { title: 'AU deal', company: 'co-1', amount: 100 });
    const patched = await h.inject({ method: 'PATCH', url: recordsUrl('acme', 'deal', deal.id), payload: { version: 1, amount: 200, tags: ['hot'] } }, 'rep1');
    expect(patched.statusCode, patched.body).toBe(200);
    const byApp = await h.inject({ method: 'PATCH', url: recordsUrl('acme', 'deal', deal.id), headers: { 'x-stagecraft-client': 'app' }, payload: { version: 2, title: 'AU deal (renamed)' } }, 'mgr');
    expect(byApp.statusCode, byApp.body).toBe(200);

    for (const as of ['rep1', 'mgr', 'admin'] as const) {
      const items = await history('deal', deal.id, as);
      expect(items.map((e) => [e.action, e.user, e.channel])).toEqual([['update', 'mgr', 'app'], ['update', 'rep1', 'api'], ['create', 'rep1', 'api']]);
      const [rename, edit, created] = items;
      expect(rename.changes).toEqual([{ field: 'title', from: 'AU deal', to: 'AU deal (renamed)' }]);
      expect(edit.changes).toEqual(expect.arrayContaining([{ field: 'amount', from: 100, to: 200 }, { field: 'tags', from: null, to: ['hot'] }]));
      expect(edit.changes.find((c) => c.field === 'weighted'), 'the formula that follows is recorded too').toEqual({ field: 'weighted', from: 10, to: 20 });
      expect(created.changes).toEqual(expect.arrayContaining([{ field: 'title', from: null, to: 'AU deal' }, { field: 'amount', from: null, to: 100 }, { field: 'owner', from: null, to: 'rep1' }]));
      for (const e of items) {
        expect(e).toMatchObject({ entity: 'deal', recordId: deal.id, id: expect.any(String) });
        expect(Date.parse(e.at)).toBeGreaterThanOrEqual(t0 - 1000);
      }
    }
  });

  it('refused and no-op writes leave no entry', async () => {
    const deal = await create(h, 'acme', 'rep1', 'deal', { title: 'AU quiet', company: 'co-1', amount: 1 });
    const attempts = [
      { as: 'rep1', payload: { version: 1, amount: 1 } }, // no change
      { as: 'rep1', payload: { version: 9, amount: 2 } }, // stale
      { as: 'rep1', payload: { version: 1, amount: -5 } }, // invalid
      { as: 'rep1', payload: { version: 1, probability: 50 } }, // read-only for a rep
      { as: 'rep2', payload: { version: 1, amount: 2 } }, // not theirs
    ] as const;
    for (const a of attempts) await h.inject({ method: 'PATCH', url: recordsUrl('acme', 'deal', deal.id), payload: a.payload }, a.as);
    expectError(await h.inject({ method: 'DELETE', url: recordsUrl('acme', 'deal', deal.id) }, 'rep2'), 404);
    expect((await history('deal', deal.id)).map((e) => e.action)).toEqual(['create']);
  });

  it('a delete is recorded with who deleted it and the values it had', async () => {
    const deal = await create(h, 'acme', 'rep1', 'deal', { title: 'AU doomed', company: 'co-1', amount: 7 });
    expect((await h.inject({ method: 'DELETE', url: recordsUrl('acme', 'deal', deal.id) }, 'rep1')).statusCode).toBe(204);
    const entries = await auditEntries(h, 'acme', { recordId: deal.id });
    expect(entries.map((e) => e.action)).toEqual(['create', 'delete']);
    expect(entries[1]).toMatchObject({ entity: 'deal', user: 'rep1', channel: 'api' });
    expect(entries[1].changes).toEqual(expect.arrayContaining([{ field: 'title', from: 'AU doomed', to: null }, { field: 'amount', from: 7, to: null }]));
  });

  it('an administrator can still read the history of a deleted record, ending with the delete', async () => {
    const deal = await create(h, 'acme', 'rep1', 'deal', { title: 'AU gone', company: 'co-1' });
    expect((await h.inject({ method: 'DELETE', url: recordsUrl('acme', 'deal', deal.id) }, 'rep1')).statusCode).toBe(204);
    const res = await h.inject({ method: 'GET', url: `${recordsUrl('acme', 'deal', deal.id)}/history` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((e: Entry) => [e.action, e.user])).toEqual([['delete', 'rep1'], ['create', 'rep1']]);
    // Those who could read it when it was deleted still can; a rep who could not gets nothing.
    for (const as of ['rep1', 'mgr'] as const) expect((await history('deal', deal.id, as)).map((e) => e.action)).toEqual(['delete', 'create']);
    expectError(await h.inject({ method: 'GET', url: `${recordsUrl('acme', 'deal', deal.id)}/history` }, 'rep2'), 404);
    expectError(await h.inject({ method: 'GET', url: `${recordsUrl('acme', 'deal', deal.id)}/history` }, 'mgr2'), 404);
  });

  it('a definition publish is recorded with who published what; refused publishes are not', async () => {
    const before = await auditEntries(h, 'acme', { entity: '_definitions' });
    expectError(await h.inject({ method: 'POST', url: '/api/t/acme/definitions/publish', payload: {} }, 'mgr'), 403, 'ADMIN_ONLY');
    const version = await publish(h, 'acme', [{ kind: 'report', name: 'auDeals', label, schemaVersion: 1, entity: 'deal', chart: 'number', metrics: [{ name: 'n', aggregate: 'count', label }] }]);
    const after = await auditEntries(h, 'acme', { entity: '_definitions' });
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ recordId: `v${version}`, action: 'publish', user: 'admin', channel: 'api', changes: [{ field: 'report:auDeals', from: null, to: 'added' }] });
    const versions = (await h.inject({ method: 'GET', url: '/api/t/acme/definitions/versions' })).json().items;
    expect(versions[0]).toMatchObject({ version, publishedBy: 'admin', changes: [{ kind: 'report', name: 'auDeals', change: 'added' }] });
  });

  it('people changes, resets and API keys are recorded', async () => {
    expect((await h.inject({ method: 'PATCH', url: '/api/t/acme/users/rep2', payload: { position: 'Lead' } })).statusCode).toBe(200);
    const key = (await h.inject({ method: 'POST', url: '/api/t/acme/users/rep2/api-keys', payload: { name: 'au' } })).json();
    expect((await h.inject({ method: 'DELETE', url: `/api/t/acme/users/rep2/api-keys/${key.id}` })).statusCode).toBe(204);
    const entries = await auditEntries(h, 'acme', { entity: '_user', recordId: 'rep2' });
    expect(entries.map((e) => [e.action, e.user])).toEqual([['userChange', 'admin'], ['apiKey', 'admin'], ['apiKey', 'admin']]);
    expect(entries[0].changes).toEqual([{ field: 'position', from: null, to: 'Lead' }]);
    expect(entries[1].changes).toEqual([{ field: 'apiKey', from: null, to: key.id }]);
    expect(entries[2].changes).toEqual([{ field: 'apiKey', from: key.id, to: null }]);
    expect(JSON.stringify(entries)).not.toContain(key.key.split('.')[3]); // the secret itself is never kept
  });
});

describe('the audit trail cannot be changed through the API', () => {
  it('no route updates or deletes audit entries, and system collections are no entities', async () => {
    const deal = await create(h, 'acme', 'rep1', 'deal', { title: 'AU fixed', company: 'co-1' });
    const [entry] = await history('deal', deal.id);
    const snapshot = await h.store.tenant('acme').collection(AUDIT_COLLECTION).find({}, { sort: { _id: 1 } });
    const urls = [
      `${recordsUrl('acme', 'deal', deal.id)}/history`,
      `${recordsUrl('acme', 'deal', deal.id)}/history/${entry.id}`,
      `/api/t/acme/history/${entry.id}`,
      '/api/t/acme/audit',
      `/api/t/acme/audit/${entry.id}`,
      `/api/t/acme/audit/deal/${deal.id}`,
      `${recordsUrl('acme', '_audit')}`,
      `${recordsUrl('acme', '_audit', entry.id)}`,
      `/api/t/acme/definitions/versions/1`,
      `/api/t/acme/definitions/versions`,
    ];
    const mismatches: string[] = [];
    for (const as of ['admin', 'rep1'] as const) {
      for (const url of urls) {
        for (const method of ['PATCH', 'PUT', 'DELETE', 'POST'] as const) {
          const res = await h.inject({ method, url, payload: method === 'DELETE' ? undefined : { version: 1, action: 'create', user: 'nobody', changes: [] } }, as);
          if (res.statusCode !== 404) mismatches.push(`${as} ${method} ${url} → ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
      }
    }
    for (const system of ['_audit', '_users', '_sessions', '_apiKeys', '_shares', '_departments']) {
      for (const url of [recordsUrl('acme', system), `/api/t/acme/export/${system}`]) {
        const res = await h.inject({ method: 'GET', url });
        if (res.statusCode !== 404) mismatches.push(`GET ${url} → ${res.statusCode}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(await h.store.tenant('acme').collection(AUDIT_COLLECTION).find({}, { sort: { _id: 1 } })).toEqual(snapshot);
  });

  it('record input cannot forge the metadata an audit relies on', async () => {
    for (const forged of [{ createdBy: 'admin' }, { updatedBy: 'admin' }, { createdAt: '2000-01-01T00:00:00Z' }, { version: 7 }, { id: 'chosen-id' }]) {
      const res = await h.inject({ method: 'POST', url: recordsUrl('acme', 'deal'), payload: { title: 'AU forged', company: 'co-1', ...forged } }, 'rep1');
      expectError(res, 422);
    }
    const deal: Rec = await create(h, 'acme', 'rep1', 'deal', { title: 'AU honest', company: 'co-1' });
    const res = await h.inject({ method: 'PATCH', url: recordsUrl('acme', 'deal', deal.id), payload: { version: 1, updatedBy: 'admin', createdBy: 'mgr' } }, 'rep1');
    expectError(res, 422);
    expect((await h.inject({ method: 'GET', url: `${recordsUrl('acme', 'deal')}?q=${encodeURIComponent('AU forged')}` })).json().total).toBe(0);
    expect((await history('deal', deal.id)).map((e) => [e.action, e.user])).toEqual([['create', 'rep1']]);
  });
});
