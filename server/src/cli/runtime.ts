import fs from 'node:fs';
import type { Config } from '../config.js';
import { type Database, type DatabaseHandle, openDatabase } from '../db/database.js';
import { migrationStatus } from '../db/migrate.js';
import type { Ctx } from '../lib/context.js';
import { SYSTEM_ACTOR } from '../modules/access/actor.js';
import { CliError } from './errors.js';

/** Where a command prints; the process passes console.log, tests collect the lines. */
export type Out = (line: string) => void;

/** Where the database is, in words for messages (never the PostgreSQL password). */
export function describeDatabase(config: Config): string {
  if (!config.DATABASE_URL) return `SQLite at ${config.sqliteFile}`;
  const url = new URL(config.DATABASE_URL);
  return `PostgreSQL database ${url.pathname.slice(1)} on ${url.hostname}`;
}

/**
 * Opens the configured database for one command and always closes it. Commands that change
 * data want an existing, fully migrated database rather than silently creating an empty one.
 */
export async function withDatabase<T>(
  config: Config,
  opts: { requireMigrated: boolean },
  fn: (db: Database, handle: DatabaseHandle) => Promise<T>,
): Promise<T> {
  if (opts.requireMigrated && !config.DATABASE_URL && !fs.existsSync(config.sqliteFile)) {
    throw new CliError(`No database at ${config.sqliteFile}: start the server once or run \`npm run fieldbook -- migrate\`.`);
  }
  const handle = openDatabase({ databaseUrl: config.DATABASE_URL, sqliteFile: config.sqliteFile });
  try {
    if (opts.requireMigrated) await requireMigrated(handle.db);
    return await fn(handle.db, handle);
  } finally {
    await handle.close();
  }
}

async function requireMigrated(db: Database) {
  const { pending } = await migrationStatus(db);
  if (pending > 0) {
    throw new CliError(`The database has ${pending} pending migration(s): run \`npm run fieldbook -- migrate\` first.`);
  }
}

/** The command line acts as SYSTEM_ACTOR: its changes go through the services and are audited as "Command line". */
export const systemCtx = (db: Database, command: string): Ctx => ({
  db,
  actor: SYSTEM_ACTOR,
  requestId: `cli:${command}`,
  ip: null,
  locale: 'en',
});
