import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateMembershipBody,
  CreateUserBody,
  IdParams,
  ListUsersQuery,
  MembershipParams,
  OkSchema,
  ResetPasswordBody,
  SetDisabledBody,
  UpdateUserBody,
  UserPage,
  UserSchema,
} from '@shared/schemas/index.js';
import { ctxOf } from '../../plugins/auth.js';
import * as service from './users.service.js';

const tags = ['users'];

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/users', { schema: { tags, querystring: ListUsersQuery, response: { 200: UserPage } } }, async (req) =>
    service.listUsers(ctxOf(req), req.query),
  );
  app.get('/users/:id', { schema: { tags, params: IdParams, response: { 200: UserSchema } } }, async (req) =>
    service.getUser(ctxOf(req), req.params.id),
  );
  app.post('/users', { schema: { tags, body: CreateUserBody, response: { 201: UserSchema } } }, async (req, reply) =>
    reply.status(201).send(await service.createUser(ctxOf(req), req.body)),
  );
  app.patch('/users/:id', { schema: { tags, params: IdParams, body: UpdateUserBody, response: { 200: UserSchema } } }, async (req) =>
    service.updateUser(ctxOf(req), req.params.id, req.body),
  );
  app.post('/users/:id/disabled', { schema: { tags, params: IdParams, body: SetDisabledBody, response: { 200: UserSchema } } }, async (req) =>
    service.setDisabled(ctxOf(req), req.params.id, req.body.disabled),
  );
  app.post('/users/:id/password', { schema: { tags, params: IdParams, body: ResetPasswordBody, response: { 200: OkSchema } } }, async (req) => {
    await service.resetPassword(ctxOf(req), req.params.id, req.body.password);
    return { ok: true as const };
  });
  app.post(
    '/users/:id/memberships',
    { schema: { tags, params: IdParams, body: CreateMembershipBody, response: { 201: UserSchema } } },
    async (req, reply) => reply.status(201).send(await service.addMembership(ctxOf(req), req.params.id, req.body)),
  );
  app.delete('/users/:id/memberships/:membershipId', { schema: { tags, params: MembershipParams, response: { 200: UserSchema } } }, async (req) =>
    service.removeMembership(ctxOf(req), req.params.id, req.params.membershipId),
  );
};
