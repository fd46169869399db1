/**
 * Manual workflow buttons and the notification bell, in headless Chromium
 * against the real server: the administrator publishes two workflows with a
 * manual trigger on opportunities; rep1 finds them as buttons on a deal, runs
 * one (the deal reloads with what it set, and the manager is notified) and
 * sees the other's failure in the engine's words; manager1's bell counts the
 * notice, opens the deal from it, and marks everything read.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import { e2eFile } from './harness.js';
import { apiAs, signIn, visible } from './ui.js';

const REP = 'rep1@demo.local';
const MANAGER = 'manager1@demo.local';

const e2e = e2eFile();

const manual = (name: string, label: { 'zh-CN': string; en: string }, actions: unknown[]) => ({
  kind: 'workflow', name, schemaVersion: 1, entity: 'opportunity', active: true,
  label: { 'zh-CN': `按钮：${label['zh-CN']}`, en: `Button: ${label.en}` },
  trigger: { type: 'manual', buttonLabel: label },
  actions,
});

beforeAll(async () => {
  const admin = await apiAs(e2e.app.url, 'admin@demo.local');
  const drafts = [
    manual('askManager', { 'zh-CN': '请经理关注', en: 'Ask my manager' }, [
      { type: 'setFields', values: { nextStep: '经理已介入' } },
      { type: 'notify', to: { type: 'ownerManager' }, message: { 'zh-CN': '请关注商机「{{name}}」', en: 'Please look at "{{name}}"' } },
    ]),
    // Its task has no subject (the record has no field of that name), so creating it fails.
    manual('brokenTask', { 'zh-CN': '生成空任务', en: 'Empty task' }, [
      { type: 'createRecord', entity: 'task', templates: { subject: '{{noSuchField}}', relatedOpportunity: '{{id}}' } },
    ]),
  ];
  for (const d of drafts) {
    const saved = await admin.call('PUT', `/definitions/workflow/${d.name}`, d);
    if (saved.status !== 200 && saved.status !== 201) throw new Error(`draft ${d.name}: ${saved.status} ${JSON.stringify(saved.body)}`);
  }
  const published = await admin.call('POST', '/definitions/publish', {});
  if (published.status !== 201) throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
});

const freshPage = () => e2e.freshPage();

describe('manual workflow buttons', () => {
  it('runs a workflow from its button, reports a failing one, and the manager\'s bell opens the deal and marks all read', async () => {
    const rep = await apiAs(e2e.app.url, REP);
    const deals = await rep.call<{ items: { id: string; name: string; stage: string; nextStep?: string }[] }>(
      'GET', `/records/opportunity?pageSize=1&sort=name&filter=${encodeURIComponent(JSON.stringify({ stage: 'negotiation' }))}`);
    const deal = deals.body.items[0];
    expect(deal.nextStep).not.toBe('经理已介入');

    const page = await freshPage();
    // A link to the deal, opened signed out: sign in, and land on the deal.
    await page.goto(`${e2e.app.url}/app/demo/opportunity/${deal.id}`);
    await page.waitForURL(/\/app\/demo\/login\?next=/);
    await signIn(page, e2e.app.url, REP);
    await visible(page.getByRole('heading', { name: deal.name }));

    await page.getByRole('button', { name: '请经理关注' }).click();
    await visible(page.getByText('「请经理关注」已执行'));
    // The record reloads with what the workflow set.
    await page.waitForFunction((v) => (document.getElementById('nextStep') as HTMLInputElement | null)?.value === v, '经理已介入');
    // Asked twice: the manager gets two notices.
    const second = page.waitForResponse((r) => r.url().endsWith('/workflows/askManager/run'));
    await page.getByRole('button', { name: '请经理关注' }).click();
    expect((await second).status()).toBe(200);

    await page.getByRole('button', { name: '生成空任务' }).click();
    const failure = page.locator('.ant-modal-confirm').filter({ hasText: '「生成空任务」执行失败' });
    await visible(failure);
    await visible(failure.getByText(/^createRecord: /));
    await page.screenshot({ path: '/tmp/stagecraft-e2e-workflow-failed.png' });
    await page.context().close();

    // manager1: the bell counts the notice, opens the deal from it, and marks all read.
    const manager = await freshPage();
    await signIn(manager, e2e.app.url, MANAGER);
    const bell = manager.getByRole('button', { name: /^通知/ });
    await visible(manager.getByRole('button', { name: /^通知（\d+ 条未读）$/ }));
    const before = Number((await bell.getAttribute('aria-label'))!.replace(/\D/g, ''));
    expect(before).toBeGreaterThanOrEqual(2);
    await bell.click();
    const notices = manager.locator('.sc-notification-unread').filter({ hasText: `请关注商机「${deal.name}」` });
    await visible(notices);
    expect(await notices.count()).toBe(2);
    await notices.first().click();
    await visible(manager.getByRole('heading', { name: deal.name }));
    expect(new URL(manager.url()).pathname).toBe(`/app/demo/opportunity/${deal.id}`);
    await visible(manager.getByRole('button', { name: `通知（${before - 1} 条未读）` }));

    await bell.click();
    await manager.getByRole('button', { name: '全部标为已读' }).click();
    await visible(manager.getByRole('button', { name: '通知', exact: true }));
    expect(await manager.locator('.sc-notification-unread').count()).toBe(0);
    const api = await apiAs(e2e.app.url, MANAGER);
    expect((await api.call<{ unread: number }>('GET', '/notifications?unread=1&limit=1')).body.unread).toBe(0);
    await manager.context().close();
  }, 120_000);
});
