import { z } from 'zod';

export const HealthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({
    dialect: z.enum(['sqlite', 'postgres']),
    status: z.enum(['ok', 'unreachable']),
    latencyMs: z.number().nullable(),
    migrations: z.object({ applied: z.number().int(), pending: z.number().int() }),
  }),
  uptimeSeconds: z.number(),
});
