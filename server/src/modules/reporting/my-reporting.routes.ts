import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MyReportingSchema } from '@shared/schemas/reporting.js';
import { ctxOf } from '../../plugins/auth.js';
import { myReporting } from './my-reporting.service.js';

export const myReportingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/me/reporting', { schema: { tags: ['field reporting'], response: { 200: MyReportingSchema } } }, async (req) => myReporting(ctxOf(req)));
};
