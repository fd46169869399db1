/**
 * The builder's pipeline and workflow designers as a new admin uses them, in
 * headless Chromium on a laptop screen against the real server: a new stage
 * for the opportunity pipeline (first an option of the stage field, then the
 * stage, moved into place with the keyboard), and the workflow "amount over
 * 1,000,000 → notify the owner's manager" built without JSON, tested on a
 * record, published — and the manager's bell shows it after a rep's save.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { e2eFile } from './harness.js';
import { apiAs, signIn, visible } from './ui.js';

const ADMIN = 'admin@demo.local';
const e2e = e2eFile();
let admin: Page;

beforeAll(async () => {
  admin = await e2e.freshPage({ width: 1366, height: 768 });
});

async function fillAndLeave(input: Locator, text: string) {
  await input.fill(text);
  await input.press('Tab');
}

/** No select's dropdown is open (they fade out after a choice). */
const dropdownsClosed = (page: Page) => expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);

async function pick(page: Page, combo: Locator, option: string | RegExp) {
  await combo.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  await dropdownsClosed(page);
}

/** Keys at a person's pace: dnd-kit measures the drop targets right after the pick-up. */
async function keys(page: Page, ...names: string[]) {
  for (const name of names) {
    await page.keyboard.press(name);
    await page.waitForTimeout(200);
  }
}

const stageOrder = (page: Page) => page.locator('.sc-pipeline-designer [data-drag-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-drag-id')));

async function area(page: Page, name: string) {
  await page.locator('.sd-header .ant-segmented-item', { hasText: name }).click();
}

async function newDefinition(page: Page, name: string) {
  await page.getByRole('button', { name: /新建/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('API 名称').fill(name);
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await visible(page.locator('.sd-kind-item-active', { hasText: name }));
}

async function saveAndPublish(page: Page, message: string) {
  await page.getByRole('button', { name: /保存草稿/ }).click();
  await visible(page.getByText('草稿已保存'));
  await area(page, '发布');
  await visible(page.getByText('校验通过，没有错误'));
  await page.getByLabel('发布说明').fill(message);
  await page.getByRole('button', { name: /发布$/ }).click();
  await visible(page.getByText(/已发布版本 \d+/));
}

describe('pipeline and workflow designers in the builder', () => {
  it('adds a stage to the opportunity pipeline and moves it into place with the keyboard', async () => {
    await signIn(admin, e2e.app.url, ADMIN);
    await admin.goto(`${e2e.app.url}/builder/demo`);
    await admin.locator('.sd-entity-item', { hasText: /^商机$/ }).click();
    await admin.locator('.sd-field-row[data-field="stage"]').click();
    await admin.getByRole('button', { name: '添加选项' }).click();
    await fillAndLeave(admin.getByLabel('值 7', { exact: true }), 'review');
    await fillAndLeave(admin.getByLabel('中文名称 7', { exact: true }), '方案评审');
    await fillAndLeave(admin.getByLabel('英文名称 7', { exact: true }), 'Review');

    await area(admin, '阶段管道');
    await admin.locator('.sd-kind-item', { hasText: 'opportunityStage' }).click();
    await admin.getByRole('button', { name: /添加阶段/ }).click();
    await admin.getByRole('menuitem', { name: '方案评审' }).click();
    // A new open stage goes before the closing ones.
    await expect.poll(() => stageOrder(admin)).toEqual(['prospecting', 'qualification', 'proposal', 'negotiation', 'review', 'won', 'lost']);

    // Keyboard: pick up the new stage, move it one place left (right after 方案报价), drop it.
    await admin.waitForTimeout(300);
    await admin.locator('.sc-pipeline-designer [data-drag-id="review"] .sc-drag-handle').focus();
    await keys(admin, 'Space', 'ArrowLeft', 'Space');
    await expect.poll(() => stageOrder(admin)).toEqual(['prospecting', 'qualification', 'proposal', 'review', 'negotiation', 'won', 'lost']);
    await expect.poll(() => admin.locator('[id^=DndLiveRegion]').allTextContents().then((t) => t.join(' '))).toMatch(/方案评审/);

    await saveAndPublish(admin, '商机管道新增“方案评审”阶段');
    const api = await apiAs(e2e.app.url, ADMIN);
    const { body } = await api.call<{ published: { kind: string; name: string; stages?: { value: string }[] }[] }>('GET', '/definitions');
    const pipeline = body.published.find((d) => d.kind === 'pipeline' && d.name === 'opportunityStage');
    expect(pipeline?.stages?.map((s) => s.value)).toEqual(['prospecting', 'qualification', 'proposal', 'review', 'negotiation', 'won', 'lost']);
  });

  it('builds "amount over 1,000,000 → notify the owner\'s manager", tests it on a record, publishes it, and the manager is notified after a save', async () => {
    await area(admin, '工作流');
    await newDefinition(admin, 'bigDealAlert');
    const editor = admin.locator('.sc-workflow-designer');
    await pick(admin, editor.getByRole('combobox', { name: '对象', exact: true }), '商机');
    await pick(admin, editor.getByRole('combobox', { name: '触发条件' }), '记录更新时');
    await editor.getByRole('button', { name: /添加条件/ }).first().click();
    const rule = editor.locator('.sc-cond-rule').first();
    await pick(admin, rule.getByRole('combobox', { name: '字段' }), '金额');
    await pick(admin, rule.getByRole('combobox', { name: '运算符' }), /^大于$/);
    await rule.getByRole('spinbutton', { name: '值' }).fill('1000000');
    await rule.getByRole('spinbutton', { name: '值' }).press('Tab');
    await pick(admin, editor.getByRole('combobox', { name: '接收人' }), /经理/);

    // Test on a record before publishing: the trace shows the amount it saw and what would happen.
    await editor.getByText('在记录上测试').click();
    await editor.getByRole('combobox', { name: '选择一条记录' }).click();
    const option = admin.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    await option.waitFor();
    await option.click();
    await editor.getByRole('button', { name: '试运行' }).click();
    const trace = editor.locator('.sc-dry-run');
    await expect.poll(async () => (await trace.count()) && (await trace.textContent()), { timeout: 20_000 }).toMatch(/金额大于1000000/);
    expect(await trace.textContent()).toMatch(/条件(成立|不成立)/);

    await saveAndPublish(admin, '大单提醒经理');

    // rep1 saves a deal over 1,000,000 in the app; manager1's bell shows the workflow's notification.
    const rep = await apiAs(e2e.app.url, 'rep1@demo.local');
    const deals = await rep.call<{ items: { id: string; name: string; version: number; stage: string }[] }>('GET', '/records/opportunity?pageSize=50&sort=name');
    const deal = deals.body.items.find((d) => !['won', 'lost'].includes(d.stage))!;
    const saved = await rep.call('PATCH', `/records/opportunity/${deal.id}`, { amount: 1_500_000, version: deal.version });
    expect(saved.status).toBe(200);

    const manager = await e2e.freshPage({ width: 1366, height: 768 });
    await signIn(manager, e2e.app.url, 'manager1@demo.local');
    await manager.getByRole('button', { name: /^通知/ }).click();
    await visible(manager.getByText(new RegExp(deal.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).first());
    await manager.context().close();
  });
});
