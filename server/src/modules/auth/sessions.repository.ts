import type { Database } from '../../db/database.js';
import type { SessionsTable } from '../../db/schema.js';

export const insertSession = (db: Database, row: SessionsTable) => db.insertInto('sessions').values(row).execute();

/** The session with its user, or nothing when it does not exist. Expiry is checked by the caller. */
export const findSessionWithUser = (db: Database, id: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.csrf_token',
      'sessions.created_at',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.id as user_id',
      'users.email',
      'users.name',
      'users.organisation_id',
      'users.locale',
      'users.disabled',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();

export const touchSession = (db: Database, id: string, lastSeenAt: string, expiresAt: string) =>
  db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id', '=', id).execute();

export const deleteSession = (db: Database, id: string) => db.deleteFrom('sessions').where('id', '=', id).execute();

export const deleteUserSessions = (db: Database, userId: string, exceptId?: string) => {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.execute();
};

export const deleteExpiredSessions = (db: Database, now: string) => db.deleteFrom('sessions').where('expires_at', '<', now).execute();

export const loadGrants = (db: Database, userId: string) =>
  db.selectFrom('memberships').select(['role', 'scope_type', 'scope_id']).where('user_id', '=', userId).execute();
