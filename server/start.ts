/**
 * Starts a complete server: store, runtime, the demo tenant on first start,
 * the HTTP app. Used by `npm start` (main.ts) and by end-to-end tests.
 */
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openStore } from '../runtime/store/open.js';
import { Runtime } from '../runtime/runtime.js';
import { build } from './app.js';
import { installDemoUsers } from '../runtime/templates/demoUsers.js';
import { MESSAGING_BACKOFF, messagingJobHandlers } from '../runtime/messaging/jobs.js';
import { mailerFromEnv } from '../runtime/messaging/mailer.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const TEMPLATES_DIR = join(repoRoot, 'templates');
export const DIST_DIR = join(repoRoot, 'dist');
export const DEMO_TENANT = 'demo';

export interface StartOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  mongodbUrl?: string;
  staticDir?: string;
  /** Create the demo tenant from the B2B CRM template with sample data when it does not exist. */
  seedDemo?: boolean;
  logger?: boolean;
  /** Enables the operator API with this key. */
  operatorKey?: string;
  /** Run the job scheduler (workflow timers, delays, e-mail, webhooks) in this process (default true). */
  scheduler?: boolean;
  /** Scheduler polling interval in ms (default 1 s). */
  schedulerPollMs?: number;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  runtime: Runtime;
  /** Sample records loaded on this start (empty when the demo already existed). */
  seeded: Record<string, number> | null;
  close(): Promise<void>;
}

/** Creates the demo tenant with the B2B CRM template's sample data and demo users; null when it exists. */
export async function seedDemoTenant(runtime: Runtime): Promise<Record<string, number> | null> {
  if (await runtime.tenants.get(DEMO_TENANT)) return null;
  const templateDir = join(TEMPLATES_DIR, 'b2b-crm');
  const { sampleCounts } = await runtime.createTenantFromTemplate(
    templateDir,
    { id: DEMO_TENANT, label: '演示公司 Demo Co.' },
    // The demo people exist before the sample data they own.
    { sampleData: true, by: 'setup', beforeSampleData: async (tenant) => void (await installDemoUsers(runtime.store.tenant(DEMO_TENANT), templateDir, tenant.locale)) },
  );
  return sampleCounts;
}

export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const store = await openStore({ dataDir: opts.dataDir ?? resolve('data'), mongodbUrl: opts.mongodbUrl });
  try {
    const runtime = new Runtime(store);
    const seeded = opts.seedDemo === false ? null : await seedDemoTenant(runtime);
    const app = await build({ runtime, templatesDir: TEMPLATES_DIR, staticDir: opts.staticDir ?? DIST_DIR, logger: opts.logger, operatorKey: opts.operatorKey });
    const address = await app.listen({ port: opts.port ?? 3000, host: opts.host ?? '127.0.0.1' });
    // Jobs live in the store, so any number of processes may run a scheduler; each claims with a lease.
    const scheduler = opts.scheduler === false ? null : runtime.scheduler(messagingJobHandlers({ mailer: mailerFromEnv() }), { pollMs: opts.schedulerPollMs, backoffByKind: MESSAGING_BACKOFF });
    scheduler?.start();
    return {
      url: address.replace('[::1]', 'localhost'),
      app,
      runtime,
      seeded,
      async close() {
        await scheduler?.stop();
        await app.close();
        await store.close();
      },
    };
  } catch (e) {
    await store.close();
    throw e;
  }
}
