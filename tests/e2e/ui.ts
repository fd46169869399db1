/**
 * Small page helpers in the user's terms (a field by its label, an option by
 * its text), so the tests read as what a rep does and sees. playwright-core
 * has no `expect`, hence `visible` / `gone` with timeouts.
 */
import type { Locator, Page } from 'playwright-core';

const TIMEOUT = 15_000;

/** Waits until one match is visible (antd keeps hidden copies of some texts, e.g. for aria labels). */
export const visible = (locator: Locator, timeout = TIMEOUT) => locator.filter({ visible: true }).first().waitFor({ state: 'visible', timeout });
export const gone = (locator: Locator, timeout = TIMEOUT) => locator.first().waitFor({ state: 'hidden', timeout });

/** The form item (label, input, messages) of the field labelled `label`. */
export const formItem = (page: Page, label: string) =>
  page.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) });

/** Opens a select by its label and picks the option showing `text`. */
export async function pickOption(page: Page, label: string, text: string, search?: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  if (search !== undefined) await input.fill(search);
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text });
  await visible(option);
  await option.first().click();
}

/** Types a date into an antd DatePicker and confirms it. */
export async function fillDate(page: Page, label: string, isoDate: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(isoDate);
  await input.press('Enter');
}

/** Waits for antd's zoom-in of a dialog to finish; a click during it can be lost. */
export const settled = (page: Page) =>
  page.waitForFunction(() => !document.querySelector('.ant-modal.ant-zoom-appear, .ant-modal.ant-zoom-enter'), undefined, { timeout: TIMEOUT });

export const DEMO_PASSWORD = 'demo1234';

/** Signs in on the login page the app shows (the current page must be it, or `/` is opened first). */
export async function signIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD) {
  if (!new URL(page.url(), baseUrl).pathname.endsWith('/login')) await page.goto(`${baseUrl}/`);
  await page.getByLabel('邮箱').or(page.getByLabel('E-mail')).fill(email);
  await page.getByLabel('密码', { exact: true }).or(page.getByLabel('Password', { exact: true })).fill(password);
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
  await visible(page.getByRole('navigation', { name: 'main' }));
}

const tokens = new Map<string, Promise<string>>();

async function tokenOf(root: string, email: string): Promise<string> {
  const answer = await fetch(`${root}/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (answer.status !== 200) throw new Error(`sign-in of ${email} failed: ${answer.status} ${await answer.text()}`);
  return ((await answer.json()) as { token: string }).token;
}

/**
 * The API as a user sees it: signs in with fetch (once per server and user:
 * sign-ins are rate limited) and returns a caller that sends the token.
 */
export async function apiAs(baseUrl: string, email: string, tenant = 'demo') {
  const root = `${baseUrl}/api/t/${tenant}`;
  const key = `${root}|${email}`;
  if (!tokens.has(key)) tokens.set(key, tokenOf(root, email).catch((e: unknown) => { tokens.delete(key); throw e; }));
  const token = await tokens.get(key)!;
  const call = async <T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${root}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
  return { token, call };
}

/** The texts of one column of the list table, found by its header. */
export async function columnTexts(page: Page, header: string): Promise<string[]> {
  return page.evaluate((name) => {
    const table = document.querySelector('.sc-record-list table');
    if (!table) return [];
    const headers = [...table.querySelectorAll('thead th')];
    const index = headers.findIndex((th) => th.textContent?.trim() === name);
    if (index < 0) throw new Error(`no column ${name}`);
    return [...table.querySelectorAll('tbody tr.ant-table-row')].map((tr) => tr.children[index]?.textContent?.trim() ?? '');
  }, header);
}
