import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BudgetAnalysisQuery, BudgetAnalysisSchema, BudgetAnalysisSummarySchema } from '@shared/schemas/budget-analysis.js';
import { IdParams } from '@shared/schemas/common.js';
import { ctxOf } from '../../plugins/auth.js';
import { XLSX_CONTENT_TYPE } from '../framework-io/framework-template.js';
import * as service from './budget-analysis.service.js';

const tags = ['budget-analysis'];

export const budgetAnalysisRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/budgets/:id/analysis', { schema: { tags, params: IdParams, querystring: BudgetAnalysisQuery, response: { 200: BudgetAnalysisSchema } } }, async (req) =>
    service.getBudgetAnalysis(ctxOf(req), req.params.id, req.query.asOf),
  );
  app.get('/budgets/:id/analysis.xlsx', { schema: { tags, params: IdParams, querystring: BudgetAnalysisQuery, produces: [XLSX_CONTENT_TYPE] } }, async (req, reply) => {
    const file = await service.exportBudgetAnalysis(ctxOf(req), req.params.id, req.query.asOf);
    return reply
      .header('content-type', XLSX_CONTENT_TYPE)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('cache-control', 'no-store')
      .send(file.content);
  });
  app.get('/projects/:id/budget-summary', { schema: { tags, params: IdParams, response: { 200: BudgetAnalysisSummarySchema } } }, async (req) =>
    service.getBudgetSummary(ctxOf(req), req.params.id),
  );
};
