import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '@shared/schemas/common.js';
import { IatiCheckQuery, IatiCheckSchema, IatiExportQuery, IatiProjectExportQuery } from '@shared/schemas/iati.js';
import { ctxOf } from '../../plugins/auth.js';
import * as service from './iati.service.js';

const tags = ['open data'];
const XML = 'application/xml; charset=utf-8';

/** IATI 2.03 activity XML: the pre-check, and the file for several projects or for one. */
export const iatiRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/iati/check', { schema: { tags, querystring: IatiCheckQuery, response: { 200: IatiCheckSchema } } }, async (req) =>
    service.checkIati(ctxOf(req), req.query.projectIds),
  );
  app.get('/iati/activities.xml', { schema: { tags, querystring: IatiExportQuery, produces: ['application/xml'] } }, async (req, reply) => {
    const file = await service.exportIati(ctxOf(req), req.query.projectIds, req.query.language);
    return sendXml(reply, file);
  });
  app.get('/projects/:id/iati.xml', { schema: { tags, params: IdParams, querystring: IatiProjectExportQuery, produces: ['application/xml'] } }, async (req, reply) => {
    const file = await service.exportIati(ctxOf(req), [req.params.id], req.query.language);
    return sendXml(reply, file);
  });
};

const sendXml = (reply: FastifyReply, file: service.IatiFile) =>
  reply.header('content-type', XML).header('content-disposition', `attachment; filename="${file.filename}"`).header('cache-control', 'no-store').send(file.content);
