/**
 * Runs you can trust: the loop guard, failures that never break the save and
 * can be retried, dry runs without side effects, manual buttons, assignment
 * rules (round-robin, least loaded, fallback) and publish-time refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../helpers/apiHarness.js';
import { createDeal, notificationsOf, patch, publishWith, runsOf, startWorkflowHarness, tasksOf, TENANT, workflow } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startWorkflowHarness();
  await publishWith(h, [
    // Every company created makes another: only the loop guard ends this chain.
    workflow('companyChain', {
      entity: 'company', maxDepth: 3,
      trigger: { type: 'recordCreated' },
      conditions: { fact: 'name', operator: 'notEqual', value: 'root-free' },
      actions: [{ type: 'createRecord', entity: 'company', templates: { name: '{{name}}+' } }],
    }),
    // Fails while the deal has no next step (the task title would be empty, and title is required).
    workflow('taskFromNextStep', {
      trigger: { type: 'fieldChanged', field: 'amount' },
      actions: [
        { type: 'notify', to: { type: 'owner' }, message: { 'zh-CN': '金额变了', en: 'amount changed' } },
        { type: 'createRecord', entity: 'task', templates: { title: '{{nextStep}}' } },
        { type: 'notify', to: { type: 'owner' }, message: { 'zh-CN': '已建任务', en: 'task created' } },
      ],
    }),
    workflow('escalate', {
      trigger: { type: 'manual', buttonLabel: { 'zh-CN': '升级', en: 'Escalate' } },
      actions: [{ type: 'notify', to: { type: 'ownerManager' }, message: { 'zh-CN': '请关注 {{title}}', en: 'Please look at {{title}}' } }],
    }),
    workflow('assignDeals', {
      trigger: { type: 'fieldChanged', field: 'nextStep', to: 'reassign' },
      actions: [{
        type: 'assignOwner',
        rules: [
          { when: { fact: 'amount', operator: 'greaterThan', value: 1000000 }, assignTo: { type: 'user', user: 'mgr' } },
          { when: { fact: 'amount', operator: 'greaterThan', value: 1000 }, assignTo: { type: 'roundRobin', role: 'rep', team: 'east' } },
          { when: { fact: 'amount', operator: 'greaterThan', value: 10 }, assignTo: { type: 'leastLoaded', role: 'rep' } },
          { when: { fact: 'amount', operator: 'equal', value: 7 }, assignTo: { type: 'roundRobin', role: 'manager', team: 'noSuchTeam' } },
        ],
        fallbackUser: 'mgr2@acme.test',
      }],
    }),
  ]);
});
afterAll(() => h.close());

describe('loop guard', () => {
  it('stops a workflow that keeps triggering itself at its depth limit and says so', async () => {
    const res = await h.inject({ method: 'POST', url: `/api/t/${TENANT}/records/company`, payload: { name: 'loop' } });
    expect(res.statusCode, res.body).toBe(201);
    const companies = await h.store.tenant(TENANT).collection('records.company').find({ name: { $regex: '^loop' } });
    expect(companies.map((c) => c.name).sort()).toEqual(['loop', 'loop+', 'loop++', 'loop+++']);
    const runs = await runsOf(h, { workflow: 'companyChain' });
    const stopped = runs.filter((r) => r.status === 'loopStopped');
    expect(stopped).toHaveLength(1);
    expect(stopped[0]).toMatchObject({ depth: 3, actions: [] });
    expect(stopped[0]!.message).toMatch(/limit 3/);
  });
});

describe('failures and retry', () => {
  it('keeps the save, records the failed action, skips the rest, and retries from the failed action', async () => {
    const deal = await createDeal(h, 'rep1', { title: 'Fragile' });
    const saved = await patch(h, 'rep1', 'deal', deal, { amount: 5 });
    expect(saved.amount).toBe(5); // the save stands
    const [run] = await runsOf(h, { workflow: 'taskFromNextStep', recordId: String(deal.id) });
    expect(run!.status).toBe('failed');
    expect(run!.actions.map((a) => a.status)).toEqual(['done', 'failed', 'skipped']);
    expect(run!.actions[1]!.error).toMatch(/title/);
    expect(await tasksOf(h, String(deal.id))).toHaveLength(0);

    // Retry by a non-admin is refused; after the data is fixed an admin's retry completes from action 2.
    const refused = await h.inject({ method: 'POST', url: `/api/t/${TENANT}/workflows/runs/${run!.id}/retry` }, 'rep1');
    expect(refused.statusCode).toBe(403);
    await h.store.tenant(TENANT).collection('records.deal').updateOne({ _id: deal.id }, { $set: { nextStep: 'Call back' } });
    const retried = await h.inject({ method: 'POST', url: `/api/t/${TENANT}/workflows/runs/${run!.id}/retry` });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json().run).toMatchObject({ status: 'done', retryOf: run!.id });
    expect(retried.json().run.actions.map((a: { status: string }) => a.status)).toEqual(['done', 'done', 'done']);
    expect((await tasksOf(h, String(deal.id))).map((t) => t.title)).toEqual(['Call back']);
    const notes = (await notificationsOf(h, 'rep1')).filter((n) => n.recordId === deal.id).map((n) => (n.message as { en: string }).en);
    expect(notes).toEqual(['amount changed', 'task created']); // the first notification was not sent twice
    const again = await h.inject({ method: 'POST', url: `/api/t/${TENANT}/workflows/runs/${run!.id}/retry` });
    expect(again.statusCode).toBe(409);
  });
});

describe('dry run', () => {
  it('returns the trace and what each action would do, and writes nothing', async () => {
    const deal = await createDeal(h, 'rep1', { title: 'Dry', nextStep: 'Meet' });
    const runsBefore = (await runsOf(h, { limit: '500' })).length;
    const tasksBefore = await h.store.tenant(TENANT).collection('records.task').count({});
    const res = await h.inject({ method: 'POST', url: `/api/t/${TENANT}/workflows/taskFromNextStep/dry-run`, payload: { recordId: deal.id, previous: { amount: 1 } } });
    expect(res.statusCode, res.body).toBe(200);
    const run = res.json().run;
    expect(run).toMatchObject({ dryRun: true, matched: true, status: 'done' });
    expect(run.actions).toMatchObject([
      { type: 'notify', status: 'planned', detail: { recipients: ['rep1'], message: { en: 'amount changed' } } },
      { type: 'createRecord', status: 'planned', detail: { entity: 'task', values: { title: 'Meet', owner: 'rep1', deal: deal.id } } },
      { type: 'notify', status: 'planned' },
    ]);
    expect((await runsOf(h, { limit: '500' })).length).toBe(runsBefore);
    expect(await h.store.tenant(TENANT).collection('records.task').count({})).toBe(tasksBefore);
  });

  it('tests the builder\'s unpublished version when given the definition', async () => {
    const deal = await createDeal(h, 'rep1', { title: 'Draft test', amount: 2000000 });
    const draft = workflow('bigDealDraft', {
      trigger: { type: 'recordUpdated' },
      conditions: { fact: 'amount', operator: 'greaterThan', value: 1000000 },
      actions: [{ type: 'notify', to: { type: 'ownerManager' }, message: { 'zh-CN': '大单 {{title}}', en: 'Big deal {{title}}' } }],
    });
    const res = await h.inject({ method: 'POST', url: `/api/t/${TENANT}/workflows/bigDealDraft/dry-run`, payload: { recordId: deal.id, definition: draft } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().run).toMatchObject({ dryRun: true, matched: true, definitionVersion: 0, actions: [{ type: 'notify', status: 'planned', detail: { recipients: ['mgr'], message: { en: 'Big deal Draft test' } } }] });
    const broken = await h.inject({ method: 'POST', url: `/api/t/${TENANT}/workflows/bigDealDraft/dry-run`, payload: { recordId: deal.id, definition: { ...draft, actions: [] } } });
    expect(broken.statusCode).toBe(422);
    expect(broken.json().error.details[0].path).toBe('/definition/actions');
    const renamed = await h.inject({ method: 'POST', url: `/api/t/${TENANT}/workflows/other/dry-run`, payload: { recordId: deal.id, definition: draft } });
    expect(renamed.statusCode).toBe(400);
  });

  it('refuses bad input with a clear error', async () => {
    const unknown = await h.inject({ method: 'POST', url: `/api/t/${TENANT}/workflows/taskFromNextStep/dry-run`, payload: { recordId: 'nope' } });
    expect(unknown.statusCode).toBe(404);
    const extra = await h.inject({ method: 'POST', url: `/api/t/${TENANT}/workflows/taskFromNextStep/dry-run`, payload: { recordId: 'x', $where: 1 } });
    expect(extra.statusCode).toBe(400);
    const rep = await h.inject({ method: 'POST', url: `/api/t/${TENANT}/workflows/taskFromNextStep/dry-run`, payload: {} }, 'rep1');
    expect(rep.statusCode).toBe(403);
  });
});

describe('manual trigger', () => {
  it('is offered in the app manifest and runs for a user who may update the record', async () => {
    const manifest = await h.inject({ method: 'GET', url: `/api/t/${TENANT}/app` }, 'rep1');
    expect(manifest.json().manualWorkflows).toEqual([{ name: 'escalate', entity: 'deal', buttonLabel: { 'zh-CN': '升级', en: 'Escalate' } }]);
    const deal = await createDeal(h, 'rep1', { title: 'Manual' });
    const res = await h.inject({ method: 'POST', url: `/api/t/${TENANT}/records/deal/${String(deal.id)}/workflows/escalate/run` }, 'rep1');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().run).toMatchObject({ status: 'done', trigger: { type: 'manual' }, by: 'rep1' });
    expect((await notificationsOf(h, 'mgr')).at(-1)).toMatchObject({ message: { en: 'Please look at Manual' } });
    // rep3 cannot read rep1's deal: 404, nothing sent.
    const other = await h.inject({ method: 'POST', url: `/api/t/${TENANT}/records/deal/${String(deal.id)}/workflows/escalate/run` }, 'rep3');
    expect(other.statusCode).toBe(404);
  });
});

describe('assign owner', () => {
  async function reassign(amount: number): Promise<string> {
    const deal = await createDeal(h, 'admin', { title: `Assign ${amount}`, amount, owner: 'admin' });
    await patch(h, 'admin', 'deal', deal, { nextStep: 'reassign' });
    const stored = await h.store.tenant(TENANT).collection('records.deal').findOne({ _id: deal.id });
    return String(stored!.owner);
  }

  it('takes the first matching rule: fixed user, round-robin over the team, least loaded, then the fallback', async () => {
    expect(await reassign(2000000)).toBe('mgr');
    const turns = [await reassign(5000), await reassign(5000), await reassign(5000), await reassign(5000)];
    expect(turns).toEqual(['rep1', 'rep2', 'rep1', 'rep2']); // reps of east, in turn
    expect(await reassign(7)).toBe('mgr2'); // nobody in that team → fallback (named by e-mail)
    expect(await reassign(1)).toBe('mgr2'); // no rule matches → fallback
  });

  it('least loaded picks the rep with the fewest open deals', async () => {
    const open = await h.store.tenant(TENANT).collection('records.deal').aggregate([
      { $match: { stage: { $in: ['new', 'qualified', 'proposal'] }, owner: { $in: ['rep1', 'rep2', 'rep3'] } } },
      { $group: { _id: '$owner', n: { $sum: 1 } } },
    ]);
    const load = new Map(open.map((o) => [String(o._id), o.n as number]));
    const expected = ['rep1', 'rep2', 'rep3'].sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0) || a.localeCompare(b))[0];
    expect(await reassign(50)).toBe(expected);
  });
});

describe('publish-time checks', () => {
  const bad: [string, Record<string, unknown>, string][] = [
    ['unknown trigger field', { trigger: { type: 'dateRelative', field: 'nope', offset: 1, unit: 'days', direction: 'before' }, actions: [{ type: 'delay', amount: 1, unit: 'days' }] }, '/trigger/field'],
    ['date trigger on a text field', { trigger: { type: 'dateRelative', field: 'title', offset: 1, unit: 'days', direction: 'before' }, actions: [{ type: 'delay', amount: 1, unit: 'days' }] }, '/trigger/field'],
    ['bad cron', { trigger: { type: 'schedule', cron: '99 * * * *' }, actions: [{ type: 'delay', amount: 1, unit: 'days' }] }, '/trigger/cron'],
    ['unknown stage', { trigger: { type: 'stageChanged', to: 'nowhere' }, actions: [{ type: 'delay', amount: 1, unit: 'days' }] }, '/trigger/to'],
    ['unknown condition fact', { trigger: { type: 'recordCreated' }, conditions: { all: [{ fact: 'budget', operator: 'equal', value: 1 }] }, actions: [{ type: 'delay', amount: 1, unit: 'days' }] }, '/conditions/all/0/fact'],
    ['stage set directly', { trigger: { type: 'recordCreated' }, actions: [{ type: 'setFields', values: { stage: 'won' } }] }, '/actions/0/values/stage'],
    ['broken template', { trigger: { type: 'recordCreated' }, actions: [{ type: 'notify', to: { type: 'owner' }, message: { 'zh-CN': '{{#if}}', en: 'ok' } }] }, '/actions/0/message/zh-CN'],
    ['unknown role', { trigger: { type: 'recordCreated' }, actions: [{ type: 'notify', to: { type: 'role', value: 'ghost' }, message: { 'zh-CN': 'x', en: 'x' } }] }, '/actions/0/to/value'],
    ['unknown action type', { trigger: { type: 'recordCreated' }, actions: [{ type: 'launchRocket' }] }, '/actions/0'],
  ];
  it.each(bad)('refuses %s with the path of the fault and keeps the published version', async (_name, body, path) => {
    const before = await h.runtime.definitions(TENANT).latestVersion();
    await expect(publishWith(h, [workflow('broken', body)])).rejects.toMatchObject({
      details: expect.arrayContaining([expect.objectContaining({ path: expect.stringContaining(path) })]),
    });
    expect(await h.runtime.definitions(TENANT).latestVersion()).toBe(before);
  });
});
