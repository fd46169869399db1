/**
 * A real runtime on a fresh embedded store in a temp folder, with the fastify
 * app to `inject` into, tenants from the mini-crm fixture template, and signed-in
 * users of each role:
 *   admin (admin) · mgr (manager) ← rep1, rep2 (rep) · mgr2 (manager) ← rep3 (rep)
 * Departments: sales ⊃ east (mgr, rep1, rep2), west (mgr2, rep3).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { openStore } from '../../runtime/store/open.js';
import { Runtime } from '../../runtime/runtime.js';
import type { Store } from '../../runtime/store/port.js';
import { UserDirectory } from '../../runtime/identity/users.js';
import { createDepartment } from '../../runtime/identity/departments.js';
import { build } from '../../server/app.js';

export const FIXTURE_TEMPLATE = resolve(import.meta.dirname, '../fixtures/mini-crm');
export const TEMPLATES_DIR = resolve(import.meta.dirname, '../../templates');
export const PASSWORD = 'correct horse battery';

export const PEOPLE = [
  { id: 'admin', roles: ['admin'], manager: null, department: 'sales' },
  { id: 'mgr', roles: ['manager'], manager: null, department: 'east' },
  { id: 'rep1', roles: ['rep'], manager: 'mgr', department: 'east' },
  { id: 'rep2', roles: ['rep'], manager: 'mgr', department: 'east' },
  { id: 'mgr2', roles: ['manager'], manager: null, department: 'west' },
  { id: 'rep3', roles: ['rep'], manager: 'mgr2', department: 'west' },
] as const;
export type Person = (typeof PEOPLE)[number]['id'];

export interface Harness {
  app: FastifyInstance;
  runtime: Runtime;
  store: Store;
  dir: string;
  /** Bearer tokens per tenant and person. */
  tokens: Record<string, Record<Person, string>>;
  /** `inject` as a person of a tenant (default: admin of the first tenant). */
  inject(opts: InjectOptions, as?: Person, tenant?: string): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function startHarness(opts: { tenants?: string[]; sampleData?: boolean; bodyLimit?: number; operatorKey?: string; template?: string } = {}): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'stagecraft-api-'));
  const store = await openStore({ dataDir: dir });
  const runtime = new Runtime(store);
  const tenants = opts.tenants ?? ['acme'];
  for (const id of tenants) {
    // The people exist before the sample data they own.
    const people = async () => {
      const ts = store.tenant(id);
      await createDepartment(ts, { id: 'sales', name: 'Sales', parent: null });
      await createDepartment(ts, { id: 'east', name: 'East', parent: 'sales' });
      await createDepartment(ts, { id: 'west', name: 'West', parent: 'sales' });
      const users = new UserDirectory(ts);
      for (const p of PEOPLE) {
        await users.create({ id: p.id, email: `${p.id}@${id}.test`, name: p.id.toUpperCase(), password: PASSWORD, roles: [...p.roles], manager: p.manager, department: p.department });
      }
    };
    await runtime.createTenantFromTemplate(opts.template ?? FIXTURE_TEMPLATE, { id, label: id }, { sampleData: opts.sampleData ?? true, by: 'test', beforeSampleData: people });
  }
  const app = await build({ runtime, templatesDir: TEMPLATES_DIR, bodyLimit: opts.bodyLimit, operatorKey: opts.operatorKey });
  const tokens: Harness['tokens'] = {};
  for (const id of tenants) {
    tokens[id] = {} as Record<Person, string>;
    for (const p of PEOPLE) {
      const res = await app.inject({ method: 'POST', url: `/api/t/${id}/auth/login`, payload: { email: `${p.id}@${id}.test`, password: PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login of ${p.id}@${id} failed: ${res.body}`);
      tokens[id][p.id] = res.json().token;
    }
  }
  return {
    app,
    runtime,
    store,
    dir,
    tokens,
    inject(options, as = 'admin', tenant = tenants[0]) {
      return app.inject({ ...options, headers: { authorization: `Bearer ${tokens[tenant][as]}`, ...(options.headers ?? {}) } });
    },
    async close() {
      await app.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
