import type { Database } from '../../db/database.js';
import type { ApiTokensTable } from '../../db/schema.js';

/** Tokens with their user's name and e-mail (for the lists) and organisation (for the audit). */
const withUser = (db: Database) =>
  db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .selectAll('t')
    .select(['u.name as user_name', 'u.email as user_email', 'u.organisation_id as user_organisation_id']);

export type ApiTokenRow = ApiTokensTable & { user_name: string; user_email: string; user_organisation_id: string };

export const findApiToken = (db: Database, id: string): Promise<ApiTokenRow | undefined> => withUser(db).where('t.id', '=', id).executeTakeFirst();

/** One user's tokens, or everyone's (`null`), newest first. */
export const listApiTokens = (db: Database, userId: string | null): Promise<ApiTokenRow[]> => {
  let q = withUser(db);
  if (userId) q = q.where('t.user_id', '=', userId);
  return q.orderBy('t.created_at', 'desc').orderBy('t.id').execute();
};

export const insertApiToken = (db: Database, row: ApiTokensTable) => db.insertInto('api_tokens').values(row).execute();

export const revokeApiToken = (db: Database, id: string, at: string) =>
  db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();

/** The token a bearer presents, with whether its user is disabled. */
export const findByHash = (db: Database, tokenHash: string) =>
  db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.id', 't.user_id', 't.expires_at', 't.revoked_at', 't.last_used_at', 'u.disabled'])
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();

/** Marks the token used, unless another request did so after `staleBefore` (at most one write a minute). */
export const touchApiToken = (db: Database, id: string, at: string, staleBefore: string) =>
  db
    .updateTable('api_tokens')
    .set({ last_used_at: at })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', staleBefore)]))
    .execute();
