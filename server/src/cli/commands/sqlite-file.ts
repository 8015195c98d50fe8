import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import { migrations } from '../../db/migrations/index.js';
import { CliError } from '../errors.js';

/** Checks and locks on SQLite database files, for backup and restore. */

export interface FileSummary {
  migrations: number;
  organisations: number;
  users: number;
}

const sqliteCode = (e: unknown) => (e as { code?: string }).code ?? '';

/**
 * Refuses anything but a sound Fieldbook database whose migrations this version knows, then
 * leaves it as one self-contained file (rollback journal, no -wal beside it). `label` names the
 * file in messages when `file` is a temporary copy.
 */
export function verifyFieldbookFile(file: string, label = file): FileSummary {
  let db: SQLite.Database;
  try {
    db = new SQLite(file, { fileMustExist: true });
  } catch (e) {
    throw new CliError(`${label} cannot be opened: ${(e as Error).message}.`);
  }
  try {
    let tables: string[];
    try {
      tables = db.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[];
    } catch (e) {
      if (sqliteCode(e) === 'SQLITE_NOTADB') throw new CliError(`${label} is not a SQLite database.`);
      throw e;
    }
    if (!tables.includes('kysely_migration') || !tables.includes('organisations')) {
      throw new CliError(`${label} is not a Fieldbook database (it has no kysely_migration and organisations tables).`);
    }
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new CliError(`${label} failed the integrity check: ${String(integrity)}.`);
    const applied = db.prepare('select name from kysely_migration order by name').pluck().all() as string[];
    const unknown = applied.find((name) => !(name in migrations));
    if (unknown) throw new CliError(`${label} comes from a newer Fieldbook (unknown migration ${unknown}): upgrade Fieldbook first.`);
    db.pragma('journal_mode = DELETE');
    const count = (table: string) => Number(db.prepare(`select count(*) from ${table}`).pluck().get());
    return { migrations: applied.length, organisations: count('organisations'), users: count('users') };
  } finally {
    db.close();
  }
}

export interface ExclusiveLock {
  release(): void;
}

/**
 * Takes the database for ourselves, or refuses while anyone has it open. In WAL mode a plain
 * write lock does not see idle readers, but leaving WAL needs every other connection closed;
 * the exclusive transaction then keeps new ones out until the file has been replaced.
 */
export function lockExclusively(file: string): ExclusiveLock | null {
  if (!fs.existsSync(file)) return null;
  const inUse = () => new CliError(`The database ${file} is in use: stop the Fieldbook server first, then run restore again.`);
  const db = new SQLite(file, { fileMustExist: true, timeout: 0 });
  try {
    if (db.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') throw inUse();
    db.exec('begin exclusive');
  } catch (e) {
    db.close();
    if (['SQLITE_BUSY', 'SQLITE_LOCKED'].includes(sqliteCode(e))) throw inUse();
    // A damaged file is exactly what a restore replaces: nothing to lock, go on.
    if (['SQLITE_NOTADB', 'SQLITE_CORRUPT'].includes(sqliteCode(e))) return null;
    throw e;
  }
  return {
    release() {
      db.exec('rollback');
      db.close();
    },
  };
}
