/**
 * What every end-to-end test needs: the real server on a random port with a
 * fresh demo tenant, serving the built UI, and Debian's headless Chromium.
 * Never downloads a browser; fails (does not skip) when the UI is not built.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startServer } from '../../server/start.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST_DIR = join(repoRoot, 'dist');
export const CHROMIUM = '/usr/bin/chromium';

export interface RunningApp {
  url: string;
  close(): Promise<void>;
}

export async function startApp(): Promise<RunningApp> {
  if (!existsSync(join(DIST_DIR, 'index.html'))) {
    throw new Error(`the UI is not built: ${DIST_DIR}/index.html is missing. Run \`npm run build\` first (\`npm test\` does).`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'stagecraft-e2e-'));
  const server = await startServer({ port: 0, dataDir, seedDemo: true, staticDir: DIST_DIR, logger: false });
  return {
    url: server.url,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface E2eFile {
  readonly app: RunningApp;
  readonly browser: Browser;
  /** A new user's page: a fresh browser context (no stored language, no session), zh-CN, 15 s timeouts. */
  freshPage(viewport?: { width: number; height: number }): Promise<Page>;
}

/**
 * The server and the browser of one test file: started before its tests (and
 * before the file's own beforeAll, when called first), closed after them.
 */
export function e2eFile(): E2eFile {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`the ${what} is not started: use it inside tests or hooks`);
    return value;
  };
  return {
    get app() { return started(app, 'app'); },
    get browser() { return started(browser, 'browser'); },
    async freshPage(viewport = { width: 1440, height: 900 }) {
      const context = await started(browser, 'browser').newContext({ viewport, locale: 'zh-CN' });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
  };
}
