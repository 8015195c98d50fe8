import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NarrativeLanguageParams, NarrativeSchema, PutTranslationBody, ReviewTranslationBody } from '@shared/schemas/reporting.js';
import { ctxOf } from '../../plugins/auth.js';
import * as service from './translations.service.js';

const tags = ['field reporting'];
const params = NarrativeLanguageParams;
const response = { 200: NarrativeSchema };

export const translationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/narratives/:id/translations/:language/machine', { schema: { tags, params, response } }, async (req) =>
    service.machineTranslate(ctxOf(req), req.params.id, req.params.language, req.server.config),
  );
  // A 20,000-character translation in Arabic is about 40 kB of UTF-8: the default limit is enough.
  app.put('/narratives/:id/translations/:language', { schema: { tags, params, body: PutTranslationBody, response } }, async (req) =>
    service.putTranslation(ctxOf(req), req.params.id, req.params.language, req.body.text),
  );
  app.post('/narratives/:id/translations/:language/reviewed', { schema: { tags, params, body: ReviewTranslationBody, response } }, async (req) =>
    service.reviewTranslation(ctxOf(req), req.params.id, req.params.language, req.body.reviewed),
  );
};
