/** Everything a record operation needs to know about where and for whom it runs. */
import type { CompiledApp, CompiledEntity, TenantSettings } from '../definitions/compiledTypes.js';
import { notFound } from '../errors.js';
import type { TenantStore } from '../store/port.js';
import type { Channel } from './audit.js';
import type { AccessPolicy } from '../access/policy.js';
import type { RecordEventSink } from './events.js';

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
  /** After-save automation (workflows); absent where nothing should react, e.g. template installs. */
  automation?: RecordEventSink;
  /** How many workflow runs led to this save (0 or absent for a person's own save): the loop guard's count. */
  depth?: number;
}

export function requireEntity(ctx: RecordContext, name: string): CompiledEntity {
  const entity = ctx.app.entities.get(name);
  if (!entity) throw notFound(`no entity "${name}"`);
  return entity;
}
