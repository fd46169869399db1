/**
 * A sales rep's first session in the demo tenant, in headless Chromium against
 * the real server: sign in, find opportunities through the menu, create one,
 * get the server's validation message at the amount field, fix it, save, and
 * find the new opportunity by searching the list. A colleague's save shows as
 * a conflict and then in the record's history. Then switch the UI to English.
 */

import { describe, expect, it } from 'vitest';
import { e2eFile } from './harness.js';
import { apiAs, fillDate, formItem, gone, pickOption, settled, signIn, visible } from './ui.js';

const REP = 'rep1@demo.local';

const e2e = e2eFile();

const freshPage = () => e2e.freshPage();

describe("reps' app", () => {
  it('creates an opportunity, shows the server validation message at the field, and finds it by search', async () => {
    const page = await freshPage();
    const name = `E2E 智慧工厂项目 ${Date.now()}`;
    // A rep can only pick accounts they may read: their own.
    const rep = await apiAs(e2e.app.url, REP);
    const accounts = await rep.call<{ items: { id: string; name: string; owner: string }[] }>('GET', '/records/account?pageSize=1&sort=name');
    const account = accounts.body.items[0];
    expect(account.owner).toBe('rep1');

    await signIn(page, e2e.app.url, REP);
    const menu = page.getByRole('navigation', { name: 'main' });
    await menu.getByRole('menuitem', { name: '客户' }).click();
    await visible(page.getByRole('heading', { name: '客户' }));
    await menu.getByRole('menuitem', { name: '商机' }).click();
    await visible(page.getByRole('heading', { name: '商机' }));
    await visible(page.locator('.ant-table-row'));

    await page.getByRole('button', { name: '新建' }).click();
    await visible(page.getByRole('heading', { name: '新建商机' }));
    await page.getByLabel('商机名称', { exact: true }).fill(name);
    await pickOption(page, '客户', account.name, account.name.slice(0, 4));
    await fillDate(page, '预计成交日期', '2026-12-31');
    // A new opportunity starts in the pipeline's first stage; the stage field is not editable here.
    await page.getByLabel('金额', { exact: true }).fill('-5000');

    const rejected = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/records/opportunity'));
    await page.getByRole('button', { name: '保存' }).click();
    const answer = await rejected;
    expect(answer.status()).toBe(422);
    const body = (await answer.json()) as { error: { details: { path: string; message: string }[] } };
    const amountProblem = body.error.details.find((d) => d.path === '/amount');
    expect(amountProblem, JSON.stringify(body)).toBeDefined();
    // The server's own words, under the amount field.
    await visible(formItem(page, '金额').getByText(amountProblem!.message));
    await page.screenshot({ path: '/tmp/stagecraft-e2e-validation.png', fullPage: true });

    await page.getByLabel('金额', { exact: true }).fill('120000');
    await gone(formItem(page, '金额').getByText(amountProblem!.message));
    const created = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/records/opportunity'));
    await page.getByRole('button', { name: '保存' }).click();
    expect((await created).status()).toBe(201);
    await visible(page.getByText('商机已创建'));
    await visible(page.getByRole('heading', { name }));

    await menu.getByRole('menuitem', { name: '商机' }).click();
    const search = page.getByPlaceholder('搜索商机名称');
    await search.fill(name);
    await search.press('Enter');
    await visible(page.locator('.ant-table-row').filter({ hasText: name }));
    await visible(page.getByText('1 条记录'));
    const row = page.locator('.ant-table-row').filter({ hasText: name });
    await visible(row.getByText(account.name));
    await visible(row.getByText('初步接洽'));
    await visible(row.getByText('¥120,000.00'));
    await page.screenshot({ path: '/tmp/stagecraft-e2e-list.png', fullPage: true });
    await page.context().close();
  }, 120_000);

  it('tells the user when someone else saved the record first, and reloads it', async () => {
    const page = await freshPage();
    await page.goto(`${e2e.app.url}/app/demo/opportunity`);
    await signIn(page, e2e.app.url, REP); // back to the list it was opening
    expect(new URL(page.url()).pathname).toBe('/app/demo/opportunity');
    const firstRow = page.locator('.ant-table-row').first();
    await visible(firstRow);
    await firstRow.locator('a').first().click();
    await visible(page.getByLabel('下一步', { exact: true }));
    const id = new URL(page.url()).pathname.split('/').pop()!;

    // The rep's manager saves the same opportunity while the rep is editing it.
    const manager = await apiAs(e2e.app.url, 'manager1@demo.local');
    const current = await manager.call<{ version: number; nextStep?: string }>('GET', `/records/opportunity/${id}`);
    expect(current.status).toBe(200);
    const theirs = `同事更新的下一步 ${Date.now()}`;
    const patched = await manager.call('PATCH', `/records/opportunity/${id}`, { nextStep: theirs, version: current.body.version });
    expect(patched.status).toBe(200);

    await page.getByLabel('下一步', { exact: true }).fill('我的修改');
    await page.getByRole('button', { name: '保存' }).click();
    const dialog = page.locator('.ant-modal');
    await visible(dialog.getByText('记录已被他人修改'));
    await settled(page);
    await dialog.getByRole('button', { name: '重新加载' }).click();
    await gone(dialog);
    await page.waitForFunction(
      (expected) => (document.getElementById('nextStep') as HTMLInputElement | null)?.value === expected, theirs, { timeout: 15_000 });

    // The history tab says who changed what: the manager, through the API, 下一步 from the old value to theirs.
    await page.getByRole('tab', { name: '历史记录' }).click();
    const latest = page.locator('.sc-history-entry').first();
    await visible(latest);
    await visible(latest.getByText('王海涛', { exact: true }));
    await visible(latest.getByText('修改了记录'));
    await visible(latest.getByText('API', { exact: true }));
    const change = latest.locator('.sc-history-change').filter({ hasText: '下一步' });
    await visible(change.locator('.sc-history-to').getByText(theirs));
    if (current.body.nextStep) await visible(change.locator('.sc-history-from').getByText(current.body.nextStep));
    await page.screenshot({ path: '/tmp/stagecraft-e2e-history.png', fullPage: true });
    await page.context().close();
  }, 60_000);

  it('switches the menu to English and remembers the choice', async () => {
    const page = await freshPage();
    await signIn(page, e2e.app.url, REP);
    const menu = page.getByRole('navigation', { name: 'main' });
    await visible(menu.getByRole('menuitem', { name: '商机' }));

    await page.getByText('English', { exact: true }).click();
    await visible(menu.getByRole('menuitem', { name: 'Opportunities' }));
    await visible(menu.getByRole('menuitem', { name: 'Accounts' }));
    expect(await menu.getByRole('menuitem', { name: '商机' }).count()).toBe(0);
    await visible(page.getByRole('button', { name: 'New' }));

    await page.reload();
    await visible(menu.getByRole('menuitem', { name: 'Opportunities' }));
    await visible(page.getByRole('heading', { name: 'Opportunities' }));
    await visible(page.getByRole('columnheader', { name: 'Opportunity name' }));
    await visible(page.locator('.ant-table-row'));
    await page.screenshot({ path: '/tmp/stagecraft-e2e-english.png' });
    await page.context().close();
  }, 60_000);
});
