/**
 * The B2B CRM template's automations on the demo tenant, as its people meet
 * them: leads assigned round-robin within the region's team, the "prepare
 * quote" task on entering 方案报价, quote approvals by the owner's manager and
 * (above 2,000,000) the director, auto-approval below the thresholds, a draft
 * contract on a won deal, the welcome e-mail, and the 7-day idle follow-up.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../runtime/store/open.js';
import type { Store, TenantStore } from '../../runtime/store/port.js';
import { Runtime } from '../../runtime/runtime.js';
import { DEMO_PASSWORD } from '../../runtime/templates/demoUsers.js';
import { build } from '../../server/app.js';
import { DEMO_TENANT, seedDemoTenant, TEMPLATES_DIR } from '../../server/start.js';

let dir: string;
let store: Store;
let runtime: Runtime;
let app: FastifyInstance;
const tokens = new Map<string, string>();
const base = `/api/t/${DEMO_TENANT}`;
const tenant = (): TenantStore => store.tenant(DEMO_TENANT);

async function as(user: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) {
  if (!tokens.has(user)) {
    const login = await app.inject({ method: 'POST', url: `${base}/auth/login`, payload: { email: `${user}@demo.local`, password: DEMO_PASSWORD } });
    expect(login.statusCode, login.body).toBe(200);
    tokens.set(user, login.json().token);
  }
  return app.inject({ method, url: `${base}${url}`, payload: payload as never, headers: { authorization: `Bearer ${tokens.get(user)}` } });
}

async function ok(res: Awaited<ReturnType<typeof as>>, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stagecraft-b2b-wf-'));
  store = await openStore({ dataDir: dir });
  runtime = new Runtime(store);
  await seedDemoTenant(runtime);
  app = await build({ runtime, templatesDir: TEMPLATES_DIR });
}, 300_000);
afterAll(async () => {
  await app?.close();
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

async function openOpportunity(owner: string, stage: string): Promise<Record<string, unknown>> {
  const doc = await tenant().collection('records.opportunity').findOne({ owner, stage }, { sort: { _id: 1 } });
  expect(doc, `a ${stage} opportunity of ${owner}`).not.toBeNull();
  return ok(await as(owner, 'GET', `/records/opportunity/${String(doc!._id)}`));
}

describe('new leads', () => {
  it('go round-robin to the reps of the region\'s team when an admin enters them; a rep keeps their own', async () => {
    const owners: string[] = [];
    for (let i = 0; i < 3; i++) {
      const lead = await ok(await as('admin', 'POST', '/records/lead', { name: `线索 ${i}`, company: `公司 ${i}`, region: 'eastChina', status: 'new' }), 201);
      owners.push(String((await tenant().collection('records.lead').findOne({ _id: lead.id }))!.owner));
    }
    const team1 = ['rep1', 'rep2', 'rep3', 'rep4', 'rep5'];
    const i = team1.indexOf(owners[0]!);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(owners).toEqual([team1[i], team1[(i + 1) % 5], team1[(i + 2) % 5]]);
    const south = await ok(await as('admin', 'POST', '/records/lead', { name: '华南线索', company: '华南公司', region: 'southChina', status: 'new' }), 201);
    expect(['rep6', 'rep7', 'rep8', 'rep9', 'rep10']).toContain((await tenant().collection('records.lead').findOne({ _id: south.id }))!.owner);
    const own = await ok(await as('rep7', 'POST', '/records/lead', { name: '自己的线索', company: '某公司', region: 'eastChina', status: 'new' }), 201);
    expect((await tenant().collection('records.lead').findOne({ _id: own.id }))!.owner).toBe('rep7');
  });
});

describe('entering 方案报价', () => {
  it('creates a high-priority "prepare quote" task for the owner, linked to the deal and account', async () => {
    const opp = await openOpportunity('rep1', 'qualification');
    await ok(await as('rep1', 'POST', `/records/opportunity/${String(opp.id)}/transition`, { to: 'proposal', version: opp.version, fields: { amount: 300000 }, checklist: ['budget', 'decisionMakers'] }));
    const tasks = await tenant().collection('records.task').find({ relatedOpportunity: opp.id });
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ owner: 'rep1', priority: 'high', status: 'notStarted', relatedAccount: opp.account });
    expect(tasks[0]!.subject).toContain(String(opp.name));
  });
});

describe('quote approvals', () => {
  async function quote(discount: number, lineTotal: number): Promise<Record<string, unknown>> {
    const opp = await openOpportunity('rep2', 'negotiation');
    const q = await ok(await as('rep2', 'POST', '/records/quote', { name: `报价 ${discount}/${lineTotal}`, opportunity: opp.id, account: opp.account, status: 'draft', discount }), 201);
    await ok(await as('rep2', 'POST', '/records/quoteLine', { quote: q.id, quantity: 1, unitPrice: lineTotal }), 201);
    const fresh = await ok(await as('rep2', 'GET', `/records/quote/${String(q.id)}`));
    return ok(await as('rep2', 'PATCH', `/records/quote/${String(q.id)}`, { status: 'pendingApproval', version: fresh.version }));
  }
  const status = async (id: unknown) => (await tenant().collection('records.quote').findOne({ _id: id }))!.status;

  it('over 15% discount: the owner\'s manager approves from the inbox and the quote is approved', async () => {
    const q = await quote(20, 100000);
    const inbox = await ok(await as('manager1', 'GET', '/approvals/inbox'));
    const item = inbox.items.find((i: { recordId: string }) => i.recordId === q.id);
    expect(item).toMatchObject({ approval: 'quoteDiscount', entity: 'quote', submittedBy: 'rep2', step: { name: 'manager' } });
    expect((await ok(await as('manager2', 'GET', '/approvals/inbox'))).items.some((i: { recordId: string }) => i.recordId === q.id)).toBe(false);
    const locked = await as('rep2', 'PATCH', `/records/quote/${String(q.id)}`, { discount: 10, version: q.version });
    expect(locked.statusCode).toBe(409);
    await ok(await as('manager1', 'POST', `/approvals/${String(item.id)}/approve`, { comment: '同意' }));
    expect(await status(q.id)).toBe('approved');
  });

  it('over 2,000,000: the director approves after the manager', async () => {
    const q = await quote(5, 3000000);
    const item = (await ok(await as('manager1', 'GET', '/approvals/inbox'))).items.find((i: { recordId: string }) => i.recordId === q.id);
    await ok(await as('manager1', 'POST', `/approvals/${String(item.id)}/approve`, {}));
    expect(await status(q.id)).toBe('pendingApproval');
    const directorItem = (await ok(await as('director', 'GET', '/approvals/inbox'))).items.find((i: { recordId: string }) => i.recordId === q.id);
    expect(directorItem.step.name).toBe('director');
    await ok(await as('director', 'POST', `/approvals/${String(directorItem.id)}/approve`, {}));
    expect(await status(q.id)).toBe('approved');
  });

  it('below both thresholds the quote is approved at once', async () => {
    const q = await quote(5, 1000);
    expect(await status(q.id)).toBe('approved');
    expect((await ok(await as('rep2', 'GET', `/records/quote/${String(q.id)}/approvals`))).items).toEqual([]);
  });
});

describe('won deals and new contacts', () => {
  it('a won opportunity gets a draft contract with its account and amount', async () => {
    const opp = await openOpportunity('rep3', 'negotiation');
    await ok(await as('rep3', 'POST', `/records/opportunity/${String(opp.id)}/transition`, { to: 'won', version: opp.version, fields: { amount: opp.amount ?? 88000 }, checklist: ['terms', 'paymentTerms'] }));
    const contracts = await tenant().collection('records.contract').find({ opportunity: opp.id });
    expect(contracts).toHaveLength(1);
    expect(contracts[0]).toMatchObject({ status: 'draft', account: opp.account, owner: 'rep3', amount: opp.amount ?? 88000 });
  });

  it('a new contact with an e-mail gets the welcome e-mail from the owner', async () => {
    const account = await tenant().collection('records.account').findOne({ owner: 'rep4' });
    const contact = await ok(await as('rep4', 'POST', '/records/contact', { name: '陈小姐', account: account!._id, email: 'chen@example.cn' }), 201);
    const mail = await tenant().collection('_outbox').findOne({ 'source.recordId': contact.id });
    expect(mail).toMatchObject({ to: ['chen@example.cn'], subject: '欢迎 / Welcome, 陈小姐' });
    expect(mail!.text).toContain('rep4@demo.local');
  });
});

describe('idle opportunities', () => {
  it('after 7 quiet days get a follow-up task and the owner a notification', async () => {
    const account = await tenant().collection('records.account').findOne({ owner: 'rep5' });
    const opp = await ok(await as('rep5', 'POST', '/records/opportunity', { name: '安静的商机', account: account!._id, amount: 50000, closeDate: '2030-06-30' }), 201);
    const job = await tenant().collection('_jobs').findOne({ key: `idle:idleOpportunityAlert:${String(opp.id)}`, state: 'pending' });
    const at = new Date((job!.dueAt as Date).getTime() + 60_000);
    await runtime.scheduler({}, { clock: () => at }).runDue(at);
    const tasks = await tenant().collection('records.task').find({ relatedOpportunity: opp.id });
    expect(tasks.map((t) => t.subject)).toEqual(['跟进商机「安静的商机」（7 天未更新）']);
    const notes = await tenant().collection('_notifications').find({ recordId: opp.id, user: 'rep5' });
    expect(notes).toHaveLength(1);
  });
});
