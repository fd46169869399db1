/** What the app shell needs to render a tenant: its settings and its published, active definitions. */
import type { FastifyInstance } from 'fastify';
import type { EntityDefinition } from '../../schemas/index.js';
import type { Runtime } from '../../runtime/runtime.js';
import type { TenantParams } from '../tenantScope.js';

export async function appManifestRoutes(app: FastifyInstance, opts: { runtime: Runtime }): Promise<void> {
  app.get<{ Params: TenantParams }>('/api/t/:tenant/app', async (request) => {
    const { tenant } = request.params;
    const settings = await opts.runtime.tenant(tenant);
    const compiled = await opts.runtime.app(tenant);
    const entities: EntityDefinition[] = [...compiled.entities.values()].map((e) => ({
      ...e.definition,
      fields: e.definition.fields.filter((f) => !f.archived),
    }));
    const ofKind = (kind: string) => [...compiled.definitions.values()].filter((d) => d.kind === kind);
    return {
      tenant: settings,
      version: compiled.version,
      entities,
      forms: [...compiled.forms.values()],
      views: ofKind('view'),
      pipelines: ofKind('pipeline'),
    };
  });
}
