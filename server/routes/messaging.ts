/**
 * Messaging: a user's own in-app notifications; for administrators the mail
 * outbox, the webhook delivery log (with retry) and the tenant's secrets
 * (names only — values go in, never out).
 */
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../runtime/runtime.js';
import { badRequest, notFound } from '../../runtime/errors.js';
import { sanitizeInput } from '../../runtime/records/sanitizeInput.js';
import { assertNoExtraKeys } from '../../runtime/identity/users.js';
import { listNotifications, markRead } from '../../runtime/messaging/notifications.js';
import { listOutbox } from '../../runtime/messaging/email.js';
import { listDeliveries, retryDelivery } from '../../runtime/messaging/webhooks.js';
import { deleteSecret, listSecretNames, setSecret } from '../../runtime/messaging/secrets.js';
import { adminContext, userContext } from '../auth.js';
import type { TenantParams } from '../tenantScope.js';

type Query = Record<string, unknown>;
const MAX_LIMIT = 200;

/** `limit` from the query string: a whole number 1–200, default 50. */
function limitOf(query: Query): number {
  const raw = query.limit;
  if (raw === undefined) return 50;
  const n = typeof raw === 'string' && /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 1 && n <= MAX_LIMIT)) throw badRequest('INVALID_QUERY', `limit must be a whole number from 1 to ${MAX_LIMIT}`, [{ path: '/limit', message: `must be 1 to ${MAX_LIMIT}` }]);
  return n;
}

function flagOf(query: Query, name: string): boolean {
  const raw = query[name];
  if (raw === undefined || raw === '0' || raw === 'false') return false;
  if (raw === '1' || raw === 'true') return true;
  throw badRequest('INVALID_QUERY', `${name} must be 1 or 0`, [{ path: `/${name}`, message: 'must be 1, 0, true or false' }]);
}

export async function messagingRoutes(app: FastifyInstance, opts: { runtime: Runtime }): Promise<void> {
  const { runtime } = opts;

  app.get<{ Params: TenantParams; Querystring: Query }>('/api/t/:tenant/notifications', async (request) => {
    const ctx = await userContext(runtime, request);
    return listNotifications(ctx.store, ctx.user!, { unreadOnly: flagOf(request.query, 'unread'), limit: limitOf(request.query) });
  });

  // Answers how many were marked and what is left unread, so the app's badge needs no second call.
  app.post<{ Params: TenantParams & { id: string } }>('/api/t/:tenant/notifications/:id/read', async (request) => {
    const ctx = await userContext(runtime, request);
    const marked = await markRead(ctx.store, ctx.user!, request.params.id);
    return { marked, unread: (await listNotifications(ctx.store, ctx.user!, { unreadOnly: true, limit: 1 })).unread };
  });

  app.post<{ Params: TenantParams }>('/api/t/:tenant/notifications/read-all', async (request) => {
    const ctx = await userContext(runtime, request);
    return { marked: await markRead(ctx.store, ctx.user!), unread: 0 };
  });

  app.get<{ Params: TenantParams; Querystring: Query }>('/api/t/:tenant/outbox', async (request) => {
    const ctx = await adminContext(runtime, request);
    return { items: await listOutbox(ctx.store, limitOf(request.query)) };
  });

  app.get<{ Params: TenantParams; Querystring: Query }>('/api/t/:tenant/webhooks/deliveries', async (request) => {
    const ctx = await adminContext(runtime, request);
    return { items: await listDeliveries(ctx.store, limitOf(request.query)) };
  });

  app.post<{ Params: TenantParams & { id: string } }>('/api/t/:tenant/webhooks/deliveries/:id/retry', async (request) => {
    const ctx = await adminContext(runtime, request);
    return retryDelivery(ctx.store, request.params.id);
  });

  app.get<{ Params: TenantParams }>('/api/t/:tenant/secrets', async (request) => {
    const ctx = await adminContext(runtime, request);
    return { items: await listSecretNames(ctx.store) };
  });

  app.put<{ Params: TenantParams & { name: string } }>('/api/t/:tenant/secrets/:name', async (request, reply) => {
    const ctx = await adminContext(runtime, request);
    const body = sanitizeInput(request.body);
    assertNoExtraKeys(body, ['value']);
    const { created, ...saved } = await setSecret(ctx.store, request.params.name, body.value as string, ctx.user);
    return reply.status(created ? 201 : 200).send(saved);
  });

  app.delete<{ Params: TenantParams & { name: string } }>('/api/t/:tenant/secrets/:name', async (request, reply) => {
    const ctx = await adminContext(runtime, request);
    if (!(await deleteSecret(ctx.store, request.params.name))) throw notFound(`no secret "${request.params.name}"`);
    return reply.status(204).send();
  });
}
