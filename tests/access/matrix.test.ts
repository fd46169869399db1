/**
 * The access matrix of the mini-crm fixture, end to end through the HTTP API:
 * each role (admin, manager `mgr`, rep `rep1`) against records owned by
 * themselves, a subordinate, a peer, their manager, another team and another
 * tenant, on every channel that returns or changes records: get, list, lookup
 * search (`q=`), related list, history, explain, report, CSV export, PATCH and
 * DELETE. A denied write must leave the record exactly as it was.
 *
 * Org (tests/helpers/apiHarness.ts):  admin · mgr ← rep1, rep2 (east) · mgr2 ← rep3 (west)
 * Roles (tests/fixtures/mini-crm/definitions/role*.json):
 *   admin   everything
 *   manager company/deal/dealLine: read, create, update, delete, export = team; dealLine export none
 *   rep     company: read/create/update own, delete none, export none; company.revenue hidden
 *           deal: read/create/update/delete own, export none; deal.probability read-only;
 *           a deal is read-only for a rep once stage = won
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness, type Person } from '../helpers/apiHarness.js';
import { adminRead, create, expectError, filterQs, label, parseCsv, publish, recordsUrl, type Rec } from './support.js';

type Viewer = 'admin' | 'mgr' | 'rep1';
type Tenant = 'acme' | 'globex';
/** true/false: the record is in the CSV or not; 403: the role may not export this entity at all. */
type Export = boolean | 403;

interface Row {
  viewer: Viewer;
  relation: string;
  owner: Person;
  tenant: Tenant;
  read: boolean;
  patch: 200 | 403 | 404;
  del: 204 | 403 | 404;
  csv: Export;
}

const row = ([viewer, relation, owner, tenant, read, patch, del, csv]: [Viewer, string, Person, Tenant, boolean, Row['patch'], Row['del'], Export]): Row =>
  ({ viewer, relation, owner, tenant, read, patch, del, csv });

/* prettier-ignore */
const DEALS: Row[] = ([
  // viewer   relation to owner           owner    tenant     read   PATCH  DELETE  export
  ['admin',  'self',                      'admin', 'acme',    true,  200,   204,    true ],
  ['admin',  'east manager',              'mgr',   'acme',    true,  200,   204,    true ],
  ['admin',  'east rep',                  'rep1',  'acme',    true,  200,   204,    true ],
  ['admin',  'east rep',                  'rep2',  'acme',    true,  200,   204,    true ],
  ['admin',  'west manager',              'mgr2',  'acme',    true,  200,   204,    true ],
  ['admin',  'west rep',                  'rep3',  'acme',    true,  200,   204,    true ],
  ['admin',  'another tenant (self id)',  'admin', 'globex',  false, 404,   404,    false],
  ['mgr',    'self',                      'mgr',   'acme',    true,  200,   204,    true ],
  ['mgr',    'subordinate',               'rep1',  'acme',    true,  200,   204,    true ],
  ['mgr',    'subordinate',               'rep2',  'acme',    true,  200,   204,    true ],
  ['mgr',    'peer manager',              'mgr2',  'acme',    false, 404,   404,    false],
  ['mgr',    'another team',              'rep3',  'acme',    false, 404,   404,    false],
  ['mgr',    'above (admin)',             'admin', 'acme',    false, 404,   404,    false],
  ['mgr',    'another tenant (self id)',  'mgr',   'globex',  false, 404,   404,    false],
  ['rep1',   'self',                      'rep1',  'acme',    true,  200,   204,    403  ],
  ['rep1',   'peer',                      'rep2',  'acme',    false, 404,   404,    403  ],
  ['rep1',   'own manager',               'mgr',   'acme',    false, 404,   404,    403  ],
  ['rep1',   'another team',              'rep3',  'acme',    false, 404,   404,    403  ],
  ['rep1',   'another team manager',      'mgr2',  'acme',    false, 404,   404,    403  ],
  ['rep1',   'admin',                     'admin', 'acme',    false, 404,   404,    403  ],
  ['rep1',   'another tenant (self id)',  'rep1',  'globex',  false, 404,   404,    403  ],
] as const).map((r) => row([...r]));

/* prettier-ignore */
const COMPANIES: Row[] = ([
  // viewer   relation to owner           owner    tenant     read   PATCH  DELETE  export
  ['admin',  'self',                      'admin', 'acme',    true,  200,   204,    true ],
  ['admin',  'east rep',                  'rep1',  'acme',    true,  200,   204,    true ],
  ['admin',  'west rep',                  'rep3',  'acme',    true,  200,   204,    true ],
  ['admin',  'another tenant (self id)',  'admin', 'globex',  false, 404,   404,    false],
  ['mgr',    'self',                      'mgr',   'acme',    true,  200,   204,    true ],
  ['mgr',    'subordinate',               'rep1',  'acme',    true,  200,   204,    true ],
  ['mgr',    'subordinate',               'rep2',  'acme',    true,  200,   204,    true ],
  ['mgr',    'peer manager',              'mgr2',  'acme',    false, 404,   404,    false],
  ['mgr',    'another team',              'rep3',  'acme',    false, 404,   404,    false],
  ['mgr',    'above (admin)',             'admin', 'acme',    false, 404,   404,    false],
  ['mgr',    'another tenant (self id)',  'mgr',   'globex',  false, 404,   404,    false],
  // A rep's role grants no delete on companies at all: 403 on what they can see, 404 on what they cannot.
  ['rep1',   'self',                      'rep1',  'acme',    true,  200,   403,    403  ],
  ['rep1',   'peer',                      'rep2',  'acme',    false, 404,   404,    403  ],
  ['rep1',   'own manager',               'mgr',   'acme',    false, 404,   404,    403  ],
  ['rep1',   'another team',              'rep3',  'acme',    false, 404,   404,    403  ],
  ['rep1',   'another tenant (self id)',  'rep1',  'globex',  false, 404,   404,    403  ],
] as const).map((r) => row([...r]));

const OWNERS: Person[] = ['admin', 'mgr', 'rep1', 'rep2', 'mgr2', 'rep3'];
const TENANTS: Tenant[] = ['acme', 'globex'];

let h: Harness;
/** The seeded records per tenant and owner: one company, one deal of that company, one line of that deal. */
const seed: Record<Tenant, Record<string, { company: Rec; deal: Rec; line: Rec }>> = { acme: {}, globex: {} };
const amountOf = (tenant: Tenant, owner: Person) => (tenant === 'acme' ? 1000 : 900_000) + OWNERS.indexOf(owner) * 10;
const revenueOf = (tenant: Tenant, owner: Person) => (tenant === 'acme' ? 7_000_000 : 8_000_000) + OWNERS.indexOf(owner) * 1111;

beforeAll(async () => {
  h = await startHarness({ tenants: ['acme', 'globex'], sampleData: false });
  for (const tenant of TENANTS) {
    for (const owner of OWNERS) {
      const company = await create(h, tenant, 'admin', 'company', { name: `MX Co ${tenant} <${owner}>`, grading: 'important', revenue: revenueOf(tenant, owner), owner });
      const deal = await create(h, tenant, 'admin', 'deal', { title: `MX Deal ${tenant} <${owner}>`, company: company.id, amount: amountOf(tenant, owner), tags: ['vip'], owner });
      // dealLine has no owner field: access goes by its creator, so the deal's owner adds it.
      const line = await create(h, tenant, owner, 'dealLine', { deal: deal.id, product: `MX Line ${tenant} <${owner}>`, qty: 1, price: 5 });
      seed[tenant][owner] = { company, deal, line };
    }
  }
  // Reports are definitions too: published through the definitions API, like a business admin would.
  await publish(h, 'acme', [
    {
      kind: 'report', name: 'mxDealsByOwner', label, schemaVersion: 1, entity: 'deal', chart: 'table',
      // Plain equality: the definitions API refuses operator keys in a filter (see the last test of this file).
      filter: { tags: 'vip' },
      dimensions: [{ field: 'owner' }],
      metrics: [{ name: 'amount', aggregate: 'sum', field: 'amount', label }, { name: 'deals', aggregate: 'count', label }],
    },
    {
      kind: 'report', name: 'mxCompaniesByOwner', label, schemaVersion: 1, entity: 'company', chart: 'table',
      filter: { grading: 'important' },
      dimensions: [{ field: 'owner' }],
      metrics: [{ name: 'companies', aggregate: 'count', label }],
    },
  ]);
}, 120_000);

afterAll(async () => h?.close());

const get = (url: string, as: Viewer) => h.inject({ method: 'GET', url }, as, 'acme');

describe.each([
  { entity: 'deal', rows: DEALS, title: 'title', prefix: 'MX Deal', report: 'mxDealsByOwner' },
  { entity: 'company', rows: COMPANIES, title: 'name', prefix: 'MX Co', report: 'mxCompaniesByOwner' },
] as const)('access matrix: $entity', ({ entity, rows, title, prefix, report }) => {
  const seeded = (r: Row) => seed[r.tenant][r.owner][entity as 'deal' | 'company'];

  it('covers every acme owner for each viewer, so lists and reports can be compared exactly', () => {
    for (const viewer of ['admin', 'mgr', 'rep1'] as const) {
      const owners = rows.filter((r) => r.viewer === viewer && r.tenant === 'acme').map((r) => r.owner);
      if (entity === 'deal') expect(new Set(owners)).toEqual(new Set(OWNERS));
      expect(rows.some((r) => r.viewer === viewer && r.tenant === 'globex')).toBe(true);
    }
  });

  it.each(rows)('$viewer reads a record of $owner@$tenant ($relation): $read', async (r) => {
    const record = seeded(r);
    const name = String(record[title]);
    // get
    const one = await get(recordsUrl('acme', entity, record.id), r.viewer);
    if (r.read) {
      expect(one.statusCode, one.body).toBe(200);
      expect(one.json()[title]).toBe(name);
    } else expectError(one, 404, 'NOT_FOUND');
    // list (the whole MX set in one page)
    const list = await get(`${recordsUrl('acme', entity)}?pageSize=200&${filterQs({ [title]: { $regex: '^MX ' } })}`, r.viewer);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((i: Rec) => i[title]).includes(name), 'in the list').toBe(r.read);
    // lookup search by title
    const search = await get(`${recordsUrl('acme', entity)}?q=${encodeURIComponent(name)}`, r.viewer);
    expect(search.statusCode, search.body).toBe(200);
    expect(search.json().items.map((i: Rec) => i.id), 'found by q=').toEqual(r.read ? [record.id] : []);
    // related list: a deal's lines, a company's deals
    const related = entity === 'deal'
      ? await get(`${recordsUrl('acme', 'dealLine')}?${filterQs({ deal: record.id })}`, r.viewer)
      : await get(`${recordsUrl('acme', 'deal')}?${filterQs({ company: record.id, title: { $regex: '^MX ' } })}`, r.viewer);
    expect(related.statusCode, related.body).toBe(200);
    const expectedRelated = entity === 'deal' ? seed[r.tenant][r.owner].line.id : seed[r.tenant][r.owner].deal.id;
    expect(related.json().items.map((i: Rec) => i.id), 'related list').toEqual(r.read ? [expectedRelated] : []);
    // history and explain follow read access
    const history = await get(`${recordsUrl('acme', entity, record.id)}/history`, r.viewer);
    if (r.read) {
      expect(history.statusCode, history.body).toBe(200);
      expect(history.json().items.map((e: { action: string }) => e.action)).toContain('create');
    } else expectError(history, 404);
    const explain = await get(`${recordsUrl('acme', entity, record.id)}/access`, r.viewer);
    if (r.read) {
      expect(explain.statusCode, explain.body).toBe(200);
      expect(explain.json().actions.find((a: { action: string }) => a.action === 'read').allowed).toBe(true);
    } else expectError(explain, 404);
  });

  it.each(['admin', 'mgr', 'rep1'] as const)('%s sees in the list, the report and the export exactly the rows of the table', async (viewer) => {
    const mine = rows.filter((r) => r.viewer === viewer);
    const readable = mine.filter((r) => r.read);
    const list = await get(`${recordsUrl('acme', entity)}?pageSize=200&${filterQs({ [title]: { $regex: '^MX ' } })}`, viewer);
    const listed = list.json().items as Rec[];
    if (entity === 'deal') {
      expect(list.json().total).toBe(readable.length);
      expect(new Set(listed.map((i) => i[title]))).toEqual(new Set(readable.map((r) => seeded(r)[title])));
    }
    // Nothing of globex leaks into the list or its lookup titles.
    expect(list.body).not.toContain('globex');

    // The report groups by owner: one row per readable owner with exactly that owner's amount.
    const res = await get(`/api/t/acme/reports/${report}`, viewer);
    expect(res.statusCode, res.body).toBe(200);
    const byOwner = new Map<string, Record<string, number>>((res.json().rows as Record<string, unknown>[]).map((x) => [String(x.owner), x as Record<string, number>]));
    const acmeRead = readable.filter((r) => r.tenant === 'acme');
    if (entity === 'deal') {
      expect(new Set(byOwner.keys())).toEqual(new Set(acmeRead.map((r) => r.owner)));
      for (const r of acmeRead) expect(byOwner.get(r.owner), r.owner).toEqual({ owner: r.owner, amount: amountOf('acme', r.owner), deals: 1 });
      const total = [...byOwner.values()].reduce((s, x) => s + x.amount, 0);
      expect(total).toBe(acmeRead.reduce((s, r) => s + amountOf('acme', r.owner), 0));
    } else {
      for (const r of mine.filter((x) => x.tenant === 'acme')) expect(byOwner.has(r.owner), r.owner).toBe(r.read);
      for (const [, x] of byOwner) expect(x.companies).toBe(1);
    }

    // CSV export: the exported rows are exactly the table's, or the role may not export.
    const csv = await get(`/api/t/acme/export/${entity}?${filterQs({ [title]: { $regex: '^MX ' } })}`, viewer);
    if (mine.every((r) => r.csv === 403)) {
      expectError(csv, 403, 'FORBIDDEN');
      return;
    }
    expect(csv.statusCode, csv.body).toBe(200);
    const { rows: exported } = parseCsv(csv.body);
    const ids = new Set(exported.map((x) => x.id));
    for (const r of mine) expect(ids.has(seeded(r).id), `${r.owner}@${r.tenant} in CSV`).toBe(r.csv === true);
    expect(csv.body).not.toContain('globex');
    expect(exported.every((x) => String(x[title]).startsWith(prefix))).toBe(true);
  });

  it.each(rows)('$viewer changes and deletes a record of $owner@$tenant ($relation): PATCH $patch, DELETE $del', async (r) => {
    // A fresh record per case, outside the MX set, owned by `owner` in its tenant.
    const base = entity === 'deal'
      ? { title: `MUT ${r.viewer} ${r.owner} ${r.tenant} ${r.relation}`, company: seed[r.tenant][r.owner].company.id, amount: 10, owner: r.owner }
      : { name: `MUT ${r.viewer} ${r.owner} ${r.tenant} ${r.relation}`, grading: 'normal', revenue: 5, owner: r.owner };
    const fresh = await create(h, r.tenant, 'admin', entity, base);
    const change = entity === 'deal' ? { amount: 11 } : { grading: 'potential' };
    const patched = await h.inject({ method: 'PATCH', url: recordsUrl('acme', entity, fresh.id), payload: { version: fresh.version, ...change } }, r.viewer, 'acme');
    let after = await adminRead(h, r.tenant, entity, fresh.id);
    if (r.patch === 200) {
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json()).toMatchObject({ id: fresh.id, version: fresh.version + 1, ...change });
      expect(after).toMatchObject({ version: fresh.version + 1, ...change, updatedBy: r.viewer });
    } else {
      expectError(patched, r.patch, r.patch === 404 ? 'NOT_FOUND' : 'FORBIDDEN');
      expect(after, 'a refused PATCH writes nothing').toEqual(fresh);
    }
    const before = after!;
    const deleted = await h.inject({ method: 'DELETE', url: recordsUrl('acme', entity, fresh.id) }, r.viewer, 'acme');
    after = await adminRead(h, r.tenant, entity, fresh.id);
    if (r.del === 204) {
      expect(deleted.statusCode, deleted.body).toBe(204);
      expect(after, 'deleted').toBeNull();
    } else {
      expectError(deleted, r.del, r.del === 404 ? 'NOT_FOUND' : 'FORBIDDEN');
      expect(after, 'a refused DELETE writes nothing').toEqual(before);
    }
  });
});

describe('rules beyond the scope', () => {
  it('a won deal is read-only for its rep (PATCH and DELETE 403, nothing written) but not for the manager', async () => {
    const won = await create(h, 'acme', 'admin', 'deal', { title: 'MUT won', company: seed.acme.rep1.company.id, amount: 100, stage: 'won', owner: 'rep1' });
    expect((await get(recordsUrl('acme', 'deal', won.id), 'rep1')).statusCode).toBe(200);
    const patch = await h.inject({ method: 'PATCH', url: recordsUrl('acme', 'deal', won.id), payload: { version: won.version, amount: 1 } }, 'rep1');
    expectError(patch, 403, 'FORBIDDEN');
    const del = await h.inject({ method: 'DELETE', url: recordsUrl('acme', 'deal', won.id) }, 'rep1');
    expectError(del, 403, 'FORBIDDEN');
    expect(await adminRead(h, 'acme', 'deal', won.id)).toEqual(won);
    const byManager = await h.inject({ method: 'PATCH', url: recordsUrl('acme', 'deal', won.id), payload: { version: won.version, amount: 2 } }, 'mgr');
    expect(byManager.statusCode, byManager.body).toBe(200);
    expect((await adminRead(h, 'acme', 'deal', won.id))?.amount).toBe(2);
  });

  it('deal.probability is read-only for a rep: refused with 422 on create and update, nothing written', async () => {
    const deal = await create(h, 'acme', 'admin', 'deal', { title: 'MUT probability', company: seed.acme.rep1.company.id, owner: 'rep1' });
    const patch = await h.inject({ method: 'PATCH', url: recordsUrl('acme', 'deal', deal.id), payload: { version: deal.version, probability: 90 } }, 'rep1');
    expectError(patch, 422);
    expect(patch.json().error.details).toContainEqual({ path: '/probability', message: 'is read-only for your role' });
    expect(await adminRead(h, 'acme', 'deal', deal.id)).toEqual(deal);
    const before = (await get(`${recordsUrl('acme', 'deal')}?pageSize=1`, 'rep1')).json().total;
    const post = await h.inject({ method: 'POST', url: recordsUrl('acme', 'deal'), payload: { title: 'MUT rep probability', company: seed.acme.rep1.company.id, probability: 90 } }, 'rep1');
    expectError(post, 422);
    expect((await get(`${recordsUrl('acme', 'deal')}?pageSize=1`, 'rep1')).json().total).toBe(before);
    // The same change is fine for the manager.
    const byManager = await h.inject({ method: 'PATCH', url: recordsUrl('acme', 'deal', deal.id), payload: { version: deal.version, probability: 90 } }, 'mgr');
    expect(byManager.statusCode, byManager.body).toBe(200);
  });

  it('owners can only be given within the scope: a rep keeps records to themselves, a manager within the team', async () => {
    const company = seed.acme.rep1.company.id;
    const cases: [Viewer, Person, number][] = [
      ['rep1', 'rep2', 403], ['rep1', 'mgr', 403], ['rep1', 'rep1', 201],
      ['mgr', 'rep2', 201], ['mgr', 'rep3', 403], ['mgr', 'admin', 403],
      ['admin', 'rep3', 201],
    ];
    for (const [viewer, owner, status] of cases) {
      const res = await h.inject({ method: 'POST', url: recordsUrl('acme', 'deal'), payload: { title: `MUT give ${viewer} ${owner}`, company, owner } }, viewer);
      expect(res.statusCode, `${viewer} creates a deal for ${owner}: ${res.body}`).toBe(status);
      if (status === 403) {
        const found = await h.inject({ method: 'GET', url: `${recordsUrl('acme', 'deal')}?q=${encodeURIComponent(`MUT give ${viewer} ${owner}`)}` });
        expect(found.json().total, 'nothing written').toBe(0);
      }
    }
    // Reassigning an existing record follows the same rule.
    const deal = await create(h, 'acme', 'admin', 'deal', { title: 'MUT reassign', company, owner: 'rep1' });
    const byRep = await h.inject({ method: 'PATCH', url: recordsUrl('acme', 'deal', deal.id), payload: { version: deal.version, owner: 'rep2' } }, 'rep1');
    expectError(byRep, 403, 'FORBIDDEN');
    expect(await adminRead(h, 'acme', 'deal', deal.id)).toEqual(deal);
    const outOfTeam = await h.inject({ method: 'PATCH', url: recordsUrl('acme', 'deal', deal.id), payload: { version: deal.version, owner: 'rep3' } }, 'mgr');
    expectError(outOfTeam, 403, 'FORBIDDEN');
    expect(await adminRead(h, 'acme', 'deal', deal.id)).toEqual(deal);
    const inTeam = await h.inject({ method: 'PATCH', url: recordsUrl('acme', 'deal', deal.id), payload: { version: deal.version, owner: 'rep2' } }, 'mgr');
    expect(inTeam.statusCode, inTeam.body).toBe(200);
    expect((await adminRead(h, 'acme', 'deal', deal.id))?.owner).toBe('rep2');
  });

  it('an edit share lets the recipient edit the record but not take it: changing the owner is refused', async () => {
    const deal = await create(h, 'acme', 'rep1', 'deal', { title: 'MUT shared for editing', company: seed.acme.rep1.company.id, amount: 1 });
    const share = await h.inject({ method: 'POST', url: `${recordsUrl('acme', 'deal', deal.id)}/shares`, payload: { user: 'rep2', access: 'edit' } }, 'rep1');
    expect(share.statusCode, share.body).toBe(201);
    const edit = await h.inject({ method: 'PATCH', url: recordsUrl('acme', 'deal', deal.id), payload: { version: 1, amount: 2 } }, 'rep2');
    expect(edit.statusCode, edit.body).toBe(200);
    const take = await h.inject({ method: 'PATCH', url: recordsUrl('acme', 'deal', deal.id), payload: { version: 2, owner: 'rep2' } }, 'rep2');
    expectError(take, 403, 'FORBIDDEN');
    expect(await adminRead(h, 'acme', 'deal', deal.id)).toMatchObject({ owner: 'rep1', version: 2, amount: 2 });
    expect((await get(recordsUrl('acme', 'deal', deal.id), 'rep1')).statusCode, 'the owner keeps the record').toBe(200);
  });

  it('the owner of a deal sees every line of it, whoever added it', async () => {
    const deal = await create(h, 'acme', 'rep1', 'deal', { title: 'MUT lines from the manager', company: seed.acme.rep1.company.id });
    await create(h, 'acme', 'rep1', 'dealLine', { deal: deal.id, product: 'MUT line by rep1', price: 1 });
    await create(h, 'acme', 'mgr', 'dealLine', { deal: deal.id, product: 'MUT line by mgr', price: 2 });
    const seen = (await get(recordsUrl('acme', 'deal', deal.id), 'rep1')).json();
    expect(seen.lineCount).toBe(2);
    const lines = await get(`${recordsUrl('acme', 'dealLine')}?${filterQs({ deal: deal.id })}`, 'rep1');
    expect(lines.json().items.map((l: Rec) => l.product).sort()).toEqual(['MUT line by mgr', 'MUT line by rep1']);
  });

  it('records cannot be given to a user who has left (as ownership transfer refuses them)', async () => {
    const left = await h.inject({ method: 'PATCH', url: '/api/t/acme/users/rep3', payload: { status: 'left' } });
    expect(left.statusCode, left.body).toBe(200);
    try {
      const made = await h.inject({ method: 'POST', url: recordsUrl('acme', 'deal'), payload: { title: 'MUT for a leaver', company: seed.acme.rep1.company.id, owner: 'rep3' } });
      expect.soft(made.statusCode, made.body).toBe(422);
      const deal = await create(h, 'acme', 'admin', 'deal', { title: 'MUT reassign to a leaver', company: seed.acme.rep1.company.id, owner: 'rep1' });
      const moved = await h.inject({ method: 'PATCH', url: recordsUrl('acme', 'deal', deal.id), payload: { version: deal.version, owner: 'rep3' } });
      expect.soft(moved.statusCode, moved.body).toBe(422);
      expect((await adminRead(h, 'acme', 'deal', deal.id))?.owner).toBe(moved.statusCode === 200 ? 'rep3' : 'rep1');
    } finally {
      // rep3 comes back (their harness session is gone, which no later test here needs).
      await h.inject({ method: 'PATCH', url: '/api/t/acme/users/rep3', payload: { status: 'active' } });
    }
  });

  it('a rep cannot point a lookup at a record they cannot read, nor change its roll-ups that way', async () => {
    // rep1 cannot read rep3's deal or company (see the matrix); referring to them must fail like a missing record.
    const rep3Deal = seed.acme.rep3.deal;
    const line = await h.inject({ method: 'POST', url: recordsUrl('acme', 'dealLine'), payload: { deal: rep3Deal.id, product: 'MUT sneaky line', qty: 1, price: 1_000_000 } }, 'rep1');
    expect.soft(line.statusCode, `rep1 adds a line to rep3's deal: ${line.body}`).toBe(422);
    const after = await adminRead(h, 'acme', 'deal', rep3Deal.id);
    expect(after?.linesTotal, 'the roll-up of a deal rep1 cannot see stays as it was').toBe(5);
    const deal = await h.inject({ method: 'POST', url: recordsUrl('acme', 'deal'), payload: { title: 'MUT deal on a hidden company', company: seed.acme.rep3.company.id } }, 'rep1');
    expect(deal.statusCode, `rep1 files a deal under rep3's company: ${deal.body}`).toBe(422);
  });
});

describe('report definitions through the API', () => {
  it('a report whose filter uses an operator round-trips through the definitions API (the builder saves what it reads)', async () => {
    const report = {
      kind: 'report', name: 'mxOpenDeals', label, schemaVersion: 1, entity: 'deal', chart: 'number',
      filter: { stage: { $in: ['new'] } },
      metrics: [{ name: 'deals', aggregate: 'count', label }],
    };
    const res = await h.inject({ method: 'PUT', url: '/api/t/acme/definitions/report/mxOpenDeals', payload: report });
    expect(res.statusCode, res.body).toBe(200);
    await h.inject({ method: 'DELETE', url: '/api/t/acme/definitions/report/mxOpenDeals/draft' });
  });
});
