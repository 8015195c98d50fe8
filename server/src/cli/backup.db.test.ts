import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { type DatabaseHandle, openPostgres, openSqlite } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { buildOrganisation, buildUser } from '../test/factories.js';
import { backupCommand, restoreCommand } from './commands/backup.js';
import { describeError } from './errors.js';

const lines: string[] = [];
const out = (line: string) => void lines.push(line);
const failure = (p: Promise<unknown>) =>
  p.then(
    () => expect.unreachable('expected the command to fail'),
    (e: unknown) => describeError(e),
  );

const orgNames = async (handle: DatabaseHandle) => (await handle.db.selectFrom('organisations').select('name').orderBy('name').execute()).map((r) => r.name);

describe('backup and restore on SQLite files', () => {
  let dir: string;
  let config: ReturnType<typeof loadConfig>;
  let open: DatabaseHandle[];

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-cli-'));
    config = loadConfig({ DATA_DIR: path.join(dir, 'data') });
    open = [];
    lines.length = 0;
  });
  afterEach(async () => {
    for (const h of open) await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The live database, open as the running server would have it. */
  async function liveDatabase() {
    const handle = openSqlite(config.sqliteFile);
    open.push(handle);
    await migrateToLatest(handle.db);
    return handle;
  }
  const close = async (handle: DatabaseHandle) => {
    open = open.filter((h) => h !== handle);
    await handle.close();
  };

  it('round-trips the data: a backup taken while the database is open restores exactly that state', async () => {
    const live = await liveDatabase();
    const org = await buildOrganisation(live.db, { name: 'Before the backup' });
    await buildUser(live.db, { organisationId: org.id, email: 'kept@example.org' });
    const file = path.join(dir, 'backups', 'fieldbook.sqlite');

    await backupCommand(config, { to: file }, out);
    expect(lines.at(-1)).toMatch(/integrity check ok/);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    // It holds every password hash: readable by its owner only, whatever the umask.
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    await buildOrganisation(live.db, { name: 'After the backup' });
    await live.db.deleteFrom('users').where('email', '=', 'kept@example.org').execute();
    await close(live);

    await restoreCommand(config, { from: file }, out);
    const restored = openSqlite(config.sqliteFile);
    open.push(restored);
    expect(await orgNames(restored)).toEqual(['Before the backup']);
    expect(await restored.db.selectFrom('users').select('email').execute()).toEqual([{ email: 'kept@example.org' }]);

    // The replaced database is kept beside it, untouched.
    const kept = fs.readdirSync(path.dirname(config.sqliteFile)).find((f) => f.includes('.pre-restore-'))!;
    const previous = new SQLite(path.join(path.dirname(config.sqliteFile), kept), { readonly: true });
    expect(previous.prepare('select name from organisations order by name').pluck().all()).toEqual(['After the backup', 'Before the backup']);
    previous.close();
  });

  it('takes a consistent backup while another connection keeps writing', async () => {
    const live = await liveDatabase();
    const org = await buildOrganisation(live.db);
    for (let i = 0; i < 300; i++) await buildUser(live.db, { organisationId: org.id });
    let writing = true;
    const writer = (async () => {
      let n = 0;
      while (writing || n < 20) {
        await buildUser(live.db, { organisationId: org.id });
        n++;
        await new Promise((r) => setImmediate(r));
      }
      return n;
    })();
    const file = path.join(dir, 'during-writes.sqlite');
    await backupCommand(config, { to: file }, out);
    writing = false;
    const written = await writer;

    const copy = new SQLite(file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const users = Number(copy.prepare('select count(*) from users').pluck().get());
    copy.close();
    expect(users).toBeGreaterThanOrEqual(300);
    expect(users).toBeLessThanOrEqual(300 + written);
  });

  it('refuses to restore while the database is open, and leaves it as it was', async () => {
    const live = await liveDatabase();
    await buildOrganisation(live.db, { name: 'Live' });
    const file = path.join(dir, 'backup.sqlite');
    await backupCommand(config, { to: file }, out);
    await buildOrganisation(live.db, { name: 'Newer' });

    expect(await failure(restoreCommand(config, { from: file }, out))).toBe(
      `The database ${config.sqliteFile} is in use: stop the Fieldbook server first, then run restore again.`,
    );
    expect(await orgNames(live)).toEqual(['Live', 'Newer']);
    expect(fs.readdirSync(path.dirname(config.sqliteFile)).filter((f) => f.includes('.tmp-') || f.includes('pre-restore'))).toEqual([]);
  });

  it('restores into an installation that has no database yet', async () => {
    const live = await liveDatabase();
    await buildOrganisation(live.db, { name: 'Moved here' });
    const file = path.join(dir, 'backup.sqlite');
    await backupCommand(config, { to: file }, out);
    await close(live);

    const elsewhere = loadConfig({ DATA_DIR: path.join(dir, 'new-server') });
    await restoreCommand(elsewhere, { from: file }, out);
    const restored = openSqlite(elsewhere.sqliteFile);
    open.push(restored);
    expect(await orgNames(restored)).toEqual(['Moved here']);
  });

  it('refuses files that are not Fieldbook databases', async () => {
    await liveDatabase();
    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, 'this is not a database at all, just some text that is long enough to have a header');
    expect(await failure(restoreCommand(config, { from: text }, out))).toMatch(/notes\.txt is not a SQLite database\.$/);

    const other = path.join(dir, 'other.sqlite');
    const db = new SQLite(other);
    db.exec('create table things (id text)');
    db.close();
    expect(await failure(restoreCommand(config, { from: other }, out))).toMatch(/other\.sqlite is not a Fieldbook database/);

    expect(await failure(restoreCommand(config, { from: path.join(dir, 'missing.sqlite') }, out))).toMatch(/^No backup file at /);
  });

  it('refuses to restore a backup from a newer Fieldbook', async () => {
    const live = await liveDatabase();
    const file = path.join(dir, 'future.sqlite');
    await backupCommand(config, { to: file }, out);
    await close(live);
    const db = new SQLite(file);
    db.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run('2999_01_01_0000_future', new Date().toISOString());
    db.close();
    expect(await failure(restoreCommand(config, { from: file }, out))).toMatch(/unknown migration 2999_01_01_0000_future\): upgrade Fieldbook first\.$/);
  });

  it('does not overwrite an existing backup without --force, and needs a database to back up', async () => {
    expect(await failure(backupCommand(config, { to: path.join(dir, 'x.sqlite') }, out))).toBe(`No database at ${config.sqliteFile}.`);
    await liveDatabase();
    const file = path.join(dir, 'x.sqlite');
    fs.writeFileSync(file, 'an older backup');
    expect(await failure(backupCommand(config, { to: file }, out))).toBe(`${file} already exists: choose another name or pass --force.`);
    await backupCommand(config, { to: file, force: true }, out);
    expect(fs.readFileSync(file).subarray(0, 15).toString()).toBe('SQLite format 3');
  });
});

describe('backup and restore on PostgreSQL without the client tools', () => {
  const config = loadConfig({ DATABASE_URL: 'postgres://fieldbook:secret@db.invalid:5432/fieldbook' });
  const noTools = { env: { PATH: '/nonexistent' } };

  it('prints the pg_dump command to run and fails', async () => {
    lines.length = 0;
    const file = path.join(os.tmpdir(), `fieldbook-${randomBytes(4).toString('hex')}.dump`);
    expect(await failure(backupCommand(config, { to: file }, out, noTools))).toMatch(/^pg_dump is not on PATH/);
    expect(lines.join('\n')).toContain(`pg_dump --format=custom --file ${file} "$DATABASE_URL"`);
    expect(lines.join('\n')).not.toContain('secret');
  });

  it('prints the pg_restore command to run and fails', async () => {
    lines.length = 0;
    const file = path.join(os.tmpdir(), `fieldbook-${randomBytes(4).toString('hex')}.dump`);
    fs.writeFileSync(file, 'x');
    try {
      expect(await failure(restoreCommand(config, { from: file }, out, noTools))).toMatch(/^pg_restore is not on PATH/);
      expect(lines.join('\n')).toContain(`pg_restore --clean --if-exists --no-owner --single-transaction --dbname "$DATABASE_URL" ${file}`);
    } finally {
      fs.rmSync(file);
    }
  });
});

const pgUrl = process.env.TEST_DATABASE_URL;
const hasTools = ['pg_dump', 'pg_restore'].every((tool) => !spawnSync(tool, ['--version']).error);

// Runs with `npm run test:pg` where the client tools are installed (CI installs them with the server).
if (pgUrl && hasTools) {
  describe('backup and restore on PostgreSQL with pg_dump and pg_restore', () => {
    const name = `fb_test_cli_${randomBytes(6).toString('hex')}`;
    const url = Object.assign(new URL(pgUrl), { pathname: `/${name}` }).toString();
    const admin = async (statement: string) => {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(statement);
      await c.end();
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-cli-pg-'));
    afterAll(async () => {
      await admin(`drop database if exists ${name} with (force)`);
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('round-trips the data through a fresh database and refuses while others are connected', async () => {
      await admin(`create database ${name}`);
      const config = loadConfig({ DATABASE_URL: url });
      let handle = openPostgres(url, 2);
      await migrateToLatest(handle.db);
      const org = await buildOrganisation(handle.db, { name: 'Before the dump' });
      await buildUser(handle.db, { organisationId: org.id, email: 'kept@example.org' });

      const file = path.join(dir, 'fieldbook.dump');
      await backupCommand(config, { to: file }, out);
      expect(lines.at(-1)).toMatch(/pg_restore can read it/);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);

      await buildOrganisation(handle.db, { name: 'After the dump' });
      await handle.db.deleteFrom('users').execute();
      expect(await failure(restoreCommand(config, { from: file }, out))).toMatch(/other connection\(s\) to the database are open/);
      await handle.close();

      await restoreCommand(config, { from: file }, out);
      handle = openPostgres(url, 2);
      try {
        expect(await orgNames(handle)).toEqual(['Before the dump']);
        expect(await handle.db.selectFrom('users').select('email').execute()).toEqual([{ email: 'kept@example.org' }]);
        const migrations = await handle.db.selectFrom('kysely_migration' as never).selectAll().execute();
        expect(migrations.length).toBeGreaterThan(0);
      } finally {
        await handle.close();
      }
    });

    it('refuses a file that is not a pg_dump archive', async () => {
      const file = path.join(dir, 'not-a-dump.txt');
      fs.writeFileSync(file, 'hello');
      expect(await failure(restoreCommand(loadConfig({ DATABASE_URL: url }), { from: file }, out))).toMatch(/is not a pg_dump archive in custom format/);
    });
  });
}
