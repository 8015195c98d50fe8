import { type MigrationResultSet, Migrator, SqliteAdapter, sql } from 'kysely';
import type { Database } from './database.js';
import { migrations } from './migrations/index.js';

function migrator(db: Database) {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

/**
 * Applies every pending migration; throws with the failing migration's name.
 * On SQLite, foreign keys are off while migrations run (the pragma cannot change inside a
 * transaction), so a migration may rebuild a table as SQLite documents; every reference is
 * checked before they are turned back on.
 */
export async function migrateToLatest(db: Database): Promise<MigrationResultSet> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  if (sqlite) await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    const result = await migrator(db).migrateToLatest();
    const failed = result.results?.find((r) => r.status === 'Error');
    if (result.error) {
      const cause = result.error instanceof Error ? result.error.message : String(result.error);
      throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${cause}`, { cause: result.error });
    }
    if (sqlite) {
      const broken = await sql<{ table: string }>`PRAGMA foreign_key_check`.execute(db);
      if (broken.rows.length) throw new Error(`Migrations left ${broken.rows.length} broken references, first in ${broken.rows[0]!.table}`);
    }
    return result;
  } finally {
    if (sqlite) await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}

export async function migrationStatus(db: Database): Promise<{ applied: number; pending: number }> {
  const list = await migrator(db).getMigrations();
  const applied = list.filter((m) => m.executedAt).length;
  return { applied, pending: list.length - applied };
}
