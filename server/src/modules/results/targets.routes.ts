import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, IndicatorTargetsSchema, PutTargetsBody } from '@shared/schemas/index.js';
import { ctxOf } from '../../plugins/auth.js';
import * as service from './targets.service.js';

const tags = ['results framework'];

export const targetRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/indicators/:id/targets', { schema: { tags, params: IdParams, response: { 200: IndicatorTargetsSchema } } }, async (req) =>
    service.getTargets(ctxOf(req), req.params.id),
  );
  // Large frameworks carry many cells (periods × locations × combinations): a bigger body than the default.
  app.put(
    '/indicators/:id/targets',
    { bodyLimit: 8 * 1024 * 1024, schema: { tags, params: IdParams, body: PutTargetsBody, response: { 200: IndicatorTargetsSchema } } },
    async (req) => service.putTargets(ctxOf(req), req.params.id, req.body),
  );
};
