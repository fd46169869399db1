/**
 * Workflows over HTTP: run history and traces, dry run and retry (admins),
 * and the manual buttons on records (anyone who may update the record).
 */
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../runtime/runtime.js';
import { badRequest } from '../../runtime/errors.js';
import { sanitizeInput } from '../../runtime/records/sanitizeInput.js';
import { dryRun, getRun, listRuns, retryRun, runManual } from '../../runtime/workflows/index.js';
import { notFound } from '../../runtime/errors.js';
import type { TenantParams } from '../tenantScope.js';
import { adminContext, userContext } from '../auth.js';

interface RunParams extends TenantParams { id: string }
interface WorkflowParams extends TenantParams { name: string }
interface ManualParams extends TenantParams { entity: string; id: string; name: string }

const RUN_QUERY = ['workflow', 'entity', 'recordId', 'status', 'limit'] as const;

function runQuery(query: Record<string, unknown>): Parameters<typeof listRuns>[1] {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    if (!(RUN_QUERY as readonly string[]).includes(key)) throw badRequest('INVALID_QUERY', `unknown query parameter "${key}"`, [{ path: `/${key}`, message: 'is not a filter of runs' }]);
    if (typeof value !== 'string' || value.length > 200) throw badRequest('INVALID_QUERY', `${key} must be one value`, [{ path: `/${key}`, message: 'must be a single string' }]);
    out[key] = value;
  }
  if (out.limit !== undefined) {
    const limit = Number(out.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw badRequest('INVALID_QUERY', 'limit must be 1–500', [{ path: '/limit', message: 'must be an integer from 1 to 500' }]);
    out.limit = limit;
  }
  return out;
}

function bodyWith(raw: unknown, allowed: readonly string[]): Record<string, unknown> {
  const body = sanitizeInput(raw ?? {});
  const extra = Object.keys(body).filter((k) => !allowed.includes(k));
  if (extra.length) throw badRequest('INVALID_BODY', 'the request has properties it may not have', extra.map((k) => ({ path: `/${k}`, message: 'is not allowed' })));
  return body;
}

export async function workflowRoutes(app: FastifyInstance, opts: { runtime: Runtime }): Promise<void> {
  const { runtime } = opts;

  app.get<{ Params: TenantParams; Querystring: Record<string, unknown> }>('/api/t/:tenant/workflows/runs', async (request) => {
    const ctx = await adminContext(runtime, request);
    return { items: await listRuns(ctx.store, runQuery(request.query)) };
  });

  app.get<{ Params: RunParams }>('/api/t/:tenant/workflows/runs/:id', async (request) => {
    const ctx = await adminContext(runtime, request);
    const run = await getRun(ctx.store, request.params.id);
    if (!run) throw notFound(`no workflow run "${request.params.id}"`);
    return run;
  });

  app.post<{ Params: RunParams }>('/api/t/:tenant/workflows/runs/:id/retry', async (request) => {
    const ctx = await adminContext(runtime, request);
    bodyWith(request.body, []);
    return { run: await retryRun(ctx, request.params.id) };
  });

  app.post<{ Params: WorkflowParams }>('/api/t/:tenant/workflows/:name/dry-run', async (request) => {
    const ctx = await adminContext(runtime, request);
    return { run: await dryRun(ctx, request.params.name, bodyWith(request.body, ['recordId', 'previous', 'definition'])) };
  });

  app.post<{ Params: ManualParams }>('/api/t/:tenant/records/:entity/:id/workflows/:name/run', async (request) => {
    const ctx = await userContext(runtime, request);
    bodyWith(request.body, []);
    return { run: await runManual(ctx, request.params.entity, request.params.id, request.params.name) };
  });
}
