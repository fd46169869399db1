import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/apiHarness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const base = '/api/t/acme/records';
const post = (entity: string, payload: unknown) => h.inject({ method: 'POST', url: `${base}/${entity}`, payload: payload as object });
const count = async (entity: string) => (await h.inject({ method: 'GET', url: `${base}/${entity}?pageSize=1` })).json().total as number;

describe('records API', () => {
  it('answers /healthz', async () => {
    const res = await h.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
  });

  it('creates a record through the whole save pipeline', async () => {
    const res = await post('deal', { title: '云帆 CRM 二期', company: 'co-1', amount: 200000, probability: 30, closedAt: '2026-03-01T10:00:00+08:00' });
    expect(res.statusCode).toBe(201);
    const deal = res.json();
    expect(deal).toMatchObject({ version: 1, title: '云帆 CRM 二期', weighted: 60000, stage: 'new', linesTotal: 0, lineCount: 0, owner: 'admin', createdBy: 'admin' });
    expect(deal.id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(deal.number).toMatch(/^D-\d{6}-0001$/);
    expect(deal.closeDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(deal.closedAt).toBe('2026-03-01T02:00:00.000Z');
    const second = await post('deal', { title: '第二个', company: 'co-2' });
    expect(second.json().number).toMatch(/-0002$/);
    const fetched = await h.inject({ method: 'GET', url: `${base}/deal/${deal.id}` });
    expect(fetched.json()).toEqual(deal);
  });

  it('refuses bad input with the error shape and writes nothing', async () => {
    const before = await count('deal');
    const cases: { payload: string | object; status: number; code: string; path?: string; type?: string }[] = [
      { payload: '{"title": "x",', status: 400, code: 'INVALID_JSON' },
      { payload: { title: 'x', company: 'co-1', amount: 'lots' }, status: 422, code: 'VALIDATION_FAILED', path: '/amount' },
      { payload: { title: 'x', company: 'co-1', amount: -5 }, status: 422, code: 'VALIDATION_FAILED', path: '/amount' },
      { payload: { title: 'x', company: 'co-1', stage: 'maybe' }, status: 422, code: 'VALIDATION_FAILED', path: '/stage' },
      { payload: { title: 'x', company: 'co-1', nickname: 'y' }, status: 422, code: 'VALIDATION_FAILED', path: '/nickname' },
      { payload: { title: 'x', company: 'co-1', weighted: 5 }, status: 422, code: 'VALIDATION_FAILED', path: '/weighted' },
      { payload: { company: 'co-1' }, status: 422, code: 'VALIDATION_FAILED', path: '/title' },
      { payload: { title: '', company: 'co-1' }, status: 422, code: 'VALIDATION_FAILED', path: '/title' },
      { payload: { title: 'x', company: 'nope' }, status: 422, code: 'VALIDATION_FAILED', path: '/company' },
      { payload: { title: 'x', company: 'co-1', closeDate: '2026-13-45' }, status: 422, code: 'VALIDATION_FAILED', path: '/closeDate' },
      { payload: { title: 'x', company: 'co-1', $set: { amount: 1 } }, status: 400, code: 'INVALID_BODY', path: '/$set' },
      { payload: { title: 'x', company: 'co-1', tags: [{ $gt: '' }] }, status: 400, code: 'INVALID_BODY', path: '/tags/0/$gt' },
      { payload: '{"title":"x","company":"co-1","__proto__":{"admin":true}}', status: 400, code: 'INVALID_JSON' },
      { payload: '{"title":"x","company":"co-1","constructor":{"prototype":{"admin":true}}}', status: 400, code: 'INVALID_JSON' },
      { payload: '[1,2]', status: 400, code: 'INVALID_BODY' },
      { payload: 'title=x', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', type: 'application/x-www-form-urlencoded' },
    ];
    for (const c of cases) {
      const res = await h.inject({
        method: 'POST',
        url: `${base}/deal`,
        headers: { 'content-type': c.type ?? 'application/json' },
        payload: typeof c.payload === 'string' ? c.payload : JSON.stringify(c.payload),
      });
      expect(res.statusCode, JSON.stringify(c.payload)).toBe(c.status);
      const body = res.json();
      expect(body.error.code, JSON.stringify(c.payload)).toBe(c.code);
      expect(typeof body.error.message).toBe('string');
      expect(Array.isArray(body.error.details)).toBe(true);
      if (c.path) expect(body.error.details.map((d: { path: string }) => d.path), JSON.stringify(c.payload)).toContain(c.path);
    }
    expect(await count('deal')).toBe(before);
  });

  it('refuses an oversize body with 413', async () => {
    const before = await count('deal');
    const res = await post('deal', { title: 'x', company: 'co-1', description: 'y'.repeat(2 * 1024 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await count('deal')).toBe(before);
  });

  it('updates with an optimistic version check', async () => {
    const deal = (await post('deal', { title: 'Versioned', company: 'co-1', amount: 100, probability: 50 })).json();
    const patch = (payload: object) => h.inject({ method: 'PATCH', url: `${base}/deal/${deal.id}`, payload });
    const ok = await patch({ version: 1, amount: 300 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, amount: 300, weighted: 150 });
    const stale = await patch({ version: 1, amount: 999 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    const missing = await patch({ amount: 999 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].path).toBe('/version');
    const invalid = await patch({ version: 2, probability: 150 });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().error.details[0].path).toBe('/probability');
    const now = await h.inject({ method: 'GET', url: `${base}/deal/${deal.id}` });
    expect(now.json()).toMatchObject({ version: 2, amount: 300, probability: 50 });
    expect((await h.inject({ method: 'PATCH', url: `${base}/deal/unknown-id`, payload: { version: 1 } })).statusCode).toBe(404);
  });

  it('keeps roll-ups and the formulas that read them current', async () => {
    const deal = (await post('deal', { title: 'Rolled', company: 'co-1' })).json();
    const l1 = await post('dealLine', { deal: deal.id, product: 'A', qty: 2, price: 100 });
    expect(l1.statusCode).toBe(201);
    expect(l1.json().total).toBe(200);
    await post('dealLine', { deal: deal.id, product: 'B', qty: 1, price: 50.5 });
    let now = (await h.inject({ method: 'GET', url: `${base}/deal/${deal.id}` })).json();
    expect(now).toMatchObject({ linesTotal: 250.5, lineCount: 2, version: 1 });
    const del = await h.inject({ method: 'DELETE', url: `${base}/dealLine/${l1.json().id}` });
    expect(del.statusCode).toBe(204);
    now = (await h.inject({ method: 'GET', url: `${base}/deal/${deal.id}` })).json();
    expect(now).toMatchObject({ linesTotal: 50.5, lineCount: 1 });
  });

  it('enforces form rules on the server: required and read-only while a condition holds', async () => {
    const missing = await post('deal', { title: 'Won without amount', company: 'co-1', stage: 'won' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.details).toEqual([{ path: '/amount', message: 'is required' }]);
    const won = await post('deal', { title: 'Won with amount', company: 'co-1', stage: 'won', amount: 10 });
    expect(won.statusCode).toBe(201);
    const rename = await h.inject({ method: 'PATCH', url: `${base}/deal/${won.json().id}`, payload: { version: 1, title: 'Renamed', stage: 'new' } });
    expect(rename.statusCode).toBe(422);
    expect(rename.json().error.details).toEqual([{ path: '/title', message: 'is read-only here' }]);
    const reopen = await h.inject({ method: 'PATCH', url: `${base}/deal/${won.json().id}`, payload: { version: 1, stage: 'new' } });
    expect(reopen.statusCode).toBe(200);
  });

  it('enforces unique fields with 409', async () => {
    const res = await post('company', { name: '杭州云帆科技有限公司' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details[0].path).toBe('/name');
  });

  it('refuses to delete a record others refer to, and clears references where asked', async () => {
    const blocked = await h.inject({ method: 'DELETE', url: `${base}/company/co-1` });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe('REFERENCED');
    const deal = (await post('deal', { title: 'To delete', company: 'co-2' })).json();
    const line = (await post('dealLine', { deal: deal.id, product: 'C', price: 1 })).json();
    expect((await h.inject({ method: 'DELETE', url: `${base}/deal/${deal.id}?version=9` })).statusCode).toBe(409);
    expect((await h.inject({ method: 'DELETE', url: `${base}/deal/${deal.id}?version=1` })).statusCode).toBe(204);
    expect((await h.inject({ method: 'GET', url: `${base}/deal/${deal.id}` })).statusCode).toBe(404);
    expect((await h.inject({ method: 'GET', url: `${base}/dealLine/${line.id}` })).json().deal).toBeNull();
  });
});

describe('list queries', () => {
  beforeAll(async () => {
    for (let i = 0; i < 30; i++) {
      await post('deal', { title: `List ${String(i).padStart(2, '0')}`, company: i % 2 ? 'co-1' : 'co-2', amount: i * 1000, stage: i % 3 === 0 ? 'won' : 'new', owner: ['rep1', 'rep2', 'rep3', 'mgr'][i % 4] });
    }
  });

  it('filters, sorts and pages, with totals and lookup titles', async () => {
    const filter = encodeURIComponent(JSON.stringify({ stage: 'won', title: { $regex: '^List' }, amount: { $gte: 3000 } }));
    const res = await h.inject({ method: 'GET', url: `${base}/deal?filter=${filter}&sort=-amount&page=2&pageSize=3` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(9); // i = 3, 6, …, 27
    expect(body.page).toBe(2);
    expect(body.pageSize).toBe(3);
    expect(body.items.map((d: { amount: number }) => d.amount)).toEqual([18000, 15000, 12000]);
    expect(body.refs.company['co-1']).toBe('杭州云帆科技有限公司');
  });

  it('searches the title field with q', async () => {
    const res = await h.inject({ method: 'GET', url: `${base}/deal?q=${encodeURIComponent('list 2')}&pageSize=50` });
    expect(res.json().total).toBe(10);
  });

  it('refuses filters outside the allow-list', async () => {
    const bad = [
      { $where: 'sleep(1000)' },
      { amount: { $function: {} } },
      { $expr: { $gt: ['$amount', 1] } },
      { secret: 1 },
      { amount: { $gt: { $gt: 1 } } },
      { 'company.name': 'x' },
      { title: { $regex: '(' } },
    ];
    for (const f of bad) {
      const res = await h.inject({ method: 'GET', url: `${base}/deal?filter=${encodeURIComponent(JSON.stringify(f))}` });
      expect(res.statusCode, JSON.stringify(f)).toBe(400);
      expect(res.json().error.code).toBe('INVALID_FILTER');
    }
    for (const url of [`${base}/deal?filter=%7Bnope`, `${base}/deal?pageSize=1000`, `${base}/deal?page=0`, `${base}/deal?sort=secret`, `${base}/deal?page=1&page=2`]) {
      const res = await h.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
    }
  });

  it('answers 404 for unknown entities and routes, 403 for other tenants, without leaking', async () => {
    for (const url of ['/api/t/acme/records/nothing', '/api/t/acme/records/deal/no-such-id', '/api/nowhere']) {
      const res = await h.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    for (const url of ['/api/t/nobody/records/deal', '/api/t/ACME!/records/deal', '/api/t/platform/records/tenants']) {
      const res = await h.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe('WRONG_TENANT');
    }
  });
});
