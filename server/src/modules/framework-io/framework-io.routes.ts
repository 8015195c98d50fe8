import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { IdParams, ImportFrameworkBody, ImportFrameworkResult } from '@shared/schemas/index.js';
import { ctxOf } from '../../plugins/auth.js';
import { XLSX_CONTENT_TYPE } from './framework-template.js';
import * as service from './framework-io.service.js';
import type { Download } from './framework-io.service.js';

const tags = ['results framework'];
const produces = [XLSX_CONTENT_TYPE];

const sendFile = (reply: FastifyReply, file: Download) =>
  reply
    .header('content-type', XLSX_CONTENT_TYPE)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(file.content);

export const frameworkIoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/projects/:id/framework.xlsx', { schema: { tags, params: IdParams, produces } }, async (req, reply) =>
    sendFile(reply, await service.exportFramework(ctxOf(req), req.params.id)),
  );
  app.get('/framework-template.xlsx', { schema: { tags, produces } }, async (_req, reply) => sendFile(reply, await service.frameworkTemplate()));
  app.get('/projects/:id/indicator-plan.xlsx', { schema: { tags, params: IdParams, produces } }, async (req, reply) =>
    sendFile(reply, await service.exportIndicatorPlan(ctxOf(req), req.params.id)),
  );
  // A 10 MB workbook as base64 is about 13.4 MB of JSON: the only framework route allowed more than the app's 1 MiB.
  const bodyLimit = 15 * 1024 * 1024;
  app.post(
    '/projects/:id/framework/import',
    { bodyLimit, schema: { tags, params: IdParams, body: ImportFrameworkBody, response: { 200: ImportFrameworkResult } } },
    async (req) => service.importFramework(ctxOf(req), req.params.id, req.body),
  );
};
