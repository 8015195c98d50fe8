import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { CliError } from '../errors.js';
import type { Out } from '../runtime.js';
import { createPrivateFile, fsyncPath, tempBeside } from './files.js';
import { type FileSummary, lockExclusively, verifyFieldbookFile } from './sqlite-file.js';

const size = (file: string) => `${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MiB`;
const summary = (s: FileSummary) => `${s.organisations} organisations, ${s.users} users, ${s.migrations} migrations`;

const ALL_PAGES = 2 ** 31 - 1;

/**
 * Online backup with SQLite's backup API: a consistent copy even while the server writes.
 * It is written beside the target and renamed into place only once it passed the integrity check.
 */
export async function backupSqlite(databaseFile: string, to: string, out: Out, opts: { force?: boolean } = {}): Promise<FileSummary> {
  const target = path.resolve(to);
  if (!fs.existsSync(databaseFile)) throw new CliError(`No database at ${databaseFile}.`);
  if (target === path.resolve(databaseFile)) throw new CliError('The backup file cannot be the database itself.');
  if (fs.existsSync(target) && !opts.force) throw new CliError(`${target} already exists: choose another name or pass --force.`);
  fs.mkdirSync(path.dirname(target), { recursive: true });

  const temp = tempBeside(target);
  try {
    // SQLite writes the backup into this empty file and keeps its permissions (0600).
    createPrivateFile(temp);
    const source = new SQLite(databaseFile, { fileMustExist: true });
    try {
      // After the first 100-page step, copy the rest in one step. In small steps, every write by
      // the server restarts the copy, so a busy server could keep a backup from ever finishing;
      // one step holds a read snapshot (WAL lets the server keep writing) and always completes.
      await source.backup(temp, { progress: () => ALL_PAGES });
    } finally {
      source.close();
    }
    fs.chmodSync(temp, 0o600);
    const checked = verifyFieldbookFile(temp, `The backup of ${databaseFile}`);
    fsyncPath(temp);
    fs.renameSync(temp, target);
    fsyncPath(path.dirname(target));
    out(`Backed up ${databaseFile} to ${target} (${size(target)}; ${summary(checked)}; integrity check ok).`);
    return checked;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/**
 * Replaces the database file with a backup, atomically: the backup is copied beside the
 * database, checked, and renamed over it while we hold the database exclusively. The file it
 * replaces is kept (hard-linked) under a dated name in case the wrong backup was chosen.
 */
export function restoreSqlite(databaseFile: string, from: string, out: Out): { keptAt: string | null; summary: FileSummary } {
  const source = path.resolve(from);
  if (!fs.existsSync(source)) throw new CliError(`No backup file at ${source}.`);
  if (source === path.resolve(databaseFile)) throw new CliError('The backup file is the database itself.');
  if (fs.existsSync(`${source}-wal`) && fs.statSync(`${source}-wal`).size > 0) {
    throw new CliError(`${source} has a write-ahead log beside it (it is in use or was not closed): make a copy with \`fieldbook backup\` instead.`);
  }
  fs.mkdirSync(path.dirname(databaseFile), { recursive: true });

  const temp = tempBeside(databaseFile);
  let lock: ReturnType<typeof lockExclusively> = null;
  try {
    fs.copyFileSync(source, temp);
    const checked = verifyFieldbookFile(temp, source);
    fsyncPath(temp);
    lock = lockExclusively(databaseFile);
    const keptAt = keepPrevious(databaseFile);
    // A log left from the old file must never be replayed into the new one.
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${databaseFile}${suffix}`, { force: true });
    fs.renameSync(temp, databaseFile);
    fsyncPath(path.dirname(databaseFile));
    out(`Restored ${databaseFile} from ${source} (${summary(checked)}).`);
    if (keptAt) out(`The database it replaced is kept at ${keptAt}; delete it once you are satisfied.`);
    out('Start the server: it applies any newer migrations on start.');
    return { keptAt, summary: checked };
  } finally {
    lock?.release();
    fs.rmSync(temp, { force: true });
  }
}

function keepPrevious(file: string): string | null {
  if (!fs.existsSync(file)) return null;
  const kept = `${file}.pre-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  try {
    fs.linkSync(file, kept);
  } catch {
    fs.copyFileSync(file, kept);
  }
  return kept;
}
