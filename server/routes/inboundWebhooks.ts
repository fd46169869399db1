/**
 * Inbound webhooks: `POST /api/t/:tenant/hooks/:workflow` starts a workflow
 * whose trigger is `webhook`. No user token: the caller signs the raw body
 * with the tenant secret the trigger names (same headers and scheme as our
 * outbound webhooks), and stale or wrong signatures are refused with 401.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Runtime } from '../../runtime/runtime.js';
import { badRequest, notFound, RuntimeError } from '../../runtime/errors.js';
import { sanitizeInput } from '../../runtime/records/sanitizeInput.js';
import { getSecret } from '../../runtime/messaging/secrets.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from '../../runtime/messaging/signature.js';
import { runInbound, workflowIndex } from '../../runtime/workflows/index.js';
import type { TenantParams } from '../tenantScope.js';

interface HookParams extends TenantParams { workflow: string }

const unauthorized = (message: string) => new RuntimeError('unauthorized', 'BAD_SIGNATURE', message);

export async function inboundWebhookRoutes(app: FastifyInstance, opts: { runtime: Runtime }): Promise<void> {
  const { runtime } = opts;
  // The signature covers the exact bytes sent, so this route keeps the body as text and parses it itself.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.post<{ Params: HookParams }>(
    '/api/t/:tenant/hooks/:workflow',
    { config: { rateLimit: { max: 600, timeWindow: '1 minute', keyGenerator: (r: FastifyRequest) => `${r.ip}|${(r.params as HookParams).tenant}` } } },
    async (request, reply) => {
      const { tenant, workflow: name } = request.params;
      const ctx = await runtime.context(tenant, { user: null, channel: 'webhook' });
      const workflow = workflowIndex(ctx.app).byName.get(name);
      if (!workflow || workflow.trigger.type !== 'webhook') throw notFound(`no webhook workflow "${name}"`);
      const secretRef = workflow.trigger.secretRef;
      const secret = secretRef ? await getSecret(ctx.store, secretRef) : null;
      if (!secret) throw unauthorized(`the workflow "${name}" has no signing secret set up; an administrator must set the secret "${secretRef ?? '(none named)'}"`);
      const raw = typeof request.body === 'string' ? request.body : '';
      const headers = { timestamp: request.headers[TIMESTAMP_HEADER.toLowerCase()], signature: request.headers[SIGNATURE_HEADER.toLowerCase()] };
      if (!verifySignature(secret, headers, raw)) throw unauthorized(`the request is not signed with the workflow's secret (headers ${TIMESTAMP_HEADER} and ${SIGNATURE_HEADER}), or its timestamp is more than 5 minutes off`);
      let parsed: unknown;
      try {
        parsed = raw === '' ? {} : JSON.parse(raw);
      } catch {
        throw badRequest('INVALID_JSON', 'the body is not valid JSON');
      }
      const run = await runInbound(ctx, name, sanitizeInput(parsed));
      return reply.status(202).send({ run: { id: run.id, status: run.status, message: run.message } });
    },
  );
}
