import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/apiHarness.js';
import { SECRETS, getSecret } from '../../runtime/messaging/secrets.js';
import type { TenantStore } from '../../runtime/store/port.js';

let h: Harness;
let ts: TenantStore;
beforeAll(async () => {
  h = await startHarness();
  ts = h.store.tenant('acme');
});
afterAll(async () => h?.close());

const VALUE = 'whsec_9f8e7d6c5b4a39281706';
const put = (name: string, payload: unknown, as: 'admin' | 'rep1' | 'mgr' = 'admin') =>
  h.inject({ method: 'PUT', url: `/api/t/acme/secrets/${name}`, payload: payload as object, headers: { 'content-type': 'application/json' } }, as);

describe('secrets API', () => {
  it('an admin sets, replaces, lists and deletes secrets; no answer ever contains a value', async () => {
    const created = await put('erpHook', { value: VALUE });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ name: 'erpHook', updatedAt: expect.any(String) });
    expect(await getSecret(ts, 'erpHook')).toBe(VALUE);

    const replaced = await put('erpHook', { value: `${VALUE}_v2` });
    expect(replaced.statusCode).toBe(200);
    expect(await getSecret(ts, 'erpHook')).toBe(`${VALUE}_v2`);
    expect(await ts.collection(SECRETS).findOne({ _id: 'erpHook' })).toMatchObject({ updatedBy: 'admin' });
    expect((await put('finance_2', { value: 'x'.repeat(512) })).statusCode).toBe(201);

    const listed = await h.inject({ method: 'GET', url: '/api/t/acme/secrets' });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toEqual([
      { name: 'erpHook', updatedAt: expect.any(String) },
      { name: 'finance_2', updatedAt: expect.any(String) },
    ]);
    for (const res of [created, replaced, listed]) {
      expect(res.body).not.toContain(VALUE);
      expect(res.body).not.toContain('xxxxxxxx');
    }

    const deleted = await h.inject({ method: 'DELETE', url: '/api/t/acme/secrets/finance_2' });
    expect(deleted.statusCode).toBe(204);
    expect(await getSecret(ts, 'finance_2')).toBeNull();
    expect((await h.inject({ method: 'DELETE', url: '/api/t/acme/secrets/finance_2' })).statusCode).toBe(404);
  });

  it('is for administrators only', async () => {
    for (const who of ['rep1', 'mgr'] as const) {
      expect((await h.inject({ method: 'GET', url: '/api/t/acme/secrets' }, who)).statusCode).toBe(403);
      expect((await put('sneaky', { value: VALUE }, who)).statusCode).toBe(403);
      expect((await h.inject({ method: 'DELETE', url: '/api/t/acme/secrets/erpHook' }, who)).statusCode).toBe(403);
    }
    expect(await getSecret(ts, 'sneaky')).toBeNull();
    expect(await getSecret(ts, 'erpHook')).not.toBeNull();
  });

  it('refuses bad names (400), bad values (422) and bad bodies (400), writing nothing', async () => {
    const before = await ts.collection(SECRETS).count({});
    const cases: { name: string; payload: unknown; status: number; code: string; path: string }[] = [
      { name: '__proto__', payload: { value: VALUE }, status: 400, code: 'INVALID_SECRET_NAME', path: '/name' },
      { name: '%24where', payload: { value: VALUE }, status: 400, code: 'INVALID_SECRET_NAME', path: '/name' },
      { name: 'has-dash', payload: { value: VALUE }, status: 400, code: 'INVALID_SECRET_NAME', path: '/name' },
      { name: '9lives', payload: { value: VALUE }, status: 400, code: 'INVALID_SECRET_NAME', path: '/name' },
      { name: 'a'.repeat(65), payload: { value: VALUE }, status: 400, code: 'INVALID_SECRET_NAME', path: '/name' },
      { name: 'ok', payload: { value: 'too-short' }, status: 422, code: 'VALIDATION_FAILED', path: '/value' },
      { name: 'ok', payload: { value: 'x'.repeat(513) }, status: 422, code: 'VALIDATION_FAILED', path: '/value' },
      { name: 'ok', payload: { value: 12345678901234567890 }, status: 422, code: 'VALIDATION_FAILED', path: '/value' },
      { name: 'ok', payload: { value: `${VALUE}\n` }, status: 422, code: 'VALIDATION_FAILED', path: '/value' },
      { name: 'ok', payload: {}, status: 422, code: 'VALIDATION_FAILED', path: '/value' },
      { name: 'ok', payload: { value: VALUE, note: 'x' }, status: 400, code: 'INVALID_BODY', path: '/note' },
      { name: 'ok', payload: { value: VALUE, $set: { value: 'x' } }, status: 400, code: 'INVALID_BODY', path: '/$set' },
      { name: 'ok', payload: '{"value":"whsec_9f8e7d6c5b4a39281706","__proto__":{"admin":true}}', status: 400, code: 'INVALID_JSON', path: '' },
      { name: 'ok', payload: '[1]', status: 400, code: 'INVALID_BODY', path: '/' },
    ];
    for (const c of cases) {
      const res = await put(c.name, c.payload);
      expect([c.name, res.statusCode]).toEqual([c.name, c.status]);
      expect(res.json().error.code).toBe(c.code);
      if (c.path) expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(c.path);
    }
    expect((await h.inject({ method: 'DELETE', url: '/api/t/acme/secrets/__proto__' })).statusCode).toBe(400);
    expect(await ts.collection(SECRETS).count({})).toBe(before);
  });
});
