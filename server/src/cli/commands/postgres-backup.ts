import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { CliError } from '../errors.js';
import type { Out } from '../runtime.js';
import { createPrivateFile, fsyncPath, tempBeside } from './files.js';

/** Backup and restore on PostgreSQL go through the PostgreSQL client tools, which must be on PATH. */

export interface ToolOptions {
  /** Environment for the tools (tests pass a PATH without them). */
  env?: NodeJS.ProcessEnv;
}

const quote = (s: string) => (/^[\w./:=@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** The password travels in PGPASSWORD rather than on the command line, where `ps` would show it. */
function connection(databaseUrl: string) {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  const env: Record<string, string> = password ? { PGPASSWORD: password } : {};
  return { dbname: url.toString(), env };
}

function run(tool: string, args: string[], opts: ToolOptions, extraEnv: Record<string, string> = {}) {
  const r = spawnSync(tool, args, { env: { ...(opts.env ?? process.env), ...extraEnv }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return null;
  if (r.error) throw r.error;
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr.trim() };
}

function missing(tool: string, command: string, out: Out): never {
  out(`Run this where the PostgreSQL client tools are installed:\n  ${command}`);
  throw new CliError(`${tool} is not on PATH: install the PostgreSQL client (Debian: apt-get install postgresql-client) or run the command above.`);
}

const failed = (tool: string, stderr: string) => new CliError(`${tool} failed: ${stderr.split('\n').slice(0, 5).join('; ') || 'no message'}`);

/** Lists the archive's contents; refuses anything that is not a pg_dump archive of a Fieldbook database. */
function verifyArchive(file: string, command: string, out: Out, opts: ToolOptions): number {
  const r = run('pg_restore', ['--list', file], opts) ?? missing('pg_restore', command, out);
  if (r.status !== 0) throw new CliError(`${file} is not a pg_dump archive in custom format: ${r.stderr.split('\n')[0]}`);
  const tables = r.stdout.split('\n').filter((l) => / TABLE \S+ \S+ /.test(l));
  const has = (name: string) => tables.some((l) => new RegExp(` TABLE \\S+ ${name} `).test(l));
  if (!has('kysely_migration') || !has('organisations')) {
    throw new CliError(`${file} is not a Fieldbook database dump (it has no kysely_migration and organisations tables).`);
  }
  return tables.length;
}

export function backupPostgres(databaseUrl: string, to: string, out: Out, opts: ToolOptions & { force?: boolean } = {}): void {
  const target = path.resolve(to);
  if (fs.existsSync(target) && !opts.force) throw new CliError(`${target} already exists: choose another name or pass --force.`);
  const command = `pg_dump --format=custom --file ${quote(target)} "$DATABASE_URL"`;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const conn = connection(databaseUrl);
  const temp = tempBeside(target);
  let tables: number;
  try {
    // pg_dump truncates this empty file and keeps its permissions (0600).
    createPrivateFile(temp);
    const r = run('pg_dump', ['--format=custom', '--file', temp, conn.dbname], opts, conn.env) ?? missing('pg_dump', command, out);
    if (r.status !== 0) throw failed('pg_dump', r.stderr);
    fs.chmodSync(temp, 0o600);
    tables = verifyArchive(temp, command, out, opts);
    fsyncPath(temp);
    fs.renameSync(temp, target);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  out(`Backed up the database to ${target} (${(fs.statSync(target).size / 1024 / 1024).toFixed(1)} MiB, ${tables} tables; pg_restore can read it).`);
}

async function otherConnections(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const r = await client.query<{ n: number }>(
      "select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'",
    );
    return r.rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

/** Restores in one transaction, so a failed restore leaves the database as it was. */
export async function restorePostgres(databaseUrl: string, from: string, out: Out, opts: ToolOptions = {}): Promise<void> {
  const source = path.resolve(from);
  if (!fs.existsSync(source)) throw new CliError(`No backup file at ${source}.`);
  const args = ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--dbname'];
  const command = `pg_restore ${args.join(' ')} "$DATABASE_URL" ${quote(source)}`;
  verifyArchive(source, command, out, opts);
  const others = await otherConnections(databaseUrl);
  if (others > 0) throw new CliError(`${others} other connection(s) to the database are open: stop the Fieldbook servers first, then run restore again.`);
  const conn = connection(databaseUrl);
  const r = run('pg_restore', [...args, conn.dbname, source], opts, conn.env) ?? missing('pg_restore', command, out);
  if (r.status !== 0) throw failed('pg_restore', r.stderr);
  out(`Restored the database from ${source}. Start the servers: they apply any newer migrations on start.`);
}
