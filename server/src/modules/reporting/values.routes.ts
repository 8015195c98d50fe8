import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '@shared/schemas/index.js';
import { SaveValuesBody, SaveValuesResult, ValueHistoryQuery, ValueHistorySchema } from '@shared/schemas/reporting.js';
import { idempotencyKeyOf, sendIdempotent } from '../../lib/idempotency.js';
import { ctxOf } from '../../plugins/auth.js';
import * as service from './values.service.js';

const tags = ['field reporting'];

export const valueRoutes: FastifyPluginAsyncZod = async (app) => {
  // Up to 20,000 changed cells in one save: more than the app's 1 MiB default.
  app.put(
    '/submissions/:id/values',
    { bodyLimit: 8 * 1024 * 1024, schema: { tags, params: IdParams, body: SaveValuesBody, response: { 200: SaveValuesResult } } },
    async (req, reply) => sendIdempotent(reply, await service.saveValues(ctxOf(req), req.params.id, req.body, idempotencyKeyOf(req))),
  );
  app.get('/submissions/:id/value-history', { schema: { tags, params: IdParams, querystring: ValueHistoryQuery, response: { 200: ValueHistorySchema } } }, async (req) =>
    service.valueHistory(ctxOf(req), req.params.id, req.query),
  );
};
