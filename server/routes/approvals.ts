/**
 * Approvals over HTTP: the signed-in user's inbox, a record's requests and
 * the approvals they could submit, submitting, and answering or recalling a
 * request. Thin: each route parses its body and calls the runtime.
 */
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../runtime/runtime.js';
import { decide, inbox, parseDecisionBody, parseSubmitBody, recall, recordApprovals, submitApproval } from '../../runtime/approvals/index.js';
import type { TenantParams } from '../tenantScope.js';
import { userContext } from '../auth.js';

interface RecordParams extends TenantParams {
  entity: string;
  id: string;
}
interface RequestParams extends TenantParams {
  requestId: string;
}

export async function approvalRoutes(app: FastifyInstance, opts: { runtime: Runtime }): Promise<void> {
  const { runtime } = opts;

  app.get<{ Params: TenantParams }>('/api/t/:tenant/approvals/inbox', async (request) => inbox(await userContext(runtime, request)));

  app.get<{ Params: RecordParams }>('/api/t/:tenant/records/:entity/:id/approvals', async (request) =>
    recordApprovals(await userContext(runtime, request), request.params.entity, request.params.id),
  );

  app.post<{ Params: RecordParams }>('/api/t/:tenant/records/:entity/:id/approvals', async (request, reply) => {
    const body = parseSubmitBody(request.body);
    const ctx = await userContext(runtime, request);
    const view = await submitApproval(ctx, { approval: body.approval, entity: request.params.entity, recordId: request.params.id, comment: body.comment });
    return reply.status(201).send(view);
  });

  for (const action of ['approve', 'reject', 'recall'] as const) {
    app.post<{ Params: RequestParams }>(`/api/t/:tenant/approvals/:requestId/${action}`, async (request) => {
      const { comment } = parseDecisionBody(request.body);
      const ctx = await userContext(runtime, request);
      return action === 'recall' ? recall(ctx, request.params.requestId, comment) : decide(ctx, request.params.requestId, action, comment);
    });
  }
}
