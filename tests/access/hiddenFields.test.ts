/**
 * Hidden fields (company.revenue for a rep) never leave the server for that
 * role: not in get, list, search, create/update answers, history, export, the
 * app manifest or reports, and cannot be probed through filters or sorting.
 * The manager, who may see the field, is the positive control everywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/apiHarness.js';
import { adminRead, create, expectError, filterQs, label, parseCsv, publish, published, recordsUrl, type Rec } from './support.js';

let h: Harness;
let company: Rec;
let other: Rec;
/** Distinctive values that must never show up in a rep's answers. */
const REVENUE = 7_654_321;
const REVENUE_2 = 7_654_329;
const SECRET = /765432/;

beforeAll(async () => {
  h = await startHarness({ sampleData: false });
  company = await create(h, 'acme', 'admin', 'company', { name: 'HF 云帆', grading: 'normal', revenue: REVENUE, owner: 'rep1' });
  other = await create(h, 'acme', 'admin', 'company', { name: 'HF 启明', grading: 'normal', revenue: 1, owner: 'rep1' });
  await create(h, 'acme', 'admin', 'deal', { title: 'HF deal', company: company.id, amount: 10, owner: 'rep1' });
  // The administrator changes the revenue and the grading: the rep's history may show only the grading.
  const res = await h.inject({ method: 'PATCH', url: recordsUrl('acme', 'company', company.id), payload: { version: 1, revenue: REVENUE_2, grading: 'important' } });
  expect(res.statusCode, res.body).toBe(200);
  company = res.json();
  await publish(h, 'acme', [
    { kind: 'report', name: 'hfRevenue', label, schemaVersion: 1, entity: 'company', chart: 'number', metrics: [{ name: 'revenue', aggregate: 'sum', field: 'revenue', label }] },
    { kind: 'report', name: 'hfRevenueByGrading', label, schemaVersion: 1, entity: 'company', chart: 'table', dimensions: [{ field: 'revenue' }], metrics: [{ name: 'n', aggregate: 'count', label }] },
    // Counts only, but filtered on the hidden field: a rep could learn the revenue by asking.
    { kind: 'report', name: 'hfRevenueProbe', label, schemaVersion: 1, entity: 'company', chart: 'number', filter: { revenue: REVENUE_2 }, metrics: [{ name: 'n', aggregate: 'count', label }] },
  ]);
}, 120_000);

afterAll(async () => h?.close());

const get = (url: string, as: 'rep1' | 'mgr') => h.inject({ method: 'GET', url }, as);

describe('company.revenue is hidden from a rep', () => {
  it('is absent from get, list, search and the related list, and present for the manager', async () => {
    const urls = [
      recordsUrl('acme', 'company', company.id),
      `${recordsUrl('acme', 'company')}?pageSize=200`,
      `${recordsUrl('acme', 'company')}?q=HF`,
      `${recordsUrl('acme', 'deal')}?${filterQs({ company: company.id })}`,
    ];
    for (const url of urls) {
      const rep = await get(url, 'rep1');
      expect(rep.statusCode, `${url}: ${rep.body}`).toBe(200);
      expect(rep.body, url).not.toMatch(SECRET);
      expect(rep.body, url).not.toContain('"revenue"');
    }
    const one = (await get(recordsUrl('acme', 'company', company.id), 'rep1')).json();
    expect(one).toMatchObject({ id: company.id, name: 'HF 云帆', grading: 'important' });
    expect(one).not.toHaveProperty('revenue');
    expect((await get(recordsUrl('acme', 'company', company.id), 'mgr')).json().revenue).toBe(REVENUE_2);
    expect((await get(`${recordsUrl('acme', 'company')}?q=HF`, 'mgr')).json().items.map((c: Rec) => c.revenue).sort()).toEqual([1, REVENUE_2]);
  });

  it('is absent from the answers to the rep\'s own writes, and cannot be written', async () => {
    const created = await h.inject({ method: 'POST', url: recordsUrl('acme', 'company'), payload: { name: 'HF rep made' } }, 'rep1');
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).not.toHaveProperty('revenue');
    const patched = await h.inject({ method: 'PATCH', url: recordsUrl('acme', 'company', other.id), payload: { version: other.version, grading: 'potential' } }, 'rep1');
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).not.toHaveProperty('revenue');
    other = (await adminRead(h, 'acme', 'company', other.id))!;
    expect(other.revenue, 'an unrelated change keeps the hidden value').toBe(1);

    const setHidden = await h.inject({ method: 'PATCH', url: recordsUrl('acme', 'company', other.id), payload: { version: other.version, revenue: 2 } }, 'rep1');
    expectError(setHidden, 422);
    expect(setHidden.json().error.details).toContainEqual({ path: '/revenue', message: 'is read-only for your role' });
    const createHidden = await h.inject({ method: 'POST', url: recordsUrl('acme', 'company'), payload: { name: 'HF rep revenue', revenue: 3 } }, 'rep1');
    expectError(createHidden, 422);
    expect(await adminRead(h, 'acme', 'company', other.id)).toEqual(other);
    expect((await h.inject({ method: 'GET', url: `${recordsUrl('acme', 'company')}?q=${encodeURIComponent('HF rep revenue')}` })).json().total).toBe(0);
  });

  it('cannot be probed by filtering or sorting on it', async () => {
    for (const filter of [{ revenue: REVENUE_2 }, { revenue: { $gt: 0 } }, { $or: [{ name: 'x' }, { revenue: { $exists: true } }] }]) {
      const rep = await get(`${recordsUrl('acme', 'company')}?${filterQs(filter)}`, 'rep1');
      expectError(rep, 400, 'INVALID_FILTER');
      expect(rep.body).not.toMatch(SECRET);
      const csv = await get(`/api/t/acme/export/company?${filterQs(filter)}`, 'mgr');
      expect(csv.statusCode, 'the manager may filter on it').toBe(200);
    }
    expectError(await get(`${recordsUrl('acme', 'company')}?sort=-revenue`, 'rep1'), 400, 'INVALID_SORT');
    expect((await get(`${recordsUrl('acme', 'company')}?sort=-revenue`, 'mgr')).statusCode).toBe(200);
  });

  it('is absent from the record history, while the visible change is there', async () => {
    const rep = await get(`${recordsUrl('acme', 'company', company.id)}/history`, 'rep1');
    expect(rep.statusCode, rep.body).toBe(200);
    expect(rep.body).not.toMatch(SECRET);
    const items = rep.json().items as { action: string; changes: { field: string; from: unknown; to: unknown }[] }[];
    expect(items.map((e) => e.action)).toEqual(['update', 'create']);
    expect(items[0].changes).toEqual([{ field: 'grading', from: 'normal', to: 'important' }]);
    const mgr = (await get(`${recordsUrl('acme', 'company', company.id)}/history`, 'mgr')).json();
    expect(mgr.items[0].changes).toContainEqual({ field: 'revenue', from: REVENUE, to: REVENUE_2 });
  });

  it('is absent from the app manifest, /auth/me and the access explanation', async () => {
    const app = await get('/api/t/acme/app', 'rep1');
    expect(app.statusCode).toBe(200);
    const fields = app.json().entities.find((e: { name: string }) => e.name === 'company').fields.map((f: { name: string }) => f.name);
    expect(fields).not.toContain('revenue');
    expect(fields).toContain('grading');
    expect((await get('/api/t/acme/auth/me', 'rep1')).json().hiddenFields.company).toEqual(['revenue']);
    expect((await get('/api/t/acme/auth/me', 'mgr')).json().hiddenFields.company).toEqual([]);
    const explain = (await get(`${recordsUrl('acme', 'company', company.id)}/access`, 'rep1')).json();
    expect(explain.hiddenFields).toEqual(['revenue']);
    const mgrApp = (await get('/api/t/acme/app', 'mgr')).json();
    expect(mgrApp.entities.find((e: { name: string }) => e.name === 'company').fields.map((f: { name: string }) => f.name)).toContain('revenue');
  });

  it('reports that aggregate or group by it are refused for the rep and run for the manager', async () => {
    for (const name of ['hfRevenue', 'hfRevenueByGrading']) {
      const rep = await get(`/api/t/acme/reports/${name}`, 'rep1');
      expectError(rep, 403, 'FORBIDDEN');
      expect(rep.body).not.toMatch(SECRET);
      expect((await get(`/api/t/acme/reports/${name}`, 'mgr')).statusCode).toBe(200);
    }
    expect((await get('/api/t/acme/reports/hfRevenue', 'mgr')).json().rows).toEqual([{ revenue: REVENUE_2 + 1 }]);
  });

  it('a report filtered on it is refused for the rep too (its count would reveal the value)', async () => {
    expect((await get('/api/t/acme/reports/hfRevenueProbe', 'mgr')).json().rows).toEqual([{ n: 1 }]);
    const rep = await get('/api/t/acme/reports/hfRevenueProbe', 'rep1');
    expectError(rep, 403, 'FORBIDDEN');
  });

  it('is absent from the CSV export once the rep may export', async () => {
    expectError(await get('/api/t/acme/export/company', 'rep1'), 403, 'FORBIDDEN');
    const rep = await published(h, 'acme', 'role', 'rep');
    const permissions = rep.permissions as Record<string, Record<string, string>>;
    await publish(h, 'acme', [{ ...rep, permissions: { ...permissions, company: { ...permissions.company, export: 'own' } } }]);
    const csv = await get('/api/t/acme/export/company', 'rep1');
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.body).not.toMatch(SECRET);
    const { header, rows } = parseCsv(csv.body);
    expect(header).not.toContain('revenue');
    expect(header).toEqual(expect.arrayContaining(['id', 'name', 'grading', 'owner']));
    expect(rows.map((r) => r.owner).every((o) => o === 'rep1')).toBe(true);
    expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['HF 云帆', 'HF 启明']));
    const mgr = parseCsv((await get('/api/t/acme/export/company', 'mgr')).body);
    expect(mgr.header).toContain('revenue');
    expect(mgr.rows.find((r) => r.id === company.id)?.revenue).toBe(String(REVENUE_2));
  });

  it('a hidden title field cannot be probed with the q= search either', async () => {
    const rep = await published(h, 'acme', 'role', 'rep');
    const fp = rep.fieldPermissions as Record<string, Record<string, string>>;
    await publish(h, 'acme', [{ ...rep, fieldPermissions: { ...fp, company: { ...fp.company, name: 'hidden' } } }]);
    const hit = await get(`${recordsUrl('acme', 'company')}?q=${encodeURIComponent('云帆')}`, 'rep1');
    const miss = await get(`${recordsUrl('acme', 'company')}?q=no-such-name`, 'rep1');
    expect(hit.body).not.toContain('HF 云帆');
    // Either refused, or an answer that does not depend on the hidden value.
    if (hit.statusCode === 200) expect(hit.json().total, 'q matched on a field the rep cannot see').toBe(miss.json().total);
    else {
      expectError(hit, 400);
      expectError(miss, 400);
    }
  });
});
