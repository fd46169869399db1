/** A real runtime on a fresh embedded store in a temp folder, with the fastify app to `inject` into. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openStore } from '../../runtime/store/open.js';
import { Runtime } from '../../runtime/runtime.js';
import type { Store } from '../../runtime/store/port.js';
import { build } from '../../server/app.js';

export const FIXTURE_TEMPLATE = resolve(import.meta.dirname, '../fixtures/mini-crm');
export const TEMPLATES_DIR = resolve(import.meta.dirname, '../../templates');

export interface Harness {
  app: FastifyInstance;
  runtime: Runtime;
  store: Store;
  dir: string;
  close(): Promise<void>;
}

export async function startHarness(opts: { tenants?: string[]; sampleData?: boolean; bodyLimit?: number } = {}): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'stagecraft-api-'));
  const store = await openStore({ dataDir: dir });
  const runtime = new Runtime(store);
  for (const id of opts.tenants ?? ['acme']) {
    await runtime.createTenantFromTemplate(FIXTURE_TEMPLATE, { id, label: id }, { sampleData: opts.sampleData ?? true, by: 'test' });
  }
  const app = await build({ runtime, templatesDir: TEMPLATES_DIR, bodyLimit: opts.bodyLimit });
  return {
    app,
    runtime,
    store,
    dir,
    async close() {
      await app.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
