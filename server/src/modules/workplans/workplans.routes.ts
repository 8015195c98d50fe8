import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '@shared/schemas/common.js';
import {
  ApproveWorkPlanBody,
  CreateActivityBody,
  CreateWorkPlanBody,
  DeleteActivityQuery,
  DeleteWorkPlanQuery,
  ImportWorkPlanBody,
  ImportWorkPlanResult,
  PlannedActivitySchema,
  ProgressBody,
  ReorderActivitiesBody,
  UpdateActivityBody,
  UpdateWorkPlanBody,
  WorkPlanListSchema,
  WorkPlanSchema,
} from '@shared/schemas/workplans.js';
import { ctxOf } from '../../plugins/auth.js';
import { XLSX_CONTENT_TYPE } from '../framework-io/framework-template.js';
import { exportWorkPlan } from './workplans.export.js';
import { importWorkPlan } from './workplans.import.js';
import * as service from './workplans.service.js';

const tags = ['work plans'];

export const workPlanRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/projects/:id/work-plans', { schema: { tags, params: IdParams, response: { 200: WorkPlanListSchema } } }, async (req) =>
    service.listWorkPlans(ctxOf(req), req.params.id),
  );
  app.post('/projects/:id/work-plans', { schema: { tags, params: IdParams, body: CreateWorkPlanBody, response: { 201: WorkPlanSchema } } }, async (req, reply) =>
    reply.code(201).send(await service.createWorkPlan(ctxOf(req), req.params.id, req.body)),
  );
  app.get('/work-plans/:id', { schema: { tags, params: IdParams, response: { 200: WorkPlanSchema } } }, async (req) => service.getWorkPlan(ctxOf(req), req.params.id));
  app.put('/work-plans/:id', { schema: { tags, params: IdParams, body: UpdateWorkPlanBody, response: { 200: WorkPlanSchema } } }, async (req) =>
    service.updateWorkPlan(ctxOf(req), req.params.id, req.body),
  );
  app.post('/work-plans/:id/approve', { schema: { tags, params: IdParams, body: ApproveWorkPlanBody, response: { 200: WorkPlanSchema } } }, async (req) =>
    service.approveWorkPlan(ctxOf(req), req.params.id, req.body),
  );
  app.delete('/work-plans/:id', { schema: { tags, params: IdParams, querystring: DeleteWorkPlanQuery } }, async (req, reply) => {
    await service.deleteWorkPlan(ctxOf(req), req.params.id, req.query.version);
    return reply.code(204).send();
  });
  app.post('/work-plans/:id/activities', { schema: { tags, params: IdParams, body: CreateActivityBody, response: { 201: PlannedActivitySchema } } }, async (req, reply) =>
    reply.code(201).send(await service.createActivity(ctxOf(req), req.params.id, req.body)),
  );
  app.put('/work-plans/:id/activity-order', { schema: { tags, params: IdParams, body: ReorderActivitiesBody, response: { 200: WorkPlanSchema } } }, async (req) =>
    service.reorderActivities(ctxOf(req), req.params.id, req.body),
  );
  app.put('/planned-activities/:id', { schema: { tags, params: IdParams, body: UpdateActivityBody, response: { 200: PlannedActivitySchema } } }, async (req) =>
    service.updateActivity(ctxOf(req), req.params.id, req.body),
  );
  app.patch('/planned-activities/:id/progress', { schema: { tags, params: IdParams, body: ProgressBody, response: { 200: PlannedActivitySchema } } }, async (req) =>
    service.updateProgress(ctxOf(req), req.params.id, req.body),
  );
  app.delete('/planned-activities/:id', { schema: { tags, params: IdParams, querystring: DeleteActivityQuery } }, async (req, reply) => {
    await service.deleteActivity(ctxOf(req), req.params.id, req.query.version);
    return reply.code(204).send();
  });
  app.get('/work-plans/:id/export.xlsx', { schema: { tags, params: IdParams, produces: [XLSX_CONTENT_TYPE] } }, async (req, reply) => {
    const file = await exportWorkPlan(ctxOf(req), req.params.id);
    return reply
      .header('content-type', XLSX_CONTENT_TYPE)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('cache-control', 'no-store')
      .send(file.content);
  });
  // A 10 MB workbook as base64 is about 13.4 MB of JSON.
  app.post(
    '/work-plans/:id/import',
    { bodyLimit: 15 * 1024 * 1024, schema: { tags, params: IdParams, body: ImportWorkPlanBody, response: { 200: ImportWorkPlanResult } } },
    async (req) => importWorkPlan(ctxOf(req), req.params.id, req.body),
  );
};
