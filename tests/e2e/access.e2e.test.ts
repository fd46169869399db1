/**
 * Signing in and what each role sees, in headless Chromium against the real
 * server with the demo tenant: a wrong password, a rep who sees only their own
 * opportunities (and not the gross margin), a manager who sees the team's,
 * an expired session that comes back to where it was, and signing out.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { e2eFile } from './harness.js';
import { apiAs, columnTexts, gone, pickOption, signIn, visible } from './ui.js';

const e2e = e2eFile();
/** Display names of the demo users, from the directory the app itself reads. */
let names: Record<string, string> = {};

beforeAll(async () => {
  // Any user's manifest lists the directory. (Sign-ins are rate limited, so the tests sign in sparingly.)
  const rep = await apiAs(e2e.app.url, 'rep1@demo.local');
  const manifest = await rep.call<{ users: { id: string; name: string }[] }>('GET', '/app');
  names = Object.fromEntries(manifest.body.users.map((u) => [u.id, u.name]));
});

const freshPage = () => e2e.freshPage();

const storedSession = (page: Page) => page.evaluate(() => window.localStorage.getItem('stagecraft.session.demo'));

/** Total number of opportunities the user may read, as the API answers them. */
async function opportunityTotal(api: Awaited<ReturnType<typeof apiAs>>, filter?: object): Promise<number> {
  const qs = filter ? `&filter=${encodeURIComponent(JSON.stringify(filter))}` : '';
  const answer = await api.call<{ total: number }>('GET', `/records/opportunity?pageSize=1${qs}`);
  expect(answer.status).toBe(200);
  return answer.body.total;
}

describe('signing in', () => {
  it('refuses a wrong password with one message for every wrong credential, and keeps no session', async () => {
    const page = await freshPage();
    await page.goto(`${e2e.app.url}/app/demo/opportunity`);
    await visible(page.getByRole('heading', { name: '登录' }));
    expect(new URL(page.url()).pathname).toBe('/app/demo/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/app/demo/opportunity');

    const alert = page.getByRole('alert').filter({ hasText: '邮箱或密码错误' });
    for (const email of ['rep9@demo.local', 'nobody@demo.local']) {
      await page.getByLabel('邮箱').fill(email);
      await page.getByLabel('密码', { exact: true }).fill('not-the-password');
      const answer = page.waitForResponse((r) => r.url().endsWith('/auth/login'));
      await page.getByRole('button', { name: '登录' }).click();
      expect((await answer).status()).toBe(401);
      // The same words whether or not the address has an account.
      await visible(alert);
      await page.screenshot({ path: '/tmp/stagecraft-e2e-login-error.png' });
    }
    expect(await storedSession(page)).toBeNull();
    expect(new URL(page.url()).pathname).toBe('/app/demo/login');
    expect(await page.getByRole('navigation', { name: 'main' }).count()).toBe(0);
    // The failed password was cleared; typing again clears the message, and the form asks for
    // what is missing before asking the server.
    expect(await page.getByLabel('密码', { exact: true }).inputValue()).toBe('');
    await page.getByLabel('邮箱').fill('rep9@demo.local');
    await gone(alert);
    await page.getByRole('button', { name: '登录' }).click();
    await visible(page.getByText('请输入密码'));
    await page.context().close();
  }, 60_000);

  it('shows a rep only their own opportunities, without the gross margin, and no delete', async () => {
    const page = await freshPage();
    await signIn(page, e2e.app.url, 'rep1@demo.local');
    await visible(page.getByRole('heading', { name: '商机' }));
    await visible(page.locator('.ant-table-row'));

    const rep = await apiAs(e2e.app.url, 'rep1@demo.local');
    const total = await opportunityTotal(rep);
    expect(total).toBeGreaterThan(0);
    await visible(page.getByText(`${total} 条记录`));
    const owners = await columnTexts(page, '负责人');
    expect(owners.length).toBe(Math.min(total, 50));
    expect(new Set(owners)).toEqual(new Set([names.rep1]));
    // The hidden field is not a column, nor a filter.
    expect(await page.getByRole('columnheader', { name: '毛利率' }).count()).toBe(0);
    expect(await page.getByLabel('毛利率').count()).toBe(0);
    await page.screenshot({ path: '/tmp/stagecraft-e2e-rep-list.png' });

    await page.locator('.ant-table-row').first().locator('a').first().click();
    await visible(page.getByLabel('商机名称', { exact: true }));
    expect(await page.getByLabel('毛利率').count()).toBe(0);
    expect(await page.getByText('毛利率').count()).toBe(0);
    // The role's read-only field is shown but disabled; so is the owner, which a rep cannot hand over.
    expect(await page.getByLabel('赢单概率', { exact: true }).isDisabled()).toBe(true);
    expect(await page.getByLabel('负责人', { exact: true }).isDisabled()).toBe(true);
    await visible(page.locator('.ant-form-item').filter({ hasText: '负责人' }).getByText(names.rep1));
    // Reps may not delete opportunities; they may save them.
    await visible(page.getByRole('button', { name: '保存' }));
    expect(await page.getByRole('button', { name: '删除' }).count()).toBe(0);
    await page.getByRole('tab', { name: '历史记录' }).click();
    await visible(page.locator('.sc-history-entry'));
    expect(await page.locator('.sc-history-entry').getByText('毛利率').count()).toBe(0);
    await page.screenshot({ path: '/tmp/stagecraft-e2e-rep-record.png', fullPage: true });

    // Products are read-only for reps: no 新建.
    await page.getByRole('navigation', { name: 'main' }).getByRole('menuitem', { name: '产品' }).click();
    await visible(page.getByRole('heading', { name: '产品' }));
    await visible(page.locator('.ant-table-row'));
    expect(await page.getByRole('button', { name: '新建' }).count()).toBe(0);
    await page.context().close();
  }, 90_000);

  it("shows a manager the team's opportunities with the gross margin, and filters them by owner", async () => {
    const page = await freshPage();
    await signIn(page, e2e.app.url, 'manager1@demo.local');
    await visible(page.getByRole('heading', { name: '商机' }));
    await visible(page.locator('.ant-table-row'));

    const manager = await apiAs(e2e.app.url, 'manager1@demo.local');
    const rep = await apiAs(e2e.app.url, 'rep1@demo.local');
    const total = await opportunityTotal(manager);
    const repTotal = await opportunityTotal(rep);
    expect(total).toBeGreaterThan(repTotal);
    await visible(page.getByText(`${total} 条记录`));
    const team = new Set(['manager1', 'rep1', 'rep2', 'rep3', 'rep4', 'rep5'].map((id) => names[id]));
    const owners = new Set(await columnTexts(page, '负责人'));
    expect(owners.size).toBeGreaterThan(1);
    for (const owner of owners) expect(team, `owner ${owner}`).toContain(owner);
    await visible(page.getByRole('columnheader', { name: '毛利率' }));

    // The owner filter picks users by name; filtered to rep1 it shows exactly rep1's opportunities.
    await pickOption(page, '负责人', names.rep1, names.rep1); // the list is long: search it by name
    await page.keyboard.press('Escape');
    await visible(page.getByText(`${repTotal} 条记录`));
    expect(new Set(await columnTexts(page, '负责人'))).toEqual(new Set([names.rep1]));
    expect(new URL(page.url()).searchParams.get('f')).toContain('rep1');
    await page.screenshot({ path: '/tmp/stagecraft-e2e-manager-list.png' });

    await page.locator('.ant-table-row').first().locator('a').first().click();
    await visible(page.getByLabel('毛利率', { exact: true }));
    expect(await page.getByLabel('毛利率', { exact: true }).isDisabled()).toBe(false);
    await page.context().close();
  }, 90_000);

  it('sends an expired session back to sign in, then to the page it was on', async () => {
    const page = await freshPage();
    await page.goto(`${e2e.app.url}/app/demo/login`);
    // A session the server no longer knows (revoked, or from before a restart), not yet expired by the clock.
    await page.evaluate(() => window.localStorage.setItem('stagecraft.session.demo', JSON.stringify({
      token: 'eyJ0IjoiZGVtbyJ9.invalid', expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      user: { id: 'rep1', email: 'rep1@demo.local', name: 'x', roles: ['rep'] },
    })));
    await page.goto(`${e2e.app.url}/app/demo/account?q=%E7%9D%BF`);
    await visible(page.getByText('登录已过期，请重新登录'));
    const url = new URL(page.url());
    expect(url.pathname).toBe('/app/demo/login');
    expect(url.searchParams.get('next')).toBe('/app/demo/account?q=%E7%9D%BF');
    expect(await storedSession(page)).toBeNull();
    await signIn(page, e2e.app.url, 'rep1@demo.local');
    await visible(page.getByRole('heading', { name: '客户' }));
    expect(new URL(page.url()).pathname).toBe('/app/demo/account');
    expect(new URL(page.url()).searchParams.get('q')).toBe('睿');
    await page.context().close();
  }, 60_000);

  it('signs out from the user menu: back to the login page, the token is revoked, pages need signing in again', async () => {
    const page = await freshPage();
    await signIn(page, e2e.app.url, 'rep2@demo.local');
    const session = JSON.parse((await storedSession(page))!) as { token: string };
    const userButton = page.getByRole('button', { name: `用户菜单: ${names.rep2}` });
    await visible(userButton);
    await userButton.click();
    await visible(page.getByText('rep2@demo.local'));
    await page.screenshot({ path: '/tmp/stagecraft-e2e-user-menu.png' });
    await page.getByRole('menuitem', { name: '退出登录' }).click();

    await visible(page.getByRole('heading', { name: '登录' }));
    expect(new URL(page.url()).pathname).toBe('/app/demo/login');
    expect(await storedSession(page)).toBeNull();
    const me = await fetch(`${e2e.app.url}/api/t/demo/auth/me`, { headers: { authorization: `Bearer ${session.token}` } });
    expect(me.status).toBe(401);
    await page.goto(`${e2e.app.url}/app/demo/opportunity`);
    await visible(page.getByRole('heading', { name: '登录' }));
    expect(new URL(page.url()).pathname).toBe('/app/demo/login');
    await page.context().close();
  }, 60_000);
});
