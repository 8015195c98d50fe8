import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../modules/access/actor.js';
import { buildOrganisation } from '../test/factories.js';
import { createTestDatabase, type TestDatabase } from '../test/test-db.js';
import { addMs, HOUR_MS, nowIso } from './clock.js';
import type { Ctx } from './context.js';
import { AppError } from './errors.js';
import { idempotencyKeyOf, withIdempotency } from './idempotency.js';

let database: TestDatabase;
let ctx: Ctx;
const ROUTE = 'PUT /things/:id';

beforeAll(async () => {
  database = await createTestDatabase();
  ctx = { db: database.handle.db, actor: { ...SYSTEM_ACTOR, userId: 'user-a' }, requestId: 'r', ip: null, locale: 'en' };
});
afterAll(() => database.drop());

const organisations = async () => Number((await ctx.db.selectFrom('organisations').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
/** A write that creates one organisation and answers its name. */
const createOrganisation = (name: string) => async (tx: Ctx) => ({ name: (await buildOrganisation(tx.db, { name })).name });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('withIdempotency', () => {
  it('acts every time without a key', async () => {
    const before = await organisations();
    await withIdempotency(ctx, undefined, ROUTE, createOrganisation('No key 1'));
    await withIdempotency(ctx, undefined, ROUTE, createOrganisation('No key 2'));
    expect(await organisations()).toBe(before + 2);
  });

  it('replays the stored answer and status for a retried key, without acting again', async () => {
    const before = await organisations();
    const first = await withIdempotency(ctx, 'retry-key-1', ROUTE, createOrganisation('Retried once'), 201);
    const second = await withIdempotency(ctx, 'retry-key-1', ROUTE, createOrganisation('Retried twice'), 201);
    expect(first).toEqual({ status: 201, body: { name: 'Retried once' }, replayed: false });
    expect(second).toEqual({ status: 201, body: { name: 'Retried once' }, replayed: true });
    expect(await organisations()).toBe(before + 1);
  });

  it('keys belong to one user: another user with the same key acts', async () => {
    const other: Ctx = { ...ctx, actor: { ...ctx.actor, userId: 'user-b' } };
    const answer = await withIdempotency(other, 'retry-key-1', ROUTE, createOrganisation('Other user'));
    expect(answer.replayed).toBe(false);
  });

  it('answers 409 when the key was used on another route', async () => {
    await withIdempotency(ctx, 'route-key-1', ROUTE, createOrganisation('Route one'));
    const err = await withIdempotency(ctx, 'route-key-1', 'POST /other', createOrganisation('Route two')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('conflict');
    expect((err as AppError).details).toEqual([{ field: 'headers.idempotency-key', reason: 'idempotency_key_reused' }]);
    expect(await ctx.db.selectFrom('organisations').where('name', '=', 'Route two').selectAll().execute()).toEqual([]);
  });

  it('stores nothing when the write fails, so a retry acts', async () => {
    const failing = async (tx: Ctx) => {
      await buildOrganisation(tx.db, { name: 'Rolled back' });
      throw new AppError('validation_failed');
    };
    await expect(withIdempotency(ctx, 'failing-key', ROUTE, failing)).rejects.toBeInstanceOf(AppError);
    expect(await ctx.db.selectFrom('idempotency_keys').where('key', '=', 'failing-key').selectAll().execute()).toEqual([]);
    expect(await ctx.db.selectFrom('organisations').where('name', '=', 'Rolled back').selectAll().execute()).toEqual([]);
    const retried = await withIdempotency(ctx, 'failing-key', ROUTE, createOrganisation('Acted on retry'));
    expect(retried.replayed).toBe(false);
  });

  it('acts once when two requests with the same key run at the same time', async () => {
    const before = await organisations();
    let calls = 0;
    const slow = async (tx: Ctx) => {
      calls++;
      await buildOrganisation(tx.db, { name: `Concurrent ${calls}` });
      await sleep(150);
      return { call: calls };
    };
    const [a, b] = await Promise.all([withIdempotency(ctx, 'concurrent-key', ROUTE, slow), withIdempotency(ctx, 'concurrent-key', ROUTE, slow)]);
    expect(calls).toBe(1);
    expect(a.body).toEqual({ call: 1 });
    expect(b.body).toEqual({ call: 1 });
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(await organisations()).toBe(before + 1);
  });

  it('forgets keys older than 24 hours', async () => {
    await ctx.db
      .insertInto('idempotency_keys')
      .values({ user_id: 'user-a', key: 'old-key-1', route: ROUTE, status_code: 200, response_json: '{"name":"old"}', created_at: addMs(nowIso(), -25 * HOUR_MS) })
      .execute();
    const answer = await withIdempotency(ctx, 'old-key-1', ROUTE, createOrganisation('After expiry'));
    expect(answer).toEqual({ status: 200, body: { name: 'After expiry' }, replayed: false });
  });
});

describe('idempotencyKeyOf', () => {
  const req = (value?: string | string[]) => ({ headers: value === undefined ? {} : { 'idempotency-key': value } }) as unknown as FastifyRequest;
  it('accepts 8 to 100 letters, digits, - and _', () => {
    expect(idempotencyKeyOf(req())).toBeUndefined();
    expect(idempotencyKeyOf(req('abcd-123'))).toBe('abcd-123');
    expect(idempotencyKeyOf(req('A_'.repeat(50)))).toBe('A_'.repeat(50));
  });
  it.each(['short', 'x'.repeat(101), 'has space1', 'semi;colon', ['abcdefgh', 'abcdefgh']])('refuses %j with 400', (value) => {
    const err = (() => {
      try {
        return idempotencyKeyOf(req(value));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(400);
    expect((err as AppError).details[0]).toEqual({ field: 'headers.idempotency-key', reason: 'pattern_mismatch' });
  });
});
