import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
const tokens: Record<string, string> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stagecraft-reports-'));
  store = await openStore({ dataDir: dir });
  const runtime = new Runtime(store);
  await seedDemoTenant(runtime);
  app = await build({ runtime, templatesDir: TEMPLATES_DIR });
  for (const who of ['admin', 'manager1', 'rep1']) {
    tokens[who] = (await app.inject({ method: 'POST', url: '/api/t/demo/auth/login', payload: { email: `${who}@demo.local`, password: DEMO_PASSWORD } })).json().token;
  }
}, 300_000);

afterAll(async () => {
  await app?.close();
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

const get = (url: string, who: string) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens[who]}` } });

async function allOpportunities(who: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (let page = 1; ; page++) {
    const body = (await get(`/api/t/demo/records/opportunity?pageSize=200&page=${page}`, who)).json();
    out.push(...body.items);
    if (page * 200 >= body.total) return out;
  }
}

describe('reports and export under access rules', () => {
  it('sums won amount by month with the same totals as the records the user can read', async () => {
    for (const who of ['admin', 'manager1', 'rep1']) {
      const res = await get('/api/t/demo/reports/wonAmountByMonth', who);
      expect(res.statusCode, who).toBe(200);
      const { rows, columns } = res.json();
      expect(columns.map((c: { name: string }) => c.name)).toEqual(['closeDate', 'wonAmount', 'deals']);
      const won = (await allOpportunities(who)).filter((o) => o.stage === 'won');
      const expected = new Map<string, number>();
      for (const o of won) expected.set(String(o.closeDate).slice(0, 7), (expected.get(String(o.closeDate).slice(0, 7)) ?? 0) + (o.amount as number));
      expect(rows.length, who).toBe(expected.size);
      for (const row of rows) expect(row.wonAmount, `${who} ${row.closeDate}`).toBeCloseTo(expected.get(row.closeDate)!, 2);
      expect(rows.map((r: { closeDate: string }) => r.closeDate)).toEqual([...expected.keys()].sort());
    }
  });

  it('exports CSV within the export scope and refuses roles without it', async () => {
    const csv = await get('/api/t/demo/export/opportunity', 'manager1');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    const header = lines[0].replace(/^\uFEFF/, '');
    expect(header).toContain('"grossMargin"');
    const ownerIndex = header.split(',').indexOf('"owner"');
    const owners = new Set(lines.slice(1).map((l) => l.split(',')[ownerIndex]));
    for (const o of owners) expect(['"manager1"', '"rep1"', '"rep2"', '"rep3"', '"rep4"', '"rep5"']).toContain(o);
    const rep = await get('/api/t/demo/export/opportunity', 'rep1');
    expect(rep.statusCode).toBe(403);
  });

  it('answers 404 for an unknown report', async () => {
    expect((await get('/api/t/demo/reports/nothing', 'admin')).statusCode).toBe(404);
  });
});
