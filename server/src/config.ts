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
  /** Where links in e-mails point, e.g. `https://fieldbook.example.org`. */
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  /** Outgoing mail, e.g. `smtp://user:pass@mail.example.org:587`. Unset: reminders show in the app only. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('Fieldbook <no-reply@fieldbook.local>'),
  /** Days before a round's due date when the "due soon" reminder goes out; the "overdue" one goes the day after. */
  REMINDER_DAYS_BEFORE: z.coerce.number().int().min(0).max(60).default(3),
  /** A machine translation provider speaking the LibreTranslate HTTP API, e.g. `http://localhost:5000`. Unset: people translate. */
  TRANSLATE_URL: z.string().url().optional(),
  TRANSLATE_API_KEY: z.string().optional(),
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
