import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CreateProjectBody, IdParams, ListProjectsQuery, ProjectPage, ProjectSchema, UpdateProjectBody } from '@shared/schemas/index.js';
import { ctxOf } from '../../plugins/auth.js';
import * as service from './projects.service.js';

const tags = ['projects'];

export const projectRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/projects', { schema: { tags, querystring: ListProjectsQuery, response: { 200: ProjectPage } } }, async (req) =>
    service.listProjects(ctxOf(req), req.query),
  );
  app.get('/projects/:id', { schema: { tags, params: IdParams, response: { 200: ProjectSchema } } }, async (req) =>
    service.getProject(ctxOf(req), req.params.id),
  );
  app.post('/projects', { schema: { tags, body: CreateProjectBody, response: { 201: ProjectSchema } } }, async (req, reply) =>
    reply.status(201).send(await service.createProject(ctxOf(req), req.body)),
  );
  app.patch('/projects/:id', { schema: { tags, params: IdParams, body: UpdateProjectBody, response: { 200: ProjectSchema } } }, async (req) =>
    service.updateProject(ctxOf(req), req.params.id, req.body),
  );
};
