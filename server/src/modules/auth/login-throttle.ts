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

export async function isThrottled(db: Database, email: string, ip: string, now: Date): Promise<boolean> {
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
  return Number(byAccount.n) >= THROTTLE.maxFailuresPerAccount || Number(byAddress.n) >= THROTTLE.maxFailuresPerAddress;
}

export async function recordAttempt(db: Database, email: string, ip: string, succeeded: boolean, at: string) {
  await db.insertInto('login_attempts').values({ id: newId(), email, ip, succeeded: succeeded ? 1 : 0, at }).execute();
}

/** Attempts older than a day no longer matter to any window. */
export const pruneAttempts = (db: Database, before: string) => db.deleteFrom('login_attempts').where('at', '<', before).execute();
