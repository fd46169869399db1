/**
 * 客户移交: an administrator moves every record a rep owns to another user in
 * one action. Counts move, each moved record gets a new version, its history
 * names the transfer and who did it, and the new owner can work the records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness, type Person } from '../helpers/apiHarness.js';
import { adminRead, create, expectError, filterQs, recordsUrl, type Rec } from './support.js';

let h: Harness;
const rep1Records: { entity: 'company' | 'deal'; record: Rec }[] = [];
let untouched: Rec[] = [];
let rep1Deal: Rec;

beforeAll(async () => {
  h = await startHarness({ sampleData: true }); // co-1 is rep1's, co-2 is rep2's
  const co1 = (await adminRead(h, 'acme', 'company', 'co-1'))!;
  rep1Records.push({ entity: 'company', record: co1 });
  rep1Records.push({ entity: 'company', record: await create(h, 'acme', 'rep1', 'company', { name: 'TR rep1 company' }) });
  for (let i = 0; i < 3; i++) {
    const deal = await create(h, 'acme', 'rep1', 'deal', { title: `TR rep1 deal ${i}`, company: co1.id, amount: 100 + i });
    rep1Records.push({ entity: 'deal', record: deal });
  }
  rep1Deal = rep1Records[2].record;
  // Lines of rep1's deal, added by rep1 (a line has no owner of its own).
  await create(h, 'acme', 'rep1', 'dealLine', { deal: rep1Deal.id, product: 'TR line a', price: 1 });
  await create(h, 'acme', 'rep1', 'dealLine', { deal: rep1Deal.id, product: 'TR line b', price: 2 });
  // One more edit, so versions differ between records.
  const edited = await h.inject({ method: 'PATCH', url: recordsUrl('acme', 'deal', rep1Deal.id), payload: { version: rep1Deal.version, amount: 999 } }, 'rep1');
  expect(edited.statusCode, edited.body).toBe(200);
  rep1Records[2].record = rep1Deal = (await adminRead(h, 'acme', 'deal', rep1Deal.id))!;
  untouched = [
    await create(h, 'acme', 'rep2', 'deal', { title: 'TR rep2 deal', company: 'co-2' }),
    await create(h, 'acme', 'admin', 'deal', { title: 'TR rep3 deal', company: 'co-2', owner: 'rep3' }),
    (await adminRead(h, 'acme', 'company', 'co-2'))!,
  ];
}, 120_000);

afterAll(async () => h?.close());

async function owned(entity: string, owner: Person): Promise<number> {
  return (await h.inject({ method: 'GET', url: `${recordsUrl('acme', entity)}?pageSize=1&${filterQs({ owner })}` })).json().total;
}
const visibleTo = async (who: Person, entity: string) => (await h.inject({ method: 'GET', url: `${recordsUrl('acme', entity)}?pageSize=1` }, who)).json().total as number;

describe('ownership transfer (客户移交)', () => {
  it('refuses non-administrators, unknown or departed targets and the same user, moving nothing', async () => {
    const url = '/api/t/acme/users/rep1/transfer';
    expectError(await h.inject({ method: 'POST', url, payload: { to: 'rep2' } }, 'mgr'), 403, 'ADMIN_ONLY');
    expectError(await h.inject({ method: 'POST', url, payload: { to: 'rep2' } }, 'rep1'), 403, 'ADMIN_ONLY');
    expectError(await h.inject({ method: 'POST', url, payload: { to: 'nobody' } }), 404);
    expectError(await h.inject({ method: 'POST', url: '/api/t/acme/users/nobody/transfer', payload: { to: 'rep2' } }), 404);
    expectError(await h.inject({ method: 'POST', url, payload: { to: 'rep1' } }), 422);
    expectError(await h.inject({ method: 'POST', url, payload: {} }), 400);
    await h.inject({ method: 'PATCH', url: '/api/t/acme/users/rep3', payload: { status: 'left' } });
    expectError(await h.inject({ method: 'POST', url, payload: { to: 'rep3' } }), 422);
    await h.inject({ method: 'PATCH', url: '/api/t/acme/users/rep3', payload: { status: 'active' } });
    expect(await owned('company', 'rep1')).toBe(2);
    expect(await owned('deal', 'rep1')).toBe(3);
    for (const { entity, record } of rep1Records) expect((await adminRead(h, 'acme', entity, record.id))?.version).toBe(record.version);
  });

  it('moves every record of rep1 to rep2: counts move, versions bump, history names the transfer and who did it', async () => {
    const before = { company: await owned('company', 'rep2'), deal: await owned('deal', 'rep2') };
    const rep2Sees = { company: await visibleTo('rep2', 'company'), deal: await visibleTo('rep2', 'deal') };
    const mgrSees = await visibleTo('mgr', 'deal');

    const res = await h.inject({ method: 'POST', url: '/api/t/acme/users/rep1/transfer', payload: { to: 'rep2' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ from: 'rep1', to: 'rep2', moved: { company: 2, deal: 3 } });

    expect(await owned('company', 'rep1')).toBe(0);
    expect(await owned('deal', 'rep1')).toBe(0);
    expect(await owned('company', 'rep2')).toBe(before.company + 2);
    expect(await owned('deal', 'rep2')).toBe(before.deal + 3);
    expect(await visibleTo('rep2', 'company')).toBe(rep2Sees.company + 2);
    expect(await visibleTo('rep2', 'deal')).toBe(rep2Sees.deal + 3);
    expect(await visibleTo('rep1', 'deal')).toBe(0);
    expect(await visibleTo('rep1', 'company')).toBe(0);
    expect(await visibleTo('mgr', 'deal'), 'both reps are in the manager\'s team').toBe(mgrSees);

    for (const { entity, record } of rep1Records) {
      const now = (await adminRead(h, 'acme', entity, record.id))!;
      expect(now, `${entity} ${record.id}`).toMatchObject({ owner: 'rep2', version: record.version + 1, updatedBy: 'admin' });
      // The new owner can read its history; the newest entry is the transfer.
      const history = await h.inject({ method: 'GET', url: `${recordsUrl('acme', entity, record.id)}/history` }, 'rep2');
      expect(history.statusCode, history.body).toBe(200);
      const [latest, ...older] = history.json().items;
      expect(latest).toMatchObject({ action: 'transfer', user: 'admin', channel: 'api', changes: [{ field: 'owner', from: 'rep1', to: 'rep2' }] });
      expect(older.map((e: { action: string }) => e.action)).toContain('create');
      // The previous owner has lost access.
      expectError(await h.inject({ method: 'GET', url: recordsUrl('acme', entity, record.id) }, 'rep1'), 404);
    }
    for (const record of untouched) {
      const entity = 'title' in record ? 'deal' : 'company';
      expect(await adminRead(h, 'acme', entity, record.id), 'records of others are untouched').toEqual(record);
    }
  });

  it('an edit based on the version before the transfer is refused as stale; the new owner can edit', async () => {
    const stale = await h.inject({ method: 'PATCH', url: recordsUrl('acme', 'deal', rep1Deal.id), payload: { version: rep1Deal.version, amount: 1 } });
    expectError(stale, 409, 'STALE_VERSION');
    const ok = await h.inject({ method: 'PATCH', url: recordsUrl('acme', 'deal', rep1Deal.id), payload: { version: rep1Deal.version + 1, amount: 2 } }, 'rep2');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ owner: 'rep2', amount: 2, version: rep1Deal.version + 2 });
  });

  it('a second transfer finds nothing left to move', async () => {
    const res = await h.inject({ method: 'POST', url: '/api/t/acme/users/rep1/transfer', payload: { to: 'rep2' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().moved).toEqual({});
  });

  it('the new owner sees the lines of the deals they received (the related list matches the line count)', async () => {
    const deal = (await h.inject({ method: 'GET', url: recordsUrl('acme', 'deal', rep1Deal.id) }, 'rep2')).json();
    expect(deal.lineCount).toBe(2);
    const lines = await h.inject({ method: 'GET', url: `${recordsUrl('acme', 'dealLine')}?${filterQs({ deal: rep1Deal.id })}` }, 'rep2');
    expect(lines.statusCode).toBe(200);
    expect(lines.json().items.map((l: Rec) => l.product).sort()).toEqual(['TR line a', 'TR line b']);
  });
});
