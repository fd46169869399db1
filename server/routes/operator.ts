/**
 * The platform operator's API: create and list tenants. Guarded by the key in
 * STAGECRAFT_OPERATOR_KEY; without it the API is off.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Runtime } from '../../runtime/runtime.js';
import { RuntimeError } from '../../runtime/errors.js';
import { sanitizeInput } from '../../runtime/records/sanitizeInput.js';
import { provisionTenant, type ProvisionInput } from '../../runtime/tenants/provision.js';

function checkOperator(request: FastifyRequest, key: string | undefined): void {
  if (!key) throw new RuntimeError('forbidden', 'OPERATOR_API_OFF', 'the operator API is off: set STAGECRAFT_OPERATOR_KEY to enable it');
  const given = Buffer.from(String(request.headers['x-operator-key'] ?? ''));
  const expected = Buffer.from(key);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new RuntimeError('unauthorized', 'INVALID_OPERATOR_KEY', 'a valid X-Operator-Key header is required');
  }
}

export async function operatorRoutes(app: FastifyInstance, opts: { runtime: Runtime; templatesDir: string; operatorKey?: string }): Promise<void> {
  app.get('/api/tenants', async (request) => {
    checkOperator(request, opts.operatorKey);
    return { items: await opts.runtime.tenants.list() };
  });

  app.post('/api/tenants', async (request, reply) => {
    checkOperator(request, opts.operatorKey);
    const body = sanitizeInput(request.body) as unknown as ProvisionInput;
    const result = await provisionTenant(opts.runtime, opts.templatesDir, body);
    return reply.status(201).send(result);
  });
}
