/**
 * Provisioning a tenant for the platform operator (CLI and operator API): the
 * tenant, its definitions from a template (or just an administrator role), and
 * its first administrator.
 */
import { join } from 'node:path';
import type { Runtime } from '../runtime.js';
import type { TenantSettings } from '../definitions/compiledTypes.js';
import { badRequest, invalid } from '../errors.js';
import { checkPassword, UserDirectory, type User } from '../identity/users.js';

export interface ProvisionInput {
  id: string;
  label: string;
  template?: string;
  sampleData?: boolean;
  locale?: string;
  timeZone?: string;
  currency?: string;
  admin: { email: string; password: string; name?: string };
}

const ADMIN_ROLE = {
  kind: 'role',
  name: 'admin',
  label: { 'zh-CN': '管理员', en: 'Administrator' },
  schemaVersion: 1,
  isAdmin: true,
  permissions: {},
};

export async function provisionTenant(runtime: Runtime, templatesDir: string, input: ProvisionInput): Promise<{ tenant: TenantSettings; admin: User }> {
  if (!input || typeof input !== 'object' || !input.admin || typeof input.admin !== 'object') {
    throw badRequest('INVALID_BODY', 'a tenant needs an id, a label and a first administrator', [{ path: '/admin', message: 'is required' }]);
  }
  if (input.template !== undefined && !/^[a-z][a-z0-9-]{0,63}$/.test(input.template)) {
    throw badRequest('INVALID_BODY', 'template must name a shipped template', [{ path: '/template', message: 'is not a template name' }]);
  }
  // Check the administrator before anything is created, so a bad password leaves no half-made tenant.
  checkPassword(input.admin.password, '/admin/password');
  if (typeof input.admin.email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.admin.email)) {
    throw invalid('the administrator is invalid', [{ path: '/admin/email', message: 'must be an e-mail address' }]);
  }
  let admin: User | undefined;
  const createAdmin = async (tenantId: string) => {
    admin = await new UserDirectory(runtime.store.tenant(tenantId)).create({
      email: input.admin.email,
      password: input.admin.password,
      name: input.admin.name ?? input.admin.email,
      roles: ['admin'],
    });
  };
  let tenant: TenantSettings;
  if (input.template) {
    // The administrator exists before the sample data, and owns it.
    ({ tenant } = await runtime.createTenantFromTemplate(join(templatesDir, input.template), input, {
      sampleData: input.sampleData === true,
      by: 'operator',
      beforeSampleData: (t) => createAdmin(t.id),
      sampleOwner: () => admin!.id,
    }));
  } else {
    // Without a template there are no defaults to take: the operator names locale, time zone and currency.
    tenant = await runtime.tenants.create({ id: input.id, label: input.label, locale: input.locale!, timeZone: input.timeZone!, currency: input.currency! });
    await runtime.publish(tenant.id, { by: 'operator', channel: 'cli', definitions: [ADMIN_ROLE] });
    await createAdmin(tenant.id);
  }
  return { tenant, admin: admin! };
}
