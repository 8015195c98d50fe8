import { API_TOKEN_PREFIX } from '@shared/schemas/api-tokens.js';
import type { Database } from '../../db/database.js';
import { addMs, nowIso } from '../../lib/clock.js';
import { sha256 } from '../../lib/ids.js';
import type { Actor } from '../access/actor.js';
import { loadActor } from '../auth/auth.service.js';
import { findByHash, touchApiToken } from './api-tokens.repository.js';

const TOUCH_EVERY_MS = 60_000;

/**
 * Turns `Authorization: Bearer fbk_…` into its user, with the user's roles and scopes as they are
 * now (a membership removed since the token was made no longer counts). Null for an unknown,
 * revoked or expired token and for a disabled user: the caller answers 401.
 */
export async function resolveBearerToken(db: Database, token: string): Promise<{ actor: Actor; tokenId: string } | null> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return null;
  const row = await findByHash(db, sha256(token));
  const now = nowIso();
  if (!row || row.revoked_at !== null || row.disabled || (row.expires_at !== null && row.expires_at <= now)) return null;
  // Scripts poll: write the last use at most once a minute, not on every request.
  const staleBefore = addMs(now, -TOUCH_EVERY_MS);
  if (row.last_used_at === null || row.last_used_at < staleBefore) await touchApiToken(db, row.id, now, staleBefore);
  return { actor: await loadActor(db, row.user_id), tokenId: row.id };
}
