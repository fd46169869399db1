/** The B2B CRM demo tenant's opportunity pipeline (opportunityStage) through the API. */
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
const tokens: Record<string, string> = {};
const base = '/api/t/demo';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stagecraft-demo-pipeline-'));
  store = await openStore({ dataDir: dir });
  const runtime = new Runtime(store);
  await seedDemoTenant(runtime);
  app = await build({ runtime, templatesDir: TEMPLATES_DIR });
  for (const who of ['admin', 'director', 'manager1', 'rep1', 'rep2']) {
    const login = await app.inject({ method: 'POST', url: `${base}/auth/login`, payload: { email: `${who}@demo.local`, password: DEMO_PASSWORD } });
    tokens[who] = login.json().token;
  }
}, 300_000);

afterAll(async () => {
  await app?.close();
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

const as = (who: string, opts: { method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: unknown }) =>
  app.inject({ ...opts, payload: opts.payload as Record<string, unknown> | undefined, headers: { authorization: `Bearer ${tokens[who]}` } });

type Opp = { id: string; version: number; stage: string; amount?: number; owner: string; nextStep?: string };

async function oppsOf(who: string, stage?: string): Promise<Opp[]> {
  const filter = stage ? `&filter=${encodeURIComponent(JSON.stringify({ stage }))}` : '';
  const res = await as(who, { method: 'GET', url: `${base}/records/opportunity?pageSize=200${filter}` });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().total).toBeLessThanOrEqual(200);
  return res.json().items;
}

describe('the demo opportunity pipeline', () => {
  it('lets rep1 move one of their opportunities from proposal to negotiation', async () => {
    const [opp] = await oppsOf('rep1', 'proposal');
    expect(opp.owner).toBe('rep1');
    const before = await as('rep1', { method: 'GET', url: `${base}/records/opportunity/${opp.id}/stages` });
    expect(before.json().stays).toEqual([expect.objectContaining({ stage: 'proposal', leftAt: null })]);

    const unticked = await as('rep1', { method: 'POST', url: `${base}/records/opportunity/${opp.id}/transition`, payload: { to: 'negotiation', version: opp.version, fields: { nextStep: '确认合同条款' } } });
    expect(unticked.statusCode).toBe(422);
    expect(unticked.json().error.details.map((d: { message: string }) => d.message)).toEqual([
      expect.stringContaining('"solution"'), expect.stringContaining('"quoteSent"'),
    ]);

    const res = await as('rep1', {
      method: 'POST', url: `${base}/records/opportunity/${opp.id}/transition`,
      payload: { to: 'negotiation', version: opp.version, fields: { nextStep: '确认合同条款' }, checklist: ['solution', 'quoteSent'] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ stage: 'negotiation', probability: 70, nextStep: '确认合同条款', version: opp.version + 1 });
    const after = (await as('rep1', { method: 'GET', url: `${base}/records/opportunity/${opp.id}/stages` })).json();
    expect(after.stays.map((s: { stage: string }) => s.stage)).toEqual(['proposal', 'negotiation']);
    expect(after.stays[0]).toMatchObject({ leftBy: 'rep1', checklist: ['solution', 'quoteSent'] });
    expect(after.stays[1]).toMatchObject({ enteredBy: 'rep1', leftAt: null, slaDays: 30 });
  });

  it('refuses what the pipeline does not allow', async () => {
    const [opp] = await oppsOf('rep1', 'proposal');
    const jump = await as('rep1', { method: 'POST', url: `${base}/records/opportunity/${opp.id}/transition`, payload: { to: 'won', version: opp.version } });
    expect(jump.statusCode).toBe(403);
    expect(jump.json().error.message).toBe('no transition from proposal to won');
    const direct = await as('rep1', { method: 'PATCH', url: `${base}/records/opportunity/${opp.id}`, payload: { version: opp.version, stage: 'negotiation' } });
    expect(direct.statusCode).toBe(422);
    expect(direct.json().error.details[0].path).toBe('/stage');
    // Undoing a win is for directors and admins only.
    const [won] = await oppsOf('manager1', 'won');
    const undo = await as('manager1', { method: 'POST', url: `${base}/records/opportunity/${won.id}/transition`, payload: { to: 'negotiation', version: won.version } });
    expect(undo.statusCode).toBe(403);
    expect(undo.json().error.message).toBe('only a user with role director or admin may move it from won to negotiation');
  });

  it('starts a new opportunity in prospecting', async () => {
    const [account] = (await as('rep1', { method: 'GET', url: `${base}/records/account?pageSize=1` })).json().items;
    const created = await as('rep1', { method: 'POST', url: `${base}/records/opportunity`, payload: { name: 'Pipeline test', account: account.id, closeDate: '2026-12-01' } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ stage: 'prospecting', owner: 'rep1' });
    const won = await as('rep1', { method: 'POST', url: `${base}/records/opportunity`, payload: { name: 'Born won', account: account.id, closeDate: '2026-12-01', stage: 'won' } });
    expect(won.statusCode).toBe(422);
  });

  it('summarises the pipeline under each user\'s read scope, matching a hand computation', async () => {
    const probability: Record<string, number> = { prospecting: 10, qualification: 30, proposal: 50, negotiation: 70, won: 100, lost: 0 };
    for (const who of ['rep1', 'rep2', 'manager1']) {
      const summary = (await as(who, { method: 'GET', url: `${base}/pipelines/opportunityStage/summary` })).json();
      let total = 0;
      for (const stage of Object.keys(probability)) {
        const opps = await oppsOf(who, stage);
        total += opps.length;
        const amount = opps.reduce((s, o) => s + (o.amount ?? 0), 0);
        const row = summary.stages.find((s: { stage: string }) => s.stage === stage);
        expect([who, stage, row.count, row.amount]).toEqual([who, stage, opps.length, amount]);
        expect(row.weightedAmount).toBeCloseTo((amount * probability[stage]) / 100, 2);
      }
      expect(summary.total.count).toBe(total);
    }
    const director = (await as('director', { method: 'GET', url: `${base}/pipelines/opportunityStage/summary` })).json();
    const all = (await as('director', { method: 'GET', url: `${base}/records/opportunity?pageSize=1` })).json().total;
    expect(director.total.count).toBe(all);
  });
});
