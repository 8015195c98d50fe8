import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '@shared/schemas/index.js';
import { NarrativeListSchema, SaveNarrativesBody } from '@shared/schemas/reporting.js';
import { idempotencyKeyOf, sendIdempotent } from '../../lib/idempotency.js';
import { ctxOf } from '../../plugins/auth.js';
import * as service from './narratives.service.js';

const tags = ['field reporting'];

export const narrativeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/submissions/:id/narratives', { schema: { tags, params: IdParams, response: { 200: NarrativeListSchema } } }, async (req) =>
    service.listNarratives(ctxOf(req), req.params.id, req.server.config),
  );
  // Up to 400 sections of 20,000 characters: more than the app's 1 MiB default.
  app.put(
    '/submissions/:id/narratives',
    { bodyLimit: 10 * 1024 * 1024, schema: { tags, params: IdParams, body: SaveNarrativesBody, response: { 200: NarrativeListSchema } } },
    async (req, reply) => sendIdempotent(reply, await service.saveNarratives(ctxOf(req), req.params.id, req.body, req.server.config, idempotencyKeyOf(req))),
  );
};
