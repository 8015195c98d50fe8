import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditPage, ListAuditQuery } from '@shared/schemas/index.js';
import { ctxOf } from '../../plugins/auth.js';
import * as service from './audit.service.js';

const tags = ['audit'];

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/audit', { schema: { tags, querystring: ListAuditQuery, response: { 200: AuditPage } } }, async (req) =>
    service.listAuditEntries(ctxOf(req), req.query),
  );
  app.get('/audit/export.csv', { schema: { tags, querystring: ListAuditQuery, produces: ['text/csv'] } }, async (req, reply) => {
    const stream = await service.exportAuditCsv(ctxOf(req), req.query);
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="fieldbook-audit-${day}.csv"`)
      .send(stream);
  });
};
