/** Shipped templates: list them, install one into a tenant. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../runtime/runtime.js';
import { badRequest, notFound } from '../../runtime/errors.js';
import { loadTemplatePackage } from '../../runtime/templates/loadPackage.js';
import { sanitizeInput } from '../../runtime/records/sanitizeInput.js';
import type { TenantParams } from '../tenantScope.js';
import { adminContext } from '../auth.js';

const TEMPLATE_NAME = /^[a-z][a-z0-9-]{0,63}$/;

async function templateNames(templatesDir: string): Promise<string[]> {
  return (await readdir(templatesDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
}

export async function templateListRoutes(app: FastifyInstance, opts: { templatesDir: string }): Promise<void> {
  const { templatesDir } = opts;
  app.get('/api/templates', async () => {
    const names = await templateNames(templatesDir);
    const items = [];
    for (const name of names) {
      const { manifest } = await loadTemplatePackage(join(templatesDir, name));
      items.push({ name: manifest.name, version: manifest.version, label: manifest.label, description: manifest.description ?? null });
    }
    return { items };
  });
}

/** Installing a template changes a tenant's definitions: administrators only. */
export async function templateInstallRoutes(app: FastifyInstance, opts: { runtime: Runtime; templatesDir: string }): Promise<void> {
  const { runtime, templatesDir } = opts;
  app.post<{ Params: TenantParams }>('/api/t/:tenant/templates/install', async (request, reply) => {
    const ctx = await adminContext(runtime, request);
    const body = sanitizeInput(request.body);
    const name = body.template;
    if (typeof name !== 'string' || !TEMPLATE_NAME.test(name)) throw badRequest('INVALID_BODY', 'template must name a shipped template', [{ path: '/template', message: 'must be a template name' }]);
    if (body.sampleData !== undefined && typeof body.sampleData !== 'boolean') throw badRequest('INVALID_BODY', 'sampleData must be true or false', [{ path: '/sampleData', message: 'must be a boolean' }]);
    if (!(await templateNames(templatesDir)).includes(name)) throw notFound(`no template "${name}"`);
    const result = await runtime.installTemplate(request.params.tenant, join(templatesDir, name), { sampleData: body.sampleData === true, by: ctx.user! });
    return reply.status(201).send(result);
  });
}
