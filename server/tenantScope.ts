/** The `:tenant` parameter of every `/api/t/:tenant/…` route, and which channel a request came through. */
import type { FastifyRequest } from 'fastify';
import type { Channel } from '../runtime/records/audit.js';

export interface TenantParams {
  tenant: string;
}

/** The app shell marks its requests so the audit trail can tell the channels apart. */
export function channelOf(request: FastifyRequest): Channel {
  return request.headers['x-stagecraft-client'] === 'app' ? 'app' : 'api';
}
