import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ChangePasswordBody, LoginBody, OkSchema, SessionResponse, UpdateMeBody, CurrentUserSchema } from '@shared/schemas/index.js';
import { AppError } from '../../lib/errors.js';
import { ctxOf, setSessionCookie } from '../../plugins/auth.js';
import * as auth from './auth.service.js';

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const policy = { idleHours: app.config.SESSION_IDLE_HOURS, maxDays: app.config.SESSION_MAX_DAYS };

  app.post('/auth/login', { config: { public: true }, schema: { tags, body: LoginBody, response: { 200: SessionResponse } } }, async (request, reply) => {
    const { token, session } = await auth.login(app.db, policy, {
      ...request.body,
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
      requestId: request.id,
      previousSessionId: request.session?.id ?? null,
    });
    setSessionCookie(request, reply, app.config, token);
    return session;
  });

  app.get('/auth/session', { schema: { tags, response: { 200: SessionResponse } } }, async (request) => {
    const ctx = ctxOf(request);
    if (!request.session) throw new AppError('unauthenticated');
    return { user: await auth.currentUser(ctx.db, ctx.actor.userId), csrfToken: request.session.csrfToken };
  });

  app.post('/auth/logout', { schema: { tags, response: { 200: OkSchema } } }, async (request, reply) => {
    const ctx = ctxOf(request);
    await auth.logout(ctx, request.session!.id);
    setSessionCookie(request, reply, app.config, null);
    return { ok: true as const };
  });

  app.patch('/auth/me', { schema: { tags, body: UpdateMeBody, response: { 200: CurrentUserSchema } } }, async (request) =>
    auth.updateMe(ctxOf(request), request.body),
  );

  app.post('/auth/password', { schema: { tags, body: ChangePasswordBody, response: { 200: OkSchema } } }, async (request) => {
    const ctx = ctxOf(request);
    await auth.changePassword(ctx, request.session!.id, request.body);
    return { ok: true as const };
  });
};
