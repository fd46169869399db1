/**
 * What every end-to-end test needs: the real server on a random port with a
 * fresh demo tenant, serving the built UI, and Debian's headless Chromium.
 * Never downloads a browser; fails (does not skip) when the UI is not built.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
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
