import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateOrganisationBody,
  IdParams,
  ListOrganisationsQuery,
  OrganisationPage,
  OrganisationSchema,
  UpdateOrganisationBody,
} from '@shared/schemas/index.js';
import { ctxOf } from '../../plugins/auth.js';
import * as service from './organisations.service.js';

const tags = ['organisations'];

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/organisations', { schema: { tags, querystring: ListOrganisationsQuery, response: { 200: OrganisationPage } } }, async (req) =>
    service.listOrganisations(ctxOf(req), req.query),
  );
  app.get('/organisations/:id', { schema: { tags, params: IdParams, response: { 200: OrganisationSchema } } }, async (req) =>
    service.getOrganisation(ctxOf(req), req.params.id),
  );
  app.post('/organisations', { schema: { tags, body: CreateOrganisationBody, response: { 201: OrganisationSchema } } }, async (req, reply) =>
    reply.status(201).send(await service.createOrganisation(ctxOf(req), req.body)),
  );
  app.patch(
    '/organisations/:id',
    { schema: { tags, params: IdParams, body: UpdateOrganisationBody, response: { 200: OrganisationSchema } } },
    async (req) => service.updateOrganisation(ctxOf(req), req.params.id, req.body),
  );
};
