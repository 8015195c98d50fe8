import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CreateProgrammeBody, IdParams, ListProgrammesQuery, ProgrammePage, ProgrammeSchema, UpdateProgrammeBody } from '@shared/schemas/index.js';
import { ctxOf } from '../../plugins/auth.js';
import * as service from './programmes.service.js';

const tags = ['programmes'];

export const programmeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/programmes', { schema: { tags, querystring: ListProgrammesQuery, response: { 200: ProgrammePage } } }, async (req) =>
    service.listProgrammes(ctxOf(req), req.query),
  );
  app.get('/programmes/:id', { schema: { tags, params: IdParams, response: { 200: ProgrammeSchema } } }, async (req) =>
    service.getProgramme(ctxOf(req), req.params.id),
  );
  app.post('/programmes', { schema: { tags, body: CreateProgrammeBody, response: { 201: ProgrammeSchema } } }, async (req, reply) =>
    reply.status(201).send(await service.createProgramme(ctxOf(req), req.body)),
  );
  app.patch(
    '/programmes/:id',
    { schema: { tags, params: IdParams, body: UpdateProgrammeBody, response: { 200: ProgrammeSchema } } },
    async (req) => service.updateProgramme(ctxOf(req), req.params.id, req.body),
  );
};
