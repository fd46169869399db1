/**
 * Approvals and notifications in the b2b-crm demo, in headless Chromium
 * against the real server. rep1 gives a draft quote a 20 % discount and
 * submits it for the discount approval from the record's 审批 tab; the form
 * locks; manager1 is told by the bell and approves it from the 审批 inbox;
 * rep1's bell says so and opens the approved quote. A quote locked while its
 * page was open refuses the save with the server's word, and the submitter
 * recalls it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eFile } from './harness.js';
import { apiAs, fillDate, formItem, gone, settled, signIn, visible } from './ui.js';

const REP = 'rep1@demo.local';
const MANAGER = 'manager1@demo.local';

interface Quote {
  id: string;
  name: string;
  status: string;
  discount?: number;
  version: number;
}
interface RecordApprovals {
  items: { id: string; state: string }[];
  available: { name: string; eligible: boolean; reason?: string }[];
}

const e2e = e2eFile();

const freshPage = () => e2e.freshPage();

/** rep1's quotes in `status`, by name. */
async function quotesIn(status: string): Promise<Quote[]> {
  const rep = await apiAs(e2e.app.url, REP);
  const page = await rep.call<{ items: Quote[] }>('GET', `/records/quote?pageSize=200&sort=name&filter=${encodeURIComponent(JSON.stringify({ status }))}`);
  expect(page.status).toBe(200);
  return page.body.items;
}

/** rep1's draft quotes that the discount approval does not take yet (discount ≤ 15 %, total ≤ 500,000). */
async function draftsBelowThresholds(): Promise<Quote[]> {
  const rep = await apiAs(e2e.app.url, REP);
  const quotes: Quote[] = [];
  for (const q of await quotesIn('draft')) {
    const approvals = await rep.call<RecordApprovals>('GET', `/records/quote/${q.id}/approvals`);
    if (approvals.body.available.some((a) => a.name === 'quoteDiscount' && !a.eligible)) quotes.push(q);
  }
  return quotes;
}

async function openQuote(page: Page, name: string) {
  // The menu item's name includes its icon's (file-text 报价); 报价明细 must not match.
  await page.getByRole('navigation', { name: 'main' }).getByRole('menuitem', { name: /(^|\s)报价$/ }).click();
  const search = page.getByPlaceholder('搜索报价名称');
  await search.fill(name);
  await search.press('Enter');
  await page.locator('.ant-table-row').filter({ hasText: name }).first().locator('a').first().click();
  await visible(page.getByRole('heading', { name }));
}

const bell = (page: Page) => page.getByRole('button', { name: /^(通知|Notifications)/ });

describe('approvals', () => {
  it('rep1 submits a quote from its 审批 tab, the form locks, manager1 approves it from the inbox, and rep1\'s bell opens the approved quote', async () => {
    const quote = (await draftsBelowThresholds())[0];
    expect(quote, 'rep1 has a draft quote below the approval thresholds').toBeDefined();
    const rep = await freshPage();
    await signIn(rep, e2e.app.url, REP);
    await openQuote(rep, quote.name);

    // Not yet: the button says why (the server's reason) and cannot be pressed.
    await rep.getByRole('tab', { name: '审批' }).click();
    const submit = rep.getByRole('button', { name: '提交审批：报价折扣审批' });
    await visible(submit);
    expect(await submit.isDisabled()).toBe(true);

    // A 20 % discount makes it need the manager's approval.
    await rep.getByRole('tab', { name: '详细信息' }).click();
    await rep.getByLabel('整单折扣', { exact: true }).fill('20');
    await rep.getByRole('button', { name: '保存' }).click();
    await visible(rep.getByText('已保存'));
    await rep.getByRole('tab', { name: '审批' }).click();
    await rep.waitForFunction(() => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.includes('提交审批：报价折扣审批'));
      return button && !button.disabled;
    });
    await submit.click();
    const dialog = rep.getByRole('dialog', { name: '提交「报价折扣审批」审批' });
    await visible(dialog);
    await settled(rep);
    await dialog.getByLabel('意见').fill('客户要求 20% 折扣，换三年续约');
    await dialog.getByRole('button', { name: '提交', exact: true }).click();
    await visible(rep.getByText('已提交审批'));

    // Pending: the banner, no Save, the request with its step, approver and the submission in its history.
    await visible(rep.getByText('「报价折扣审批」审批中'));
    await visible(rep.getByText('审批完成前，这条记录不能修改。'));
    expect(await rep.getByRole('button', { name: '保存' }).count()).toBe(0);
    const request = rep.locator('.sc-approval-request').first();
    await visible(request.getByText('审批中'));
    await visible(request.getByText('直属经理审批'));
    await visible(request.getByText('审批人：王海涛'));
    await visible(request.getByText('提交了审批'));
    await visible(request.getByText('“客户要求 20% 折扣，换三年续约”'));
    await rep.screenshot({ path: '/tmp/stagecraft-e2e-approval-pending.png', fullPage: true });

    // manager1: the bell and the menu say something waits; the inbox lists it.
    const manager = await freshPage();
    await signIn(manager, e2e.app.url, MANAGER);
    const menu = manager.getByRole('navigation', { name: 'main' });
    await visible(menu.getByRole('menuitem', { name: /审批\s*1/ }));
    await bell(manager).click();
    await visible(manager.getByText(`待您审批：报价折扣审批「${quote.name}」（直属经理审批）`));
    await manager.keyboard.press('Escape');
    await menu.getByRole('menuitem', { name: /审批/ }).click();
    await visible(manager.getByRole('heading', { name: '待我审批' }));
    const row = manager.locator('.ant-table-row').filter({ hasText: quote.name });
    await visible(row);
    await visible(row.getByText('直属经理审批'));
    await visible(row.getByText('张伟'));
    await visible(row.getByText('客户要求 20% 折扣，换三年续约'));
    await manager.screenshot({ path: '/tmp/stagecraft-e2e-approval-inbox.png' });
    await row.getByRole('button', { name: '同意' }).click();
    const approve = manager.getByRole('dialog', { name: `同意「报价折扣审批 · ${quote.name}」` });
    await visible(approve);
    await settled(manager);
    await approve.getByLabel('意见').fill('同意，注意回款节点');
    await approve.getByRole('button', { name: '同意', exact: true }).click();
    await visible(manager.getByText('已同意'));
    await gone(row);
    await visible(manager.getByText('没有等待你审批的申请'));
    await manager.context().close();

    // rep1: the bell tells, and opens the quote, now approved and unlocked.
    await rep.reload();
    await visible(rep.getByRole('button', { name: '通知（1 条未读）' }));
    await bell(rep).click();
    const notice = rep.getByText(`您提交的报价折扣审批「${quote.name}」已通过`);
    await visible(notice);
    await notice.click();
    await visible(rep.getByRole('button', { name: '通知', exact: true }));
    await visible(rep.getByRole('heading', { name: quote.name }));
    await visible(formItem(rep, '报价状态').getByText('已批准'));
    // No longer locked by the approval (the rep role itself keeps approved quotes read-only).
    expect(await rep.getByText('「报价折扣审批」审批中').count()).toBe(0);
    await rep.getByRole('tab', { name: '审批' }).click();
    const done = rep.locator('.sc-approval-request').first();
    await visible(done.getByText('已通过'));
    await visible(done.getByText('“同意，注意回款节点”').first());
    await rep.screenshot({ path: '/tmp/stagecraft-e2e-approval-done.png', fullPage: true });
    await rep.context().close();
  }, 180_000);

  it('refuses a save of a quote locked while its page was open with the server\'s word, and the submitter recalls it', async () => {
    // A rejected quote may be submitted again once its discount is changed.
    const quote = (await quotesIn('rejected'))[0];
    expect(quote, 'rep1 has a rejected quote').toBeDefined();
    const api = await apiAs(e2e.app.url, REP);
    const current = await api.call<Quote>('GET', `/records/quote/${quote.id}`);
    expect((await api.call('PATCH', `/records/quote/${quote.id}`, { discount: 25, version: current.body.version })).status).toBe(200);

    const page = await freshPage();
    await signIn(page, e2e.app.url, REP);
    await openQuote(page, quote.name);
    // Submitted elsewhere (another tab, a workflow) while this page shows the editable form.
    expect((await api.call('POST', `/records/quote/${quote.id}/approvals`, { approval: 'quoteDiscount' })).status).toBe(201);

    await fillDate(page, '有效期至', '2027-03-31');
    const refused = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().endsWith(`/records/quote/${quote.id}`));
    await page.getByRole('button', { name: '保存' }).click();
    const answer = await refused;
    expect(answer.status()).toBe(409);
    const error = ((await answer.json()) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('APPROVAL_PENDING');
    await visible(page.getByText(`记录正在审批中，不能修改: ${error.message}`));
    await visible(page.getByText('「报价折扣审批」审批中'));
    expect(await page.getByRole('button', { name: '保存' }).count()).toBe(0);

    // The banner leads to the tab; the submitter recalls the request and the form opens again.
    await page.locator('.ant-alert').filter({ hasText: '「报价折扣审批」审批中' }).getByRole('button', { name: '审批' }).click();
    const request = page.locator('.sc-approval-request').first();
    await request.getByRole('button', { name: '撤回' }).click();
    const dialog = page.getByRole('dialog', { name: '撤回「报价折扣审批」' });
    await visible(dialog);
    await settled(page);
    await dialog.getByRole('button', { name: '撤回', exact: true }).click();
    await visible(page.getByText('已撤回').first());
    await visible(request.getByText('撤回了审批'));
    await gone(page.getByText('「报价折扣审批」审批中'));
    await visible(page.getByRole('button', { name: '保存' }));
    const after = await api.call<RecordApprovals>('GET', `/records/quote/${quote.id}/approvals`);
    expect(after.body.items[0].state).toBe('recalled');
    await page.context().close();
  }, 120_000);
});
