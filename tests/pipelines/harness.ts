/**
 * The API harness of tests/helpers/apiHarness.ts on a fixture template whose
 * deal has a stage pipeline (tests/pipelines/fixtures/pipeline-crm): the same
 * people (admin · mgr ← rep1, rep2 · mgr2 ← rep3) and departments.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openStore } from '../../runtime/store/open.js';
import { Runtime } from '../../runtime/runtime.js';
import { UserDirectory } from '../../runtime/identity/users.js';
import { createDepartment } from '../../runtime/identity/departments.js';
import { build } from '../../server/app.js';
import { PASSWORD, PEOPLE, TEMPLATES_DIR, type Harness, type Person } from '../helpers/apiHarness.js';

export const PIPELINE_FIXTURE = resolve(import.meta.dirname, 'fixtures/pipeline-crm');
export const TENANT = 'acme';

export async function startPipelineHarness(): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'stagecraft-pipelines-'));
  const store = await openStore({ dataDir: dir });
  const runtime = new Runtime(store);
  const people = async () => {
    const ts = store.tenant(TENANT);
    await createDepartment(ts, { id: 'sales', name: 'Sales', parent: null });
    await createDepartment(ts, { id: 'east', name: 'East', parent: 'sales' });
    await createDepartment(ts, { id: 'west', name: 'West', parent: 'sales' });
    const users = new UserDirectory(ts);
    for (const p of PEOPLE) {
      await users.create({ id: p.id, email: `${p.id}@${TENANT}.test`, name: p.id.toUpperCase(), password: PASSWORD, roles: [...p.roles], manager: p.manager, department: p.department });
    }
  };
  await runtime.createTenantFromTemplate(PIPELINE_FIXTURE, { id: TENANT, label: TENANT }, { sampleData: true, by: 'test', beforeSampleData: people });
  const app = await build({ runtime, templatesDir: TEMPLATES_DIR });
  const tokens: Harness['tokens'] = { [TENANT]: {} as Record<Person, string> };
  for (const p of PEOPLE) {
    const res = await app.inject({ method: 'POST', url: `/api/t/${TENANT}/auth/login`, payload: { email: `${p.id}@${TENANT}.test`, password: PASSWORD } });
    if (res.statusCode !== 200) throw new Error(`login of ${p.id} failed: ${res.body}`);
    tokens[TENANT][p.id] = res.json().token;
  }
  return {
    app,
    runtime,
    store,
    dir,
    tokens,
    inject(options, as = 'admin', tenant = TENANT) {
      return app.inject({ ...options, headers: { authorization: `Bearer ${tokens[tenant][as]}`, ...(options.headers ?? {}) } });
    },
    async close() {
      await app.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
