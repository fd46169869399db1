/** What the app shell needs to render a tenant: its settings and its published, active definitions. */
import type { FastifyInstance } from 'fastify';
import type { EntityDefinition, WorkflowDefinition } from '../../schemas/index.js';
import type { Runtime } from '../../runtime/runtime.js';
import type { TenantParams } from '../tenantScope.js';
import { userContext } from '../auth.js';
import { UserDirectory } from '../../runtime/identity/users.js';

export async function appManifestRoutes(app: FastifyInstance, opts: { runtime: Runtime }): Promise<void> {
  app.get<{ Params: TenantParams }>('/api/t/:tenant/app', async (request) => {
    const ctx = await userContext(opts.runtime, request);
    const compiled = ctx.app;
    const access = ctx.access!;
    // Entities the user cannot read stay out of the app; hidden fields leave every entity.
    const entities: EntityDefinition[] = [...compiled.entities.values()]
      .filter((e) => access.scope(e.name, 'read').scope !== 'none')
      .map((e) => {
        const hidden = access.hiddenFields(e.name);
        return { ...e.definition, fields: e.definition.fields.filter((f) => !f.archived && !hidden.has(f.name)) };
      });
    const visible = new Set(entities.map((e) => e.name));
    const users = (await new UserDirectory(ctx.store).list()).map((u) => ({ id: u.id, name: u.name, status: u.status }));
    const ofKind = (kind: string) =>
      [...compiled.definitions.values()].filter((d) => d.kind === kind && visible.has((d as { entity?: string }).entity ?? ''));
    return {
      tenant: ctx.tenant,
      version: compiled.version,
      entities,
      forms: [...compiled.forms.values()].filter((f) => visible.has(f.entity)),
      users,
      views: ofKind('view'),
      pipelines: ofKind('pipeline'),
      // Buttons on records: active workflows with a manual trigger.
      manualWorkflows: (ofKind('workflow') as unknown as WorkflowDefinition[])
        .filter((w) => w.active !== false && w.trigger.type === 'manual')
        .map((w) => ({ name: w.name, entity: w.entity, buttonLabel: (w.trigger as { buttonLabel: unknown }).buttonLabel })),
    };
  });
}
