import { timingSafeEqual } from 'node:crypto';
import type { CurrentUser, SessionResponse } from '@shared/schemas/index.js';
import type { Role, ScopeType } from '@shared/roles.js';
import { isLocale, type Locale } from '@shared/locales.js';
import type { Database } from '../../db/database.js';
import { DAY_MS, HOUR_MS, nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, invalid } from '../../lib/errors.js';
import { newSecret, sha256 } from '../../lib/ids.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../lib/passwords.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findUserByEmail, findUserById, listMemberships, organisationName, updateUser } from '../users/users.repository.js';
import { toMembership } from '../users/users.mapper.js';
import { claimAttempt, markSucceeded, pruneAttempts, THROTTLE } from './login-throttle.js';
import * as sessions from './sessions.repository.js';

export interface SessionPolicy {
  idleHours: number;
  maxDays: number;
}

export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  actor: Actor;
}

const anonymous = (email: string, userId: string | null): Actor => ({
  userId: userId ?? '',
  email,
  name: '',
  organisationId: '',
  locale: null,
  grants: [],
});

/** Checks the credentials and opens a session. Failures and throttling are audited. */
export async function login(
  db: Database,
  policy: SessionPolicy,
  input: { email: string; password: string; ip: string; userAgent: string | null; requestId: string; previousSessionId?: string | null },
): Promise<{ token: string; session: SessionResponse }> {
  const now = new Date();
  const at = now.toISOString();
  const email = input.email.toLowerCase();
  const meta = { requestId: input.requestId, ip: input.ip };

  const attemptId = await claimAttempt(db, email, input.ip, now);
  if (!attemptId) {
    const user = await findUserByEmail(db, email);
    await recordAudit(
      { db, actor: anonymous(email, user?.id ?? null), ...meta },
      { action: 'auth.login_throttled', entityType: 'user', entityId: user?.id ?? null, organisationId: user?.organisation_id ?? null },
    );
    throw new AppError('too_many_requests', [], { minutes: THROTTLE.windowMinutes }, { 'retry-after': String(THROTTLE.windowMinutes * 60) });
  }

  const user = await findUserByEmail(db, email);
  // Verify against a dummy hash when the account is unknown so timing does not reveal it.
  const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok || user.disabled) {
    // The attempt is already counted as a failure (claimAttempt).
    await inTransaction({ db, actor: anonymous(email, user?.id ?? null), locale: 'en', ...meta }, async (tx) => {
      await recordAudit(tx, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        organisationId: user?.organisation_id ?? null,
        after: { reason: !user ? 'unknown_account' : user.disabled ? 'account_disabled' : 'wrong_password' },
      });
    });
    throw new AppError('unauthenticated', [{ field: 'password', reason: user?.disabled && ok ? 'account_disabled' : 'invalid_credentials' }]);
  }

  const token = newSecret();
  const csrfToken = newSecret();
  const actor = await loadActor(db, user.id);
  await inTransaction({ db, actor, locale: 'en', ...meta }, async (tx) => {
    await markSucceeded(tx.db, attemptId);
    // Signing in again (perhaps as someone else) ends the session the browser presented.
    if (input.previousSessionId) await sessions.deleteSession(tx.db, input.previousSessionId);
    await sessions.insertSession(tx.db, {
      id: sha256(token),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: at,
      last_seen_at: at,
      expires_at: nextExpiry(at, at, policy),
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    });
    await updateUser(tx.db, user.id, { last_sign_in_at: at });
    await recordAudit(tx, { action: 'auth.login', entityType: 'user', entityId: user.id, organisationId: user.organisation_id });
  });
  // Housekeeping that no request waits on for long.
  await sessions.deleteExpiredSessions(db, at);
  await pruneAttempts(db, new Date(now.getTime() - DAY_MS).toISOString());
  return { token, session: { user: await currentUser(db, user.id), csrfToken } };
}

/** Sliding idle expiry, capped by an absolute lifetime from sign-in. */
function nextExpiry(createdAt: string, now: string, policy: SessionPolicy): string {
  const idle = new Date(now).getTime() + policy.idleHours * HOUR_MS;
  const absolute = new Date(createdAt).getTime() + policy.maxDays * DAY_MS;
  return new Date(Math.min(idle, absolute)).toISOString();
}

/** Turns a session cookie into an actor, or null when the session is unknown, expired or the user disabled. */
export async function resolveSession(db: Database, token: string, policy: SessionPolicy): Promise<ResolvedSession | null> {
  const id = sha256(token);
  const row = await sessions.findSessionWithUser(db, id);
  const now = nowIso();
  if (!row || row.disabled || row.expires_at <= now) {
    if (row) await sessions.deleteSession(db, id);
    return null;
  }
  // Write the sliding expiry at most every five minutes, not on every request.
  if (new Date(now).getTime() - new Date(row.last_seen_at).getTime() > 5 * 60_000) {
    await sessions.touchSession(db, id, now, nextExpiry(row.created_at, now, policy));
  }
  const grants = await sessions.loadGrants(db, row.user_id);
  return {
    sessionId: id,
    csrfToken: row.csrf_token,
    actor: {
      userId: row.user_id,
      email: row.email,
      name: row.name,
      organisationId: row.organisation_id,
      locale: isLocale(row.locale) ? row.locale : null,
      grants: grants.map((g) => ({ role: g.role as Role, scopeType: g.scope_type as ScopeType, scopeId: g.scope_id })),
    },
  };
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function loadActor(db: Database, userId: string): Promise<Actor> {
  const user = await findUserById(db, userId);
  if (!user) throw new AppError('not_found');
  const grants = await sessions.loadGrants(db, userId);
  return {
    userId,
    email: user.email,
    name: user.name,
    organisationId: user.organisation_id,
    locale: isLocale(user.locale) ? user.locale : null,
    grants: grants.map((g) => ({ role: g.role as Role, scopeType: g.scope_type as ScopeType, scopeId: g.scope_id })),
  };
}

export async function currentUser(db: Database, userId: string): Promise<CurrentUser> {
  const user = await findUserById(db, userId);
  if (!user) throw new AppError('unauthenticated');
  const memberships = await listMemberships(db, [userId]);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: isLocale(user.locale) ? user.locale : null,
    organisationId: user.organisation_id,
    organisationName: await organisationName(db, user.organisation_id),
    memberships: memberships.map(toMembership),
  };
}

export async function logout(ctx: Ctx, sessionId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await sessions.deleteSession(tx.db, sessionId);
    await recordAudit(tx, { action: 'auth.logout', entityType: 'user', entityId: ctx.actor.userId, organisationId: ctx.actor.organisationId });
  });
}

export async function updateMe(ctx: Ctx, body: { name?: string | undefined; locale?: Locale | null | undefined }): Promise<CurrentUser> {
  await inTransaction(ctx, async (tx) => {
    const before = await findUserById(tx.db, ctx.actor.userId);
    if (!before) throw new AppError('unauthenticated');
    const patch = {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.locale !== undefined ? { locale: body.locale } : {}),
      updated_at: nowIso(),
    };
    await updateUser(tx.db, ctx.actor.userId, patch);
    await recordAudit(tx, {
      action: 'user.update_self',
      entityType: 'user',
      entityId: ctx.actor.userId,
      organisationId: ctx.actor.organisationId,
      before: { name: before.name, locale: before.locale },
      after: { name: body.name ?? before.name, locale: body.locale === undefined ? before.locale : body.locale },
    });
  });
  return currentUser(ctx.db, ctx.actor.userId);
}

/** Changing one's password ends every other session of the account. */
export async function changePassword(ctx: Ctx, sessionId: string, body: { currentPassword: string; newPassword: string }) {
  const user = await findUserById(ctx.db, ctx.actor.userId);
  if (!user) throw new AppError('unauthenticated');
  if (!(await verifyPassword(user.password_hash, body.currentPassword))) {
    throw invalid({ field: 'currentPassword', reason: 'invalid_credentials' });
  }
  const passwordHash = await hashPassword(body.newPassword);
  await inTransaction(ctx, async (tx) => {
    await updateUser(tx.db, user.id, { password_hash: passwordHash, updated_at: nowIso() });
    await sessions.deleteUserSessions(tx.db, user.id, sessionId);
    await recordAudit(tx, { action: 'user.change_password', entityType: 'user', entityId: user.id, organisationId: user.organisation_id });
  });
}
