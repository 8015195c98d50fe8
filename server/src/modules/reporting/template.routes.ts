import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '@shared/schemas/index.js';
import { ctxOf } from '../../plugins/auth.js';
import { type Download, valuesCsvExport, valuesTemplate } from './template.service.js';

const tags = ['field reporting'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const send = (reply: FastifyReply, type: string, file: Download) =>
  reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'private, no-store')
    .send(file.content);

export const valuesTemplateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/submissions/:id/template.xlsx', { schema: { tags, params: IdParams, produces: [XLSX] } }, async (req, reply) =>
    send(reply, XLSX, await valuesTemplate(ctxOf(req), req.params.id)),
  );
  app.get('/submissions/:id/values.csv', { schema: { tags, params: IdParams, produces: ['text/csv'] } }, async (req, reply) =>
    send(reply, 'text/csv; charset=utf-8', await valuesCsvExport(ctxOf(req), req.params.id)),
  );
};
