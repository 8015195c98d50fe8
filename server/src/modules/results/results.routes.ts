import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateIndicatorBody,
  CreateResultNodeBody,
  DeleteResultNodeQuery,
  FrameworkSchema,
  IdParams,
  IndicatorHistorySchema,
  IndicatorSchema,
  MoveIndicatorBody,
  MoveResultNodeBody,
  OkSchema,
  ResultNodeSchema,
  UpdateFrameworkBody,
  UpdateIndicatorBody,
  UpdateResultNodeBody,
} from '@shared/schemas/index.js';
import { ctxOf } from '../../plugins/auth.js';
import * as service from './results.service.js';

const tags = ['results framework'];

export const resultsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/projects/:id/framework', { schema: { tags, params: IdParams, response: { 200: FrameworkSchema } } }, async (req) =>
    service.getFramework(ctxOf(req), req.params.id),
  );
  app.patch('/projects/:id/framework', { schema: { tags, params: IdParams, body: UpdateFrameworkBody, response: { 200: FrameworkSchema } } }, async (req) =>
    service.updateFramework(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/projects/:id/framework/nodes',
    { schema: { tags, params: IdParams, body: CreateResultNodeBody, response: { 201: ResultNodeSchema } } },
    async (req, reply) => reply.status(201).send(await service.createNode(ctxOf(req), req.params.id, req.body)),
  );
  app.patch('/result-nodes/:id', { schema: { tags, params: IdParams, body: UpdateResultNodeBody, response: { 200: ResultNodeSchema } } }, async (req) =>
    service.updateNode(ctxOf(req), req.params.id, req.body),
  );
  app.post('/result-nodes/:id/move', { schema: { tags, params: IdParams, body: MoveResultNodeBody, response: { 200: FrameworkSchema } } }, async (req) =>
    service.moveNode(ctxOf(req), req.params.id, req.body),
  );
  app.delete('/result-nodes/:id', { schema: { tags, params: IdParams, querystring: DeleteResultNodeQuery, response: { 200: OkSchema } } }, async (req) => {
    await service.deleteNode(ctxOf(req), req.params.id, req.query.confirm);
    return { ok: true as const };
  });
  app.post(
    '/result-nodes/:id/indicators',
    { schema: { tags, params: IdParams, body: CreateIndicatorBody, response: { 201: IndicatorSchema } } },
    async (req, reply) => reply.status(201).send(await service.createIndicator(ctxOf(req), req.params.id, req.body)),
  );
  app.get('/indicators/:id', { schema: { tags, params: IdParams, response: { 200: IndicatorSchema } } }, async (req) =>
    service.getIndicator(ctxOf(req), req.params.id),
  );
  app.patch('/indicators/:id', { schema: { tags, params: IdParams, body: UpdateIndicatorBody, response: { 200: IndicatorSchema } } }, async (req) =>
    service.updateIndicator(ctxOf(req), req.params.id, req.body),
  );
  app.post('/indicators/:id/move', { schema: { tags, params: IdParams, body: MoveIndicatorBody, response: { 200: FrameworkSchema } } }, async (req) =>
    service.moveIndicator(ctxOf(req), req.params.id, req.body),
  );
  app.delete('/indicators/:id', { schema: { tags, params: IdParams, response: { 200: OkSchema } } }, async (req) => {
    await service.deleteIndicator(ctxOf(req), req.params.id);
    return { ok: true as const };
  });
  app.get('/indicators/:id/history', { schema: { tags, params: IdParams, response: { 200: IndicatorHistorySchema } } }, async (req) =>
    service.indicatorHistory(ctxOf(req), req.params.id),
  );
};
