import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AdoptableLibraryQuery,
  AdoptIndicatorBody,
  CreateLibraryIndicatorBody,
  IdParams,
  IndicatorSchema,
  LibraryIndicatorSchema,
  LibraryListQuery,
  LibraryListSchema,
  OkSchema,
  UpdateLibraryIndicatorBody,
} from '@shared/schemas/index.js';
import { ctxOf } from '../../plugins/auth.js';
import { adopt, listAdoptable } from './adopt.service.js';
import * as service from './library.service.js';

const tags = ['indicator library'];

export const libraryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/organisations/:id/library',
    { schema: { tags, params: IdParams, querystring: LibraryListQuery, response: { 200: LibraryListSchema } } },
    async (req) => service.listLibrary(ctxOf(req), req.params.id, req.query),
  );
  app.post(
    '/organisations/:id/library',
    { schema: { tags, params: IdParams, body: CreateLibraryIndicatorBody, response: { 201: LibraryIndicatorSchema } } },
    async (req, reply) => reply.status(201).send(await service.createEntry(ctxOf(req), req.params.id, req.body)),
  );
  app.get('/library-indicators/:id', { schema: { tags, params: IdParams, response: { 200: LibraryIndicatorSchema } } }, async (req) =>
    service.getEntry(ctxOf(req), req.params.id),
  );
  app.patch(
    '/library-indicators/:id',
    { schema: { tags, params: IdParams, body: UpdateLibraryIndicatorBody, response: { 200: LibraryIndicatorSchema } } },
    async (req) => service.updateEntry(ctxOf(req), req.params.id, req.body),
  );
  app.delete('/library-indicators/:id', { schema: { tags, params: IdParams, response: { 200: OkSchema } } }, async (req) => {
    await service.deleteEntry(ctxOf(req), req.params.id);
    return { ok: true as const };
  });
  // What a framework may adopt, under its owner.
  for (const kind of ['project', 'programme'] as const) {
    app.get(
      `/${kind}s/:id/library`,
      { schema: { tags, params: IdParams, querystring: AdoptableLibraryQuery, response: { 200: LibraryListSchema } } },
      async (req) => listAdoptable(ctxOf(req), { kind, id: req.params.id }, req.query),
    );
  }
  app.post(
    '/result-nodes/:id/adopt',
    { schema: { tags, params: IdParams, body: AdoptIndicatorBody, response: { 201: IndicatorSchema } } },
    async (req, reply) => reply.status(201).send(await adopt(ctxOf(req), req.params.id, req.body)),
  );
};
