/**
 * Page helpers for the pipeline board, in the user's terms: a column by its
 * stage label, a card by its title, a drag with the mouse.
 */
import type { Locator, Page } from 'playwright-core';

/** A stage's column; its accessible name is the stage label. */
export const column = (page: Page, stage: string) => page.getByRole('region', { name: stage, exact: true });

/** The card titled exactly `title` inside `scope` (a column or the page). */
export function card(scope: Page | Locator, title: string): Locator {
  // The inner locator of `has` is matched inside each card, so it starts from the page.
  const page = 'page' in scope && typeof scope.page === 'function' ? scope.page() : (scope as Page);
  return scope.locator('.sc-board-card').filter({ has: page.locator('.sc-board-card-title').getByText(title, { exact: true }) });
}

/** Drags `what` onto `target` with the mouse, in small steps as a hand would. */
export async function dragTo(page: Page, what: Locator, target: Locator) {
  await what.scrollIntoViewIfNeeded();
  const from = await what.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('the card or the column is not on screen');
  const x = from.x + from.width / 2;
  const y = from.y + Math.min(20, from.height / 2);
  await page.mouse.move(x, y);
  await page.mouse.down();
  // Past the few pixels that tell a drag from a click.
  await page.mouse.move(x + 12, y + 8, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + Math.min(120, to.height / 2), { steps: 16 });
  await page.mouse.up();
}

/** The record counts the column heads show, by stage label (e.g. `{ 需求确认: 8 }`). */
export async function columnCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('.sc-board-column')].map((c) => [
    c.querySelector('.sc-board-column-label')?.textContent ?? '',
    Number((c.querySelector('.sc-board-column-count')?.textContent ?? '').replace(/\D/g, '')),
  ])));
}

/** Starts keeping every text dnd-kit's live region speaks (each one replaces the last on screen). */
export async function recordAnnouncements(page: Page) {
  await page.evaluate(() => {
    const region = document.querySelector('[id^="DndLiveRegion"]');
    if (!region) throw new Error('no live region: is the board shown?');
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, { childList: true, characterData: true, subtree: true });
  });
}

/** Waits until the live region has spoken `text`. */
export const announced = (page: Page, text: string) =>
  page.waitForFunction((t) => (window as unknown as { said?: string[] }).said?.some((s) => s.includes(t)), text, { timeout: 15_000 });

type Point = { x: number; y: number };

/** A finger on the screen at `start`, held `holdMs`, slid to `end` and lifted (Chromium's touch events through the DevTools protocol; playwright only taps). */
async function slide(page: Page, start: Point, end: Point, holdMs: number) {
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', p?: Point) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: p ? [{ x: p.x, y: p.y }] : [] });
  await touch('touchStart', start);
  if (holdMs) await page.waitForTimeout(holdMs);
  const steps = 12;
  for (let i = 1; i <= steps; i++) {
    await touch('touchMove', { x: start.x + ((end.x - start.x) * i) / steps, y: start.y + ((end.y - start.y) * i) / steps });
    await page.waitForTimeout(16);
  }
  await touch('touchEnd');
  await cdp.detach();
}

/** Where on `what` a finger can touch it: its visible part. */
async function touchPoint(page: Page, what: Locator): Promise<Point> {
  const box = await what.boundingBox();
  if (!box) throw new Error('not on screen');
  const width = page.viewportSize()!.width;
  return { x: Math.max(Math.min(box.x + 40, width - 10), box.x + 10), y: box.y + Math.min(20, box.height / 2) };
}

/** A long press on `what` (longer than the touch sensor's delay), then a slide onto `target`. */
export async function longPressDragTo(page: Page, what: Locator, target: Locator) {
  const start = await touchPoint(page, what);
  const to = await target.boundingBox();
  if (!to) throw new Error('the column is not on screen');
  const end = { x: Math.max(Math.min(to.x + to.width / 2, page.viewportSize()!.width - 10), to.x + 10), y: to.y + Math.min(120, to.height / 2) };
  await slide(page, start, end, 400);
}

/** A quick sideways swipe starting on `what`, by `dx` pixels. */
export async function swipe(page: Page, what: Locator, dx: number) {
  const start = await touchPoint(page, what);
  await slide(page, start, { x: start.x + dx, y: start.y }, 0);
}
