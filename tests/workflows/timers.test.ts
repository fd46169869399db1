/**
 * Triggers that wait: date-relative, idle, schedule (cron) and delays are
 * durable jobs. Rescheduled when the date moves, pushed out by activity, run
 * once after a restart that missed them, and never twice by two schedulers on
 * one store.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../runtime/store/open.js';
import { Runtime } from '../../runtime/runtime.js';
import { JOBS_COLLECTION } from '../../runtime/scheduler/index.js';
import { addDays, localDate, zonedInstant } from '../../runtime/time.js';
import type { Harness } from '../helpers/apiHarness.js';
import { createDeal, notificationsOf, patch, publishWith, runsOf, startWorkflowHarness, tasksOf, TENANT, workflow } from './harness.js';

let h: Harness;
const DAY = 86_400_000;
const today = () => localDate(new Date(), 'Asia/Shanghai');
const jobs = () => h.store.tenant(TENANT).collection(JOBS_COLLECTION);
const pendingJob = (key: string) => jobs().findOne({ key, state: 'pending' });

beforeAll(async () => {
  h = await startWorkflowHarness();
  await publishWith(h, [
    workflow('closeSoon', {
      trigger: { type: 'dateRelative', field: 'closeDate', offset: 3, unit: 'days', direction: 'before' },
      conditions: { fact: 'stage', operator: 'in', value: ['new', 'qualified', 'proposal'] },
      actions: [{ type: 'notify', to: { type: 'owner' }, message: { 'zh-CN': '{{title}} 将于 {{closeDate}} 成交', en: '{{title}} closes on {{closeDate}}' } }],
    }),
    workflow('idleWeek', {
      trigger: { type: 'idle', days: 7 },
      actions: [{ type: 'createRecord', entity: 'task', templates: { title: 'Follow up {{title}}' } }],
    }),
    workflow('morningSweep', {
      trigger: { type: 'schedule', cron: '0 9 * * *' },
      conditions: { fact: 'nextStep', operator: 'equal', value: 'sweep me' },
      actions: [{ type: 'notify', to: { type: 'owner' }, message: { 'zh-CN': '早安 {{title}}', en: 'Morning {{title}}' } }],
    }),
    workflow('twoStep', {
      trigger: { type: 'fieldChanged', field: 'nextStep', to: 'wait' },
      actions: [
        { type: 'notify', to: { type: 'owner' }, message: { 'zh-CN': '第一步', en: 'first' } },
        { type: 'delay', amount: 2, unit: 'days' },
        { type: 'notify', to: { type: 'owner' }, message: { 'zh-CN': '第二步', en: 'second' } },
      ],
    }),
  ]);
});
afterAll(async () => {
  await h.app.close().catch(() => undefined);
  await h.store.close().catch(() => undefined);
  await rm(h.dir, { recursive: true, force: true });
});

describe('date-relative', () => {
  it('schedules 09:00 tenant time N days before the date, reschedules when it moves, cancels when cleared', async () => {
    const close = addDays(today(), 20);
    const deal = await createDeal(h, 'rep1', { title: 'Dated', closeDate: close });
    const key = `date:closeSoon:${String(deal.id)}`;
    expect((await pendingJob(key))!.dueAt).toEqual(zonedInstant(addDays(close, -3), 9, 'Asia/Shanghai'));
    const moved = addDays(today(), 30);
    const v2 = await patch(h, 'rep1', 'deal', deal, { closeDate: moved });
    expect((await pendingJob(key))!.dueAt).toEqual(zonedInstant(addDays(moved, -3), 9, 'Asia/Shanghai'));
    expect(await jobs().count({ key, state: 'pending' })).toBe(1);
    await patch(h, 'rep1', 'deal', v2, { closeDate: null });
    expect(await pendingJob(key)).toBeNull();
  });

  it('two schedulers on one store run each due job exactly once', async () => {
    const close = addDays(today(), 12);
    const deals = [];
    for (let i = 0; i < 12; i++) deals.push(await h.runtime.context(TENANT, { user: null, channel: 'api' }).then(async (ctx) => {
      const { createRecord } = await import('../../runtime/records/savePipeline.js');
      const company = await createRecord({ ...ctx, user: null }, 'company', { name: `Two ${i}` });
      return createRecord(ctx, 'deal', { title: `Two ${i}`, company: company.id, closeDate: close, owner: 'rep3' });
    }));
    const due = zonedInstant(addDays(close, -3), 9, 'Asia/Shanghai');
    const at = new Date(due.getTime() + 1000);
    const a = h.runtime.scheduler({}, { workerId: 'a', clock: () => at });
    const b = h.runtime.scheduler({}, { workerId: 'b', clock: () => at });
    await Promise.all([a.runDue(at), b.runDue(at), a.runDue(at), b.runDue(at)]);
    const ids = deals.map((d) => d.id);
    const runs = await h.store.tenant(TENANT).collection('_workflowRuns').find({ workflow: 'closeSoon', recordId: { $in: ids } });
    expect(runs).toHaveLength(12);
    expect(new Set(runs.map((r) => r.recordId)).size).toBe(12);
  });
});

describe('idle', () => {
  it('is pushed out by updates and by new related records, and fires after N quiet days', async () => {
    const deal = await createDeal(h, 'rep1', { title: 'Quiet' });
    const key = `idle:idleWeek:${String(deal.id)}`;
    const first = (await pendingJob(key))!.dueAt as Date;
    expect(first.getTime()).toBeGreaterThan(Date.now() + 7 * DAY - 60_000);
    await new Promise((r) => setTimeout(r, 20));
    const line = await h.inject({ method: 'POST', url: `/api/t/${TENANT}/records/dealLine`, payload: { deal: deal.id, product: 'Widget', qty: 1, price: 10 } }, 'rep1');
    expect(line.statusCode, line.body).toBe(201);
    const pushed = (await pendingJob(key))!.dueAt as Date;
    expect(pushed.getTime()).toBeGreaterThan(first.getTime());
    const at = new Date(pushed.getTime() + 1000);
    await h.runtime.scheduler({}, { clock: () => at }).runDue(at);
    expect((await tasksOf(h, String(deal.id))).map((t) => t.title)).toEqual(['Follow up Quiet']);
  });
});

describe('schedule (cron)', () => {
  it('fires at the next 09:00 in the tenant zone for the matching records and schedules the next firing', async () => {
    const deal = await createDeal(h, 'rep1', { title: 'Swept', nextStep: 'sweep me' });
    const job = (await pendingJob('cron:morningSweep'))!;
    const dueAt = job.dueAt as Date;
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' }).format(dueAt)).toBe('09:00');
    const at = new Date(dueAt.getTime() + 1000);
    await h.runtime.scheduler({}, { clock: () => at }).runDue(at);
    const runs = await runsOf(h, { workflow: 'morningSweep' });
    expect(runs.map((r) => r.recordId)).toEqual([deal.id]); // only the records it acted on leave a run
    expect(((await pendingJob('cron:morningSweep'))!.dueAt as Date).getTime()).toBe(dueAt.getTime() + DAY);
  });
});

describe('delay', () => {
  it('waits as a job and resumes with the definition version it started on', async () => {
    const deal = await createDeal(h, 'rep2', { title: 'Patient' });
    await patch(h, 'rep2', 'deal', deal, { nextStep: 'wait' });
    const [run] = await runsOf(h, { workflow: 'twoStep', recordId: String(deal.id) });
    expect(run).toMatchObject({ status: 'waiting', actions: [{ status: 'done' }, { status: 'waiting' }] });
    // A newer version changes the last message; the waiting run keeps its own.
    await publishWith(h, [workflow('twoStep', {
      trigger: { type: 'fieldChanged', field: 'nextStep', to: 'wait' },
      actions: [{ type: 'notify', to: { type: 'owner' }, message: { 'zh-CN': '新', en: 'new version' } }],
    })]);
    const at = new Date(Date.now() + 2 * DAY + 60_000);
    await h.runtime.scheduler({}, { clock: () => at }).runDue(at);
    const [done] = await runsOf(h, { workflow: 'twoStep', recordId: String(deal.id) });
    expect(done).toMatchObject({ id: run!.id, status: 'done' });
    expect(done!.actions.map((a) => a.status)).toEqual(['done', 'waiting', 'done']);
    const notes = (await notificationsOf(h, 'rep2')).filter((n) => n.recordId === deal.id).map((n) => (n.message as { en: string }).en);
    expect(notes).toEqual(['first', 'second']);
  });
});

// Last: it stops the harness's server.
describe('restart', () => {
  it('fires once when due, and a restart that missed it runs it exactly once', async () => {
    const close = addDays(today(), 10);
    const deal = await createDeal(h, 'rep2', { title: 'Restart', closeDate: close });
    const due = zonedInstant(addDays(close, -3), 9, 'Asia/Shanghai');
    const early = new Date(due.getTime() - 60_000);
    await h.runtime.scheduler({}, { clock: () => early }).runDue(early);
    expect(await pendingJob(`date:closeSoon:${String(deal.id)}`)).not.toBeNull();
    expect(await runsOf(h, { workflow: 'closeSoon', recordId: String(deal.id) })).toEqual([]);

    // The server stops before the job is due and comes back two days after it.
    await h.app.close();
    await h.store.close();
    const store = await openStore({ dataDir: h.dir });
    const runtime = new Runtime(store);
    const later = new Date(due.getTime() + 2 * DAY);
    const scheduler = runtime.scheduler({}, { clock: () => later });
    await scheduler.runDue(later);
    await scheduler.runDue(new Date(later.getTime() + DAY));
    const notes = await store.tenant(TENANT).collection('_notifications').find({ recordId: deal.id });
    expect(notes.map((n) => (n.message as { en: string }).en)).toEqual([`Restart closes on ${close}`]);
    const runs = await store.tenant(TENANT).collection('_workflowRuns').find({ workflow: 'closeSoon', recordId: deal.id });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'done', by: null, trigger: { type: 'dateRelative' } });
    await store.close();
  });
});
