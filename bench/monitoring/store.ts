// Where the benchmark's databases live, and generating them when missing. The SQLite file is kept
// under bench/.data/ (gitignored) and PostgreSQL's in a database `fieldbook_bench`, both keyed by
// the generator version, the migrations and the scale, so reruns reuse them and a change rebuilds.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { type DatabaseHandle, openPostgres, openSqlite } from '../../server/src/db/database.js';
import { migrateToLatest } from '../../server/src/db/migrate.js';
import { migrations } from '../../server/src/db/migrations/index.js';
import { rebuildTotals } from '../../server/src/modules/analytics/facts.js';
import { writeFacts } from './facts.js';
import { FACTS_TARGET, GENERATOR_VERSION } from './shape.js';
import { type World, buildWorld } from './world.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Generation {
  key: string;
  at: string;
  facts: number;
  worldSeconds: number;
  factsSeconds: number;
  /** Rebuilding what the product derives from the facts (analytics_totals). */
  derivedSeconds: number;
  /** One-minute load average when generation ended. */
  loadAverage: number;
}

export interface BenchDatabase {
  handle: DatabaseHandle;
  world: World;
  generation: Generation;
  /** Whether this run generated it (false: reused from an earlier run). */
  fresh: boolean;
}

const root = path.resolve(import.meta.dirname, '../..');
export const DATA_DIR = path.join(root, 'bench/.data');
const migrationsKey = createHash('sha256').update(Object.keys(migrations).join(',')).digest('hex').slice(0, 8);
export const DATASET_KEY = `g${GENERATOR_VERSION}-m${migrationsKey}-f${FACTS_TARGET}`;
export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const PG_NAME = FACTS_TARGET === 10_000_000 ? 'fieldbook_bench' : `fieldbook_bench_${FACTS_TARGET}`;

type Meta = {
  bench_meta: { key: string; value: string };
};

async function readMeta(handle: DatabaseHandle): Promise<{ world: World; generation: Generation } | null> {
  try {
    const rows = await handle.db.withTables<Meta>().selectFrom('bench_meta').select(['key', 'value']).execute();
    const get = (k: string) => rows.find((r) => r.key === k)?.value;
    const generation = get('generation');
    const world = get('world');
    if (!generation || !world) return null;
    const g = JSON.parse(generation) as Generation;
    return g.key === DATASET_KEY ? { world: JSON.parse(world) as World, generation: g } : null;
  } catch {
    return null; // no bench_meta: not a finished benchmark database
  }
}

async function generate(handle: DatabaseHandle, log: (line: string) => void): Promise<{ world: World; generation: Generation }> {
  const t0 = performance.now();
  await migrateToLatest(handle.db);
  const world = await handle.db.transaction().execute((tx) => buildWorld(tx));
  const t1 = performance.now();
  log(`  dimensions written in ${((t1 - t0) / 1000).toFixed(1)} s; writing facts…`);
  const facts = await writeFacts(handle.db, world, log);
  const t2 = performance.now();
  // What the product derives from the facts (analytics_totals), by the product's own bulk rebuild.
  await rebuildTotals(handle.db);
  const t3 = performance.now();
  // PostgreSQL: the statistics and visibility map autovacuum would have made by the time anyone reads. SQLite: fold the WAL into the file.
  if (handle.dialect === 'postgres') await sql`vacuum analyze`.execute(handle.db);
  else await sql`pragma wal_checkpoint(truncate)`.execute(handle.db);
  const generation: Generation = {
    key: DATASET_KEY, at: new Date().toISOString(), facts, worldSeconds: (t1 - t0) / 1000, factsSeconds: (t2 - t1) / 1000, derivedSeconds: (t3 - t2) / 1000,
    loadAverage: os.loadavg()[0]!,
  };
  const meta = handle.db.withTables<Meta>();
  await meta.schema.createTable('bench_meta').addColumn('key', 'text', (c) => c.primaryKey()).addColumn('value', 'text', (c) => c.notNull()).execute();
  await meta.insertInto('bench_meta').values([{ key: 'world', value: JSON.stringify(world) }, { key: 'generation', value: JSON.stringify(generation) }]).execute();
  log(`  ${facts.toLocaleString('en')} facts in ${generation.factsSeconds.toFixed(0)} s; totals rebuilt in ${generation.derivedSeconds.toFixed(0)} s`);
  return { world, generation };
}

export async function openSqliteBench(log: (line: string) => void): Promise<BenchDatabase> {
  const file = path.join(DATA_DIR, `monitoring-${DATASET_KEY}.sqlite`);
  if (fs.existsSync(file)) {
    const handle = openSqlite(file);
    const meta = await readMeta(handle);
    if (meta) return { handle, ...meta, fresh: false };
    await handle.close();
  }
  // Generated under another name and renamed when complete, so an interrupted run leaves no half-made cache.
  const partial = `${file}.partial`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(f, { force: true });
  log(`SQLite: generating ${path.relative(root, file)}`);
  const building = openSqlite(partial);
  await generate(building, log);
  await building.close();
  fs.renameSync(partial, file);
  const handle = openSqlite(file);
  return { handle, ...(await readMeta(handle))!, fresh: true };
}

/** The benchmark database on PostgreSQL, made when missing or stale; null when no server answers. */
export async function openPostgresBench(log: (line: string) => void, poolSize: number): Promise<BenchDatabase | null> {
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch (err) {
    log(`PostgreSQL: skipped, no server answers at ${new URL(ADMIN_URL).host} (${err instanceof Error ? err.message : String(err)}).`);
    return null;
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${PG_NAME}`;
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [PG_NAME]);
    if (exists.rowCount) {
      const handle = openPostgres(url.toString(), poolSize);
      const meta = await readMeta(handle);
      if (meta) return { handle, ...meta, fresh: false };
      await handle.close();
      log(`PostgreSQL: ${PG_NAME} holds another dataset; recreating it`);
      await admin.query(`drop database ${PG_NAME} with (force)`);
    }
    await admin.query(`create database ${PG_NAME}`);
  } finally {
    await admin.end();
  }
  log(`PostgreSQL: generating database ${PG_NAME}`);
  const handle = openPostgres(url.toString(), poolSize);
  try {
    const meta = await generate(handle, log);
    return { handle, ...meta, fresh: true };
  } catch (err) {
    await handle.close();
    throw err;
  }
}

/** Bytes the database takes on disk (SQLite: the file and its WAL; PostgreSQL: the database and the fact table). */
export async function sizeOnDisk(b: BenchDatabase): Promise<{ total: number; facts: number | null }> {
  if (b.handle.dialect === 'sqlite') {
    const file = b.handle.sqlite!.name;
    const total = [file, `${file}-wal`].reduce((a, f) => a + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
    // dbstat is compiled into better-sqlite3's SQLite; it sums the pages of the table and its index.
    const facts = b.handle.sqlite!.prepare("select sum(pgsize) as bytes from dbstat where name like 'analytics_facts%' or name like 'sqlite_autoindex_analytics_facts%'").get() as { bytes: number | null };
    return { total, facts: facts.bytes };
  }
  const r = await sql<{ total: string; facts: string }>`select pg_database_size(current_database()) as total, pg_total_relation_size('analytics_facts') as facts`.execute(b.handle.db);
  return { total: Number(r.rows[0]!.total), facts: Number(r.rows[0]!.facts) };
}
