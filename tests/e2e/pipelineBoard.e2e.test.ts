/**
 * The opportunity board of the b2b-crm demo in headless Chromium against the
 * real server, as rep1 uses it: open it from the list, read the stage sums,
 * drag a deal forward with the mouse (the dialog asks for the amount and the
 * checklist, the server's 422 shows at the field, then the card moves), see a
 * move the pipeline does not list refused with the server's reason, see a
 * move the rep may not take shown at once and rolled back, get the board
 * reloaded when a colleague changed the card first, move a card with the
 * keyboard (with spoken announcements), and open the full column list.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { announced, card, column, columnCounts, dragTo, longPressDragTo, recordAnnouncements, swipe } from './board.js';
import { e2eFile } from './harness.js';
import { apiAs, DEMO_PASSWORD, formItem, gone, settled, signIn, visible } from './ui.js';

const REP = 'rep1@demo.local';

interface Opportunity {
  id: string;
  name: string;
  stage: string;
  amount?: number;
  version: number;
  owner: string;
}
interface Summary {
  stages: { stage: string; label: { 'zh-CN': string }; count: number; amount: number; weightedAmount: number }[];
}

const e2e = e2eFile();

/** A wide screen, so all six stages are in view. */
async function freshPage(): Promise<Page> {
  const context = await e2e.browser.newContext({ viewport: { width: 2100, height: 1000 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** rep1's opportunities in `stage` whose titles no other of rep1's opportunities shares, by close date. */
async function repDeals(stage: string): Promise<Opportunity[]> {
  const rep = await apiAs(e2e.app.url, REP);
  const all = await rep.call<{ items: Opportunity[] }>('GET', `/records/opportunity?pageSize=200&sort=closeDate`);
  expect(all.status).toBe(200);
  const names = new Map<string, number>();
  for (const o of all.body.items) names.set(o.name, (names.get(o.name) ?? 0) + 1);
  return all.body.items.filter((o) => o.stage === stage && names.get(o.name) === 1);
}

async function openBoard(page: Page) {
  await signIn(page, e2e.app.url, REP);
  await page.getByRole('navigation', { name: 'main' }).getByRole('menuitem', { name: '商机' }).click();
  await visible(page.getByRole('heading', { name: '商机' }));
  await page.getByText('商机看板', { exact: true }).click();
  await visible(page.getByRole('heading', { name: '商机看板' }));
  expect(new URL(page.url()).pathname).toBe('/app/demo/opportunity/board');
  await visible(page.locator('.sc-board-card'));
}

describe('pipeline board', () => {
  it('drags a deal forward with the mouse: the dialog asks for the amount and the checklist, the server\'s 422 shows at the field, then the card moves', async () => {
    const page = await freshPage();
    const deal = (await repDeals('qualification'))[0];
    expect(deal, 'rep1 has a deal in 需求确认').toBeDefined();
    await openBoard(page);

    // The heads show what the pipeline summary says for rep1's deals.
    const rep = await apiAs(e2e.app.url, REP);
    const summary = (await rep.call<Summary>('GET', '/pipelines/opportunityStage/summary')).body;
    const before = await columnCounts(page);
    for (const s of summary.stages) expect(before[s.label['zh-CN']], s.stage).toBe(s.count);
    const qualification = summary.stages.find((s) => s.stage === 'qualification')!;
    await visible(column(page, '需求确认').getByText(`¥${qualification.amount.toLocaleString('en-US')}`, { exact: true }));
    await visible(column(page, '需求确认').getByText(`加权 ¥${qualification.weightedAmount.toLocaleString('en-US')}`, { exact: true }));
    // Cards show the title, the amount, the close date and the owner's name.
    const dealCard = card(column(page, '需求确认'), deal.name);
    await visible(dealCard.getByText('张伟'));
    await page.screenshot({ path: '/tmp/stagecraft-e2e-board.png' });

    await dragTo(page, dealCard, column(page, '方案报价'));
    const dialog = page.getByRole('dialog', { name: '移到「方案报价」' });
    await visible(dialog);
    await settled(page);
    await visible(dialog.getByText('离开「需求确认」前的检查清单'));
    // The checklist's required items must be ticked first.
    await dialog.getByRole('button', { name: '确定移动' }).click();
    await visible(dialog.getByText('请勾选所有必需的检查项'));
    await dialog.getByRole('checkbox', { name: /确认预算范围/ }).check();
    await dialog.getByRole('checkbox', { name: /确认决策链与决策人/ }).check();
    await gone(dialog.getByText('请勾选所有必需的检查项'));

    // A negative amount passes the dialog but not the server: its message shows under 金额.
    await dialog.getByLabel('金额', { exact: true }).fill('-5000');
    const refused = page.waitForResponse((r) => r.url().endsWith(`/records/opportunity/${deal.id}/transition`));
    await dialog.getByRole('button', { name: '确定移动' }).click();
    const refusal = await refused;
    expect(refusal.status()).toBe(422);
    const problem = ((await refusal.json()) as { error: { details: { path: string; message: string }[] } }).error.details
      .find((d) => d.path === '/fields/amount');
    expect(problem).toBeDefined();
    await visible(formItem(page, '金额').getByText(problem!.message));
    await visible(card(column(page, '需求确认'), deal.name)); // rolled back while the dialog stays open
    await page.screenshot({ path: '/tmp/stagecraft-e2e-board-dialog.png' });

    await dialog.getByLabel('金额', { exact: true }).fill('150000');
    await gone(formItem(page, '金额').getByText(problem!.message));
    const taken = page.waitForResponse((r) => r.url().endsWith(`/records/opportunity/${deal.id}/transition`));
    await dialog.getByRole('button', { name: '确定移动' }).click();
    expect((await taken).status()).toBe(200);
    await gone(dialog);
    await visible(page.getByText('已移到「方案报价」'));
    await visible(card(column(page, '方案报价'), deal.name));
    expect(await card(column(page, '需求确认'), deal.name).count()).toBe(0);
    await visible(card(column(page, '方案报价'), deal.name).getByText('¥150,000.00'));
    await page.waitForFunction(
      ([from, to]) => {
        const count = (label: string) => [...document.querySelectorAll('.sc-board-column')]
          .find((c) => c.querySelector('.sc-board-column-label')?.textContent === label)?.querySelector('.sc-board-column-count')?.textContent;
        return count('需求确认') === `${from} 条` && count('方案报价') === `${to} 条`;
      },
      [before['需求确认'] - 1, before['方案报价'] + 1],
    );

    // The server holds the move: the stage, the amount from the dialog, the ticked checklist on the stay left.
    const saved = await rep.call<Opportunity>('GET', `/records/opportunity/${deal.id}`);
    expect(saved.body).toMatchObject({ stage: 'proposal', amount: 150000 });
    const stays = await rep.call<{ stays: { stage: string; checklist?: string[] }[] }>('GET', `/records/opportunity/${deal.id}/stages`);
    expect(stays.body.stays.find((s) => s.stage === 'qualification')?.checklist?.sort()).toEqual(['budget', 'decisionMakers']);
    await page.screenshot({ path: '/tmp/stagecraft-e2e-board-moved.png' });

    // A click on a card opens its record.
    await card(column(page, '方案报价'), deal.name).click();
    await visible(page.getByRole('heading', { name: deal.name }));
    expect(new URL(page.url()).pathname).toBe(`/app/demo/opportunity/${deal.id}`);
    await page.context().close();
  }, 120_000);

  it('refuses a move the pipeline does not list with the server\'s reason, and rolls back a move the rep may not take', async () => {
    const page = await freshPage();
    const early = (await repDeals('prospecting'))[0];
    const lost = (await repDeals('lost'))[0];
    await openBoard(page);

    // 初步接洽 → 赢单 is no transition of the pipeline: the card stays, the server says why.
    await dragTo(page, card(column(page, '初步接洽'), early.name), column(page, '赢单'));
    await visible(page.getByText('不能从「初步接洽」直接移到「赢单」'));
    await visible(page.getByText('no transition from prospecting to won'));
    await visible(card(column(page, '初步接洽'), early.name));
    expect(await card(column(page, '赢单'), early.name).count()).toBe(0);
    await page.screenshot({ path: '/tmp/stagecraft-e2e-board-refused.png' });

    // 输单 → 初步接洽 (reopen) is for managers. The card moves at once; when the server refuses, it goes back.
    const lostCount = (await columnCounts(page))['输单'];
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => { release = resolve; });
    await page.route(`**/records/opportunity/${lost.id}/transition`, async (route) => {
      await held;
      await route.continue();
    });
    await dragTo(page, card(column(page, '输单'), lost.name), column(page, '初步接洽'));
    await visible(card(column(page, '初步接洽'), lost.name));
    expect((await columnCounts(page))['输单']).toBe(lostCount - 1);
    release();
    await visible(page.getByText('你不能将它从「输单」移到「初步接洽」'));
    await visible(page.getByText(/only a user with role manager or director or admin, or a manager above the owner/));
    await visible(card(column(page, '输单'), lost.name));
    expect(await card(column(page, '初步接洽'), lost.name).count()).toBe(0);
    expect((await columnCounts(page))['输单']).toBe(lostCount);
    const rep = await apiAs(e2e.app.url, REP);
    expect((await rep.call<Opportunity>('GET', `/records/opportunity/${lost.id}`)).body.stage).toBe('lost');
    await page.context().close();
  }, 120_000);

  it('reloads the board when someone else changed the card first, and then the move goes through', async () => {
    const page = await freshPage();
    const deal = (await repDeals('proposal'))[0];
    await openBoard(page);

    // rep1's manager edits the deal while the board is open: the card on screen is one version behind.
    const manager = await apiAs(e2e.app.url, 'manager1@demo.local');
    const current = await manager.call<Opportunity>('GET', `/records/opportunity/${deal.id}`);
    expect((await manager.call('PATCH', `/records/opportunity/${deal.id}`, { nextStep: '经理补充的下一步', version: current.body.version })).status).toBe(200);

    const stale = page.waitForResponse((r) => r.url().endsWith(`/records/opportunity/${deal.id}/transition`));
    await dragTo(page, card(column(page, '方案报价'), deal.name), column(page, '需求确认'));
    expect((await stale).status()).toBe(409);
    await visible(page.getByText('这条记录刚被他人修改，看板已刷新，请重试'));
    await visible(card(column(page, '方案报价'), deal.name));

    // The reloaded card carries the new version: the same move now succeeds.
    const taken = page.waitForResponse((r) => r.url().endsWith(`/records/opportunity/${deal.id}/transition`));
    await dragTo(page, card(column(page, '方案报价'), deal.name), column(page, '需求确认'));
    expect((await taken).status()).toBe(200);
    await visible(card(column(page, '需求确认'), deal.name));
    const rep = await apiAs(e2e.app.url, REP);
    expect((await rep.call<Opportunity & { nextStep: string }>('GET', `/records/opportunity/${deal.id}`)).body)
      .toMatchObject({ stage: 'qualification', nextStep: '经理补充的下一步' });
    await page.context().close();
  }, 120_000);

  it('moves a card with the keyboard and announces each step', async () => {
    const page = await freshPage();
    const deals = await repDeals('qualification');
    const deal = deals[deals.length - 1];
    await openBoard(page);
    const before = await columnCounts(page);
    await recordAnnouncements(page);

    const dealCard = card(column(page, '需求确认'), deal.name);
    await dealCard.focus();
    await page.keyboard.press('Space');
    await announced(page, `已拿起「${deal.name}」，当前阶段：需求确认`);
    await page.keyboard.press('ArrowLeft');
    await announced(page, `「${deal.name}」位于阶段「初步接洽」上方`);
    // Backwards needs neither fields nor the checklist: no dialog, the card moves.
    const taken = page.waitForResponse((r) => r.url().endsWith(`/records/opportunity/${deal.id}/transition`));
    await page.keyboard.press('Space');
    expect((await taken).status()).toBe(200);
    await announced(page, `「${deal.name}」放到了阶段「初步接洽」`);
    await visible(page.getByText('已移到「初步接洽」'));
    await visible(card(column(page, '初步接洽'), deal.name));
    expect(await card(column(page, '需求确认'), deal.name).count()).toBe(0);
    const after = await columnCounts(page);
    expect(after['初步接洽']).toBe(before['初步接洽'] + 1);
    expect(after['需求确认']).toBe(before['需求确认'] - 1);
    const rep = await apiAs(e2e.app.url, REP);
    expect((await rep.call<Opportunity>('GET', `/records/opportunity/${deal.id}`)).body.stage).toBe('prospecting');

    // Escape puts a picked-up card back; Enter opens the record.
    const moved = card(column(page, '初步接洽'), deal.name);
    await moved.focus();
    await page.keyboard.press('Space');
    await announced(page, `已拿起「${deal.name}」，当前阶段：初步接洽`);
    await page.keyboard.press('ArrowRight');
    await announced(page, `「${deal.name}」位于阶段「需求确认」上方`);
    await page.keyboard.press('Escape');
    await announced(page, `已取消拖动，「${deal.name}」留在「初步接洽」`);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await moved.focus();
    await page.keyboard.press('Enter');
    await visible(page.getByRole('heading', { name: deal.name }));
    await page.context().close();
  }, 120_000);

  it('moves a card on a phone with a long press, while a swipe scrolls the board', async () => {
    const deal = (await repDeals('qualification'))[1];
    const context = await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    // On a phone the menu starts folded: the board is opened by its address.
    await page.goto(`${e2e.app.url}/app/demo/opportunity/board`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('邮箱').fill(REP);
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await visible(page.getByRole('heading', { name: '商机看板' }));
    await visible(page.locator('.sc-board-card'));
    const before = await columnCounts(page);

    // A quick swipe on a card scrolls the board and moves nothing.
    const transitions: string[] = [];
    page.on('request', (r) => { if (r.url().endsWith('/transition')) transitions.push(r.url()); });
    const scrolled = () => page.evaluate(() => document.querySelector('.sc-board')!.scrollLeft);
    expect(await scrolled()).toBe(0);
    await swipe(page, page.locator('.sc-board-card').first(), -200);
    await page.waitForFunction(() => document.querySelector('.sc-board')!.scrollLeft > 50);
    expect(transitions).toEqual([]);
    await page.evaluate(() => document.querySelector('.sc-board')!.scrollTo({ left: 0 }));

    const dealCard = card(column(page, '需求确认'), deal.name);
    await dealCard.scrollIntoViewIfNeeded();
    // Scrolled into view, the card's column sits at the right edge; 初步接洽 is beside it.
    await page.evaluate(() => document.querySelector('.sc-board')!.scrollTo({ left: 150 }));
    const taken = page.waitForResponse((r) => r.url().endsWith(`/records/opportunity/${deal.id}/transition`));
    await longPressDragTo(page, dealCard, column(page, '初步接洽'));
    expect((await taken).status()).toBe(200);
    await visible(card(column(page, '初步接洽'), deal.name));
    const after = await columnCounts(page);
    expect(after['初步接洽']).toBe(before['初步接洽'] + 1);
    await page.screenshot({ path: '/tmp/stagecraft-e2e-board-phone.png' });
    await context.close();
  }, 120_000);

  it('caps a column and links to the list of the stage', async () => {
    const page = await freshPage();
    await openBoard(page);
    const won = column(page, '赢单');
    const count = (await columnCounts(page))['赢单'];
    expect(count).toBeGreaterThan(20);
    expect(await won.locator('.sc-board-card').count()).toBe(20);
    await won.getByText(`查看全部 ${count} 条`).click();
    await visible(page.getByRole('heading', { name: '商机' }));
    await visible(page.getByText(`${count} 条记录`));
    await visible(page.locator('.ant-table-row').first().getByText('赢单'));

    // In English the board speaks English.
    await page.getByText('English', { exact: true }).click();
    await page.getByText('Opportunity board', { exact: true }).click();
    await visible(column(page, 'Closed won').getByText(`View all ${count}`));
    await visible(page.getByText('Weighted amount'));
    await page.context().close();
  }, 120_000);
});
