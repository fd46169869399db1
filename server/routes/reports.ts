/** Reports run as aggregations under the user's read scope; exports under their export scope. */
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../runtime/runtime.js';
import { runReport } from '../../runtime/reports/runReport.js';
import { exportRecords } from '../../runtime/records/exportRecords.js';
import { userContext } from '../auth.js';
import type { TenantParams } from '../tenantScope.js';

export async function reportRoutes(app: FastifyInstance, opts: { runtime: Runtime }): Promise<void> {
  app.get<{ Params: TenantParams & { name: string } }>('/api/t/:tenant/reports/:name', async (request) =>
    runReport(await userContext(opts.runtime, request), request.params.name),
  );

  app.get<{ Params: TenantParams & { entity: string }; Querystring: { filter?: string; sort?: string } }>(
    '/api/t/:tenant/export/:entity',
    async (request, reply) => {
      const csv = await exportRecords(await userContext(opts.runtime, request), request.params.entity, request.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${request.params.entity}.csv"`)
        .send(csv);
    },
  );
}
