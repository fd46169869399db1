/**
 * Record triggers (created, updated, field changed, stage changed, deleted),
 * the actions that write records (create record, set fields, assign owner,
 * notify), and the run trace each firing leaves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../helpers/apiHarness.js';
import { createDeal, notificationsOf, patch, publishWith, runsOf, startWorkflowHarness, tasksOf, TENANT, workflow } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startWorkflowHarness();
  await publishWith(h, [
    workflow('followUpTask', {
      trigger: { type: 'recordCreated' },
      conditions: { fact: 'amount', operator: 'greaterThanInclusive', value: 100000 },
      actions: [{ type: 'createRecord', entity: 'task', templates: { title: 'Call about {{title}} ({{amount}})', dueDate: '{{addDays today 3}}' } }],
    }),
    workflow('nextStepChanged', {
      trigger: { type: 'fieldChanged', field: 'nextStep', to: 'demo' },
      actions: [{ type: 'notify', to: { type: 'ownerManager' }, message: { 'zh-CN': '{{title}}：下一步 {{nextStep}}（之前 {{$previous.nextStep}}）', en: '{{title}}: next step {{nextStep}} (was {{$previous.nextStep}})' } }],
    }),
    workflow('qualifiedStage', {
      trigger: { type: 'stageChanged', to: 'qualified' },
      actions: [{ type: 'setFields', values: { nextStep: 'send proposal' } }],
    }),
    workflow('companyEdited', {
      entity: 'company',
      trigger: { type: 'recordUpdated' },
      conditions: { all: [{ fact: '$user', path: '$.roles', operator: 'contains', value: 'rep' }, { fact: '$previous', path: '$.name', operator: 'notEqual', value: { fact: 'name' } }] },
      actions: [{ type: 'notify', to: { type: 'user', value: 'admin' }, message: { 'zh-CN': '{{$user.name}} 把 {{$previous.name}} 改名为 {{name}}', en: '{{$user.name}} renamed {{$previous.name}} to {{name}}' } }],
    }),
    workflow('deletedDeal', {
      trigger: { type: 'recordDeleted' },
      actions: [{ type: 'notify', to: { type: 'user', value: 'admin' }, message: { 'zh-CN': '{{title}} 已删除', en: '{{title}} was deleted' } }],
    }),
  ]);
});
afterAll(() => h.close());

describe('record created', () => {
  it('creates the follow-up task for the owner, linked back to the deal, when the condition holds', async () => {
    const deal = await createDeal(h, 'rep1', { title: 'Big one', amount: 250000 });
    const tasks = await tasksOf(h, String(deal.id));
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ title: 'Call about Big one (250000)', owner: 'rep1', deal: deal.id });
    expect(tasks[0]!.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [run] = await runsOf(h, { workflow: 'followUpTask', recordId: String(deal.id) });
    expect(run).toMatchObject({ status: 'done', matched: true, trigger: { type: 'recordCreated' }, by: 'rep1', depth: 0 });
    expect(run!.conditions).toMatchObject({ fact: 'amount', operator: 'greaterThanInclusive', value: 100000, factValue: 250000, result: true });
    expect(run!.actions[0]).toMatchObject({ type: 'createRecord', status: 'done', detail: { entity: 'task', id: String(tasks[0]!._id) } });
  });

  it('records why it did not fire: the condition, the value it saw, no actions', async () => {
    const deal = await createDeal(h, 'rep1', { title: 'Small one', amount: 500 });
    expect(await tasksOf(h, String(deal.id))).toHaveLength(0);
    const [run] = await runsOf(h, { workflow: 'followUpTask', recordId: String(deal.id) });
    expect(run).toMatchObject({ status: 'conditionsNotMet', matched: false, actions: [] });
    expect(run!.conditions).toMatchObject({ factValue: 500, result: false });
  });
});

describe('field changed', () => {
  it('fires only when the value really changes to the given value, and sees the previous value', async () => {
    const deal = await createDeal(h, 'rep1', { title: 'Field deal', nextStep: 'call' });
    const before = (await notificationsOf(h, 'mgr')).length;
    const v2 = await patch(h, 'rep1', 'deal', deal, { nextStep: 'demo' });
    const v3 = await patch(h, 'rep1', 'deal', v2, { nextStep: 'demo', amount: 10 }); // nextStep unchanged
    await patch(h, 'rep1', 'deal', v3, { nextStep: 'visit' }); // changed, but not to "demo"
    const notes = (await notificationsOf(h, 'mgr')).slice(before);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ entity: 'deal', recordId: deal.id, message: { en: 'Field deal: next step demo (was call)' } });
    const runs = await runsOf(h, { workflow: 'nextStepChanged', recordId: String(deal.id) });
    expect(runs).toHaveLength(1);
    expect(runs[0]!.trigger).toMatchObject({ type: 'fieldChanged', detail: { field: 'nextStep', from: 'call', to: 'demo' } });
  });
});

describe('stage changed', () => {
  it('fires on the transition and its setFields saves through the pipeline as the workflow', async () => {
    const deal = await createDeal(h, 'rep1', { title: 'Stage deal' });
    const res = await h.inject({ method: 'POST', url: `/api/t/${TENANT}/records/deal/${String(deal.id)}/transition`, payload: { to: 'qualified', version: deal.version, checklist: ['intro'] } }, 'rep1');
    expect(res.statusCode, res.body).toBe(200);
    const stored = await h.store.tenant(TENANT).collection('records.deal').findOne({ _id: deal.id });
    expect(stored).toMatchObject({ stage: 'qualified', nextStep: 'send proposal', version: 3 });
    const history = await h.inject({ method: 'GET', url: `/api/t/${TENANT}/records/deal/${String(deal.id)}/history` });
    const update = history.json().items.find((e: { action: string }) => e.action === 'update');
    expect(update).toMatchObject({ channel: 'workflow', user: null, changes: [{ field: 'nextStep', from: null, to: 'send proposal' }] });
  });
});

describe('record updated', () => {
  it('fires on every update; conditions see who saved and the previous values', async () => {
    const created = await h.inject({ method: 'POST', url: `/api/t/${TENANT}/records/company`, payload: { name: 'Old name' } }, 'rep1');
    const company = created.json();
    const renamed = await patch(h, 'rep1', 'company', company, { name: 'New name' });
    await patch(h, 'rep1', 'company', renamed, { website: 'https://example.com' }); // not a rename: condition false
    const notes = (await notificationsOf(h, 'admin')).filter((n) => n.recordId === company.id);
    expect(notes.map((n) => (n.message as { en: string }).en)).toEqual(['REP1 renamed Old name to New name']);
    const runs = await runsOf(h, { workflow: 'companyEdited', recordId: company.id });
    expect(runs.map((r) => r.status)).toEqual(['conditionsNotMet', 'done']);
    expect(runs[0]!.conditions).toMatchObject({ all: [{ fact: '$user', factValue: ['rep'], result: true }, { fact: '$previous', factValue: 'New name', result: false }] });
  });
});

describe('record deleted', () => {
  it('fires with the deleted values', async () => {
    const deal = await createDeal(h, 'rep1', { title: 'Doomed' });
    const res = await h.inject({ method: 'DELETE', url: `/api/t/${TENANT}/records/deal/${String(deal.id)}` }, 'rep1');
    expect(res.statusCode, res.body).toBe(204);
    const notes = await notificationsOf(h, 'admin');
    expect(notes.at(-1)).toMatchObject({ message: { en: 'Doomed was deleted' } });
  });
});
