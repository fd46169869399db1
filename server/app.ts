/**
 * The fastify app, built by a factory so tests can `inject` requests without a
 * socket (fastify's testing guide). Thin: every route calls the runtime.
 * Everything under /api/t/:tenant/ except sign-in is authenticated.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { Runtime } from '../runtime/runtime.js';
import { authenticateTenantRequests } from './auth.js';
import { errorBody, registerErrorHandling } from './errors.js';
import { appManifestRoutes } from './routes/appManifest.js';
import { approvalRoutes } from './routes/approvals.js';
import { authRoutes, publicAuthRoutes } from './routes/auth.js';
import { definitionRoutes } from './routes/definitions.js';
import { healthRoutes } from './routes/health.js';
import { messagingRoutes } from './routes/messaging.js';
import { openApiRoutes } from './routes/openapi.js';
import { operatorRoutes } from './routes/operator.js';
import { peopleRoutes } from './routes/people.js';
import { recordAccessRoutes } from './routes/recordAccess.js';
import { recordRoutes } from './routes/records.js';
import { reportRoutes } from './routes/reports.js';
import { templateInstallRoutes, templateListRoutes } from './routes/templates.js';
import { transitionRoutes } from './routes/transitions.js';
import { workflowRoutes } from './routes/workflows.js';
import { inboundWebhookRoutes } from './routes/inboundWebhooks.js';

export interface BuildOptions {
  runtime: Runtime;
  /** Folder of shipped templates. */
  templatesDir: string;
  /** Built UI to serve (the Vite output); omitted in API-only tests. */
  staticDir?: string;
  logger?: boolean;
  /** Largest accepted request body in bytes. */
  bodyLimit?: number;
  /** Enables the operator API (tenant provisioning) when set. */
  operatorKey?: string;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export async function build(opts: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // Bodies with __proto__ or constructor.prototype keys are refused at parse time.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    routerOptions: { maxParamLength: 200 },
    trustProxy: process.env.TRUST_PROXY === '1',
  });
  registerErrorHandling(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd injects its CSS-in-JS styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
      },
    },
  });
  // Only routes that opt in (sign-in) are limited; lockout after repeated failures is separate.
  await app.register(rateLimit, {
    global: false,
    // After the body is parsed, so the sign-in limit can key on the e-mail as well as the address.
    hook: 'preHandler',
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`too many attempts; try again in ${Math.ceil(context.ttl / 1000)} s`), { statusCode: 429, code: 'RATE_LIMITED' }),
  });
  // CORS stays off: the UI is served from the same origin.

  const routeOpts = { runtime: opts.runtime, templatesDir: opts.templatesDir, operatorKey: opts.operatorKey };
  await app.register(healthRoutes);
  await app.register(templateListRoutes, routeOpts);
  await app.register(publicAuthRoutes, routeOpts);
  await app.register(operatorRoutes, routeOpts);
  await app.register(inboundWebhookRoutes, routeOpts);
  await app.register(async (tenantApi) => {
    tenantApi.addHook('preHandler', authenticateTenantRequests(opts.runtime));
    await tenantApi.register(authRoutes, routeOpts);
    await tenantApi.register(appManifestRoutes, routeOpts);
    await tenantApi.register(recordAccessRoutes, routeOpts);
    await tenantApi.register(recordRoutes, routeOpts);
    await tenantApi.register(transitionRoutes, routeOpts);
    await tenantApi.register(workflowRoutes, routeOpts);
    await tenantApi.register(reportRoutes, routeOpts);
    await tenantApi.register(definitionRoutes, routeOpts);
    await tenantApi.register(openApiRoutes, routeOpts);
    await tenantApi.register(templateInstallRoutes, routeOpts);
    await tenantApi.register(peopleRoutes, routeOpts);
    await tenantApi.register(approvalRoutes, routeOpts);
    await tenantApi.register(messagingRoutes, routeOpts);
  });

  const staticDir = opts.staticDir;
  const hasUi = staticDir !== undefined && existsSync(join(staticDir, 'index.html'));
  if (hasUi) await app.register(fastifyStatic, { root: staticDir, wildcard: false });

  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url === '/api';
    // The app is a single-page app: unknown non-API GETs get its shell.
    if (!isApi && hasUi && request.method === 'GET') return reply.type('text/html').sendFile('index.html');
    return reply.status(404).send(errorBody('NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`));
  });
  return app;
}
