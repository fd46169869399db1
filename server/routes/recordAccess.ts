/** Per-record access questions: why can this user see it, who may see it, and what happened to it. */
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../runtime/runtime.js';
import { badRequest, invalid, notFound } from '../../runtime/errors.js';
import { listDepartments } from '../../runtime/identity/departments.js';
import { AccessPolicy, SHARES } from '../../runtime/access/policy.js';
import { UserDirectory } from '../../runtime/identity/users.js';
import { recordHistory } from '../../runtime/records/audit.js';
import { requireEntity } from '../../runtime/records/context.js';
import { findForAction } from '../../runtime/records/access.js';
import { sanitizeInput } from '../../runtime/records/sanitizeInput.js';
import { adminContext, userContext } from '../auth.js';
import type { RecordContext } from '../../runtime/records/context.js';
import type { CompiledEntity } from '../../runtime/definitions/compiledTypes.js';
import type { TenantParams } from '../tenantScope.js';

interface RecordParams extends TenantParams {
  entity: string;
  id: string;
}

/** Whether the last state a delete entry recorded lies within the user's read scope. */
function wasReadable(ctx: RecordContext, entity: CompiledEntity, history: Record<string, unknown>[]): boolean {
  const deletion = history.find((e) => e.action === 'delete');
  if (!deletion) return false;
  if (!ctx.access) return true;
  const last = Object.fromEntries((deletion.changes as { field: string; from: unknown }[]).map((c) => [c.field, c.from]));
  const owner = entity.definition.hasOwner ? last.owner : history.find((e) => e.action === 'create')?.user;
  const owners = ctx.access.owners(ctx.access.scope(entity.name, 'read').scope);
  return owners === null || (typeof owner === 'string' && owners.includes(owner));
}

export async function recordAccessRoutes(app: FastifyInstance, opts: { runtime: Runtime }): Promise<void> {
  const { runtime } = opts;

  /** Explains, for `?user=` (default: the caller), each action on the record: allowed or not, by which rule. */
  app.get<{ Params: RecordParams; Querystring: { user?: string } }>('/api/t/:tenant/records/:entity/:id/access', async (request) => {
    const caller = await userContext(runtime, request);
    const entity = requireEntity(caller, request.params.entity);
    const subjectId = request.query.user ?? caller.user!;
    // Asking about someone else is an administrator's question.
    const ctx = subjectId === caller.user ? caller : await adminContext(runtime, request);
    const doc = await ctx.store.collection(entity.collection).findOne({ _id: request.params.id });
    const readable = doc && (await findForAction(caller, entity, 'read', request.params.id));
    if (!doc || !readable) throw notFound(`no ${entity.name} with id "${request.params.id}"`);
    const subject = await new UserDirectory(ctx.store).get(subjectId);
    if (!subject) throw notFound(`no user "${subjectId}"`);
    const policy = await AccessPolicy.load(ctx.store, ctx.app, subject);
    const actions = await Promise.all((['read', 'update', 'delete', 'export'] as const).map((a) => policy.explain(entity, doc as never, a)));
    return { user: subject.id, roles: subject.roles, record: { entity: entity.name, id: request.params.id, owner: doc.owner ?? doc.createdBy ?? null }, actions, hiddenFields: [...policy.hiddenFields(entity.name)] };
  });

  app.get<{ Params: RecordParams }>('/api/t/:tenant/records/:entity/:id/history', async (request) => {
    const ctx = await userContext(runtime, request);
    const entity = requireEntity(ctx, request.params.entity);
    const history = await recordHistory(ctx.store, entity.name, request.params.id);
    const live = await findForAction(ctx, entity, 'read', request.params.id);
    // A deleted record's trail stays readable to whoever could read it when it was deleted.
    if (!live && !wasReadable(ctx, entity, history)) throw notFound(`no ${entity.name} with id "${request.params.id}"`);
    const hidden = ctx.access?.hiddenFields(entity.name) ?? new Set<string>();
    const items = history.map((e) => ({
      ...e,
      changes: (e.changes as { field: string }[]).filter((c) => !hidden.has(c.field)),
    }));
    return { items };
  });

  /** Shares one record with a user or a department (read, or edit). Needs update access to the record. */
  app.post<{ Params: RecordParams }>('/api/t/:tenant/records/:entity/:id/shares', async (request, reply) => {
    const ctx = await userContext(runtime, request);
    const entity = requireEntity(ctx, request.params.entity);
    if (!(await findForAction(ctx, entity, 'update', request.params.id))) throw notFound(`no ${entity.name} with id "${request.params.id}"`);
    const body = sanitizeInput(request.body);
    const access = body.access ?? 'read';
    if (access !== 'read' && access !== 'edit') throw badRequest('INVALID_BODY', 'access must be read or edit', [{ path: '/access', message: 'must be read or edit' }]);
    const target = typeof body.user === 'string' ? { user: body.user } : typeof body.department === 'string' ? { department: body.department } : null;
    if (!target || Object.keys(body).some((k) => !['user', 'department', 'access'].includes(k))) {
      throw badRequest('INVALID_BODY', 'share with exactly one user or department', [{ path: '/user', message: 'give user or department' }]);
    }
    // Only people and departments of this tenant can receive a share.
    const exists = target.user
      ? await new UserDirectory(ctx.store).get(target.user)
      : (await listDepartments(ctx.store)).find((d) => d.id === target.department);
    if (!exists) throw invalid('the share names nobody in this tenant', [{ path: target.user ? '/user' : '/department', message: 'does not exist' }]);
    const id = await ctx.store.collection(SHARES).insertOne({ entity: entity.name, recordId: request.params.id, ...target, access, by: ctx.user, at: new Date() });
    return reply.status(201).send({ id, entity: entity.name, recordId: request.params.id, ...target, access });
  });
}
