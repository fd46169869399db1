/**
 * What the login page says when the server stops trying: an account locked
 * after repeated failures, and sign-in attempts that come too fast. On a
 * server of its own, since it uses up the sign-in rate limit.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { e2eFile } from './harness.js';
import { DEMO_PASSWORD, visible } from './ui.js';

const e2e = e2eFile();
let page: Page | undefined;

beforeAll(async () => {
  page = await e2e.freshPage({ width: 1280, height: 800 });
  await page.goto(`${e2e.app.url}/app/demo/login`);
});

const attempt = (email: string, password = 'wrong-password') => fetch(`${e2e.app.url}/api/t/demo/auth/login`, {
  method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }),
});

async function signInOnPage(email: string, password: string): Promise<number> {
  await page!.getByLabel('邮箱').fill(email);
  await page!.getByLabel('密码', { exact: true }).fill(password);
  const answer = page!.waitForResponse((r) => r.url().endsWith('/auth/login'));
  await page!.getByRole('button', { name: '登录' }).click();
  return (await answer).status();
}

describe('sign-in limits', () => {
  it('says the account is locked, and until when, after five failures — even for the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt('rep8@demo.local')).status).toBe(401);
    expect(await signInOnPage('rep8@demo.local', DEMO_PASSWORD)).toBe(401);
    await visible(page!.getByRole('alert').filter({ hasText: /账户已暂时锁定。请于 \d{2}:\d{2} 后再试/ }));
    expect(await page!.evaluate(() => window.localStorage.getItem('stagecraft.session.demo'))).toBeNull();
  }, 60_000);

  it('says to wait when sign-in attempts come too fast', async () => {
    // Ten attempts a minute are allowed; keep trying until the server turns one away.
    let status = 0;
    for (let i = 0; i < 11 && status !== 429; i++) status = (await attempt('rep10@demo.local')).status;
    expect(status).toBe(429);
    expect(await signInOnPage('rep10@demo.local', DEMO_PASSWORD)).toBe(429);
    await visible(page!.getByRole('alert').filter({ hasText: /尝试过于频繁，请 \d+ 秒后再试/ }));
    await page!.screenshot({ path: '/tmp/stagecraft-e2e-login-rate-limited.png' });
    expect(await page!.evaluate(() => window.localStorage.getItem('stagecraft.session.demo'))).toBeNull();
  }, 60_000);

  // The limit is per address, tenant and e-mail: one user's failures do not lock out a colleague.
  it('still lets another user sign in from the same address', async () => {
    expect((await attempt('rep1@demo.local', DEMO_PASSWORD)).status).toBe(200);
  });
});
