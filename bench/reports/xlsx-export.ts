// `npm run bench -- xlsx-export`: issue 6's large-export requirement. On a SQLite database of
// 254,016 approved values (xlsx-world.ts, generated once into bench/.data/ and reused), queues the
// values export as an M&E officer would (POST /projects/:id/exports → a `values.export` job) and
// runs it with the product's job runner: values read in keyset pages, streamed into ExcelJS's
// streaming writer, the file stored in job_files. Budgets: under 60 s, peak memory under 512 MiB.
//
// The export runs in a child process of its own (this file with --child), so the peak resident
// memory it reports (the kernel's maxRSS, and process.memoryUsage().rss sampled every 50 ms) is the
// export's alone, not the generator's. The parent then reads the workbook back with ExcelJS's
// streaming reader and checks its rows. Results: bench/results/xlsx-export.json.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { openSqlite } from '../../server/src/db/database.js';
import { migrateToLatest } from '../../server/src/db/migrate.js';
import { migrations } from '../../server/src/db/migrations/index.js';
import { buildXlsxWorld, GENERATOR_VERSION, type XlsxWorld } from './xlsx-world.js';

const BUDGET_SECONDS = 60;
const BUDGET_MIB = 512;
const root = path.resolve(import.meta.dirname, '../..');
const DATA_DIR = path.join(root, 'bench/.data');
const migrationsKey = createHash('sha256').update(Object.keys(migrations).join(',')).digest('hex').slice(0, 8);
const FILE = path.join(DATA_DIR, `xlsx-export-g${GENERATOR_VERSION}-m${migrationsKey}.sqlite`);
const OUTPUT = path.join(DATA_DIR, 'xlsx-export-last.xlsx');
const log = (line: string) => process.stderr.write(`${line}\n`);
const mib = (bytes: number) => bytes / 1024 / 1024;

type Meta = { bench_meta: { key: string; value: string } };

/** The dataset, generated when missing (under another name, renamed when complete). */
async function ensureDataset(): Promise<XlsxWorld & { generatedSeconds: number | null }> {
  if (fs.existsSync(FILE)) {
    const handle = openSqlite(FILE);
    try {
      const row = await handle.db.withTables<Meta>().selectFrom('bench_meta').select('value').where('key', '=', 'world').executeTakeFirst();
      if (row) return { ...(JSON.parse(row.value) as XlsxWorld), generatedSeconds: null };
    } catch {
      // not a finished dataset: generate it again
    } finally {
      await handle.close();
    }
  }
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const partial = `${FILE}.partial`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(f, { force: true });
  log(`generating ${path.relative(root, FILE)}…`);
  const started = performance.now();
  const handle = openSqlite(partial);
  await migrateToLatest(handle.db);
  const world = await handle.db.transaction().execute((tx) => buildXlsxWorld(tx));
  const meta = handle.db.withTables<Meta>();
  await meta.schema.createTable('bench_meta').addColumn('key', 'text', (c) => c.primaryKey()).addColumn('value', 'text', (c) => c.notNull()).execute();
  await meta.insertInto('bench_meta').values({ key: 'world', value: JSON.stringify(world) }).execute();
  await sql`pragma wal_checkpoint(truncate)`.execute(handle.db);
  await handle.close();
  fs.renameSync(partial, FILE);
  const generatedSeconds = (performance.now() - started) / 1000;
  log(`  ${world.values.toLocaleString('en')} values in ${generatedSeconds.toFixed(1)} s`);
  return { ...world, generatedSeconds };
}

interface ChildResult {
  seconds: number;
  /** CPU time of the export's process (main thread and libuv's compression threads): what it costs on a quiet machine's core. */
  cpuSeconds: number;
  jobStatus: string;
  rows: number;
  bytes: number;
  maxRssMiB: number;
  sampledRssMiB: number;
  baselineRssMiB: number;
  /** process.memoryUsage() when the sampled RSS peaked, in MiB: what the memory was made of. */
  atPeakMiB: Record<string, number>;
  /** Progress percentages seen by a once-a-second poll while it ran (as the browser would). */
  progressSeen: number[];
}

/** In the child: queue the export as the M&E officer, run it with the job runner, measure. */
async function child(world: XlsxWorld) {
  const baseline = process.memoryUsage().rss;
  let sampled = baseline;
  let atPeak = process.memoryUsage();
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    if (m.rss > sampled) [sampled, atPeak] = [m.rss, m];
  }, 50);
  const { loadActor } = await import('../../server/src/modules/auth/auth.service.js');
  const { startValuesExport } = await import('../../server/src/modules/open-data/values.service.js');
  await import('../../server/src/modules/open-data/values-export.job.js');
  const { runPendingJobs } = await import('../../server/src/modules/jobs/jobs.service.js');
  const handle = openSqlite(FILE);
  const db = handle.db;
  try {
    // Leftovers of an earlier run would be claimed again: clear them.
    await db.deleteFrom('job_files').execute();
    await db.deleteFrom('jobs').execute();
    const ctx = { db, actor: await loadActor(db, world.userId), requestId: 'bench', ip: null, locale: 'fr' as const };
    const progressSeen: number[] = [];
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const job = await startValuesExport(ctx, world.projectId, { format: 'xlsx', includePending: false });
    const watcher = setInterval(() => void db.selectFrom('jobs').select('progress').where('id', '=', job.id).executeTakeFirst().then((j) => j && progressSeen.push(j.progress)), 1000);
    await runPendingJobs(db);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    clearInterval(watcher);
    clearInterval(sampler);
    const done = await db.selectFrom('jobs').select(['status', 'result_json', 'progress_note', 'error_code', 'error_message']).where('id', '=', job.id).executeTakeFirstOrThrow();
    if (done.status !== 'done') log(`  job ${done.status}: ${done.error_code} ${done.error_message}`);
    const file = await db.selectFrom('job_files').select('content').where('job_id', '=', job.id).executeTakeFirst();
    if (file) fs.writeFileSync(OUTPUT, file.content);
    const result: ChildResult = {
      seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      jobStatus: done.status,
      rows: Number((JSON.parse(done.result_json ?? '{}') as { rows?: number }).rows ?? 0),
      bytes: file?.content.length ?? 0,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
      sampledRssMiB: mib(sampled),
      baselineRssMiB: mib(baseline),
      atPeakMiB: Object.fromEntries(Object.entries(atPeak).map(([k, v]) => [k, Math.round(mib(v))])),
      progressSeen,
    };
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
  } finally {
    await handle.close();
  }
}

/** Rows of the written workbook, read back with the streaming reader (two header rows, then values). */
async function countRows(file: string): Promise<{ rows: number; hashtags: string[]; first: unknown[] }> {
  let rows = 0;
  let hashtags: string[] = [];
  let first: unknown[] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'emit' });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      rows++;
      if (rows === 2) hashtags = (row.values as unknown[]).slice(1) as string[];
      if (rows === 3) first = (row.values as unknown[]).slice(1);
    }
  }
  return { rows: rows - 2, hashtags, first };
}

async function main() {
  const world = await ensureDataset();
  log(`${world.values.toLocaleString('en')} approved values; exporting to XLSX in a child process (load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})…`);
  const r = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--child', JSON.stringify(world)], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) {
    log(r.stdout);
    throw new Error(`the export child failed (exit ${r.status})`);
  }
  const result = JSON.parse(line.slice(7)) as ChildResult;
  const check = await countRows(OUTPUT);
  const peakMiB = Math.max(result.maxRssMiB, result.sampledRssMiB);
  const ok = result.jobStatus === 'done' && check.rows === world.values && result.seconds < BUDGET_SECONDS && peakMiB < BUDGET_MIB;

  console.log(`  values exported        ${check.rows.toLocaleString('en')} rows read back (of ${world.values.toLocaleString('en')}), ${mib(result.bytes).toFixed(1)} MiB workbook`);
  console.log(`  time                   ${result.seconds.toFixed(1)} s (budget ${BUDGET_SECONDS} s); ${result.cpuSeconds.toFixed(1)} s of CPU`);
  console.log(`  peak memory (RSS)      ${peakMiB.toFixed(0)} MiB (budget ${BUDGET_MIB} MiB; ${result.baselineRssMiB.toFixed(0)} MiB before the export started)`);
  console.log(`  at the peak (MiB)       ${Object.entries(result.atPeakMiB).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`  load average           ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores${os.loadavg()[0]! > 1.5 ? ' — the machine was busy: timings are not those of an idle machine' : ''}`);
  console.log(`  progress seen          ${result.progressSeen.join(', ')} %`);
  console.log(`  hashtags               ${check.hashtags.slice(0, 6).join(' ')} …`);
  fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'bench/results/xlsx-export.json'),
    `${JSON.stringify({ at: new Date().toISOString(), values: world.values, generatedSeconds: world.generatedSeconds, ...result, rowsReadBack: check.rows, peakMiB, loadAverage: os.loadavg(), ok }, null, 2)}\n`,
  );
  if (!ok) process.exit(1);
}

if (process.argv[2] === '--child') await child(JSON.parse(process.argv[3]!) as XlsxWorld);
else await main();
