/**
 * A new admin in the builder, in headless Chromium on a 1366×768 laptop
 * screen against the real server: adds a select field 客户来源 to accounts,
 * drags it onto the account form with the pointer and moves another field
 * with the keyboard, makes it required when the grading is 重要, publishes,
 * and a rep then cannot save an important account without it. Then the
 * publish is rolled back from the history, and a stale publish is refused.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eFile } from './harness.js';
import { apiAs, DEMO_PASSWORD, formItem, pickOption, settled, signIn, visible } from './ui.js';

const ADMIN = 'admin@demo.local';
const REP = 'rep1@demo.local';

const e2e = e2eFile();

const laptopPage = () => e2e.freshPage({ width: 1366, height: 768 });

/** Drags with real pointer events, in steps, so dnd-kit's pointer sensor sees a drag (not a click). */
async function drag(page: Page, from: Locator, to: Locator) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 10, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 20 });
  await page.waitForTimeout(150);
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2 + 2, { steps: 2 });
  await page.mouse.up();
}

const sectionFields = (page: Page, section: string) =>
  page.locator(`[data-section="${section}"] .sd-canvas-field`).evaluateAll((els) => els.map((e) => e.getAttribute('data-field')));

/** Fills a commit-on-blur input and leaves it, so the edit lands in the draft. */
async function fillAndLeave(input: Locator, text: string) {
  await input.fill(text);
  await input.press('Tab');
}

describe('builder', () => {
  let admin: Page;

  it('refuses a rep with a clear page', async () => {
    const page = await laptopPage();
    // Not signed in: the builder sends them to sign in, then back to the builder, which refuses a rep.
    await page.goto(`${e2e.app.url}/builder/demo`);
    await page.waitForURL(/\/app\/demo\/login\?next=%2Fbuilder%2Fdemo/);
    await page.getByLabel('邮箱').fill(REP);
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await visible(page.getByText('无权访问设计器'));
    expect(new URL(page.url()).pathname).toBe('/builder/demo');
    await page.context().close();
  });

  it('adds the select field 客户来源 with three options, with undo and redo', async () => {
    admin = await laptopPage();
    await signIn(admin, e2e.app.url, ADMIN);
    await admin.getByRole('button', { name: /^用户菜单/ }).click();
    await admin.getByRole('menuitem', { name: '设计器' }).click();
    await visible(admin.getByRole('heading', { name: /客户\s*account/ }));

    await admin.getByRole('button', { name: '添加字段' }).click();
    await settled(admin);
    const dialog = admin.getByRole('dialog', { name: '添加字段' });
    await pickOption(admin, '字段类型', '单选', '单选');
    await dialog.getByLabel('中文名称', { exact: true }).fill('客户来源');
    await dialog.getByLabel('英文名称', { exact: true }).fill('Lead source');
    expect(await dialog.getByLabel('API 名称', { exact: true }).inputValue()).toBe('leadSource');
    await dialog.getByRole('button', { name: '创建' }).click();
    const row = admin.locator('.sd-field-row[data-field="leadSource"]');
    await visible(row);

    // Undo takes the new field out of the whole draft; redo brings it back.
    await admin.locator('body').click({ position: { x: 5, y: 300 } });
    await admin.keyboard.press('Control+z');
    await row.waitFor({ state: 'detached' });
    await admin.keyboard.press('Control+Shift+z');
    await visible(row);
    await row.click();

    const options = admin.getByRole('group', { name: '选项' }).or(admin.locator('fieldset'));
    await options.getByRole('button', { name: '添加选项' }).click();
    await options.getByRole('button', { name: '添加选项' }).click();
    const values = [['web', '官网', 'Website'], ['fair', '展会', 'Trade fair'], ['referral', '转介绍', 'Referral']];
    for (const [i, [value, zh, en]] of values.entries()) {
      await fillAndLeave(admin.getByLabel(`值 ${i + 1}`, { exact: true }), value);
      await fillAndLeave(admin.getByLabel(`中文名称 ${i + 1}`, { exact: true }), zh);
      await fillAndLeave(admin.getByLabel(`英文名称 ${i + 1}`, { exact: true }), en);
    }
    expect(await admin.locator('[data-option]').count()).toBe(3);
    expect(await admin.locator('.sd-issue').count()).toBe(0);
  });

  it('drags it into the second section of the account form, moves a field with the keyboard, and sets the rule', async () => {
    await admin.getByText('表单', { exact: true }).click();
    const paletteItem = admin.locator('.sd-palette-item[data-field="leadSource"]');
    await visible(paletteItem);
    expect(await sectionFields(admin, 'contactInfo')).toEqual(['phone', 'website', 'address']);

    await drag(admin, paletteItem, admin.locator('[data-section="contactInfo"] .sd-canvas-field[data-field="website"]'));
    await admin.locator('[data-section="contactInfo"] [data-field="leadSource"]').waitFor();
    expect(await sectionFields(admin, 'contactInfo')).toContain('leadSource');
    expect(await admin.locator('.sd-palette-item[data-field="leadSource"]').count()).toBe(0);

    // Keyboard sensor: pick up 电话 (phone), move it one place on, drop it; the live region says where it went.
    const before = await sectionFields(admin, 'contactInfo');
    const phone = admin.locator('[data-section="contactInfo"] .sd-canvas-field[data-field="phone"]');
    await phone.focus();
    await admin.keyboard.press('Space');
    await admin.waitForTimeout(200);
    await admin.keyboard.press('ArrowRight');
    await admin.waitForTimeout(300);
    await admin.keyboard.press('Space');
    await admin.waitForFunction(() => [...document.querySelectorAll('[id^="DndLiveRegion"]')].some((e) => /已放入/.test(e.textContent ?? '')));
    const after = await sectionFields(admin, 'contactInfo');
    expect(after).not.toEqual(before);
    expect(after.indexOf('phone')).toBeGreaterThan(before.indexOf('phone'));

    // Required when grading is 重要: built in the condition editor, no JSON typed.
    await admin.locator('[data-section="contactInfo"] .sd-canvas-field[data-field="leadSource"]').click();
    const required = admin.getByRole('group', { name: '满足条件时必填' });
    await required.getByRole('button', { name: '添加条件' }).click();
    await visible(required.getByLabel('字段', { exact: true }));
    expect(await required.locator('.sd-cond-row').innerText()).toContain('客户分级');
    expect(await required.locator('.sd-cond-row').innerText()).toContain('重要');

    // The live preview renders the form with the app's renderer; the rule acts as the grading changes.
    await admin.getByText('实时预览', { exact: true }).click();
    const preview = admin.getByTestId('form-preview');
    await visible(preview.getByLabel('客户来源', { exact: true }));
    await pickOption(admin, '客户分级', '普通');
    expect(await formItem(admin, '客户来源').locator('.ant-form-item-required').count()).toBe(0);
    await pickOption(admin, '客户分级', '重要');
    await visible(formItem(admin, '客户来源').locator('.ant-form-item-required'));
  });

  let accountId = '';

  it('publishes, and a rep cannot save an important account without 客户来源', async () => {
    // One of rep1's accounts is graded 重要 by the admin (reps may not change the grading).
    const rep = await apiAs(e2e.app.url, REP);
    const adminApi = await apiAs(e2e.app.url, ADMIN);
    const mine = await rep.call<{ items: { id: string; version: number }[] }>('GET', '/records/account?pageSize=1&sort=name');
    accountId = mine.body.items[0].id;
    const graded = await adminApi.call('PATCH', `/records/account/${accountId}`, { grading: 'important', industry: 'internet', version: mine.body.items[0].version });
    expect(graded.status).toBe(200);

    await admin.getByRole('button', { name: /保存草稿/ }).click();
    await visible(admin.getByText('草稿已保存'));
    await admin.getByText('发布', { exact: true }).click();
    await visible(admin.getByText('校验通过，没有错误'));
    // The diff against the published version lists the account entity and form as changed.
    await visible(admin.locator('[data-diff="entity:account"]'));
    await visible(admin.locator('[data-diff="form:accountDefault"]'));
    await admin.getByLabel('发布说明').fill('客户新增“客户来源”字段');
    await admin.getByRole('button', { name: /发布$/ }).click();
    await visible(admin.getByText(/已发布版本 \d+/));

    // The server enforces the form's rule too.
    const current = await rep.call<{ version: number }>('GET', `/records/account/${accountId}`);
    const refused = await rep.call<{ error: { details: { path: string }[] } }>('PATCH', `/records/account/${accountId}`, { phone: '010-12345678', version: current.body.version });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.map((d) => d.path)).toContain('/leadSource');

    const page = await laptopPage();
    await signIn(page, e2e.app.url, REP);
    await page.goto(`${e2e.app.url}/app/demo/account/${accountId}`);
    await visible(formItem(page, '客户来源').locator('.ant-form-item-required'));
    await page.getByLabel('电话', { exact: true }).fill('010-12345678');
    await page.getByRole('button', { name: '保存' }).click();
    await visible(formItem(page, '客户来源').locator('.ant-form-item-explain-error'));
    await pickOption(page, '客户来源', '展会');
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.getByText('已保存'));
    const saved = await rep.call<{ leadSource: string }>('GET', `/records/account/${accountId}`);
    expect(saved.body.leadSource).toBe('fair');
    await page.context().close();
  });

  it('rolls the publish back from the history', async () => {
    const api = await apiAs(e2e.app.url, ADMIN);
    await admin.getByText('版本历史', { exact: true }).click();
    await visible(admin.getByText('客户新增“客户来源”字段'));
    const { body } = await api.call<{ items: { version: number }[] }>('GET', '/definitions/versions');
    const [latest, previous] = body.items;
    await admin.locator(`[data-rollback="${previous.version}"]`).click();
    await admin.getByRole('button', { name: '确定' }).click();
    await visible(admin.getByText(`已回滚到版本 ${previous.version}`));
    const now = await api.call<{ version: number; published: { kind: string; name: string; fields?: { name: string }[] }[] }>('GET', '/definitions');
    expect(now.body.version).toBe(latest.version + 1);
    const account = now.body.published.find((d) => d.kind === 'entity' && d.name === 'account') as { fields?: { name: string; archived?: boolean }[] } | undefined;
    // The rollback keeps a field added since (its data may exist) but archives it: it leaves forms and validation.
    expect(account?.fields?.find((f) => f.name === 'leadSource')).toMatchObject({ archived: true });
    // The rule left with the field: an important account saves without it again, and the stored value is kept.
    const rep = await apiAs(e2e.app.url, REP);
    const current = await rep.call<{ version: number; leadSource?: string }>('GET', `/records/account/${accountId}`);
    const saved = await rep.call('PATCH', `/records/account/${accountId}`, { phone: '010-87654321', version: current.body.version });
    expect(saved.status).toBe(200);
  });

  it('refuses a publish based on a stale version and says which version is newer', async () => {
    await admin.getByText('对象', { exact: true }).click();
    await admin.locator('.sd-field-row[data-field="website"]').click();
    await fillAndLeave(admin.getByLabel('英文名称', { exact: true }), 'Web site');
    await admin.getByRole('button', { name: /保存草稿/ }).click();
    await visible(admin.getByText('草稿已保存'));
    // Another admin publishes meanwhile.
    const other = await apiAs(e2e.app.url, ADMIN);
    const published = await other.call<{ version: number }>('POST', '/definitions/publish', { message: 'other admin' });
    expect(published.status).toBe(201);
    await admin.getByText('发布', { exact: true }).click();
    await visible(admin.getByText('校验通过，没有错误'));
    await admin.getByRole('button', { name: /发布$/ }).click();
    await visible(admin.getByText(`其他人已发布版本 ${published.body.version}`, { exact: false }));
  });

  it('lists validation errors with their paths and opens the faulty field from one', async () => {
    await admin.getByRole('button', { name: '重新加载' }).click();
    await admin.getByText('对象', { exact: true }).click();
    await admin.getByRole('button', { name: '添加字段' }).click();
    await settled(admin);
    const dialog = admin.getByRole('dialog', { name: '添加字段' });
    await dialog.getByLabel('字段类型', { exact: true }).click();
    await dialog.getByLabel('字段类型', { exact: true }).fill('公式');
    await admin.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '公式' }).first().click();
    await dialog.getByLabel('中文名称', { exact: true }).fill('评分');
    await dialog.getByLabel('英文名称', { exact: true }).fill('Score');
    await dialog.getByRole('button', { name: '创建' }).click();
    // The formula is checked in the browser as it is typed, with the runtime's own compiler.
    const formula = admin.getByRole('textbox', { name: '公式', exact: true });
    await formula.fill('employes * 2');
    await visible(admin.getByText(/公式错误.*employes/));
    await formula.fill('employees * 2');
    await visible(admin.getByText('语法正确'));
    await visible(admin.getByTestId('formula-preview').getByText('20'));
    await formula.fill('employes * 2');
    await formula.press('Tab');
    await admin.getByRole('button', { name: /保存草稿/ }).click();
    await visible(admin.getByText('草稿已保存'));

    await admin.getByText('发布', { exact: true }).click();
    const issue = admin.locator('[data-issue-path^="/entity/account/fields/"]');
    await visible(issue);
    expect(await issue.innerText()).toContain('employes');
    await issue.first().click();
    await visible(admin.locator('.sd-field-row[data-field="score"][aria-selected="true"]'));
    await visible(admin.locator('.ant-alert-error').filter({ hasText: '/entity/account/fields/' }));
    await visible(admin.locator('.sd-field-row[data-field="score"] .sd-issue'));
    // Deleting the unpublished field removes it.
    await admin.getByRole('button', { name: '删除 评分' }).click();
    await admin.getByRole('button', { name: '确定' }).click();
    await admin.locator('.sd-field-row[data-field="score"]').waitFor({ state: 'detached' });
  });

  it('guards unsaved changes when leaving, and speaks English on request', async () => {
    await admin.getByText('对象', { exact: true }).click();
    await admin.locator('.sd-field-row[data-field="website"]').click();
    await fillAndLeave(admin.getByLabel('中文名称', { exact: true }), '公司网址');
    await visible(admin.locator('.ant-badge-dot'));
    // Leaving asks first; staying keeps the edit.
    admin.once('dialog', (d) => void d.dismiss());
    await admin.getByRole('button', { name: /返回应用/ }).click();
    expect(new URL(admin.url()).pathname).toBe('/builder/demo');
    await visible(admin.locator('.sd-field-row[data-field="website"]').getByText('公司网址'));

    await admin.getByText('English', { exact: true }).click();
    await visible(admin.getByText('Entities', { exact: true }));
    await visible(admin.getByRole('button', { name: /Save draft/ }));
    admin.once('dialog', (d) => void d.accept());
    await admin.getByRole('button', { name: /Back to app/ }).click();
    await admin.waitForURL(/\/app\/demo/);
  });
});
