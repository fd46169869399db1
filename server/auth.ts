/**
 * Authentication for everything under `/api/t/:tenant/…`: a preHandler that
 * turns the bearer credential into a principal bound to that tenant, and the
 * record contexts the routes hand to the runtime.
 */
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../runtime/identity/auth.js';
import type { Runtime } from '../runtime/runtime.js';
import type { RecordContext } from '../runtime/records/context.js';
import { RuntimeError } from '../runtime/errors.js';
import { channelOf, type TenantParams } from './tenantScope.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

export function authenticateTenantRequests(runtime: Runtime) {
  return async (request: FastifyRequest): Promise<void> => {
    const { tenant } = request.params as Partial<TenantParams>;
    if (!tenant) return;
    const auth = await runtime.auth();
    request.principal = await auth.authenticate(tenant, request.headers.authorization);
  };
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new RuntimeError('unauthorized', 'UNAUTHENTICATED', 'sign in first');
  return request.principal;
}

/** The record context of the signed-in user, under their roles. */
export async function userContext(runtime: Runtime, request: FastifyRequest<{ Params: TenantParams }>): Promise<RecordContext> {
  return runtime.context(request.params.tenant, { user: principalOf(request).user, channel: channelOf(request) });
}

/** Like userContext, but only for administrators (designing definitions, managing people, installing templates). */
export async function adminContext(runtime: Runtime, request: FastifyRequest<{ Params: TenantParams }>): Promise<RecordContext> {
  const ctx = await userContext(runtime, request);
  if (!ctx.access?.isAdmin) throw new RuntimeError('forbidden', 'ADMIN_ONLY', 'only an administrator may do this');
  return ctx;
}
