import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, IdSchema } from '@shared/schemas/common.js';
import { GeneratedReportSchema, GenerateReportSchema, REPORT_FORMATS, ReportHistoryQuery } from '@shared/schemas/reports.js';
import { ctxOf } from '../../plugins/auth.js';
import { sendFile } from '../jobs/file-download.js';
import { closeRenderPool } from './render-pool.js';
import './reports.job.js';
import * as service from './reports.service.js';

const tags = ['reports'];
const FileParams = z.strictObject({ id: IdSchema, format: z.enum(REPORT_FORMATS) });
const ReportListSchema = z.object({ items: z.array(GeneratedReportSchema) });

export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  // The report renderers' worker thread (started by the first report) ends with the app.
  app.addHook('onClose', () => closeRenderPool());
  app.post('/reports', { schema: { tags, body: GenerateReportSchema, response: { 202: GeneratedReportSchema } } }, async (req, reply) =>
    reply.status(202).send(await service.generateReport(ctxOf(req), req.body)),
  );
  app.get('/reports', { schema: { tags, querystring: ReportHistoryQuery, response: { 200: ReportListSchema } } }, async (req) => service.listReports(ctxOf(req), req.query));
  app.get('/reports/:id', { schema: { tags, params: IdParams, response: { 200: GeneratedReportSchema } } }, async (req) => service.getReport(ctxOf(req), req.params.id));
  app.get('/reports/:id/files/:format', { schema: { tags, params: FileParams } }, async (req, reply) =>
    sendFile(reply, await service.downloadReport(ctxOf(req), req.params.id, req.params.format)),
  );
  app.post('/reports/:id/regenerate', { schema: { tags, params: IdParams, response: { 202: GeneratedReportSchema } } }, async (req, reply) =>
    reply.status(202).send(await service.regenerateReport(ctxOf(req), req.params.id)),
  );
  app.delete('/reports/:id', { schema: { tags, params: IdParams } }, async (req, reply) => {
    await service.deleteReport(ctxOf(req), req.params.id);
    return reply.code(204).send();
  });
};
