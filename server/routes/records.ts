/** The records API of the HTTP contract: list, create, get, patch, delete. */
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../runtime/runtime.js';
import { getRecord, listRecords, type ListQuery } from '../../runtime/records/listRecords.js';
import { createRecord, deleteRecord, updateRecord } from '../../runtime/records/savePipeline.js';
import { badRequest } from '../../runtime/errors.js';
import type { TenantParams } from '../tenantScope.js';
import { userContext as recordContext } from '../auth.js';

interface EntityParams extends TenantParams {
  entity: string;
}
interface RecordParams extends EntityParams {
  id: string;
}

function singleQueryValue(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badRequest('INVALID_QUERY', `${name} may be given once`, [{ path: `/${name}`, message: 'must be given once' }]);
  return value;
}

export async function recordRoutes(app: FastifyInstance, opts: { runtime: Runtime }): Promise<void> {
  const { runtime } = opts;

  app.get<{ Params: EntityParams; Querystring: Record<string, unknown> }>('/api/t/:tenant/records/:entity', async (request) => {
    const q = request.query;
    const query: ListQuery = {
      filter: singleQueryValue(q, 'filter'),
      sort: singleQueryValue(q, 'sort'),
      page: singleQueryValue(q, 'page') as unknown as number | undefined,
      pageSize: singleQueryValue(q, 'pageSize') as unknown as number | undefined,
      q: singleQueryValue(q, 'q'),
    };
    return listRecords(await recordContext(runtime, request), request.params.entity, query);
  });

  app.post<{ Params: EntityParams }>('/api/t/:tenant/records/:entity', async (request, reply) => {
    const record = await createRecord(await recordContext(runtime, request), request.params.entity, request.body);
    return reply.status(201).header('location', `/api/t/${request.params.tenant}/records/${request.params.entity}/${record.id}`).send(record);
  });

  app.get<{ Params: RecordParams }>('/api/t/:tenant/records/:entity/:id', async (request) =>
    getRecord(await recordContext(runtime, request), request.params.entity, request.params.id),
  );

  app.patch<{ Params: RecordParams }>('/api/t/:tenant/records/:entity/:id', async (request) =>
    updateRecord(await recordContext(runtime, request), request.params.entity, request.params.id, request.body),
  );

  app.delete<{ Params: RecordParams; Querystring: Record<string, unknown> }>('/api/t/:tenant/records/:entity/:id', async (request, reply) => {
    const raw = singleQueryValue(request.query, 'version');
    const version = raw === undefined ? undefined : Number(raw);
    if (version !== undefined && (!Number.isInteger(version) || version < 1)) {
      throw badRequest('INVALID_VERSION', 'version must be a positive integer', [{ path: '/version', message: 'must be a positive integer' }]);
    }
    await deleteRecord(await recordContext(runtime, request), request.params.entity, request.params.id, version);
    return reply.status(204).send();
  });
}
