/**
 * Stage pipelines over the API, on the pipeline-crm fixture (deal.stage:
 * new → qualified → proposal → won, * → lost, lost → new):
 *   qualify  new → qualified       owner or manager; leaving `new` needs checklist item `intro`
 *   propose  qualified → proposal  owner only; requires amount, nextStep
 *   win      proposal → won        manager or role admin; requires closedAt; condition amount > 0
 *   lose     * → lost              anyone who may update the deal
 *   reopen   lost → new            role manager
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness, Person } from '../helpers/apiHarness.js';
import { startPipelineHarness, TENANT } from './harness.js';
import { STAGE_HISTORY_COLLECTION } from '../../runtime/pipelines/stageHistory.js';

let h: Harness;
const base = `/api/t/${TENANT}`;

beforeAll(async () => {
  h = await startPipelineHarness();
}, 60_000);
afterAll(async () => {
  await h?.close();
});

type Rec = Record<string, unknown> & { id: string; version: number };

async function create(as: Person, body: Record<string, unknown>): Promise<Rec> {
  const res = await h.inject({ method: 'POST', url: `${base}/records/deal`, payload: { company: 'co-1', ...body } }, as);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const read = async (id: string, as: Person = 'admin'): Promise<Rec> => (await h.inject({ method: 'GET', url: `${base}/records/deal/${id}` }, as)).json();
const move = (as: Person, id: string, payload: Record<string, unknown>) =>
  h.inject({ method: 'POST', url: `${base}/records/deal/${id}/transition`, payload }, as);
const stays = async (id: string, as: Person = 'admin') => {
  const res = await h.inject({ method: 'GET', url: `${base}/records/deal/${id}/stages` }, as);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().stays as Record<string, unknown>[];
};

/** A deal of rep1 moved on to `stage` by the people allowed to. */
async function dealIn(stage: 'new' | 'qualified' | 'proposal', extra: Record<string, unknown> = {}): Promise<Rec> {
  let deal = await create('rep1', { title: `Deal in ${stage}`, ...extra });
  if (stage === 'new') return deal;
  let res = await move('rep1', deal.id, { to: 'qualified', version: deal.version, checklist: ['intro'] });
  expect(res.statusCode, res.body).toBe(200);
  deal = res.json();
  if (stage === 'qualified') return deal;
  res = await move('rep1', deal.id, { to: 'proposal', version: deal.version, fields: { amount: 1000, nextStep: 'send offer' } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('the stage changes only through a transition', () => {
  it('starts a new record in the initial stage and opens its first stay', async () => {
    const deal = await create('rep1', { title: 'Starts new' });
    expect(deal).toMatchObject({ stage: 'new', owner: 'rep1', version: 1 });
    const history = await stays(deal.id, 'rep1');
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ stage: 'new', enteredBy: 'rep1', leftAt: null, slaDays: 7, overdue: false });
  });

  it('refuses a create in another stage, pointing at the field', async () => {
    const res = await h.inject({ method: 'POST', url: `${base}/records/deal`, payload: { title: 'Born won', company: 'co-1', stage: 'won', amount: 5 } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([expect.objectContaining({ path: '/stage', message: expect.stringContaining('transition') })]);
  });

  it('refuses a PATCH that changes the stage, and keeps other edits working', async () => {
    const deal = await create('rep1', { title: 'Patch me' });
    const direct = await h.inject({ method: 'PATCH', url: `${base}/records/deal/${deal.id}`, payload: { version: 1, stage: 'qualified' } }, 'rep1');
    expect(direct.statusCode).toBe(422);
    expect(direct.json().error.details).toEqual([expect.objectContaining({ path: '/stage', message: expect.stringContaining('use a transition') })]);
    const admin = await h.inject({ method: 'PATCH', url: `${base}/records/deal/${deal.id}`, payload: { version: 1, stage: 'lost', title: 'x' } });
    expect(admin.statusCode).toBe(422);
    const same = await h.inject({ method: 'PATCH', url: `${base}/records/deal/${deal.id}`, payload: { version: 1, stage: 'new', title: 'Patched' } }, 'rep1');
    expect(same.statusCode, same.body).toBe(200);
    expect(await read(deal.id)).toMatchObject({ stage: 'new', title: 'Patched', version: 2 });
  });
});

describe('taking a transition', () => {
  it('moves the record, sets the stage probability (read-only to reps), records history and audit', async () => {
    const deal = await create('rep1', { title: 'Qualify me' });
    const res = await move('rep1', deal.id, { to: 'qualified', version: 1, checklist: ['intro', 'notes'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ stage: 'qualified', probability: 30, version: 2, updatedBy: 'rep1' });
    expect(await read(deal.id)).toMatchObject({ stage: 'qualified', probability: 30, version: 2 });

    const history = await stays(deal.id, 'rep1');
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ stage: 'new', enteredBy: 'rep1', leftBy: 'rep1', checklist: ['intro', 'notes'] });
    expect(history[0].leftAt).toEqual(expect.any(String));
    expect(history[0].durationMs).toBeGreaterThanOrEqual(0);
    expect(history[0].durationMs).toBe(Date.parse(history[0].leftAt as string) - Date.parse(history[0].enteredAt as string));
    expect(history[1]).toMatchObject({ stage: 'qualified', enteredBy: 'rep1', leftAt: null, leftBy: null, overdue: false });

    const audit = (await h.inject({ method: 'GET', url: `${base}/records/deal/${deal.id}/history` })).json();
    const entries = (audit.items ?? audit) as { action: string; user: string; changes: { field: string; from: unknown; to: unknown }[] }[];
    const transition = entries.find((e) => e.action === 'transition');
    expect(transition).toMatchObject({ user: 'rep1' });
    expect(transition!.changes).toEqual(expect.arrayContaining([{ field: 'stage', from: 'new', to: 'qualified' }, { field: 'probability', from: 10, to: 30 }]));
  });

  it('refuses a transition that does not exist with 403 and the reason', async () => {
    const deal = await create('rep1', { title: 'Jump' });
    const res = await move('admin', deal.id, { to: 'won', version: 1 });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('no transition from new to won');
    const proposal = await dealIn('proposal');
    const back = await move('rep1', proposal.id, { to: 'new', version: proposal.version });
    expect(back.statusCode).toBe(403);
    expect(back.json().error.message).toBe('no transition from proposal to new');
  });

  it('refuses an unknown stage, a move to the current stage and a malformed body', async () => {
    const deal = await create('rep1', { title: 'Odd requests' });
    expect((await move('rep1', deal.id, { to: 'heaven', version: 1 })).statusCode).toBe(422);
    expect((await move('rep1', deal.id, { to: 'new', version: 1 })).statusCode).toBe(409);
    const bad = await move('rep1', deal.id, { to: 'qualified' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([expect.objectContaining({ path: '/version' })]);
    const setsStage = await move('rep1', deal.id, { to: 'lost', version: 1, fields: { stage: 'won' } });
    expect(setsStage.statusCode).toBe(422);
    expect((await read(deal.id)).version).toBe(1);
  });

  it('needs the required checklist items of the stage being left', async () => {
    const deal = await create('rep1', { title: 'Checklist' });
    const res = await move('rep1', deal.id, { to: 'qualified', version: 1, checklist: ['notes'] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'CHECKLIST_INCOMPLETE', details: [{ path: '/checklist', message: expect.stringContaining('"intro"') }] });
    const unknown = await move('rep1', deal.id, { to: 'qualified', version: 1, checklist: ['intro', 'nope'] });
    expect(unknown.statusCode).toBe(422);
    expect(await read(deal.id)).toMatchObject({ stage: 'new', version: 1 });
    expect(await stays(deal.id)).toHaveLength(1);
    // Giving up does not wait for the checklist.
    expect((await move('rep1', deal.id, { to: 'lost', version: 1 })).statusCode).toBe(200);
  });

  it('lists each missing required field as /fields/<name>, and takes them from `fields`', async () => {
    const deal = await dealIn('qualified');
    const res = await move('rep1', deal.id, { to: 'proposal', version: deal.version, fields: { nextStep: '   ' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([
      { path: '/fields/amount', message: 'is required for this transition' },
      { path: '/fields/nextStep', message: 'is required for this transition' },
    ]);
    expect(await read(deal.id)).toMatchObject({ stage: 'qualified', version: deal.version });
    const ok = await move('rep1', deal.id, { to: 'proposal', version: deal.version, fields: { amount: 2500, nextStep: 'demo' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await read(deal.id)).toMatchObject({ stage: 'proposal', probability: 60, amount: 2500, nextStep: 'demo', weighted: 1500, version: deal.version + 1 });
  });

  it('checks the entry condition on the record merged with `fields`', async () => {
    const deal = await dealIn('proposal');
    const zero = await move('mgr', deal.id, { to: 'won', version: deal.version, fields: { amount: 0, closedAt: '2026-01-05T10:00:00.000Z' } });
    expect(zero.statusCode).toBe(422);
    expect(zero.json().error.code).toBe('TRANSITION_CONDITION');
    expect(await read(deal.id)).toMatchObject({ stage: 'proposal', amount: 1000, version: deal.version });
    expect((await read(deal.id)).closedAt).toBeUndefined();
    const won = await move('mgr', deal.id, { to: 'won', version: deal.version, fields: { closedAt: '2026-01-05T10:00:00.000Z' } });
    expect(won.statusCode, won.body).toBe(200);
    expect(await read(deal.id)).toMatchObject({ stage: 'won', probability: 100, amount: 1000, closedAt: '2026-01-05T10:00:00.000Z' });
  });

  it('applies the who-may rules: owner, manager above the owner, roles, anyone who may update', async () => {
    // qualify: owner or manager
    const a = await create('rep1', { title: 'Rules A' });
    const byAdmin = await move('admin', a.id, { to: 'qualified', version: 1, checklist: ['intro'] });
    expect(byAdmin.statusCode).toBe(403);
    expect(byAdmin.json().error.message).toBe("only the record's owner, or a manager above the owner may move it from new to qualified");
    expect((await move('rep2', a.id, { to: 'qualified', version: 1, checklist: ['intro'] })).statusCode).toBe(404); // cannot even see it
    expect((await move('mgr2', a.id, { to: 'qualified', version: 1, checklist: ['intro'] })).statusCode).toBe(404);
    const byMgr = await move('mgr', a.id, { to: 'qualified', version: 1, checklist: ['intro'] });
    expect(byMgr.statusCode, byMgr.body).toBe(200);
    expect((await stays(a.id)).at(-1)).toMatchObject({ stage: 'qualified', enteredBy: 'mgr' });

    // propose: owner only — the manager may not
    const mgrPropose = await move('mgr', a.id, { to: 'proposal', version: 2, fields: { amount: 10, nextStep: 'x' } });
    expect(mgrPropose.statusCode).toBe(403);
    expect(mgrPropose.json().error.message).toContain("only the record's owner");

    // win: manager or role admin — not the owner (a rep)
    const b = await dealIn('proposal', { title: 'Rules B', closedAt: '2026-02-01T00:00:00.000Z' });
    const repWin = await move('rep1', b.id, { to: 'won', version: b.version });
    expect(repWin.statusCode).toBe(403);
    expect(repWin.json().error.message).toContain('role admin');
    const adminWin = await move('admin', b.id, { to: 'won', version: b.version });
    expect(adminWin.statusCode, adminWin.body).toBe(200);

    // lose: anyone who may update; reopen: role manager
    const c = await create('rep1', { title: 'Rules C' });
    const lost = await move('rep1', c.id, { to: 'lost', version: 1 });
    expect(lost.statusCode, lost.body).toBe(200);
    expect(lost.json()).toMatchObject({ stage: 'lost', probability: 0 });
    const repReopen = await move('rep1', c.id, { to: 'new', version: 2 });
    expect(repReopen.statusCode).toBe(403);
    expect(repReopen.json().error.message).toBe('only a user with role manager may move it from lost to new');
    expect((await move('mgr', c.id, { to: 'new', version: 2 })).statusCode).toBe(200);
    expect((await stays(c.id)).map((s) => s.stage)).toEqual(['new', 'lost', 'new']);
  });

  it('needs update access: a won deal is read-only for its rep (403)', async () => {
    const deal = await dealIn('proposal', { title: 'Locked', closedAt: '2026-02-01T00:00:00.000Z' });
    const won = await move('mgr', deal.id, { to: 'won', version: deal.version });
    expect(won.statusCode, won.body).toBe(200);
    const res = await move('rep1', deal.id, { to: 'lost', version: won.json().version });
    expect(res.statusCode).toBe(403);
  });

  it('refuses a stale version with 409 and writes nothing', async () => {
    const deal = await create('rep1', { title: 'Stale' });
    const edit = await h.inject({ method: 'PATCH', url: `${base}/records/deal/${deal.id}`, payload: { version: 1, title: 'Edited meanwhile' } }, 'rep1');
    expect(edit.statusCode).toBe(200);
    const res = await move('rep1', deal.id, { to: 'qualified', version: 1, checklist: ['intro'] });
    expect(res.statusCode).toBe(409);
    expect(await read(deal.id)).toMatchObject({ stage: 'new', version: 2, title: 'Edited meanwhile' });
    expect(await stays(deal.id)).toHaveLength(1);
  });

  it('writes nothing when the save pipeline refuses the given fields (paths point into fields)', async () => {
    const deal = await dealIn('qualified');
    const res = await move('rep1', deal.id, { to: 'proposal', version: deal.version, fields: { amount: -5, nextStep: 'x' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([expect.objectContaining({ path: '/fields/amount' })]);
    const unknown = await move('rep1', deal.id, { to: 'proposal', version: deal.version, fields: { amount: 5, nextStep: 'x', colour: 'red' } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.details).toEqual([expect.objectContaining({ path: '/fields/colour' })]);
    const after = await read(deal.id);
    expect(after).toMatchObject({ stage: 'qualified', version: deal.version, probability: 30 });
    expect(after.amount).toBeUndefined();
    expect(after.nextStep).toBeUndefined();
    expect((await stays(deal.id)).map((s) => s.stage)).toEqual(['new', 'qualified']);
  });

  it('marks an open stay overdue once it exceeds the stage SLA', async () => {
    const deal = await create('rep1', { title: 'Overdue' });
    const history = h.store.tenant(TENANT).collection(STAGE_HISTORY_COLLECTION);
    await history.updateOne({ entity: 'deal', recordId: deal.id, leftAt: null }, { $set: { enteredAt: new Date(Date.now() - 8 * 24 * 3600 * 1000) } });
    const [stay] = await stays(deal.id, 'rep1');
    expect(stay).toMatchObject({ stage: 'new', slaDays: 7, overdue: true });
    expect(stay.durationMs as number).toBeGreaterThan(7 * 24 * 3600 * 1000);
    // The stage history is read like the record: others get 404.
    expect((await h.inject({ method: 'GET', url: `${base}/records/deal/${deal.id}/stages` }, 'rep2')).statusCode).toBe(404);
  });
});

describe('the pipeline summary', () => {
  it('sums count, amount and weighted amount per stage under the user\'s read scope', async () => {
    // rep3's deals exist only here: 1000 in new, 3000 in qualified, 500 lost.
    const a = await create('admin', { title: 'S1', owner: 'rep3', amount: 1000 });
    const b = await create('admin', { title: 'S2', owner: 'rep3', amount: 3000 });
    const c = await create('admin', { title: 'S3', owner: 'rep3', amount: 500 });
    expect((await move('rep3', b.id, { to: 'qualified', version: 1, checklist: ['intro'] })).statusCode).toBe(200);
    expect((await move('rep3', c.id, { to: 'lost', version: 1 })).statusCode).toBe(200);
    expect(a.stage).toBe('new');

    const res = await h.inject({ method: 'GET', url: `${base}/pipelines/dealStage/summary` }, 'rep3');
    expect(res.statusCode, res.body).toBe(200);
    const summary = res.json();
    expect(summary).toMatchObject({ pipeline: 'dealStage', entity: 'deal', field: 'stage', amountField: 'amount' });
    expect(summary.stages).toEqual([
      expect.objectContaining({ stage: 'new', count: 1, amount: 1000, weightedAmount: 100, probability: 10, forecastCategory: 'pipeline' }),
      expect.objectContaining({ stage: 'qualified', count: 1, amount: 3000, weightedAmount: 900, forecastCategory: 'pipeline' }),
      expect.objectContaining({ stage: 'proposal', count: 0, amount: 0, weightedAmount: 0, forecastCategory: 'bestCase' }),
      expect.objectContaining({ stage: 'won', count: 0, amount: 0, weightedAmount: 0, forecastCategory: 'closed' }),
      expect.objectContaining({ stage: 'lost', count: 1, amount: 500, weightedAmount: 0, forecastCategory: 'omitted' }),
    ]);
    expect(summary.total).toEqual({ count: 3, amount: 4500, weightedAmount: 1000 });
    expect(summary.forecast.pipeline).toEqual({ count: 2, amount: 4000, weightedAmount: 1000 });
  });

  it('matches a hand computation over the records each user may read', async () => {
    const probability: Record<string, number> = { new: 10, qualified: 30, proposal: 60, won: 100, lost: 0 };
    for (const who of ['admin', 'mgr', 'rep1', 'mgr2'] as const) {
      const list = (await h.inject({ method: 'GET', url: `${base}/records/deal?pageSize=200` }, who)).json();
      expect(list.total).toBeLessThanOrEqual(200);
      const expected = new Map<string, { count: number; amount: number; weighted: number }>();
      for (const d of list.items as { stage: string; amount?: number }[]) {
        const e = expected.get(d.stage) ?? { count: 0, amount: 0, weighted: 0 };
        e.count += 1;
        e.amount += d.amount ?? 0;
        e.weighted += ((d.amount ?? 0) * probability[d.stage]) / 100;
        expected.set(d.stage, e);
      }
      const summary = (await h.inject({ method: 'GET', url: `${base}/pipelines/dealStage/summary` }, who)).json();
      for (const s of summary.stages as { stage: string; count: number; amount: number; weightedAmount: number }[]) {
        const e = expected.get(s.stage) ?? { count: 0, amount: 0, weighted: 0 };
        expect([who, s.stage, s.count, s.amount, s.weightedAmount]).toEqual([who, s.stage, e.count, e.amount, e.weighted]);
      }
      expect(summary.total.count).toBe(list.total);
    }
  });

  it('answers 404 for an unknown pipeline', async () => {
    expect((await h.inject({ method: 'GET', url: `${base}/pipelines/nope/summary` })).statusCode).toBe(404);
  });
});
