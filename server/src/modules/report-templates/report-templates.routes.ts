import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '@shared/schemas/common.js';
import {
  ListReportTemplatesQuery,
  ReportTemplateInputSchema,
  ReportTemplateListSchema,
  ReportTemplateSchema,
  ReportTemplateUpdateSchema,
  ReportTemplateVersionListSchema,
  ReportTemplateVersionSchema,
  TemplateVersionParams,
} from '@shared/schemas/report-templates.js';
import { ctxOf } from '../../plugins/auth.js';
import * as service from './report-templates.service.js';

const tags = ['report templates'];

export const reportTemplateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/report-templates', { schema: { tags, querystring: ListReportTemplatesQuery, response: { 200: ReportTemplateListSchema } } }, async (req) =>
    service.listTemplates(ctxOf(req), req.query),
  );
  app.post('/report-templates', { schema: { tags, body: ReportTemplateInputSchema, response: { 201: ReportTemplateSchema } } }, async (req, reply) =>
    reply.status(201).send(await service.createTemplate(ctxOf(req), req.body)),
  );
  app.get('/report-templates/:id', { schema: { tags, params: IdParams, response: { 200: ReportTemplateSchema } } }, async (req) =>
    service.getTemplate(ctxOf(req), req.params.id),
  );
  app.put(
    '/report-templates/:id',
    { schema: { tags, params: IdParams, body: ReportTemplateUpdateSchema, response: { 200: ReportTemplateSchema } } },
    async (req) => service.updateTemplate(ctxOf(req), req.params.id, req.body),
  );
  app.get('/report-templates/:id/versions', { schema: { tags, params: IdParams, response: { 200: ReportTemplateVersionListSchema } } }, async (req) =>
    service.listVersions(ctxOf(req), req.params.id),
  );
  app.get(
    '/report-templates/:id/versions/:version',
    { schema: { tags, params: TemplateVersionParams, response: { 200: ReportTemplateVersionSchema } } },
    async (req) => service.getVersion(ctxOf(req), req.params.id, req.params.version),
  );
};
