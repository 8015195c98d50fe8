import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '@shared/schemas/common.js';
import { CreateSavedPivotBody, SavedPivotListSchema, SavedPivotSchema, UpdateSavedPivotBody } from '@shared/schemas/monitoring.js';
import { ctxOf } from '../../plugins/auth.js';
import * as service from './saved-pivots.service.js';

const tags = ['monitoring'];

export const savedPivotRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/saved-pivots', { schema: { tags, response: { 200: SavedPivotListSchema } } }, async (req) => service.listSavedPivots(ctxOf(req)));
  app.post('/saved-pivots', { schema: { tags, body: CreateSavedPivotBody, response: { 201: SavedPivotSchema } } }, async (req, reply) =>
    reply.status(201).send(await service.createSavedPivot(ctxOf(req), req.body)),
  );
  app.get('/saved-pivots/:id', { schema: { tags, params: IdParams, response: { 200: SavedPivotSchema } } }, async (req) =>
    service.getSavedPivot(ctxOf(req), req.params.id),
  );
  app.patch('/saved-pivots/:id', { schema: { tags, params: IdParams, body: UpdateSavedPivotBody, response: { 200: SavedPivotSchema } } }, async (req) =>
    service.updateSavedPivot(ctxOf(req), req.params.id, req.body),
  );
  app.delete('/saved-pivots/:id', { schema: { tags, params: IdParams } }, async (req, reply) => {
    await service.deleteSavedPivot(ctxOf(req), req.params.id);
    return reply.code(204).send();
  });
};
