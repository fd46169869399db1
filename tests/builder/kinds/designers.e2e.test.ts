/**
 * The kind designers in headless Chromium, mounted by their dev harness on the
 * b2b-crm definitions, against the real server with the demo tenant: stages
 * and actions reordered by keyboard and by pointer, a transition allowed in
 * the matrix, and a workflow tested on a record through the dry-run API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../server/start.js';
import { startKindsHarness } from '../../../builder/src/designer/kinds/harness/devServer.js';
import { launchBrowser } from '../../e2e/harness.js';

let browser: Browser;
let closeAll: () => Promise<void>;
let harnessUrl: string;
let token: string;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'stagecraft-kinds-'));
  const server = await startServer({ port: 0, dataDir, seedDemo: true, logger: false, scheduler: false });
  const harness = await startKindsHarness({ apiUrl: server.url });
  harnessUrl = harness.url;
  const login = await fetch(`${server.url}/api/t/demo/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@demo.local', password: 'demo1234' }) });
  token = ((await login.json()) as { token: string }).token;
  browser = await launchBrowser();
  closeAll = async () => {
    await browser.close();
    await harness.server.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}, 180_000);

afterAll(async () => { await closeAll?.(); });

async function open(kind: string, name: string, locale = 'en'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${harnessUrl}/?kind=${kind}&name=${name}&locale=${locale}&tenant=demo&token=${token}`);
  await page.locator('[data-testid=json]').waitFor({ timeout: 60_000 });
  return page;
}

/** Keys at a person's pace: dnd-kit measures the drop targets just after the pick-up. */
async function keys(page: Page, ...names: string[]) {
  for (const name of names) {
    await page.keyboard.press(name);
    await page.waitForTimeout(150);
  }
}

/** Opens "test on a record", picks the first record the API lists and runs the dry run. */
async function dryRunFirstRecord(page: Page) {
  await page.getByText('Test on a record').click();
  await page.getByRole('combobox', { name: 'Pick a record' }).click();
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
  await option.waitFor({ timeout: 30_000 });
  await option.click();
  await page.getByRole('button', { name: 'Dry run' }).click();
  return page.locator('.sc-dry-run');
}

async function pick(page: Page, combo: ReturnType<Page['locator']>, option: string) {
  await combo.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

const definition = async (page: Page) => JSON.parse((await page.locator('[data-testid=json]').textContent())!);

// A shared 2-CPU machine: a first page load through Vite's dev server can take a while.
describe('kind designers in Chromium', { timeout: 120_000 }, () => {
  it('reorders pipeline stages with the keyboard and with the pointer, and announces the move', async () => {
    const page = await open('pipeline', 'leadStatus');
    expect((await definition(page)).stages.map((s: { value: string }) => s.value)).toEqual(['new', 'contacted', 'qualified', 'converted', 'disqualified']);

    await page.locator('.sc-drag-handle').first().focus();
    await keys(page, 'Space', 'ArrowRight', 'ArrowRight', 'Space');
    await expect.poll(async () => (await definition(page)).stages.map((s: { value: string }) => s.value)).toEqual(['contacted', 'qualified', 'new', 'converted', 'disqualified']);
    await expect.poll(() => page.locator('[id^=DndLiveRegion]').textContent()).toContain('New dropped at the place of Qualified');

    const handle = (await page.locator('.sc-drag-handle').nth(2).boundingBox())!;
    const target = (await page.locator('[data-drag-id]').nth(0).boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + 20, handle.y + 5, { steps: 5 });
    await page.mouse.move(target.x + target.width / 2, target.y + 40, { steps: 15 });
    await page.mouse.up();
    await expect.poll(async () => (await definition(page)).stages.map((s: { value: string }) => s.value)).toEqual(['new', 'contacted', 'qualified', 'converted', 'disqualified']);
    await page.close();
  });

  it('allows a transition by clicking its matrix cell and sets who may take it', async () => {
    const page = await open('pipeline', 'opportunityStage');
    const before = (await definition(page)).transitions.length;
    await page.getByRole('button', { name: 'Negotiation → Prospecting: Forbidden' }).click();
    await expect.poll(async () => (await definition(page)).transitions.length).toBe(before + 1);
    await page.getByRole('checkbox', { name: "Owner's manager" }).check();
    const added = (await definition(page)).transitions.at(-1);
    expect(added).toEqual({ from: 'negotiation', to: 'prospecting', allowed: { manager: true } });
    expect(await page.locator('[data-testid=issues]').textContent()).toBe('[]');
    await page.close();
  });

  it('reorders workflow actions with the keyboard and tests the workflow on a record', async () => {
    const page = await open('workflow', 'wonNotifyManager');
    await page.locator('.sc-workflow-designer .sc-drag-handle').first().focus();
    await keys(page, 'Space', 'ArrowDown', 'Space');
    await expect.poll(async () => (await definition(page)).actions.map((a: { type: string }) => a.type)).toEqual(['createRecord', 'notify']);

    const result = await dryRunFirstRecord(page);
    await expect.poll(() => result.textContent(), { timeout: 15_000 }).toContain('Conditions hold: the actions would run');
    const text = (await result.textContent())!;
    expect(text).toContain('Notify');
    expect(text).toContain('would run');
    expect(text).toMatch(/message\.zh-CN: .+ 已赢单，金额 \d+ 元。/);
    // The template previews now render the picked record, as the dry run did.
    const rendered = text.match(/message\.zh-CN: (.+? 已赢单，金额 \d+ 元。)/)![1]!;
    await expect.poll(async () => (await page.locator('.sc-template-preview').allTextContents()).join('\n')).toContain(rendered);
    await page.close();
  });

  it('shows the trace of a false condition with the values seen', async () => {
    const page = await open('workflow', 'quoteAutoApprove');
    const result = await dryRunFirstRecord(page);
    await expect.poll(() => result.textContent(), { timeout: 15_000 }).toMatch(/Conditions (do not )?hold/);
    expect(await result.textContent()).toMatch(/Discountis greater than15seen:/);
    await page.close();
  });

  it('builds "amount over 1,000,000 → notify the owner\'s manager" without typing JSON', async () => {
    const page = await open('workflow', 'wonNotifyManager');
    await page.getByTestId('create').click();
    await pick(page, page.getByRole('combobox', { name: 'Entity', exact: true }), 'Opportunity');
    await pick(page, page.getByRole('combobox', { name: 'Trigger' }), 'Record updated');
    await page.getByRole('button', { name: '+ Add condition' }).click();
    const rule = page.locator('.sc-cond-rule').first();
    await pick(page, rule.getByRole('combobox', { name: 'Field' }), 'Amount');
    await pick(page, rule.getByRole('combobox', { name: 'Operator' }), 'is greater than');
    await rule.getByRole('spinbutton', { name: 'Value' }).fill('1000000');
    await pick(page, page.getByRole('combobox', { name: 'Recipient' }), "Owner's manager");
    await expect.poll(async () => (await definition(page)).conditions).toEqual({ all: [{ fact: 'amount', operator: 'greaterThan', value: 1000000 }] });
    const wf = await definition(page);
    expect(wf).toMatchObject({ entity: 'opportunity', trigger: { type: 'recordUpdated' }, actions: [{ type: 'notify', to: { type: 'ownerManager' } }] });
    expect(await page.locator('[data-testid=issues]').textContent()).toBe('[]');
    // Not published yet: the dry run tests the workflow as edited, with the amount it saw.
    const result = await dryRunFirstRecord(page);
    await expect.poll(async () => (await result.count()) && (await result.textContent()), { timeout: 15_000 }).toMatch(/Amountis greater than1000000seen:/);
    expect(await result.textContent()).toMatch(/Conditions (hold|do not hold)/);
    expect(await page.getByText(/Dry run failed/).count()).toBe(0);
    await page.close();
  });
});
