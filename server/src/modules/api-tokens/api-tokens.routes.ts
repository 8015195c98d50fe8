import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiTokenListSchema, ApiTokenSchema, CreateApiTokenBody, CreatedApiTokenSchema, ListApiTokensQuery } from '@shared/schemas/api-tokens.js';
import { IdParams } from '@shared/schemas/common.js';
import { ctxOf } from '../../plugins/auth.js';
import * as service from './api-tokens.service.js';

const tags = ['api-tokens'];
// Managing tokens needs a browser session: a token cannot make, list or revoke tokens.
const config = { sessionOnly: true };

export const apiTokenRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api-tokens', { config, schema: { tags, querystring: ListApiTokensQuery, response: { 200: ApiTokenListSchema } } }, async (req) =>
    service.listApiTokens(ctxOf(req), req.query),
  );
  app.post('/api-tokens', { config, schema: { tags, body: CreateApiTokenBody, response: { 201: CreatedApiTokenSchema } } }, async (req, reply) =>
    reply.status(201).send(await service.createApiToken(ctxOf(req), req.body)),
  );
  app.post('/api-tokens/:id/revoke', { config, schema: { tags, params: IdParams, response: { 200: ApiTokenSchema } } }, async (req) =>
    service.revokeApiToken(ctxOf(req), req.params.id),
  );
};
