import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '@shared/schemas/index.js';
import { IndicatorValuesQuery, ReportedValuesSchema } from '@shared/schemas/reporting.js';
import { ctxOf } from '../../plugins/auth.js';
import * as service from './reported-values.service.js';

const tags = ['field reporting'];

export const reportedValueRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/indicators/:id/values', { schema: { tags, params: IdParams, querystring: IndicatorValuesQuery, response: { 200: ReportedValuesSchema } } }, async (req) =>
    service.reportedValues(ctxOf(req), req.params.id, req.query),
  );
};
