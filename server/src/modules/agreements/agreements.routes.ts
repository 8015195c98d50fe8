import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AgreementBody, AgreementListSchema, AgreementSchema, ReportCalendarQuery, ReportCalendarSchema } from '@shared/schemas/agreements.js';
import { IdParams } from '@shared/schemas/common.js';
import { ctxOf } from '../../plugins/auth.js';
import * as service from './agreements.service.js';
import { reportCalendar } from './calendar.service.js';

const tags = ['agreements'];

export const agreementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/projects/:id/agreements', { schema: { tags, params: IdParams, response: { 200: AgreementListSchema } } }, async (req) =>
    service.listAgreements(ctxOf(req), req.params.id),
  );
  app.post('/projects/:id/agreements', { schema: { tags, params: IdParams, body: AgreementBody, response: { 201: AgreementSchema } } }, async (req, reply) =>
    reply.code(201).send(await service.createAgreement(ctxOf(req), req.params.id, req.body)),
  );
  app.put('/agreements/:id', { schema: { tags, params: IdParams, body: AgreementBody, response: { 200: AgreementSchema } } }, async (req) =>
    service.updateAgreement(ctxOf(req), req.params.id, req.body),
  );
  app.delete('/agreements/:id', { schema: { tags, params: IdParams } }, async (req, reply) => {
    await service.deleteAgreement(ctxOf(req), req.params.id);
    return reply.code(204).send();
  });
  app.get('/report-calendar', { schema: { tags, querystring: ReportCalendarQuery, response: { 200: ReportCalendarSchema } } }, async (req) =>
    reportCalendar(ctxOf(req), req.query),
  );
};
