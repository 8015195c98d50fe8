import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ApproveBudgetVersionBody,
  BudgetDetailQuery,
  BudgetDetailSchema,
  BudgetListSchema,
  BudgetSummarySchema,
  CreateBudgetBody,
  CreateRevisionBody,
  DeleteBudgetQuery,
  RejectBudgetVersionBody,
  ReplaceBudgetLinesBody,
  SubmitBudgetVersionBody,
  UpdateBudgetBody,
} from '@shared/schemas/budgets.js';
import { IdParams } from '@shared/schemas/common.js';
import { ctxOf } from '../../plugins/auth.js';
import { XLSX_CONTENT_TYPE } from '../framework-io/framework-template.js';
import * as service from './budgets.service.js';

const tags = ['budgets'];

export const budgetRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/projects/:id/budgets', { schema: { tags, params: IdParams, response: { 200: BudgetListSchema } } }, async (req) => service.listBudgets(ctxOf(req), req.params.id));
  app.post('/projects/:id/budgets', { schema: { tags, params: IdParams, body: CreateBudgetBody, response: { 201: BudgetSummarySchema } } }, async (req, reply) =>
    reply.code(201).send(await service.createBudget(ctxOf(req), req.params.id, req.body)),
  );
  app.get('/budgets/:id', { schema: { tags, params: IdParams, querystring: BudgetDetailQuery, response: { 200: BudgetDetailSchema } } }, async (req) =>
    service.getBudget(ctxOf(req), req.params.id, req.query.version),
  );
  app.put('/budgets/:id', { schema: { tags, params: IdParams, body: UpdateBudgetBody, response: { 200: BudgetSummarySchema } } }, async (req) =>
    service.updateBudget(ctxOf(req), req.params.id, req.body),
  );
  app.delete('/budgets/:id', { schema: { tags, params: IdParams, querystring: DeleteBudgetQuery } }, async (req, reply) => {
    await service.deleteBudget(ctxOf(req), req.params.id, req.query.version);
    return reply.code(204).send();
  });
  app.get('/budgets/:id/export.xlsx', { schema: { tags, params: IdParams, querystring: BudgetDetailQuery, produces: [XLSX_CONTENT_TYPE] } }, async (req, reply) => {
    const file = await service.exportBudget(ctxOf(req), req.params.id, req.query.version);
    return reply
      .header('content-type', XLSX_CONTENT_TYPE)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('cache-control', 'no-store')
      .send(file.content);
  });
  app.post('/budgets/:id/revisions', { schema: { tags, params: IdParams, body: CreateRevisionBody, response: { 201: BudgetDetailSchema } } }, async (req, reply) =>
    reply.code(201).send(await service.startRevision(ctxOf(req), req.params.id, req.body)),
  );
  app.put('/budget-versions/:id/lines', { schema: { tags, params: IdParams, body: ReplaceBudgetLinesBody, response: { 200: BudgetDetailSchema } } }, async (req) =>
    service.replaceLines(ctxOf(req), req.params.id, req.body),
  );
  app.post('/budget-versions/:id/submit', { schema: { tags, params: IdParams, body: SubmitBudgetVersionBody, response: { 200: BudgetDetailSchema } } }, async (req) =>
    service.submitVersion(ctxOf(req), req.params.id, req.body),
  );
  app.post('/budget-versions/:id/approve', { schema: { tags, params: IdParams, body: ApproveBudgetVersionBody, response: { 200: BudgetDetailSchema } } }, async (req) =>
    service.approveVersion(ctxOf(req), req.params.id, req.body),
  );
  app.post('/budget-versions/:id/reject', { schema: { tags, params: IdParams, body: RejectBudgetVersionBody, response: { 200: BudgetDetailSchema } } }, async (req) =>
    service.rejectVersion(ctxOf(req), req.params.id, req.body),
  );
};
