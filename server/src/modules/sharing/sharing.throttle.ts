import type { Database } from '../../db/database.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { THROTTLE } from '../auth/login-throttle.js';

/**
 * Guessing share-link tokens is throttled like guessing passwords: a miss (unknown, expired or
 * revoked token) is written to login_attempts under a marker that is never an e-mail, so it counts
 * towards the same per-address limit as failed sign-ins and is kept in the database, where every app
 * server sees it. Only misses count; a donor opening a valid link is never slowed down.
 */
const MISS_MARKER = 'share-link';

export async function refuseWhenThrottled(db: Database, ip: string, now: Date): Promise<void> {
  const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000).toISOString();
  const { n } = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('email', '=', MISS_MARKER)
    .where('ip', '=', ip)
    .where('succeeded', '=', 0)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  if (Number(n) >= THROTTLE.maxFailuresPerAddress) {
    throw new AppError('too_many_requests', [], { minutes: THROTTLE.windowMinutes }, { 'retry-after': String(THROTTLE.windowMinutes * 60) });
  }
}

export const recordMiss = (db: Database, ip: string, now: Date) =>
  db.insertInto('login_attempts').values({ id: newId(), email: MISS_MARKER, ip, succeeded: 0, at: now.toISOString() }).execute();
