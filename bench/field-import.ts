// `npm run bench -- field-import`: imports a 1,000,000-value CSV into one package, on SQLite (a file
// database with WAL and synchronous=FULL, as in production) and on PostgreSQL (a fresh database;
// skipped when none answers), and reports values per second and the import's peak RSS next to the
// targets: ≥ 20,000 values/s on SQLite, ≥ 10,000 on PostgreSQL, peak RSS < 1 GiB.
//
// Each import runs in its own child process (this file with --child), so its peak RSS is its own.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type DatabaseHandle, openPostgres, openSqlite } from '../server/src/db/database.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { nowIso } from '../server/src/lib/clock.js';
import { newId } from '../server/src/lib/ids.js';
import { SYSTEM_ACTOR } from '../server/src/modules/access/actor.js';
import { importValues } from '../server/src/modules/reporting/import/import.service.js';
import { buildCategory, buildIndicator, buildOrganisation, buildProgramme, buildProject, buildResultNode } from '../server/src/test/factories.js';
import { buildRound } from '../server/src/test/reporting-factories.js';

/** FIELD_IMPORT_INDICATORS makes a smaller run (for profiling); the benchmark proper uses 91. */
const INDICATORS = Number(process.env.FIELD_IMPORT_INDICATORS ?? 91);
const LOCATIONS = 1_000;
const SEXES = ['f', 'm'];
const AGES: [number, number | null][] = [[0, 4], [5, 17], [18, 49], [50, 59], [60, null]];
/** 91 indicators × 1,000 places × (total + 2 × 5 combinations) = 1,001,000 values. */
const VALUES = INDICATORS * LOCATIONS * (1 + SEXES.length * AGES.length);
const TARGETS = { sqlite: 20_000, postgres: 10_000, peakRssBytes: 1024 ** 3 };
const root = path.resolve(import.meta.dirname, '..');

interface ChildResult {
  rows: number;
  created: number;
  seconds: number;
  valuesPerSecond: number;
  /** CPU time of the import process: on a machine shared with other work, values per CPU second say what one free core does. */
  cpuSeconds: number;
  valuesPerCpuSecond: number;
  peakRssBytes: number;
}

const indicatorCode = (i: number) => `BI${String(i).padStart(3, '0')}`;
const pcode = (l: number) => `BN${String(l).padStart(5, '0')}`;
const ageCode = ([min, max]: [number, number | null]) => `${min}-${max ?? ''}`;

/** The project, its indicators (sex × age), the places and one package reporting for all of them. */
async function buildWorld(handle: DatabaseHandle): Promise<string> {
  const db = handle.db;
  const org = await buildOrganisation(db);
  const programme = await buildProgramme(db, { organisationId: org.id });
  const project = await buildProject(db, { programmeId: programme.id, leadOrganisationId: org.id });
  const node = await buildResultNode(db, { projectId: project.id });
  const sex = await buildCategory(db, { organisationId: org.id, code: 'sex', options: SEXES });
  const age = await buildCategory(db, { organisationId: org.id, code: 'age', ages: AGES });
  const indicatorIds: string[] = [];
  for (let i = 1; i <= INDICATORS; i++) {
    const ind = await buildIndicator(db, { nodeId: node.id, code: indicatorCode(i) });
    indicatorIds.push(ind.id);
  }
  await db
    .insertInto('indicator_disaggregations')
    .values(indicatorIds.flatMap((id) => [{ indicator_id: id, category_id: sex.id, position: 0 }, { indicator_id: id, category_id: age.id, position: 1 }]))
    .execute();
  const now = nowIso();
  const places = Array.from({ length: LOCATIONS }, (_, l) => ({
    id: newId(), parent_id: null, level: 'site', pcode: pcode(l + 1), name: `Site ${l + 1}`, names_json: '{}', geometry_json: null, created_at: now, updated_at: now,
  }));
  for (let i = 0; i < places.length; i += 500) await db.insertInto('locations').values(places.slice(i, i + 500)).execute();
  const { submissions } = await buildRound(db, { projectId: project.id, reporters: [{ organisationId: org.id, locationIds: places.map((p) => p.id) }] });
  return submissions[0]!.id;
}

/** The CSV, written as it is generated; French style uses semicolons and decimal commas. */
async function writeCsv(file: string, french: boolean) {
  const sep = french ? ';' : ',';
  const out = fs.createWriteStream(file);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(['indicator_code', 'location_pcode', 'disaggregation_codes', 'value', 'comment'].join(sep) + '\n');
  const combos = SEXES.flatMap((s) => AGES.map((a) => `sex=${s}|age=${ageCode(a)}`));
  for (let i = 1; i <= INDICATORS; i++) {
    const lines: string[] = [];
    for (let l = 1; l <= LOCATIONS; l++) {
      // Each combination holds a quarter-unit value; the total is their sum, so no warnings.
      const parts = combos.map((_, k) => ((i + l + k) % 40) + 0.25);
      const total = parts.reduce((a, b) => a + b, 0);
      const num = (v: number) => (french ? String(v).replace('.', ',') : String(v));
      lines.push([indicatorCode(i), pcode(l), '', num(total), l % 50 === 0 ? 'vérifié' : ''].join(sep));
      combos.forEach((c, k) => lines.push([indicatorCode(i), pcode(l), c, num(parts[k]!), ''].join(sep)));
    }
    await write(lines.join('\n') + '\n');
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

/** In the child: one import, timed, with the process's own peak RSS. */
async function child(dialect: 'sqlite' | 'postgres', target: string, submissionId: string, csv: string) {
  const handle = dialect === 'sqlite' ? openSqlite(target) : openPostgres(target, 2);
  try {
    const ctx = { db: handle.db, actor: SYSTEM_ACTOR, requestId: 'bench', ip: null, locale: 'en' as const };
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const { body } = await importValues(ctx, submissionId, { fileName: path.basename(csv), path: csv }, { dryRun: false });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const result: ChildResult = {
      rows: body.rows, created: body.created, seconds, valuesPerSecond: Math.round(body.rows / seconds), cpuSeconds, valuesPerCpuSecond: Math.round(body.rows / cpuSeconds),
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
    };
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
  } finally {
    await handle.close();
  }
}

function runChild(dialect: 'sqlite' | 'postgres', target: string, submissionId: string, csv: string): ChildResult {
  // FIELD_IMPORT_PROFILE=<dir> writes a CPU profile of each import there.
  const profile = process.env.FIELD_IMPORT_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.FIELD_IMPORT_PROFILE}`] : [];
  const r = spawnSync(process.execPath, [...profile, '--import', 'tsx', path.join(root, 'bench/field-import.ts'), '--child', dialect, target, submissionId, csv], {
    cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (r.status !== 0 || !line) throw new Error(`The ${dialect} import failed:\n${r.stdout}\n${r.stderr}`);
  return JSON.parse(line.slice(7)) as ChildResult;
}

async function postgresTarget(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `fb_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
    await admin.query(`create database ${name}`);
  } catch (err) {
    console.log(`PostgreSQL: skipped, no server answers at ${new URL(url).host} (${err instanceof Error ? err.message : String(err)}).`);
    return null;
  } finally {
    await admin.end().catch(() => undefined);
  }
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  return {
    url: dbUrl.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-bench-'));
  const csv = path.join(dir, 'values.csv');
  const frenchCsv = path.join(dir, 'values-fr.csv');
  const results: Record<string, unknown> = { values: VALUES, targets: TARGETS, at: new Date().toISOString(), node: process.version };
  let ok = true;
  try {
    await writeCsv(csv, false);
    // FIELD_IMPORT_FRENCH=1 also imports the same values as a French Excel CSV (semicolons, decimal commas) into SQLite.
    const french = process.env.FIELD_IMPORT_FRENCH === '1';
    if (french) await writeCsv(frenchCsv, true);
    console.log(`CSV: ${VALUES.toLocaleString('en')} values, ${(fs.statSync(csv).size / 1024 / 1024).toFixed(1)} MB`);

    const report = (label: string, r: ChildResult, target: number) => {
      const good = r.valuesPerSecond >= target && r.peakRssBytes < TARGETS.peakRssBytes && r.created === r.rows && r.rows === VALUES;
      ok &&= good;
      console.log(
        `${good ? 'ok  ' : 'FAIL'} ${label.padEnd(22)} ${r.valuesPerSecond.toLocaleString('en').padStart(8)} values/s (target ≥ ${target.toLocaleString('en')}), ` +
          `${r.seconds.toFixed(1)} s (${r.valuesPerCpuSecond.toLocaleString('en')} values per CPU second), peak RSS ${(r.peakRssBytes / 1024 / 1024).toFixed(0)} MiB (target < 1024 MiB), ${r.created.toLocaleString('en')} created`,
      );
    };

    const sqliteRuns: [string, string][] = [['sqlite', csv], ...(french ? [['sqlite (French CSV)', frenchCsv] as [string, string]] : [])];
    for (const [label, file] of sqliteRuns) {
      const dbFile = path.join(dir, `${label.replace(/\W+/g, '-')}.sqlite`);
      const handle = openSqlite(dbFile);
      await migrateToLatest(handle.db);
      const submissionId = await buildWorld(handle);
      await handle.close();
      const r = runChild('sqlite', dbFile, submissionId, file);
      results[label] = r;
      report(label, r, TARGETS.sqlite);
    }

    const pgTarget = await postgresTarget();
    if (pgTarget) {
      try {
        const handle = openPostgres(pgTarget.url, 2);
        await migrateToLatest(handle.db);
        const submissionId = await buildWorld(handle);
        await handle.close();
        const r = runChild('postgres', pgTarget.url, submissionId, csv);
        results.postgres = r;
        report('postgres', r, TARGETS.postgres);
      } finally {
        await pgTarget.drop();
      }
    } else {
      results.postgres = 'skipped: no PostgreSQL server';
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench/results/field-import.json'), `${JSON.stringify(results, null, 2)}\n`);
  if (!ok) process.exit(1);
}

if (process.argv[2] === '--child') {
  const [, , , dialect, target, submissionId, file] = process.argv;
  await child(dialect as 'sqlite' | 'postgres', target!, submissionId!, file!);
} else {
  await main();
}
