/** What `GET /api/t/:tenant/app` answers: tenant settings and its published definitions. */
import type { EntityDefinition } from '../../../schemas/entity.js';
import type { FormDefinition } from '../../../schemas/form.js';
import type { ViewDefinition } from '../../../schemas/view.js';

export interface TenantInfo {
  id: string;
  label: string;
  locale: string;
  timeZone: string;
  currency: string;
}

export interface AppManifest {
  tenant: TenantInfo;
  entities: EntityDefinition[];
  forms: FormDefinition[];
  views: ViewDefinition[];
  /** Not in the contract yet; used for owner names when the server starts sending it. */
  users?: { id: string; name: string | { 'zh-CN'?: string; en?: string } }[];
}
