import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '@shared/schemas/common.js';
import { JobSchema } from '@shared/schemas/jobs.js';
import { ctxOf } from '../../plugins/auth.js';
import { sendFile } from './file-download.js';
import * as service from './jobs.service.js';

const tags = ['jobs'];

export const jobRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/jobs/:id', { schema: { tags, params: IdParams, response: { 200: JobSchema } } }, async (req) => service.getJob(ctxOf(req), req.params.id));
  app.get('/jobs/:id/file', { schema: { tags, params: IdParams } }, async (req, reply) => sendFile(reply, await service.getJobFile(ctxOf(req), req.params.id)));
};
