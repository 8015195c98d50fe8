import type { FastifyRequest } from 'fastify';
import { addMs, DAY_MS, nowIso } from './clock.js';
import { type Ctx, inTransaction } from './context.js';
import { conflict, invalid } from './errors.js';

/**
 * Retryable writes (issue 4): a client that lost the answer to a write sends it again with the
 * same `Idempotency-Key` header and gets the first answer back instead of acting twice.
 *
 * The key is claimed and the answer stored in the SAME transaction as the change, so a crash
 * leaves neither. The claim is an `insert … on conflict do nothing`: a concurrent duplicate waits
 * on PostgreSQL until the first commits (SQLite runs one write transaction at a time) and then
 * replays its answer; if the first rolled back, the duplicate acts instead. Errors are not stored:
 * a refused write retried later is judged again.
 */

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;
/** Keys older than this are forgotten (purged when the same user writes again). */
export const IDEMPOTENCY_TTL_MS = DAY_MS;

/** The request's `Idempotency-Key`, undefined when absent; 400 when it is not 8–100 of [A-Za-z0-9_-]. */
export function idempotencyKeyOf(req: FastifyRequest): string | undefined {
  const raw = req.headers[IDEMPOTENCY_HEADER];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !KEY_PATTERN.test(raw)) throw invalid({ field: 'headers.idempotency-key', reason: 'pattern_mismatch' });
  return raw;
}

export interface IdempotentAnswer<T> {
  status: number;
  body: T;
  /** True when the answer is the stored one of an earlier request with the same key. */
  replayed: boolean;
}

/**
 * Runs `write` in a transaction (joining the caller's when there is one) unless `key` was already
 * used by this user: then the stored answer is returned for the same route, 409 for another.
 * `route` names the method and route pattern, e.g. `PUT /submissions/:id/values`.
 */
export async function withIdempotency<T>(
  ctx: Ctx,
  key: string | undefined,
  route: string,
  write: (tx: Ctx) => Promise<T>,
  successStatus = 200,
): Promise<IdempotentAnswer<T>> {
  if (key === undefined) return { status: successStatus, body: await inTransaction(ctx, write), replayed: false };
  const userId = ctx.actor.userId;
  return inTransaction(ctx, async (tx) => {
    const now = nowIso();
    await tx.db.deleteFrom('idempotency_keys').where('user_id', '=', userId).where('created_at', '<', addMs(now, -IDEMPOTENCY_TTL_MS)).execute();
    const claimed = await tx.db
      .insertInto('idempotency_keys')
      .values({ user_id: userId, key, route, status_code: 0, response_json: '', created_at: now })
      .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) return replay<T>(tx, userId, key, route);

    const body = await write(tx);
    await tx.db
      .updateTable('idempotency_keys')
      .set({ status_code: successStatus, response_json: JSON.stringify(body ?? null) })
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .execute();
    return { status: successStatus, body, replayed: false };
  });
}

async function replay<T>(tx: Ctx, userId: string, key: string, route: string): Promise<IdempotentAnswer<T>> {
  const stored = await tx.db.selectFrom('idempotency_keys').selectAll().where('user_id', '=', userId).where('key', '=', key).executeTakeFirst();
  // Claimed by a transaction of ours that is still running (only when the caller nests two writes under one key).
  if (!stored || stored.status_code === 0) throw conflict('headers.idempotency-key', 'idempotency_key_in_use');
  if (stored.route !== route) throw conflict('headers.idempotency-key', 'idempotency_key_reused');
  return { status: stored.status_code, body: JSON.parse(stored.response_json) as T, replayed: true };
}

/** Sends an idempotent answer: its status, and a header telling a replay apart. */
export function sendIdempotent<T>(reply: { code(status: number): unknown; header(name: string, value: string): unknown }, answer: IdempotentAnswer<T>): T {
  reply.code(answer.status);
  if (answer.replayed) reply.header('idempotent-replayed', 'true');
  return answer.body;
}
