/**
 * The fastify app, built by a factory so tests can `inject` requests without a
 * socket (fastify's testing guide). Thin: every route calls the runtime.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Runtime } from '../runtime/runtime.js';
import { errorBody, registerErrorHandling } from './errors.js';
import { appManifestRoutes } from './routes/appManifest.js';
import { definitionRoutes } from './routes/definitions.js';
import { healthRoutes } from './routes/health.js';
import { openApiRoutes } from './routes/openapi.js';
import { recordRoutes } from './routes/records.js';
import { templateRoutes } from './routes/templates.js';

export interface BuildOptions {
  runtime: Runtime;
  /** Folder of shipped templates. */
  templatesDir: string;
  /** Built UI to serve (the Vite output); omitted in API-only tests. */
  staticDir?: string;
  logger?: boolean;
  /** Largest accepted request body in bytes. */
  bodyLimit?: number;
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
  });
  registerErrorHandling(app);

  const routeOpts = { runtime: opts.runtime, templatesDir: opts.templatesDir };
  await app.register(healthRoutes);
  await app.register(appManifestRoutes, routeOpts);
  await app.register(recordRoutes, routeOpts);
  await app.register(definitionRoutes, routeOpts);
  await app.register(openApiRoutes, routeOpts);
  await app.register(templateRoutes, routeOpts);

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
