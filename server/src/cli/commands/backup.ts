import type { Config } from '../../config.js';
import type { Out } from '../runtime.js';
import { backupPostgres, restorePostgres, type ToolOptions } from './postgres-backup.js';
import { backupSqlite, restoreSqlite } from './sqlite-backup.js';

/** `backup --to FILE`: SQLite's online backup API, or pg_dump on PostgreSQL. */
export async function backupCommand(config: Config, o: { to: string; force?: boolean }, out: Out, tools: ToolOptions = {}): Promise<void> {
  if (config.DATABASE_URL) backupPostgres(config.DATABASE_URL, o.to, out, { ...tools, force: o.force });
  else await backupSqlite(config.sqliteFile, o.to, out, { force: o.force });
}

/** `restore --from FILE`: replaces the whole database; the server must be stopped. */
export async function restoreCommand(config: Config, o: { from: string }, out: Out, tools: ToolOptions = {}): Promise<void> {
  if (config.DATABASE_URL) await restorePostgres(config.DATABASE_URL, o.from, out, tools);
  else restoreSqlite(config.sqliteFile, o.from, out);
}
