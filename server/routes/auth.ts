/** Sign-in, sign-out, who-am-I and password change for a tenant's users. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Runtime } from '../../runtime/runtime.js';
import { badRequest, RuntimeError } from '../../runtime/errors.js';
import { sanitizeInput } from '../../runtime/records/sanitizeInput.js';
import { verifyPassword } from '../../runtime/identity/passwords.js';
import { UserDirectory } from '../../runtime/identity/users.js';
import { writeAudit } from '../../runtime/records/audit.js';
import { principalOf, userContext } from '../auth.js';
import type { TenantParams } from '../tenantScope.js';

/** Login attempts allowed per client address, tenant and e-mail each minute (lockout counts separately). */
export const LOGIN_RATE = { max: 10, timeWindow: 60_000 };

export async function publicAuthRoutes(app: FastifyInstance, opts: { runtime: Runtime }): Promise<void> {
  app.post<{ Params: TenantParams }>(
    '/api/t/:tenant/auth/login',
    {
      config: {
        rateLimit: {
          ...LOGIN_RATE,
          keyGenerator: (request: FastifyRequest) => {
            const email = (request.body as { email?: unknown } | undefined)?.email;
            return `${request.ip}|${(request.params as TenantParams).tenant}|${typeof email === 'string' ? email.trim().toLowerCase() : ''}`;
          },
        },
      },
    },
    async (request) => {
      const body = sanitizeInput(request.body);
      const auth = await opts.runtime.auth();
      const { token, expiresAt, user } = await auth.login(request.params.tenant, body.email, body.password);
      return { token, expiresAt, user };
    },
  );
}

export async function authRoutes(app: FastifyInstance, opts: { runtime: Runtime }): Promise<void> {
  const { runtime } = opts;

  app.post<{ Params: TenantParams }>('/api/t/:tenant/auth/logout', async (request, reply) => {
    await (await runtime.auth()).logout(principalOf(request));
    return reply.status(204).send();
  });

  /** The signed-in user with what the app needs to shape itself: roles and per-entity scopes. */
  app.get<{ Params: TenantParams }>('/api/t/:tenant/auth/me', async (request) => {
    const ctx = await userContext(runtime, request);
    const access = ctx.access!;
    const permissions: Record<string, Record<string, string>> = {};
    for (const entity of ctx.app.entities.keys()) {
      permissions[entity] = Object.fromEntries((['read', 'create', 'update', 'delete', 'export'] as const).map((a) => [a, access.scope(entity, a).scope]));
    }
    const hiddenFields = Object.fromEntries([...ctx.app.entities.keys()].map((e) => [e, [...access.hiddenFields(e)]]));
    const readOnlyFields = Object.fromEntries([...ctx.app.entities.keys()].map((e) => [e, [...access.readOnlyFields(e)]]));
    return { user: principalOf(request).user, isAdmin: access.isAdmin, permissions, hiddenFields, readOnlyFields };
  });

  app.post<{ Params: TenantParams }>('/api/t/:tenant/auth/password', async (request, reply) => {
    const principal = principalOf(request);
    const body = sanitizeInput(request.body);
    if (typeof body.currentPassword !== 'string') throw badRequest('INVALID_BODY', 'currentPassword is required', [{ path: '/currentPassword', message: 'is required' }]);
    const store = runtime.store.tenant(principal.tenant);
    const users = new UserDirectory(store);
    const creds = await users.credentials(principal.user.email);
    if (!creds || !(await verifyPassword(body.currentPassword, creds.passwordHash as string))) {
      throw new RuntimeError('validation', 'WRONG_PASSWORD', 'the current password is wrong', [{ path: '/currentPassword', message: 'is wrong' }]);
    }
    await users.setPassword(principal.user.id, body.newPassword);
    await writeAudit(store, { entity: '_user', recordId: principal.user.id, action: 'passwordReset', channel: 'api', user: principal.user.id, at: new Date(), changes: [] });
    return reply.status(204).send();
  });
}
