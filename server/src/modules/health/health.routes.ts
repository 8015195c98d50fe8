import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HealthResponse } from '@shared/schemas/index.js';
import { migrationStatus } from '../../db/migrate.js';
import { VERSION } from '../../version.js';

const started = Date.now();

/** Liveness and database status for load balancers and operators. Public: it reveals no data. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/health', { config: { public: true }, schema: { tags: ['health'], security: [], response: { 200: HealthResponse, 503: HealthResponse } } }, async (_request, reply) => {
    const t0 = performance.now();
    let dbOk = true;
    let migrations = { applied: 0, pending: 0 };
    try {
      await sql`select 1`.execute(app.db);
      migrations = await migrationStatus(app.db);
    } catch {
      dbOk = false;
    }
    const body = {
      status: dbOk && migrations.pending === 0 ? ('ok' as const) : ('degraded' as const),
      version: VERSION,
      database: {
        dialect: app.dialect,
        status: dbOk ? ('ok' as const) : ('unreachable' as const),
        latencyMs: dbOk ? Math.round((performance.now() - t0) * 10) / 10 : null,
        migrations,
      },
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
    };
    return reply.status(body.status === 'ok' ? 200 : 503).send(body);
  });
};
