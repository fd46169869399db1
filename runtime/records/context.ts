/** Everything a record operation needs to know about where and for whom it runs. */
import type { CompiledApp, CompiledEntity, TenantSettings } from '../definitions/compiledTypes.js';
import { notFound } from '../errors.js';
import type { TenantStore } from '../store/port.js';
import type { Channel } from './audit.js';
import type { AccessPolicy } from '../access/policy.js';

export interface RecordContext {
  store: TenantStore;
  app: CompiledApp;
  tenant: TenantSettings;
  /** The acting user's id; null for system work such as a template install. */
  user: string | null;
  channel: Channel;
  /** What the user may do; null for the system itself (template install, platform jobs). */
  access: AccessPolicy | null;
  /** Fixed clock for tests and replays; defaults to the current time. */
  now?: () => Date;
}

export function requireEntity(ctx: RecordContext, name: string): CompiledEntity {
  const entity = ctx.app.entities.get(name);
  if (!entity) throw notFound(`no entity "${name}"`);
  return entity;
}
