import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';
export type Database = Kysely<DB>;

export interface DatabaseHandle {
  db: Database;
  dialect: Dialect;
  /** For SQLite: the raw connection (used by online backup). */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

// PostgreSQL returns int8 (count(*)) as strings by default; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export function openSqlite(file: string): DatabaseHandle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets readers continue during a write; FULL makes a committed write survive a power cut.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // SQLite's own lower() folds ASCII only; use Unicode case folding as PostgreSQL does, so that
  // "Médecins" and "MÉDECINS" collide in unique names and match in searches on both databases.
  sqlite.function('lower', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value) as string | null);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}

export function openPostgres(connectionString: string, max = 10): DatabaseHandle {
  const pool = new pg.Pool({ connectionString, max });
  // An idle pooled connection can be cut by the server (restart, failover, a terminated backend).
  // pg then emits 'error' on the pool, and an unheard 'error' event ends the process: log it
  // instead; the pool drops that connection and opens a fresh one for the next query.
  pool.on('error', (err) => console.error(`PostgreSQL: an idle connection was closed (${err.message}); a new one will be opened.`));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

export function openDatabase(opts: { databaseUrl?: string | undefined; sqliteFile: string }): DatabaseHandle {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openSqlite(opts.sqliteFile);
}
