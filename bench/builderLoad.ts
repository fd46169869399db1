/**
 * (g) The builder in headless Chromium (Debian's chromium): time from opening
 * /builder to an interactive form designer — every field of the form on the
 * canvas and the first one focusable — for an entity of 200 fields, side by
 * side with the template's account form; plus (f), the first-load JavaScript
 * of the app shell and of the builder route, gzip, from the Vite build.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser } from 'playwright-core';
import { UserDirectory } from '../runtime/identity/users.js';
import type { StoredDefinition } from '../runtime/definitions/compileApp.js';
import { startServer, DIST_DIR } from '../server/start.js';
import { bundleSizes, bundleTable } from './bundleSize.js';
import { check, fmtMs, fmtRatio, heading, median, table } from './measure.js';
import { B2B_CRM } from './setup.js';

const CHROMIUM = '/usr/bin/chromium';
const TENANT = 'bench-ui';
const WIDE_FIELDS = 200;
const label = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** An entity of 200 fields of mixed types and its form: 4 sections of 2 columns. */
function wideEntity(): StoredDefinition[] {
  const types = ['text', 'number', 'date', 'select', 'boolean', 'currency', 'email', 'longText'] as const;
  const fields = Array.from({ length: WIDE_FIELDS }, (_, i) => {
    const type = types[i % types.length]!;
    const base = { name: `f${i}`, type, label: label(`字段 ${i}`, `Field ${i}`) };
    return type === 'select' ? { ...base, options: [{ value: 'a', label: label('甲', 'A') }, { value: 'b', label: label('乙', 'B') }] } : base;
  });
  fields[0] = { name: 'f0', type: 'text', label: label('名称', 'Name') };
  const entity = { kind: 'entity', name: 'wide', schemaVersion: 1, label: label('宽对象', 'Wide'), titleField: 'f0', hasOwner: true, fields };
  const sections = Array.from({ length: 4 }, (_, s) => ({
    id: `s${s}`, label: label(`分组 ${s + 1}`, `Section ${s + 1}`), columns: 2,
    fields: fields.slice(s * 50, s * 50 + 50).map((f) => ({ field: f.name })),
  }));
  const form = { kind: 'form', name: 'wideDefault', schemaVersion: 1, label: label('宽对象表单', 'Wide form'), entity: 'wide', sections };
  return [entity, form] as unknown as StoredDefinition[];
}

export interface BuilderLoadRow { entity: string; fields: number; median: number }

export async function benchBuilderLoad(opts: { rounds: number }): Promise<{ rows: BuilderLoadRow[]; bundles: ReturnType<typeof bundleSizes> }> {
  heading('(f) first-load JavaScript (gzip) and (g) /builder → interactive form designer, headless Chromium');
  check(existsSync(join(DIST_DIR, 'index.html')), 'no built UI in dist/: run `npm run build` first');
  check(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`);
  const bundles = bundleSizes(DIST_DIR, [{ route: '/builder (designer)', src: /designer/ }]);
  console.log(bundleTable(bundles));

  const dataDir = mkdtempSync(join(tmpdir(), 'stagecraft-bench-ui-'));
  const server = await startServer({ port: 0, dataDir, seedDemo: false, scheduler: false, logger: false });
  let browser: Browser | undefined;
  try {
    await server.runtime.createTenantFromTemplate(B2B_CRM, { id: TENANT, label: 'bench ui' }, { sampleData: false, by: 'bench' });
    await new UserDirectory(server.runtime.store.tenant(TENANT)).create({ id: 'benchadmin', email: 'admin@bench.local', name: 'Bench admin', password: 'bench-password', roles: ['admin'] });
    const published = await server.runtime.definitions(TENANT).published();
    await server.runtime.publish(TENANT, { by: 'bench', definitions: [...published, ...wideEntity()], message: 'bench: 200-field entity' });
    const accountFields = (published.find((d) => d.kind === 'form' && d.name === 'accountDefault') as unknown as { sections: { fields: unknown[] }[] }).sections.reduce((n, s) => n + s.fields.length, 0);

    const login = await fetch(`${server.url}/api/t/${TENANT}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@bench.local', password: 'bench-password' }) });
    const session = await login.json();
    check(login.status === 200, `bench sign-in answered ${login.status}`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });

    // One fresh browser context per load: nothing cached between rounds, as for a first visit.
    const openDesigner = (entityLabel: string, fields: number) => async () => {
      const context = await browser!.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
      await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [`stagecraft.session.${TENANT}`, JSON.stringify(session)] as const);
      const page = await context.newPage();
      const t0 = performance.now();
      await page.goto(`${server.url}/builder/${TENANT}`);
      await page.locator('.sd-entity-item', { hasText: new RegExp(`^${entityLabel}$`) }).click();
      await page.locator('.sd-header .ant-segmented-item', { hasText: '表单' }).click();
      await page.waitForFunction((n) => document.querySelectorAll('.sd-canvas-field').length === n, fields, { timeout: 60_000 });
      await page.locator('.sd-canvas-field').first().focus();
      const ms = performance.now() - t0;
      await context.close();
      return ms;
    };
    const sides = [
      { name: `account (${accountFields} fields)`, open: openDesigner('客户', accountFields) },
      { name: `wide (${WIDE_FIELDS} fields)`, open: openDesigner('宽对象', WIDE_FIELDS) },
    ];
    // Alternating sides each round, as sideBySide does, but timing only the page (not the browser context around it).
    const times = sides.map(() => [] as number[]);
    for (let round = 0; round < opts.rounds + 1; round++) {
      const order = round % 2 ? [1, 0] : [0, 1];
      for (const i of order) {
        const ms = await sides[i]!.open();
        if (round > 0) times[i]!.push(ms);
      }
    }
    const rows = sides.map((s, i) => ({ entity: s.name, fields: i === 0 ? accountFields : WIDE_FIELDS, median: median(times[i]!) }));
    console.log(builderLoadTable(rows));
    return { rows, bundles };
  } finally {
    await browser?.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function builderLoadTable(rows: BuilderLoadRow[]): string {
  const base = rows[0]!.median;
  return table(['form', 'open /builder → designer ready (median)', 'vs account'], rows.map((r) => [r.entity, fmtMs(r.median), fmtRatio(r.median / base)]));
}
