import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '@shared/schemas/index.js';
import { JobSchema } from '@shared/schemas/jobs.js';
import { CreateValuesExportSchema, FourWQuery, ValuesHxlQuery } from '@shared/schemas/open-data.js';
import { ctxOf } from '../../plugins/auth.js';
import { fourWCsv } from './fourw.service.js';
import { CSV_MEDIA_TYPE } from './values.files.js';
import { startValuesExport, valuesHxlCsv } from './values.service.js';
// Registers the values.export job handler on every server that serves these routes.
import './values-export.job.js';

const tags = ['open data'];

export const openDataRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/projects/:id/values.hxl.csv',
    { schema: { tags, params: IdParams, querystring: ValuesHxlQuery, produces: [CSV_MEDIA_TYPE] } },
    async (req, reply) => {
      const file = await valuesHxlCsv(ctxOf(req), req.params.id, req.query);
      return reply
        .header('content-type', CSV_MEDIA_TYPE)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'private, no-store')
        .send(file.stream);
    },
  );
  app.post(
    '/projects/:id/exports',
    { schema: { tags, params: IdParams, body: CreateValuesExportSchema, response: { 202: JobSchema } } },
    async (req, reply) => reply.code(202).send(await startValuesExport(ctxOf(req), req.params.id, req.body)),
  );
  app.get('/open-data/4w.hxl.csv', { schema: { tags, querystring: FourWQuery, produces: [CSV_MEDIA_TYPE] } }, async (req, reply) => {
    const file = await fourWCsv(ctxOf(req), req.query);
    return reply
      .header('content-type', CSV_MEDIA_TYPE)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('cache-control', 'private, no-store')
      .send(file.stream);
  });
};
