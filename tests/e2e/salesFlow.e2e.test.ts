/**
 * Issue 4's sales flow in the b2b-crm demo, clicked through in headless
 * Chromium as new users would: rep1 drags a deal on the opportunity board to
 * 方案报价, fills the transition's dialog (amount, checklist), the card moves
 * and the template's workflow gives rep1 a "prepare the quote" task on the
 * deal. rep1 then asks for a 20 % discount on a quote; the workflow sends it to
 * approval and the quote locks; manager1 finds it in the 审批 inbox and
 * approves it, and rep1 sees the quote approved.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { card, column, dragTo } from './board.js';
import { e2eFile } from './harness.js';
import { apiAs, formItem, gone, pickOption, settled, signIn, visible } from './ui.js';

const REP = 'rep1@demo.local';
const MANAGER = 'manager1@demo.local';

interface Named {
  id: string;
  name: string;
  stage?: string;
  status?: string;
}

const e2e = e2eFile();

const freshPage = (width = 1440) => e2e.freshPage({ width, height: 900 });

/** rep1's records of `entity` matching `filter`, whose titles no other of them shares. */
async function repRecords(entity: string, filter: Record<string, unknown>): Promise<Named[]> {
  const rep = await apiAs(e2e.app.url, REP);
  const all = await rep.call<{ items: Named[] }>('GET', `/records/${entity}?pageSize=200&sort=name`);
  const matching = await rep.call<{ items: Named[] }>('GET', `/records/${entity}?pageSize=200&sort=name&filter=${encodeURIComponent(JSON.stringify(filter))}`);
  const count = new Map<string, number>();
  for (const r of all.body.items) count.set(r.name, (count.get(r.name) ?? 0) + 1);
  return matching.body.items.filter((r) => count.get(r.name) === 1);
}

const menuItem = (page: Page, label: string) =>
  // The item's name includes its icon's; an exact end keeps 报价 from matching 报价明细.
  page.getByRole('navigation', { name: 'main' }).getByRole('menuitem', { name: new RegExp(`(^|\\s)${label}(\\s*\\d+)?$`) });

describe('sales flow', () => {
  it('a rep moves a deal to 方案报价 through the dialog and gets the prepare-quote task; manager1 approves a discounted quote from the inbox', async () => {
    const deal = (await repRecords('opportunity', { stage: 'qualification' }))[0];
    const quote = (await repRecords('quote', { status: 'draft' })).find((q) => q.name.includes('德润数据'));
    expect(deal, 'rep1 has a deal in 需求确认').toBeDefined();
    expect(quote, 'rep1 has the draft quote 德润数据订阅计费系统报价').toBeDefined();

    // rep1 opens the board from the opportunities list.
    const rep = await freshPage(2100);
    await signIn(rep, e2e.app.url, REP);
    await menuItem(rep, '商机').click();
    await rep.getByText('商机看板', { exact: true }).click();
    await visible(card(column(rep, '需求确认'), deal.name));

    // Dragged to 方案报价: the transition asks for the amount and the checklist of 需求确认.
    await dragTo(rep, card(column(rep, '需求确认'), deal.name), column(rep, '方案报价'));
    const dialog = rep.getByRole('dialog', { name: '移到「方案报价」' });
    await visible(dialog);
    await settled(rep);
    await visible(dialog.getByText('进入「方案报价」前请确认以下信息：'));
    await dialog.getByLabel('金额', { exact: true }).fill('680000');
    await dialog.getByRole('checkbox', { name: /确认预算范围/ }).check();
    await dialog.getByRole('checkbox', { name: /确认决策链与决策人/ }).check();
    await dialog.getByRole('button', { name: '确定移动' }).click();
    await gone(dialog);
    await visible(rep.getByText('已移到「方案报价」'));
    const moved = card(column(rep, '方案报价'), deal.name);
    await visible(moved.getByText('¥680,000.00'));
    expect(await card(column(rep, '需求确认'), deal.name).count()).toBe(0);

    // The deal now has the follow-up task the template's workflow creates on entering 方案报价.
    await moved.click();
    await visible(rep.getByRole('heading', { name: deal.name }));
    await visible(formItem(rep, '销售阶段').getByText('方案报价'));
    await rep.getByRole('tab', { name: '相关信息' }).click();
    const taskSubject = `准备并提交「${deal.name}」的方案与报价`;
    await visible(rep.getByRole('link', { name: taskSubject }));
    await rep.screenshot({ path: '/tmp/stagecraft-e2e-flow-task.png', fullPage: true });
    await rep.getByRole('link', { name: taskSubject }).click();
    await visible(rep.getByRole('heading', { name: taskSubject }));
    await visible(formItem(rep, '优先级').getByText('高'));
    await visible(rep.getByText('负责人: 张伟'));

    // A 20 % discount, sent for approval: the workflow starts the discount approval and the quote locks.
    await menuItem(rep, '报价').click();
    const search = rep.getByPlaceholder('搜索报价名称');
    await search.fill(quote!.name);
    await search.press('Enter');
    await rep.locator('.ant-table-row').filter({ hasText: quote!.name }).first().locator('a').first().click();
    await visible(rep.getByRole('heading', { name: quote!.name }));
    await rep.getByLabel('整单折扣', { exact: true }).fill('20');
    await pickOption(rep, '报价状态', '待审批');
    await rep.getByRole('button', { name: '保存' }).click();
    await visible(rep.getByText('已保存'));
    await visible(rep.getByText('「报价折扣审批」审批中'));
    expect(await rep.getByRole('button', { name: '保存' }).count()).toBe(0);

    // manager1 approves it from the inbox.
    const manager = await freshPage();
    await signIn(manager, e2e.app.url, MANAGER);
    await menuItem(manager, '审批').click();
    await visible(manager.getByRole('heading', { name: '待我审批' }));
    const row = manager.locator('.ant-table-row').filter({ hasText: quote!.name });
    await visible(row.getByText('直属经理审批'));
    await visible(row.getByText('张伟'));
    await row.getByRole('button', { name: '同意' }).click();
    const approve = manager.getByRole('dialog', { name: `同意「报价折扣审批 · ${quote!.name}」` });
    await visible(approve);
    await settled(manager);
    await approve.getByLabel('意见').fill('同意 20% 折扣');
    await approve.getByRole('button', { name: '同意', exact: true }).click();
    await visible(manager.getByText('已同意'));
    await gone(row);
    await manager.screenshot({ path: '/tmp/stagecraft-e2e-flow-approved.png' });
    await manager.context().close();

    // rep1's quote is approved and no longer locked by the request.
    await rep.reload();
    await visible(formItem(rep, '报价状态').getByText('已批准'));
    expect(await rep.getByText('「报价折扣审批」审批中').count()).toBe(0);
    await rep.getByRole('tab', { name: '审批' }).click();
    const request = rep.locator('.sc-approval-request').first();
    await visible(request.getByText('已通过'));
    await visible(request.getByText('“同意 20% 折扣”').first());
    await rep.context().close();
  }, 180_000);
});
