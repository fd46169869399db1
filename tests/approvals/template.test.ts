/**
 * The b2b-crm template's quoteDiscount approval on the real template: a quote
 * with a discount above 15% (or a total above 500,000) needs the owner's
 * manager; above 2,000,000 also a director. Harness people: mgr ← rep1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { startHarness, TEMPLATES_DIR, type Harness, type Person } from '../helpers/apiHarness.js';

const base = '/api/t/acme';
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ template: resolve(TEMPLATES_DIR, 'b2b-crm'), sampleData: false });
  const director = await h.inject({ method: 'POST', url: `${base}/users`, payload: { id: 'dir', email: 'dir@acme.test', name: 'DIR', password: 'correct horse battery', roles: ['director'], department: 'sales' } });
  expect(director.statusCode, director.body).toBe(201);
}, 60_000);
afterAll(async () => {
  await h?.close();
});

async function create(as: Person, entity: string, payload: Record<string, unknown>): Promise<Record<string, any>> {
  const res = await h.inject({ method: 'POST', url: `${base}/records/${entity}`, payload }, as);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function quote(discount: number, lineAmount = 0): Promise<Record<string, any>> {
  const account = await create('rep1', 'account', { name: `Account ${discount}/${lineAmount}` });
  const opportunity = await create('rep1', 'opportunity', { name: 'Opportunity', account: account.id, closeDate: '2030-01-31' });
  const q = await create('rep1', 'quote', { name: `Quote ${discount}/${lineAmount}`, opportunity: opportunity.id, account: account.id, discount });
  if (lineAmount) await create('rep1', 'quoteLine', { quote: q.id, quantity: 1, unitPrice: lineAmount, discount: 0 });
  return q;
}

const submit = (id: string) => h.inject({ method: 'POST', url: `${base}/records/quote/${id}/approvals`, payload: { approval: 'quoteDiscount' } }, 'rep1');
const answer = async (as: Person, id: string) => {
  const res = await h.inject({ method: 'POST', url: `${base}/approvals/${id}/approve`, payload: {} }, as);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const readQuote = async (id: string) => (await h.inject({ method: 'GET', url: `${base}/records/quote/${id}` })).json();

describe('quoteDiscount', () => {
  it('a 20% discount needs only the owner\'s manager; the director step is skipped and the quote approved', async () => {
    const q = await quote(20);
    const res = await submit(q.id);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().steps[0].approvers).toEqual([{ id: 'mgr', name: 'MGR' }]);
    const done = await answer('mgr', res.json().id);
    expect(done.state).toBe('approved');
    expect(done.steps[1].skipped).toBe(true);
    expect(await readQuote(q.id)).toMatchObject({ status: 'approved' });
  });

  it('a total above 2,000,000 also needs the director', async () => {
    const q = await quote(0, 2_500_000);
    const res = await submit(q.id);
    expect(res.statusCode, res.body).toBe(201);
    const next = await answer('mgr', res.json().id);
    expect(next).toMatchObject({ state: 'pending', currentStep: 1 });
    expect(next.steps[1].approvers).toEqual([{ id: 'dir', name: 'DIR' }]);
    const inbox = await h.inject({ method: 'GET', url: `${base}/approvals/inbox`, headers: { authorization: `Bearer ${await token('dir@acme.test')}` } });
    expect(inbox.json().items.map((i: { id: string }) => i.id)).toEqual([next.id]);
  });

  it('a small quote does not meet the entry criteria; one set to pendingApproval (the workflow path) does', async () => {
    const small = await quote(10);
    const refused = await submit(small.id);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.map((d: { path: string }) => d.path)).toEqual(['/entryCriteria/all/0/any/0', '/entryCriteria/all/0/any/1']);

    const big = await quote(30);
    const patched = await h.inject({ method: 'PATCH', url: `${base}/records/quote/${big.id}`, payload: { version: big.version, status: 'pendingApproval' } }, 'rep1');
    expect(patched.statusCode, patched.body).toBe(200);
    // Once after-save workflows run, the template's quoteDiscountApproval workflow has submitted it already.
    const pending = async () => (await h.inject({ method: 'GET', url: `${base}/records/quote/${big.id}/approvals` }, 'rep1')).json().items.filter((i: { state: string }) => i.state === 'pending');
    if ((await pending()).length === 0) expect((await submit(big.id)).statusCode).toBe(201);
    expect((await pending()).map((i: { approval: string }) => i.approval)).toEqual(['quoteDiscount']);
  });
});

async function token(email: string): Promise<string> {
  const res = await h.app.inject({ method: 'POST', url: `${base}/auth/login`, payload: { email, password: 'correct horse battery' } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().token;
}
