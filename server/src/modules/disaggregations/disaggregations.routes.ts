import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateDisaggregationCategoryBody,
  DisaggregationCategoryListSchema,
  DisaggregationCategorySchema,
  IdParams,
  OkSchema,
  UpdateDisaggregationCategoryBody,
} from '@shared/schemas/index.js';
import { ctxOf } from '../../plugins/auth.js';
import * as service from './disaggregations.service.js';

const tags = ['disaggregations'];

export const disaggregationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/organisations/:id/disaggregations', { schema: { tags, params: IdParams, response: { 200: DisaggregationCategoryListSchema } } }, async (req) =>
    service.listCategories(ctxOf(req), req.params.id),
  );
  app.post(
    '/organisations/:id/disaggregations',
    { schema: { tags, params: IdParams, body: CreateDisaggregationCategoryBody, response: { 201: DisaggregationCategorySchema } } },
    async (req, reply) => reply.status(201).send(await service.createCategory(ctxOf(req), req.params.id, req.body)),
  );
  app.post(
    '/organisations/:id/disaggregations/standard',
    { schema: { tags, params: IdParams, response: { 200: DisaggregationCategoryListSchema } } },
    async (req) => service.addStandardCategories(ctxOf(req), req.params.id),
  );
  app.patch(
    '/disaggregations/:id',
    { schema: { tags, params: IdParams, body: UpdateDisaggregationCategoryBody, response: { 200: DisaggregationCategorySchema } } },
    async (req) => service.updateCategory(ctxOf(req), req.params.id, req.body),
  );
  app.delete('/disaggregations/:id', { schema: { tags, params: IdParams, response: { 200: OkSchema } } }, async (req) => {
    await service.deleteCategory(ctxOf(req), req.params.id);
    return { ok: true as const };
  });
};
