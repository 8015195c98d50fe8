import type { z } from 'zod';
import { API_TOKEN_PREFIX, type ApiToken, type CreateApiTokenBody, type CreatedApiToken, type ListApiTokensQuery } from '@shared/schemas/api-tokens.js';
import { addMs, DAY_MS, nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { forbidden } from '../../lib/errors.js';
import { newId, newSecret, sha256 } from '../../lib/ids.js';
import { authorise, isInstallationAdmin } from '../access/access.policy.js';
import { recordAudit } from '../audit/audit.repository.js';
import { auditableApiToken, toApiToken } from './api-tokens.mapper.js';
import * as repo from './api-tokens.repository.js';

/**
 * Personal API tokens. People manage their own; installation admins list and revoke anyone's
 * (an account that leaves, a token pasted somewhere it should not be). Making and revoking are
 * audited; using a token is not (it would drown the log), but its last use is kept.
 * The routes refuse bearer requests: a token never mints or revokes tokens.
 */

/** Characters of the token shown in lists: the prefix and 8 random characters (48 of its 256 bits). */
const SHOWN_CHARACTERS = API_TOKEN_PREFIX.length + 8;

const mayManage = (ctx: Ctx, row: repo.ApiTokenRow | undefined): row is repo.ApiTokenRow =>
  !!row && (row.user_id === ctx.actor.userId || isInstallationAdmin(ctx.actor));

export async function listApiTokens(ctx: Ctx, q: z.infer<typeof ListApiTokensQuery>): Promise<{ items: ApiToken[] }> {
  const others = q.all || (q.userId !== undefined && q.userId !== ctx.actor.userId);
  if (others && !isInstallationAdmin(ctx.actor)) throw forbidden();
  const rows = await repo.listApiTokens(ctx.db, q.all ? null : (q.userId ?? ctx.actor.userId));
  const now = nowIso();
  return { items: rows.map((r) => toApiToken(r, now)) };
}

export async function createApiToken(ctx: Ctx, body: z.infer<typeof CreateApiTokenBody>): Promise<CreatedApiToken> {
  const token = `${API_TOKEN_PREFIX}${newSecret()}`;
  const now = nowIso();
  const row = {
    id: newId(),
    user_id: ctx.actor.userId,
    name: body.name,
    token_hash: sha256(token),
    prefix: token.slice(0, SHOWN_CHARACTERS),
    created_at: now,
    expires_at: body.expiresInDays === null ? null : addMs(now, body.expiresInDays * DAY_MS),
    last_used_at: null,
    revoked_at: null,
  };
  return inTransaction(ctx, async (tx) => {
    await repo.insertApiToken(tx.db, row);
    await recordAudit(tx, { action: 'api_token.create', entityType: 'api_token', entityId: row.id, organisationId: ctx.actor.organisationId, after: auditableApiToken(row) });
    const created = toApiToken({ ...row, user_name: ctx.actor.name, user_email: ctx.actor.email, user_organisation_id: ctx.actor.organisationId }, now);
    return { ...created, token };
  });
}

/** Revoking is final; revoking a revoked token changes nothing and answers it as it is. */
export async function revokeApiToken(ctx: Ctx, id: string): Promise<ApiToken> {
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findApiToken(tx.db, id);
    // Someone else's token is 404 to anyone but an installation admin: ids cannot be probed.
    authorise(mayManage(ctx, before), true);
    const now = nowIso();
    if (before!.revoked_at) return toApiToken(before!, now);
    await repo.revokeApiToken(tx.db, id, now);
    const after = { ...before!, revoked_at: now };
    await recordAudit(tx, {
      action: 'api_token.revoke',
      entityType: 'api_token',
      entityId: id,
      organisationId: before!.user_organisation_id,
      before: auditableApiToken(before!),
      after: auditableApiToken(after),
    });
    return toApiToken(after, now);
  });
}
