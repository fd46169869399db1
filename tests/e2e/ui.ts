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
