import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openStore } from '../../runtime/store/open.js';
import type { Store } from '../../runtime/store/port.js';
import { Runtime } from '../../runtime/runtime.js';
import { build } from '../../server/app.js';
import { seedDemoTenant, TEMPLATES_DIR } from '../../server/start.js';
import { DEMO_PASSWORD } from '../../runtime/templates/demoUsers.js';

let dir: string;
let store: Store;
let app: FastifyInstance;
let seeded: Record<string, number> | null;
let token: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stagecraft-demo-'));
  store = await openStore({ dataDir: dir });
  const runtime = new Runtime(store);
  seeded = await seedDemoTenant(runtime);
  app = await build({ runtime, templatesDir: TEMPLATES_DIR });
  const login = await app.inject({ method: 'POST', url: '/api/t/demo/auth/login', payload: { email: 'admin@demo.local', password: DEMO_PASSWORD } });
  token = login.json().token;
}, 300_000);

afterAll(async () => {
  await app?.close();
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

const get = async (url: string) => {
  const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  expect(res.statusCode, url).toBe(200);
  return res.json();
};

describe('the demo tenant from the B2B CRM template', () => {
  it('loads the sample data through the save pipeline', async () => {
    expect(seeded).not.toBeNull();
    expect(seeded!.account).toBeGreaterThanOrEqual(200);
    expect(seeded!.opportunity).toBeGreaterThanOrEqual(500);
    expect((await get('/api/t/demo/records/account?pageSize=1')).total).toBe(seeded!.account);
    expect((await get('/api/t/demo/records/opportunity?pageSize=1')).total).toBe(seeded!.opportunity);
  });

  it('has the demo people: a director, two managers and ten reps who own the sample data', async () => {
    const { items } = await get('/api/t/demo/users');
    const ids = items.map((u: { id: string }) => u.id);
    expect(ids).toEqual(expect.arrayContaining(['admin', 'director', 'manager1', 'manager2', ...Array.from({ length: 10 }, (_, i) => `rep${i + 1}`)]));
    expect(items.find((u: { id: string }) => u.id === 'rep3')).toMatchObject({ email: 'rep3@demo.local', manager: 'manager1', roles: ['rep'] });
    for (const who of ['director', 'manager1', 'rep1']) {
      const res = await app.inject({ method: 'POST', url: '/api/t/demo/auth/login', payload: { email: `${who}@demo.local`, password: DEMO_PASSWORD } });
      expect(res.statusCode, who).toBe(200);
    }
  });

  it('uses the template defaults as tenant settings, and is not seeded twice', async () => {
    const manifest = await get('/api/t/demo/app');
    expect(manifest.tenant).toMatchObject({ id: 'demo', locale: 'zh-CN', timeZone: 'Asia/Shanghai', currency: 'CNY' });
    expect(manifest.entities.map((e: { name: string }) => e.name)).toEqual(
      expect.arrayContaining(['lead', 'account', 'contact', 'opportunity', 'activity', 'task', 'product', 'quote', 'contract', 'payment']),
    );
    expect(manifest.forms.length).toBeGreaterThanOrEqual(10);
    expect(await seedDemoTenant(new Runtime(store))).toBeNull();
  });

  it('spreads opportunities over at least ten owners and 18 months', async () => {
    const owners = new Set<string>();
    const dates: string[] = [];
    for (let page = 1; ; page++) {
      const body = await get(`/api/t/demo/records/opportunity?pageSize=200&page=${page}&sort=closeDate`);
      for (const o of body.items) {
        owners.add(o.owner);
        dates.push(o.closeDate);
      }
      if (page * 200 >= body.total) break;
    }
    expect(owners.size).toBeGreaterThanOrEqual(10);
    const months = (Date.parse(dates.at(-1)!) - Date.parse(dates[0])) / (30 * 86_400_000);
    expect(months).toBeGreaterThanOrEqual(17);
  });

  it('answers a list query filtered by stage and owner, sorted by close date, with account titles', async () => {
    const filter = encodeURIComponent(JSON.stringify({ stage: { $in: ['proposal', 'negotiation'] }, owner: 'rep1' }));
    const body = await get(`/api/t/demo/records/opportunity?filter=${filter}&sort=closeDate&pageSize=50`);
    expect(body.total).toBeGreaterThan(0);
    for (const o of body.items) {
      expect(['proposal', 'negotiation']).toContain(o.stage);
      expect(o.owner).toBe('rep1');
      expect(body.refs.account[o.account]).toEqual(expect.any(String));
    }
    const dates = body.items.map((o: { closeDate: string }) => o.closeDate);
    expect(dates).toEqual([...dates].sort());
  });

  it('computes formulas and roll-ups of sample quotes', async () => {
    const quotes = await get('/api/t/demo/records/quote?pageSize=5');
    expect(quotes.total).toBeGreaterThan(0);
    const quote = quotes.items[0];
    const lines = await get(`/api/t/demo/records/quoteLine?pageSize=200&filter=${encodeURIComponent(JSON.stringify({ quote: quote.id }))}`);
    const sum = lines.items.reduce((s: number, l: { lineTotal: number }) => s + (l.lineTotal ?? 0), 0);
    expect(quote.subtotal).toBeCloseTo(sum, 2);
  });
});
