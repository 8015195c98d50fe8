import type { ApiToken, ApiTokenStatus } from '@shared/schemas/api-tokens.js';
import type { ApiTokenRow } from './api-tokens.repository.js';

export const tokenStatus = (r: Pick<ApiTokenRow, 'revoked_at' | 'expires_at'>, now: string): ApiTokenStatus =>
  r.revoked_at ? 'revoked' : r.expires_at !== null && r.expires_at <= now ? 'expired' : 'active';

export const toApiToken = (r: ApiTokenRow, now: string): ApiToken => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  status: tokenStatus(r, now),
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
  user: { id: r.user_id, name: r.user_name, email: r.user_email },
});

/** What the audit log keeps of a token: never the secret or its hash. */
export const auditableApiToken = (r: Pick<ApiTokenRow, 'name' | 'prefix' | 'user_id' | 'expires_at' | 'revoked_at'>) => ({
  name: r.name,
  prefix: r.prefix,
  userId: r.user_id,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});
