/**
 * The people side (业务人员管理), for administrators: users with their org
 * data, departments, password resets, API keys, and 客户移交 — moving every
 * record of a leaving rep to another user in one audited action.
 */
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../runtime/runtime.js';
import { badRequest } from '../../runtime/errors.js';
import { sanitizeInput } from '../../runtime/records/sanitizeInput.js';
import { assertNoExtraKeys, UserDirectory, type NewUser } from '../../runtime/identity/users.js';
import { createDepartment, listDepartments } from '../../runtime/identity/departments.js';
import { transferOwnership } from '../../runtime/identity/transfer.js';
import { fieldChanges, writeAudit } from '../../runtime/records/audit.js';
import { adminContext } from '../auth.js';
import type { TenantParams } from '../tenantScope.js';

interface UserParams extends TenantParams {
  id: string;
}

export async function peopleRoutes(app: FastifyInstance, opts: { runtime: Runtime }): Promise<void> {
  const { runtime } = opts;
  const directory = (tenant: string) => new UserDirectory(runtime.store.tenant(tenant));

  app.get<{ Params: TenantParams }>('/api/t/:tenant/users', async (request) => {
    await adminContext(runtime, request);
    return { items: await directory(request.params.tenant).list() };
  });

  app.post<{ Params: TenantParams }>('/api/t/:tenant/users', async (request, reply) => {
    const ctx = await adminContext(runtime, request);
    const body = sanitizeInput(request.body);
    assertNoExtraKeys(body, ['id', 'email', 'name', 'password', 'roles', 'manager', 'department', 'position', 'hireDate', 'region', 'status']);
    const user = await directory(request.params.tenant).create(body as unknown as NewUser);
    await writeAudit(ctx.store, { entity: '_user', recordId: user.id, action: 'userChange', channel: ctx.channel, user: ctx.user, at: new Date(), changes: fieldChanges({}, { ...user }) });
    return reply.status(201).send(user);
  });

  app.patch<{ Params: UserParams }>('/api/t/:tenant/users/:id', async (request) => {
    const ctx = await adminContext(runtime, request);
    const { before, after } = await directory(request.params.tenant).update(request.params.id, sanitizeInput(request.body));
    await writeAudit(ctx.store, { entity: '_user', recordId: after.id, action: 'userChange', channel: ctx.channel, user: ctx.user, at: new Date(), changes: fieldChanges({ ...before }, { ...after }) });
    if (after.status === 'left') await (await runtime.auth()).revokeSessions(request.params.tenant, after.id);
    return after;
  });

  /** Admin reset: sets a new password and ends the user's sessions. */
  app.post<{ Params: UserParams }>('/api/t/:tenant/users/:id/password', async (request, reply) => {
    const ctx = await adminContext(runtime, request);
    const body = sanitizeInput(request.body);
    assertNoExtraKeys(body, ['password']);
    await directory(request.params.tenant).setPassword(request.params.id, body.password);
    await (await runtime.auth()).revokeSessions(request.params.tenant, request.params.id);
    await writeAudit(ctx.store, { entity: '_user', recordId: request.params.id, action: 'passwordReset', channel: ctx.channel, user: ctx.user, at: new Date(), changes: [] });
    return reply.status(204).send();
  });

  app.post<{ Params: UserParams }>('/api/t/:tenant/users/:id/transfer', async (request) => {
    const ctx = await adminContext(runtime, request);
    const body = sanitizeInput(request.body);
    assertNoExtraKeys(body, ['to']);
    if (typeof body.to !== 'string') throw badRequest('INVALID_BODY', 'to must name the receiving user', [{ path: '/to', message: 'is required' }]);
    const moved = await transferOwnership(ctx.store, ctx.app, { from: request.params.id, to: body.to, by: ctx.user!, channel: ctx.channel });
    return { from: request.params.id, to: body.to, moved };
  });

  app.post<{ Params: UserParams }>('/api/t/:tenant/users/:id/api-keys', async (request, reply) => {
    const ctx = await adminContext(runtime, request);
    const body = sanitizeInput(request.body ?? {});
    assertNoExtraKeys(body, ['name']);
    const key = await (await runtime.auth()).createApiKey(request.params.tenant, request.params.id, typeof body.name === 'string' ? body.name : 'integration');
    await writeAudit(ctx.store, { entity: '_user', recordId: request.params.id, action: 'apiKey', channel: ctx.channel, user: ctx.user, at: new Date(), changes: [{ field: 'apiKey', from: null, to: key.id }] });
    return reply.status(201).send(key);
  });

  app.delete<{ Params: UserParams & { keyId: string } }>('/api/t/:tenant/users/:id/api-keys/:keyId', async (request, reply) => {
    const ctx = await adminContext(runtime, request);
    await (await runtime.auth()).revokeApiKey(request.params.tenant, request.params.id, request.params.keyId);
    await writeAudit(ctx.store, { entity: '_user', recordId: request.params.id, action: 'apiKey', channel: ctx.channel, user: ctx.user, at: new Date(), changes: [{ field: 'apiKey', from: request.params.keyId, to: null }] });
    return reply.status(204).send();
  });

  app.get<{ Params: TenantParams }>('/api/t/:tenant/departments', async (request) => {
    await adminContext(runtime, request);
    return { items: await listDepartments(runtime.store.tenant(request.params.tenant)) };
  });

  app.post<{ Params: TenantParams }>('/api/t/:tenant/departments', async (request, reply) => {
    const ctx = await adminContext(runtime, request);
    const body = sanitizeInput(request.body);
    assertNoExtraKeys(body, ['id', 'name', 'parent']);
    const department = await createDepartment(ctx.store, body as never);
    return reply.status(201).send(department);
  });
}
