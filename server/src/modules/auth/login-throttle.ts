import type { Database } from '../../db/database.js';
import { newId } from '../../lib/ids.js';

/**
 * Sign-in throttling, kept in the database so that every app server behind a load balancer
 * sees the same counts. Failures count within a window, and for an account only since its
 * last successful sign-in.
 */
export const THROTTLE = {
  windowMinutes: 15,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 20,
} as const;

/**
 * Counts this attempt as a failure before the password is checked, then counts the failures
 * including it: concurrent guesses cannot all pass a check made before any of them was written.
 * Returns the attempt's id, or null (and forgets the attempt) when the account or address is throttled.
 */
export async function claimAttempt(db: Database, email: string, ip: string, now: Date): Promise<string | null> {
  const id = newId();
  const at = now.toISOString();
  await db.insertInto('login_attempts').values({ id, email, ip, succeeded: 0, at }).execute();
  const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000).toISOString();
  const lastSuccess = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('email', '=', email)
    .where('succeeded', '=', 1)
    .executeTakeFirst();
  const accountSince = lastSuccess?.at && lastSuccess.at > since ? lastSuccess.at : since;
  const [byAccount, byAddress] = await Promise.all([
    db
      .selectFrom('login_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('email', '=', email)
      .where('succeeded', '=', 0)
      .where('at', '>', accountSince)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('login_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('ip', '=', ip)
      .where('succeeded', '=', 0)
      .where('at', '>', since)
      .executeTakeFirstOrThrow(),
  ]);
  // The counts include this attempt: it may go ahead while the failures before it are under the limit.
  if (Number(byAccount.n) > THROTTLE.maxFailuresPerAccount || Number(byAddress.n) > THROTTLE.maxFailuresPerAddress) {
    await db.deleteFrom('login_attempts').where('id', '=', id).execute();
    return null;
  }
  return id;
}

/** The claimed attempt signed in: it no longer counts as a failure and restarts the account's count. */
export const markSucceeded = (db: Database, id: string) => db.updateTable('login_attempts').set({ succeeded: 1 }).where('id', '=', id).execute();

/** Attempts older than a day no longer matter to any window. */
export const pruneAttempts = (db: Database, before: string) => db.deleteFrom('login_attempts').where('at', '<', before).execute();
