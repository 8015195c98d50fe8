import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '@shared/schemas/index.js';
import { IndicatorMapSchema, MapQuery } from '@shared/schemas/monitoring.js';
import { ctxOf } from '../../plugins/auth.js';
import * as service from './map.service.js';

const tags = ['monitoring'];

export const mapRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/indicators/:id/map', { schema: { tags, params: IdParams, querystring: MapQuery, response: { 200: IndicatorMapSchema } } }, async (req) =>
    service.indicatorMap(ctxOf(req), req.params.id, req.query),
  );
};
