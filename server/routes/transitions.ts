/**
 * Stage pipelines over HTTP: take a transition, read a record's stage history,
 * and the pipeline summary (forecast). Thin: each route calls the runtime.
 */
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../runtime/runtime.js';
import { takeTransition } from '../../runtime/pipelines/transition.js';
import { recordStages } from '../../runtime/pipelines/stageHistory.js';
import { pipelineSummary } from '../../runtime/pipelines/summary.js';
import type { TenantParams } from '../tenantScope.js';
import { userContext } from '../auth.js';

interface RecordParams extends TenantParams {
  entity: string;
  id: string;
}
interface PipelineParams extends TenantParams {
  name: string;
}

export async function transitionRoutes(app: FastifyInstance, opts: { runtime: Runtime }): Promise<void> {
  const { runtime } = opts;

  app.post<{ Params: RecordParams }>('/api/t/:tenant/records/:entity/:id/transition', async (request) =>
    takeTransition(await userContext(runtime, request), request.params.entity, request.params.id, request.body),
  );

  app.get<{ Params: RecordParams }>('/api/t/:tenant/records/:entity/:id/stages', async (request) =>
    recordStages(await userContext(runtime, request), request.params.entity, request.params.id),
  );

  app.get<{ Params: PipelineParams }>('/api/t/:tenant/pipelines/:name/summary', async (request) =>
    pipelineSummary(await userContext(runtime, request), request.params.name),
  );
}
