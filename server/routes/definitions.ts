/** Definitions of a tenant: read the published set and drafts, edit drafts, validate, publish, versions. */
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../runtime/runtime.js';
import { badRequest, notFound } from '../../runtime/errors.js';
import { isDefinitionKind } from '../../schemas/validator.js';
import { issuePointer, validateSet } from '../../runtime/definitions/validateSet.js';
import { detailedDiff } from '../../runtime/definitions/detailedDiff.js';
import { sanitizeInput } from '../../runtime/records/sanitizeInput.js';
import type { TenantParams } from '../tenantScope.js';
import { adminContext } from '../auth.js';

interface DefinitionParams extends TenantParams {
  kind: string;
  name: string;
}

/** Kinds a tenant stores; a template manifest is a package, not a tenant definition. */
function checkKind(kind: string): void {
  if (!isDefinitionKind(kind) || kind === 'template') throw notFound(`no definition kind "${kind}"`);
}

export async function definitionRoutes(app: FastifyInstance, opts: { runtime: Runtime }): Promise<void> {
  const { runtime } = opts;

  app.get<{ Params: TenantParams }>('/api/t/:tenant/definitions', async (request) => {
    const ctx = await adminContext(runtime, request);
    const repo = runtime.definitions(request.params.tenant);
    const [version, published, drafts] = await Promise.all([repo.latestVersion(), repo.published(), repo.drafts()]);
    return { version, published, drafts };
  });

  app.get<{ Params: DefinitionParams }>('/api/t/:tenant/definitions/:kind/:name', async (request) => {
    const { tenant, kind, name } = request.params;
    checkKind(kind);
    const ctx = await adminContext(runtime, request);
    const repo = runtime.definitions(tenant);
    const draft = (await repo.drafts()).find((d) => d.kind === kind && d.name === name);
    const published = (await repo.published()).find((d) => d.kind === kind && d.name === name) ?? null;
    if (!draft && !published) throw notFound(`no ${kind} "${name}"`);
    return { published, draft: draft ?? null };
  });

  app.put<{ Params: DefinitionParams }>('/api/t/:tenant/definitions/:kind/:name', async (request) => {
    const { tenant, kind, name } = request.params;
    checkKind(kind);
    const ctx = await adminContext(runtime, request);
    const body = sanitizeInput(request.body, { allowOperators: true });
    if (body.kind !== kind || body.name !== name) {
      throw badRequest('NAME_MISMATCH', 'the definition\'s kind and name must match the URL', [{ path: '/name', message: `must be "${name}" with kind "${kind}"` }]);
    }
    return runtime.definitions(tenant).saveDraft(body, ctx.user!);
  });

  app.delete<{ Params: DefinitionParams }>('/api/t/:tenant/definitions/:kind/:name', async (request, reply) => {
    const { tenant, kind, name } = request.params;
    checkKind(kind);
    const ctx = await adminContext(runtime, request);
    await runtime.definitions(tenant).draftRemoval(kind, name, ctx.user!);
    return reply.status(204).send();
  });

  app.delete<{ Params: DefinitionParams }>('/api/t/:tenant/definitions/:kind/:name/draft', async (request, reply) => {
    const { tenant, kind, name } = request.params;
    checkKind(kind);
    const ctx = await adminContext(runtime, request);
    await runtime.definitions(tenant).discardDraft(kind, name);
    return reply.status(204).send();
  });

  /** What a publish would say, without publishing. */
  app.post<{ Params: TenantParams }>('/api/t/:tenant/definitions/validate', async (request) => {
    const ctx = await adminContext(runtime, request);
    const { base, definitions } = await runtime.definitions(request.params.tenant).candidate();
    const { issues } = validateSet(base + 1, definitions);
    return { base, issues: issues.map((i) => ({ path: issuePointer(i), message: i.message })) };
  });

  app.post<{ Params: TenantParams }>('/api/t/:tenant/definitions/publish', async (request, reply) => {
    const ctx = await adminContext(runtime, request);
    const body = sanitizeInput(request.body ?? {});
    const expectedBase = body.expectedBase;
    if (expectedBase !== undefined && (!Number.isInteger(expectedBase) || (expectedBase as number) < 0)) {
      throw badRequest('INVALID_BODY', 'expectedBase must be a version number', [{ path: '/expectedBase', message: 'must be a non-negative integer' }]);
    }
    const message = typeof body.message === 'string' ? body.message.slice(0, 500) : undefined;
    const doc = await runtime.publish(request.params.tenant, { by: ctx.user!, channel: ctx.channel, expectedBase: expectedBase as number | undefined, message });
    return reply.status(201).send({ version: doc.version, publishedAt: doc.publishedAt, changes: doc.changes });
  });

  /** Per-definition differences: `from` / `to` are `published` (default from), `draft` (default to) or a version number. */
  app.get<{ Params: TenantParams; Querystring: Record<string, unknown> }>('/api/t/:tenant/definitions/diff', async (request) => {
    await adminContext(runtime, request);
    const repo = runtime.definitions(request.params.tenant);
    const setOf = async (spec: unknown, fallback: 'published' | 'draft', at: string) => {
      const s = spec ?? fallback;
      if (s === 'published') return repo.published();
      if (s === 'draft') return (await repo.candidate()).definitions;
      const n = Number(s);
      const doc = typeof s === 'string' && Number.isInteger(n) && n > 0 ? await repo.getVersion(n) : null;
      if (!doc) throw badRequest('INVALID_QUERY', `${at} must be "published", "draft" or a published version number`, [{ path: `/${at}`, message: `no version ${String(s)}` }]);
      return doc.definitions;
    };
    const extra = Object.keys(request.query).filter((k) => k !== 'from' && k !== 'to');
    if (extra.length) throw badRequest('INVALID_QUERY', 'unknown query parameters', extra.map((k) => ({ path: `/${k}`, message: 'is not a parameter of the diff' })));
    const [before, after] = await Promise.all([setOf(request.query.from, 'published', 'from'), setOf(request.query.to, 'draft', 'to')]);
    return { base: await repo.latestVersion(), changes: detailedDiff(before, after) };
  });

  /** How the drafts' field type changes would convert stored records. */
  app.post<{ Params: TenantParams }>('/api/t/:tenant/definitions/impact', async (request) => {
    await adminContext(runtime, request);
    return runtime.fieldChangeImpact(request.params.tenant);
  });

  app.post<{ Params: TenantParams }>('/api/t/:tenant/definitions/rollback', async (request, reply) => {
    const ctx = await adminContext(runtime, request);
    const body = sanitizeInput(request.body ?? {});
    const problems = [];
    for (const key of Object.keys(body)) if (key !== 'version' && key !== 'expectedBase') problems.push({ path: `/${key}`, message: 'is not allowed' });
    if (!Number.isInteger(body.version) || (body.version as number) < 1) problems.push({ path: '/version', message: 'must be the version number to roll back to' });
    if (body.expectedBase !== undefined && (!Number.isInteger(body.expectedBase) || (body.expectedBase as number) < 0)) problems.push({ path: '/expectedBase', message: 'must be a non-negative integer' });
    if (problems.length) throw badRequest('INVALID_BODY', 'the rollback request is malformed', problems);
    const doc = await runtime.rollback(request.params.tenant, { version: body.version as number, by: ctx.user!, channel: ctx.channel, expectedBase: body.expectedBase as number | undefined });
    return reply.status(201).send({ version: doc.version, rolledBackTo: body.version, publishedAt: doc.publishedAt, changes: doc.changes });
  });

  app.get<{ Params: TenantParams }>('/api/t/:tenant/definitions/versions', async (request) => {
    const ctx = await adminContext(runtime, request);
    return { items: await runtime.definitions(request.params.tenant).listVersions() };
  });

  app.get<{ Params: TenantParams & { version: string } }>('/api/t/:tenant/definitions/versions/:version', async (request) => {
    const ctx = await adminContext(runtime, request);
    const n = Number(request.params.version);
    const doc = Number.isInteger(n) && n > 0 ? await runtime.definitions(request.params.tenant).getVersion(n) : null;
    if (!doc) throw notFound(`no version ${request.params.version}`);
    return doc;
  });
}
