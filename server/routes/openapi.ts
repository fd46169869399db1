import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../runtime/runtime.js';
import { openApiDocument } from '../openapi.js';
import type { TenantParams } from '../tenantScope.js';
import { userContext } from '../auth.js';

export async function openApiRoutes(app: FastifyInstance, opts: { runtime: Runtime }): Promise<void> {
  app.get<{ Params: TenantParams }>('/api/t/:tenant/openapi.json', async (request) => {
    const ctx = await userContext(opts.runtime, request);
    return openApiDocument(ctx.tenant, ctx.app);
  });
}
