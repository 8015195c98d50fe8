import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IpttQuery, IpttSchema } from '@shared/schemas/monitoring.js';
import { ctxOf } from '../../plugins/auth.js';
import { XLSX_CONTENT_TYPE } from '../framework-io/framework-template.js';
import * as service from './iptt.service.js';

const tags = ['monitoring'];

export const ipttRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/iptt', { schema: { tags, querystring: IpttQuery, response: { 200: IpttSchema } } }, async (req) => service.getIptt(ctxOf(req), req.query));
  app.get('/iptt/export.xlsx', { schema: { tags, querystring: IpttQuery, produces: [XLSX_CONTENT_TYPE] } }, async (req, reply) => {
    const file = await service.exportIptt(ctxOf(req), req.query);
    return reply
      .header('content-type', XLSX_CONTENT_TYPE)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('cache-control', 'no-store')
      .send(file.content);
  });
};
