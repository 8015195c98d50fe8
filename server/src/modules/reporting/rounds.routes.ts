import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '@shared/schemas/index.js';
import { CreateRoundBody, RoundListSchema, RoundOptionsSchema, RoundSchema, UpdateRoundBody } from '@shared/schemas/reporting.js';
import { ctxOf } from '../../plugins/auth.js';
import * as read from './rounds.service.js';
import * as write from './rounds.write.service.js';

const tags = ['field reporting'];

export const roundRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/projects/:id/rounds', { schema: { tags, params: IdParams, response: { 200: RoundListSchema } } }, async (req) => read.listRounds(ctxOf(req), req.params.id));
  app.get('/projects/:id/round-options', { schema: { tags, params: IdParams, response: { 200: RoundOptionsSchema } } }, async (req) =>
    read.roundOptions(ctxOf(req), req.params.id),
  );
  // Many organisations × many places: a bigger body than the default.
  app.post(
    '/projects/:id/rounds',
    { bodyLimit: 4 * 1024 * 1024, schema: { tags, params: IdParams, body: CreateRoundBody, response: { 201: RoundSchema } } },
    async (req, reply) => reply.code(201).send(await write.createRound(ctxOf(req), req.params.id, req.body)),
  );
  app.get('/rounds/:id', { schema: { tags, params: IdParams, response: { 200: RoundSchema } } }, async (req) => read.getRound(ctxOf(req), req.params.id));
  app.patch(
    '/rounds/:id',
    { bodyLimit: 4 * 1024 * 1024, schema: { tags, params: IdParams, body: UpdateRoundBody, response: { 200: RoundSchema } } },
    async (req) => write.updateRound(ctxOf(req), req.params.id, req.body),
  );
  app.delete('/rounds/:id', { schema: { tags, params: IdParams } }, async (req, reply) => {
    await write.deleteRound(ctxOf(req), req.params.id);
    return reply.code(204).send();
  });
};
