/** Resolves `:tenant` of every `/api/t/:tenant/…` route into a record context. */
import type { FastifyRequest } from 'fastify';
import type { Runtime } from '../runtime/runtime.js';
import type { RecordContext } from '../runtime/records/context.js';
import type { Channel } from '../runtime/records/audit.js';

export interface TenantParams {
  tenant: string;
}

/** The app shell marks its requests so the audit trail can tell the channels apart. */
export function channelOf(request: FastifyRequest): Channel {
  return request.headers['x-stagecraft-client'] === 'app' ? 'app' : 'api';
}

export async function recordContext(runtime: Runtime, request: FastifyRequest<{ Params: TenantParams }>): Promise<RecordContext> {
  // Authentication arrives with the identity issue; until then requests act as no user.
  return runtime.context(request.params.tenant, { user: null, channel: channelOf(request) });
}
