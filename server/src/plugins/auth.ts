import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type Locale, pickLocale } from '@shared/locales.js';
import type { Config } from '../config.js';
import type { Ctx } from '../lib/context.js';
import { AppError } from '../lib/errors.js';
import type { Actor } from '../modules/access/actor.js';
import { resolveBearerToken } from '../modules/api-tokens/api-tokens.bearer.js';
import { csrfMatches, resolveSession, type SessionPolicy } from '../modules/auth/auth.service.js';

export const SESSION_COOKIE = 'fb_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: { id: string; csrfToken: string } | null;
    locale: Locale;
  }
  interface FastifyContextConfig {
    /** Answers without a session (sign-in, health, the API description). Every other route needs one. */
    public?: boolean;
    /** Needs a browser session: an API token is refused (403), so a token cannot mint tokens. */
    sessionOnly?: boolean;
  }
}

/**
 * Resolves the session cookie into an actor and enforces CSRF protection:
 * every state-changing request must come from our own origin and, once signed in,
 * carry the session's token in `x-csrf-token`.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { config: Config }) => {
  const policy: SessionPolicy = { idleHours: opts.config.SESSION_IDLE_HOURS, maxDays: opts.config.SESSION_MAX_DAYS };
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('locale', 'en');

  app.addHook('onRequest', async (request) => {
    request.locale = pickLocale(request.headers['accept-language']);
    if (!request.url.startsWith('/api/')) return;
    const bearer = bearerToken(request);
    if (bearer !== null) return authenticateBearer(app, request, bearer);
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const resolved = await resolveSession(app.db, token, policy);
      if (resolved) {
        request.actor = resolved.actor;
        request.session = { id: resolved.sessionId, csrfToken: resolved.csrfToken };
        if (resolved.actor.locale) request.locale = resolved.actor.locale;
      }
    }
    // Deny by default: only routes marked public answer without a session. Checked before the body
    // is validated, so an anonymous caller learns nothing about a route's schema.
    if (!request.actor && request.routeOptions.url && !request.routeOptions.config.public) {
      throw new AppError('unauthenticated');
    }
    if (SAFE_METHODS.has(request.method)) return;
    if (!sameOrigin(request)) throw new AppError('csrf_failed');
    if (request.session && !csrfMatches(request.session.csrfToken, header(request, 'x-csrf-token'))) {
      throw new AppError('csrf_failed');
    }
  });
});

/** The token of `Authorization: Bearer <token>`, or null when the request sends no bearer token. */
function bearerToken(request: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header(request, 'authorization') ?? '');
  return match ? match[1]! : null;
}

/**
 * A personal API token (api-tokens module) acts as its user. The token wins: a session cookie sent
 * with it is ignored, so the request is exactly as strong as its token, and there is no CSRF check
 * because nothing a browser attaches by itself authenticates it. A bad token is 401 even on public
 * routes; session management (`/api/auth/…`) and routes marked `sessionOnly` refuse tokens.
 */
async function authenticateBearer(app: FastifyInstance, request: FastifyRequest, token: string): Promise<void> {
  const resolved = await resolveBearerToken(app.db, token);
  if (!resolved) throw new AppError('unauthenticated', [], {}, { 'www-authenticate': 'Bearer realm="fieldbook"' });
  if (request.routeOptions.config.sessionOnly || request.url.startsWith('/api/auth/')) {
    throw new AppError('forbidden', [{ reason: 'session_required' }]);
  }
  request.actor = resolved.actor;
  if (resolved.actor.locale) request.locale = resolved.actor.locale;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Browsers send Origin (and Sec-Fetch-Site) on cross-site writes; tools like curl send neither. */
function sameOrigin(request: FastifyRequest): boolean {
  if (header(request, 'sec-fetch-site') === 'cross-site') return false;
  const origin = header(request, 'origin');
  if (!origin || origin === 'null') return origin !== 'null';
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, config: Config, token: string | null) {
  const secure = config.COOKIE_SECURE === 'auto' ? request.protocol === 'https' : config.COOKIE_SECURE === 'true';
  const base = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure };
  if (token === null) void reply.clearCookie(SESSION_COOKIE, base);
  else void reply.setCookie(SESSION_COOKIE, token, { ...base, maxAge: config.SESSION_MAX_DAYS * 86_400 });
}

/** The service context of a signed-in request; answers 401 when nobody is signed in. */
export function ctxOf(request: FastifyRequest): Ctx {
  if (!request.actor) throw new AppError('unauthenticated');
  return { db: request.server.db, actor: request.actor, requestId: request.id, ip: request.ip, locale: request.locale };
}
