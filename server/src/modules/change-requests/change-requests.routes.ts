import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ApproveChangeRequestBody,
  ChangeRequestDetailSchema,
  ChangeRequestListQuery,
  ChangeRequestListSchema,
  ChangeRequestOptionsSchema,
  ChangeRequestSchema,
  CreateChangeRequestBody,
  RejectChangeRequestBody,
  WithdrawChangeRequestBody,
} from '@shared/schemas/change-requests.js';
import { IdParams } from '@shared/schemas/common.js';
import { ctxOf } from '../../plugins/auth.js';
import * as service from './change-requests.service.js';

const tags = ['change requests'];

export const changeRequestRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/projects/:id/change-requests', { schema: { tags, params: IdParams, querystring: ChangeRequestListQuery, response: { 200: ChangeRequestListSchema } } }, async (req) =>
    service.listChangeRequests(ctxOf(req), req.params.id, req.query),
  );
  app.get('/projects/:id/change-requests/options', { schema: { tags, params: IdParams, response: { 200: ChangeRequestOptionsSchema } } }, async (req) =>
    service.changeRequestOptions(ctxOf(req), req.params.id),
  );
  app.post('/projects/:id/change-requests', { schema: { tags, params: IdParams, body: CreateChangeRequestBody, response: { 201: ChangeRequestSchema } } }, async (req, reply) =>
    reply.code(201).send(await service.createChangeRequest(ctxOf(req), req.params.id, req.body)),
  );
  app.get('/change-requests/:id', { schema: { tags, params: IdParams, response: { 200: ChangeRequestDetailSchema } } }, async (req) =>
    service.getChangeRequest(ctxOf(req), req.params.id),
  );
  app.post('/change-requests/:id/approve', { schema: { tags, params: IdParams, body: ApproveChangeRequestBody, response: { 200: ChangeRequestDetailSchema } } }, async (req) =>
    service.approveChangeRequest(ctxOf(req), req.params.id, req.body),
  );
  app.post('/change-requests/:id/reject', { schema: { tags, params: IdParams, body: RejectChangeRequestBody, response: { 200: ChangeRequestDetailSchema } } }, async (req) =>
    service.rejectChangeRequest(ctxOf(req), req.params.id, req.body),
  );
  app.post('/change-requests/:id/withdraw', { schema: { tags, params: IdParams, body: WithdrawChangeRequestBody, response: { 200: ChangeRequestDetailSchema } } }, async (req) =>
    service.withdrawChangeRequest(ctxOf(req), req.params.id, req.body),
  );
};
