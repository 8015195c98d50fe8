import type { z } from 'zod';
import type { CreateMembershipBody, CreateUserBody, ListUsersQuery, UpdateUserBody, User } from '@shared/schemas/index.js';
import type { ScopeType } from '@shared/roles.js';
import type { ScopeChain } from '../access/access.policy.js';
import { nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, conflict, invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { hashPassword } from '../../lib/passwords.js';
import {
  ADMINS,
  authorise,
  grantedScopeIds,
  hasRole,
  installationChain,
  isInstallationAdmin,
  organisationChain,
  programmeChain,
  projectChain,
} from '../access/access.policy.js';
import { recordAudit } from '../audit/audit.repository.js';
import { deleteUserSessions } from '../auth/sessions.repository.js';
import { auditableUser, toMembership, toUser } from './users.mapper.js';
import * as repo from './users.repository.js';

const isAdminOf = (ctx: Ctx, organisationId: string) => hasRole(ctx.actor, ADMINS, organisationChain(organisationId));

/** Installation admins see everyone; organisation admins see the users of their organisations. */
export async function listUsers(ctx: Ctx, query: z.infer<typeof ListUsersQuery>) {
  const all = isInstallationAdmin(ctx.actor);
  const adminOrgs = grantedScopeIds(ctx.actor, 'organisation', ADMINS);
  if (!all && adminOrgs.length === 0) throw new AppError('forbidden');
  let organisationIds = all ? undefined : adminOrgs;
  if (query.organisationId) organisationIds = !organisationIds || organisationIds.includes(query.organisationId) ? [query.organisationId] : [];
  const { rows, total } = await repo.listUsers(
    ctx.db,
    { q: query.q, organisationIds, role: query.role, includeDisabled: query.includeDisabled },
    query.limit,
    query.offset,
  );
  const memberships = await repo.listMemberships(ctx.db, rows.map((r) => r.id));
  return { items: rows.map((r) => toUser(r, r.organisation_name, memberships)), total };
}

async function loadVisible(ctx: Ctx, id: string) {
  const user = await repo.findUserById(ctx.db, id);
  const visible = !!user && (user.id === ctx.actor.userId || isAdminOf(ctx, user.organisation_id));
  authorise(visible, true);
  return user!;
}

async function loadManaged(ctx: Ctx, id: string) {
  const user = await repo.findUserById(ctx.db, id);
  authorise(!!user && (user.id === ctx.actor.userId || isAdminOf(ctx, user.organisation_id)), !!user && isAdminOf(ctx, user.organisation_id));
  return user!;
}

/**
 * Changing someone's account (e-mail, password, disabled) also takes admin rights over every
 * scope they hold a role on: otherwise an organisation admin could reset the password of an
 * installation admin who belongs to their organisation and sign in as them.
 */
async function loadAccount(ctx: Ctx, id: string) {
  const user = await loadManaged(ctx, id);
  for (const m of await repo.listMemberships(ctx.db, [id])) {
    const chain = await scopeChainOf(ctx, m.scope_type as ScopeType, m.scope_id);
    if (chain && !hasRole(ctx.actor, ADMINS, chain)) throw new AppError('forbidden');
  }
  return user;
}

export async function getUser(ctx: Ctx, id: string): Promise<User> {
  const user = await loadVisible(ctx, id);
  return toUser(user, await repo.organisationName(ctx.db, user.organisation_id), await repo.listMemberships(ctx.db, [id]));
}

async function requireOrganisation(ctx: Ctx, organisationId: string) {
  if ((await repo.scopeOrganisation(ctx.db, 'organisation', organisationId)) === undefined) {
    throw invalid({ field: 'organisationId', reason: 'unknown_reference' });
  }
}

export async function createUser(ctx: Ctx, body: z.infer<typeof CreateUserBody>): Promise<User> {
  if (!isAdminOf(ctx, body.organisationId)) throw new AppError('forbidden');
  await requireOrganisation(ctx, body.organisationId);
  if (await repo.findUserByEmail(ctx.db, body.email)) throw new AppError('conflict', [{ field: 'email', reason: 'duplicate' }]);
  const now = nowIso();
  const row = {
    id: newId(),
    email: body.email,
    name: body.name,
    organisation_id: body.organisationId,
    password_hash: await hashPassword(body.password),
    locale: body.locale ?? null,
    disabled: 0,
    last_sign_in_at: null,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(ctx, async (tx) => {
    await repo.insertUser(tx.db, row);
    await recordAudit(tx, { action: 'user.create', entityType: 'user', entityId: row.id, organisationId: row.organisation_id, after: auditableUser(row) });
  });
  return getUser(ctx, row.id);
}

export async function updateUser(ctx: Ctx, id: string, body: z.infer<typeof UpdateUserBody>): Promise<User> {
  await inTransaction(ctx, async (tx) => {
    const before = await loadAccount(tx, id);
    if (body.organisationId && body.organisationId !== before.organisation_id) {
      if (!isAdminOf(ctx, body.organisationId)) throw new AppError('forbidden');
      await requireOrganisation(tx, body.organisationId);
    }
    if (body.email && body.email !== before.email && (await repo.findUserByEmail(tx.db, body.email))) {
      throw new AppError('conflict', [{ field: 'email', reason: 'duplicate' }]);
    }
    const patch = {
      ...(body.email !== undefined && { email: body.email }),
      ...(body.name !== undefined && { name: body.name }),
      ...(body.organisationId !== undefined && { organisation_id: body.organisationId }),
      ...(body.locale !== undefined && { locale: body.locale }),
      updated_at: nowIso(),
    };
    await repo.updateUser(tx.db, id, patch);
    await recordAudit(tx, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      organisationId: patch.organisation_id ?? before.organisation_id,
      before: auditableUser(before),
      after: auditableUser({ ...before, ...patch }),
    });
  });
  return getUser(ctx, id);
}

/** Disabling a user ends all their sessions at once. */
export async function setDisabled(ctx: Ctx, id: string, disabled: boolean): Promise<User> {
  await inTransaction(ctx, async (tx) => {
    const before = await loadAccount(tx, id);
    if (disabled && id === ctx.actor.userId) throw invalid({ field: 'disabled', reason: 'self_disable' });
    await repo.updateUser(tx.db, id, { disabled: disabled ? 1 : 0, updated_at: nowIso() });
    if (disabled) {
      await deleteUserSessions(tx.db, id);
      if ((await repo.countActiveInstallationAdmins(tx.db)) === 0) throw invalid({ field: 'disabled', reason: 'last_admin' });
    }
    await recordAudit(tx, {
      action: disabled ? 'user.disable' : 'user.enable',
      entityType: 'user',
      entityId: id,
      organisationId: before.organisation_id,
      before: { disabled: before.disabled === 1 },
      after: { disabled },
    });
  });
  return getUser(ctx, id);
}

/** An administrator sets a new password; the user's sessions end so the old password stops working everywhere. */
export async function resetPassword(ctx: Ctx, id: string, password: string): Promise<void> {
  // Check the right first: hashing is deliberately expensive and must not be free to anyone signed in.
  await loadAccount(ctx, id);
  const passwordHash = await hashPassword(password);
  await inTransaction(ctx, async (tx) => {
    const user = await loadAccount(tx, id);
    await repo.updateUser(tx.db, id, { password_hash: passwordHash, updated_at: nowIso() });
    await deleteUserSessions(tx.db, id);
    await recordAudit(tx, { action: 'user.reset_password', entityType: 'user', entityId: id, organisationId: user.organisation_id });
  });
}

async function scopeChainOf(ctx: Ctx, scopeType: z.infer<typeof CreateMembershipBody>['scopeType'], scopeId: string | null): Promise<ScopeChain | null> {
  const organisationId = await repo.scopeOrganisation(ctx.db, scopeType, scopeId);
  if (organisationId === undefined) return null;
  switch (scopeType) {
    case 'installation':
      return installationChain;
    case 'organisation':
      return organisationChain(scopeId as string);
    case 'programme':
      return programmeChain({ id: scopeId as string, organisationId: organisationId as string });
    case 'project': {
      const p = await ctx.db.selectFrom('projects').select('programme_id').where('id', '=', scopeId as string).executeTakeFirstOrThrow();
      return projectChain({ id: scopeId as string, programmeId: p.programme_id, organisationId: organisationId as string });
    }
  }
}

/** Granting needs admin rights over both the user's organisation and the scope granted. */
export async function addMembership(ctx: Ctx, userId: string, body: z.infer<typeof CreateMembershipBody>): Promise<User> {
  await inTransaction(ctx, async (tx) => {
    const user = await loadManaged(tx, userId);
    const chain = await scopeChainOf(tx, body.scopeType, body.scopeId);
    if (!chain) throw invalid({ field: 'scopeId', reason: 'unknown_reference' });
    if (!hasRole(ctx.actor, ADMINS, chain)) throw new AppError('forbidden');
    // Checked here so both databases name the same field (their constraint errors differ).
    if (await repo.findGrant(tx.db, userId, body.role, body.scopeType, body.scopeId)) throw conflict('role');
    const row = { id: newId(), user_id: userId, role: body.role, scope_type: body.scopeType, scope_id: body.scopeId, created_at: nowIso() };
    await repo.insertMembership(tx.db, row);
    await recordAudit(tx, {
      action: 'membership.create',
      entityType: 'user',
      entityId: userId,
      organisationId: user.organisation_id,
      after: { role: body.role, scopeType: body.scopeType, scopeId: body.scopeId },
    });
  });
  return getUser(ctx, userId);
}

export async function removeMembership(ctx: Ctx, userId: string, membershipId: string): Promise<User> {
  await inTransaction(ctx, async (tx) => {
    const user = await loadManaged(tx, userId);
    const membership = await repo.findMembership(tx.db, membershipId);
    if (!membership || membership.user_id !== userId) throw notFound();
    const chain = await scopeChainOf(tx, membership.scope_type as never, membership.scope_id);
    if (chain && !hasRole(ctx.actor, ADMINS, chain)) throw new AppError('forbidden');
    await repo.deleteMembership(tx.db, membershipId);
    if ((await repo.countActiveInstallationAdmins(tx.db)) === 0) throw invalid({ field: 'role', reason: 'last_admin' });
    await recordAudit(tx, {
      action: 'membership.delete',
      entityType: 'user',
      entityId: userId,
      organisationId: user.organisation_id,
      before: toMembership({ ...membership, scope_name: null }),
    });
  });
  return getUser(ctx, userId);
}
