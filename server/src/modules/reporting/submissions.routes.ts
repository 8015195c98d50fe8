import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '@shared/schemas/index.js';
import { SubmissionDetailSchema } from '@shared/schemas/reporting.js';
import { ctxOf } from '../../plugins/auth.js';
import * as service from './submissions.service.js';

const tags = ['field reporting'];

export const submissionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/submissions/:id', { schema: { tags, params: IdParams, response: { 200: SubmissionDetailSchema } } }, async (req) =>
    service.getSubmission(ctxOf(req), req.params.id),
  );
};
