import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../runtime/runtime.js';
import { openApiDocument } from '../openapi.js';
import type { TenantParams } from '../tenantScope.js';

export async function openApiRoutes(app: FastifyInstance, opts: { runtime: Runtime }): Promise<void> {
  app.get<{ Params: TenantParams }>('/api/t/:tenant/openapi.json', async (request) => {
    const tenant = await opts.runtime.tenant(request.params.tenant);
    return openApiDocument(tenant, await opts.runtime.app(tenant.id));
  });
}
