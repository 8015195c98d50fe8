import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AreaRankingQuery,
  AreaRankingSchema,
  DashboardParams,
  DashboardQuery,
  DashboardSummarySchema,
  TrendQuery,
  TrendSchema,
} from '@shared/schemas/monitoring.js';
import { ctxOf } from '../../plugins/auth.js';
import * as service from './dashboard.service.js';

const tags = ['monitoring'];

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/dashboards/:scope/:id', { schema: { tags, params: DashboardParams, querystring: DashboardQuery, response: { 200: DashboardSummarySchema } } }, async (req) =>
    service.dashboardSummary(ctxOf(req), req.params, req.query),
  );
  app.get('/dashboards/:scope/:id/trend', { schema: { tags, params: DashboardParams, querystring: TrendQuery, response: { 200: TrendSchema } } }, async (req) =>
    service.dashboardTrend(ctxOf(req), req.params, req.query),
  );
  app.get('/dashboards/:scope/:id/areas', { schema: { tags, params: DashboardParams, querystring: AreaRankingQuery, response: { 200: AreaRankingSchema } } }, async (req) =>
    service.dashboardAreas(ctxOf(req), req.params, req.query),
  );
};
