import type { Locale } from '@shared/locales.js';
import type { Database } from '../db/database.js';
import type { Actor } from '../modules/access/actor.js';

/** What every service call receives: who is acting, on which database handle, for which request. */
export interface Ctx {
  db: Database;
  actor: Actor;
  requestId: string;
  ip: string | null;
  locale: Locale;
}

/**
 * Runs `fn` in one transaction; the audit entries it writes commit or roll back with it.
 * Inside an outer transaction (the demo seed, the CLI) it joins that one.
 */
export function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx);
  return ctx.db.transaction().execute((trx) => fn({ ...ctx, db: trx }));
}
