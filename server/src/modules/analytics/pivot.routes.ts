import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PivotCatalogueSchema, PivotDefinitionSchema, PivotExportQuery, PivotResultSchema } from '@shared/schemas/monitoring.js';
import { ctxOf } from '../../plugins/auth.js';
import { pivotCatalogue } from './catalogue.service.js';
import { CSV_TYPE, exportPivot, XLSX_TYPE } from './pivot.export.js';
import { runPivot } from './pivot.service.js';

const tags = ['monitoring'];

export const pivotRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/pivot/catalogue', { schema: { tags, response: { 200: PivotCatalogueSchema } } }, async (req) => pivotCatalogue(ctxOf(req)));
  app.post('/pivot', { schema: { tags, body: PivotDefinitionSchema, response: { 200: PivotResultSchema } } }, async (req) => runPivot(ctxOf(req), req.body));
  app.post(
    '/pivot/export',
    { schema: { tags, body: PivotDefinitionSchema, querystring: PivotExportQuery, produces: [XLSX_TYPE, CSV_TYPE] } },
    async (req, reply) => {
      const file = await exportPivot(ctxOf(req), req.body, req.query.format);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );
};
