/**
 * The platform's list of tenants and their settings. It lives in a reserved
 * platform namespace of the store that no tenant can be named after.
 */
import type { TenantSettings } from '../definitions/compiledTypes.js';
import { badRequest, conflict, invalid, type ErrorDetail } from '../errors.js';
import { DuplicateKeyError, TENANT_ID_PATTERN, type Store } from '../store/port.js';

export const PLATFORM_NAMESPACE = 'platform';
const TENANTS = 'tenants';
const RESERVED = new Set([PLATFORM_NAMESPACE, 'api', 'admin', 'system', 'builder', 'app']);

export interface NewTenant {
  id: string;
  label: string;
  locale: string;
  timeZone: string;
  currency: string;
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function checkTenantSettings(t: NewTenant): void {
  const problems: ErrorDetail[] = [];
  if (typeof t.id !== 'string' || !TENANT_ID_PATTERN.test(t.id)) problems.push({ path: '/id', message: 'must be 2–40 lower-case letters, digits or dashes, starting with a letter' });
  else if (RESERVED.has(t.id)) problems.push({ path: '/id', message: `"${t.id}" is reserved` });
  if (typeof t.label !== 'string' || t.label.length < 1 || t.label.length > 100) problems.push({ path: '/label', message: 'must be 1–100 characters' });
  if (!['zh-CN', 'en'].includes(t.locale)) problems.push({ path: '/locale', message: 'must be zh-CN or en' });
  if (typeof t.timeZone !== 'string' || !isTimeZone(t.timeZone)) problems.push({ path: '/timeZone', message: 'must be an IANA time zone such as Asia/Shanghai' });
  if (typeof t.currency !== 'string' || !/^[A-Z]{3}$/.test(t.currency)) problems.push({ path: '/currency', message: 'must be an ISO 4217 code such as CNY' });
  if (problems.length) throw invalid('the tenant settings are invalid', problems);
}

export class TenantRegistry {
  constructor(private readonly store: Store) {}

  private get tenants() {
    return this.store.tenant(PLATFORM_NAMESPACE).collection(TENANTS);
  }

  async get(id: string): Promise<TenantSettings | null> {
    if (typeof id !== 'string' || !TENANT_ID_PATTERN.test(id) || RESERVED.has(id)) return null;
    const doc = await this.tenants.findOne({ _id: id });
    return doc ? { id, label: doc.label as string, locale: doc.locale as string, timeZone: doc.timeZone as string, currency: doc.currency as string } : null;
  }

  async list(): Promise<TenantSettings[]> {
    const docs = await this.tenants.find({}, { sort: { _id: 1 } });
    return docs.map((d) => ({ id: String(d._id), label: d.label as string, locale: d.locale as string, timeZone: d.timeZone as string, currency: d.currency as string }));
  }

  async create(tenant: NewTenant): Promise<TenantSettings> {
    if (tenant === null || typeof tenant !== 'object') throw badRequest('INVALID_BODY', 'the tenant must be an object');
    checkTenantSettings(tenant);
    const { id, label, locale, timeZone, currency } = tenant;
    try {
      await this.tenants.insertOne({ _id: id, label, locale, timeZone, currency, createdAt: new Date() });
    } catch (e) {
      if (e instanceof DuplicateKeyError) throw conflict('TENANT_EXISTS', `tenant "${id}" already exists`);
      throw e;
    }
    return { id, label, locale, timeZone, currency };
  }
}
