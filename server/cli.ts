/**
 * The platform operator's command line:
 *   npm run tenant -- list
 *   npm run tenant -- create --id acme --label "Acme" --template b2b-crm [--sample-data]
 *                            --admin-email admin@acme.cn --admin-password '…' [--admin-name 张三]
 *   (without --template also --locale zh-CN --time-zone Asia/Shanghai --currency CNY)
 * It works on the store of DATA_DIR / MONGODB_URL, so stop the server first when using the embedded store.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../runtime/store/open.js';
import { Runtime } from '../runtime/runtime.js';
import { RuntimeError } from '../runtime/errors.js';
import { provisionTenant } from '../runtime/tenants/provision.js';
import { TEMPLATES_DIR } from './start.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    id: { type: 'string' },
    label: { type: 'string' },
    template: { type: 'string' },
    'sample-data': { type: 'boolean' },
    locale: { type: 'string' },
    'time-zone': { type: 'string' },
    currency: { type: 'string' },
    'admin-email': { type: 'string' },
    'admin-password': { type: 'string' },
    'admin-name': { type: 'string' },
  },
});

const store = await openStore({ dataDir: resolve(process.env.DATA_DIR ?? 'data'), mongodbUrl: process.env.MONGODB_URL || undefined });
const runtime = new Runtime(store);
try {
  const [command] = positionals;
  if (command === 'list') {
    for (const t of await runtime.tenants.list()) console.log(`${t.id}\t${t.label}\t${t.locale}\t${t.timeZone}\t${t.currency}`);
  } else if (command === 'create') {
    const { tenant, admin } = await provisionTenant(runtime, TEMPLATES_DIR, {
      id: values.id ?? '',
      label: values.label ?? values.id ?? '',
      template: values.template,
      sampleData: values['sample-data'],
      locale: values.locale,
      timeZone: values['time-zone'],
      currency: values.currency,
      admin: { email: values['admin-email'] ?? '', password: values['admin-password'] ?? '', name: values['admin-name'] },
    });
    console.log(`created tenant ${tenant.id} (${tenant.locale}, ${tenant.timeZone}, ${tenant.currency}); administrator ${admin.email}`);
  } else {
    console.error('usage: npm run tenant -- list | create --id ID --label LABEL [--template NAME] --admin-email E --admin-password P');
    process.exitCode = 2;
  }
} catch (e) {
  if (e instanceof RuntimeError) {
    console.error(`${e.message}${e.details.map((d) => `\n  ${d.path}: ${d.message}`).join('')}`);
    process.exitCode = 1;
  } else throw e;
} finally {
  await store.close();
}
