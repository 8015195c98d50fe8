import path from 'node:path';
import { z } from 'zod';

const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Where the SQLite file, backups and uploads live. */
  DATA_DIR: z.string().default('./data'),
  /** Set to use PostgreSQL instead of the embedded SQLite file. */
  DATABASE_URL: z.string().optional(),
  /** Seed the demo workspace on first start with an empty database. */
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  /**
   * Trust X-Forwarded-* from reverse proxies (needed for Secure cookies behind TLS termination):
   * `true` trusts the one proxy in front, a number that many proxies in a chain. Never every hop:
   * the client writes the leftmost X-Forwarded-For entries itself.
   */
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|[1-9]\d?)$/, 'must be true, false or the number of proxies in front')
    .default('false')
    .transform((v): false | number => (v === 'false' ? false : v === 'true' ? 1 : Number(v))),
  /** Force the Secure flag on cookies (otherwise set when the request came over HTTPS). */
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  SESSION_IDLE_HOURS: z.coerce.number().positive().default(12),
  SESSION_MAX_DAYS: z.coerce.number().positive().default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof ConfigSchema> & { sqliteFile: string };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const dataDir = path.resolve(parsed.data.DATA_DIR);
  return { ...parsed.data, DATA_DIR: dataDir, sqliteFile: path.join(dataDir, 'fieldbook.sqlite') };
}
