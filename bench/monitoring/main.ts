// `npm run bench -- monitoring`: issue 5's scale requirement. On a generated dataset of 10,000,000
// approved values (BENCH_FACTS=1000000 for a quick run), on SQLite and on PostgreSQL, times warm
// (BENCH_WARMUPS runs, then BENCH_RUNS ≥ 20) a pivot of 5 indicators × 12 months × admin2 × sex ×
// age, the IPTT of the 50-indicator project over 5 years, and a dashboard's requests, through the
// product's API; prints each next to the same aggregate computed by a hand-written SQL query on
// the same database, as a ratio, and checks that both give the same numbers.
//
// Each database runs in its own child process (this file with --child). BENCH_DB=sqlite|postgres
// runs one; BENCH_SCENARIOS=pivot,iptt limits the scenarios; BENCH_MAX_SECONDS caps a figure's
// timed runs (measure.ts); BENCH_WAIT_IDLE=<minutes> waits for a load average under 1.5 before
// measuring; BENCH_LOG=1 logs the app's errors. Results: bench/results/monitoring.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { MAX_SECONDS, RUNS, WARMUPS } from './measure.js';
import { runScenarios, type ScenarioResult } from './scenarios.js';
import { expectedFacts, FACTS_TARGET } from './shape.js';
import { type BenchDatabase, type Dialect, DATASET_KEY, type Generation, openPostgresBench, openSqliteBench, sizeOnDisk } from './store.js';

const root = path.resolve(import.meta.dirname, '../..');
const IDLE_LOAD = 1.5;
const log = (line: string) => process.stderr.write(`${line}\n`);

interface ChildResult {
  dialect: Dialect;
  version: string;
  generation: Generation;
  generatedNow: boolean;
  bytes: { total: number; facts: number | null };
  loadBefore: number[];
  loadAfter: number[];
  scenarios: ScenarioResult[];
}

async function waitForIdle() {
  const minutes = Number(process.env.BENCH_WAIT_IDLE ?? 0);
  const until = Date.now() + minutes * 60_000;
  while (os.loadavg()[0]! >= IDLE_LOAD && Date.now() < until) {
    log(`  waiting for an idle machine (load ${os.loadavg()[0]!.toFixed(2)} ≥ ${IDLE_LOAD})…`);
    await new Promise((r) => setTimeout(r, 30_000));
  }
  if (os.loadavg()[0]! >= IDLE_LOAD) log(`  !! the machine is busy (load ${os.loadavg()[0]!.toFixed(2)}): timings are not those of an idle machine`);
}

async function child(dialect: Dialect) {
  // The app's own pool size on PostgreSQL (openDatabase), so the dashboard's parallel requests get their connections.
  const b: BenchDatabase | null = dialect === 'sqlite' ? await openSqliteBench(log) : await openPostgresBench(log, 10);
  if (!b) {
    process.stdout.write(`RESULT ${JSON.stringify({ dialect, skipped: true })}\n`);
    return;
  }
  try {
    log(`${dialect}: ${b.generation.facts.toLocaleString('en')} facts (${b.fresh ? 'generated now' : `generated ${b.generation.at}`})`);
    const version =
      dialect === 'sqlite'
        ? (await sql<{ v: string }>`select sqlite_version() as v`.execute(b.handle.db)).rows[0]!.v
        : (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(b.handle.db)).rows[0]!.v.split(' ')[0]!;
    const bytes = await sizeOnDisk(b);
    await waitForIdle();
    const loadBefore = os.loadavg();
    const only = (process.env.BENCH_SCENARIOS ?? '').split(',').filter(Boolean);
    const scenarios = await runScenarios(b, log, only);
    const result: ChildResult = { dialect, version, generation: b.generation, generatedNow: b.fresh, bytes, loadBefore, loadAfter: os.loadavg(), scenarios };
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
  } finally {
    await b.handle.close();
  }
}

/** The commit measured, and whether the engine's or the contract's files had changes not yet committed. */
function codeState() {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout.trim();
  const dirty = git('status', '--porcelain', '--', 'server/src', 'shared/src').split('\n').filter(Boolean).length;
  return { commit: git('rev-parse', '--short', 'HEAD'), uncommittedServerFiles: dirty };
}

function machine() {
  const release = fs.existsSync('/etc/os-release') ? /PRETTY_NAME="([^"]+)"/.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1] : undefined;
  const pkg = (name: string) => (JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    ramGiB: Math.round(os.totalmem() / 1024 ** 3),
    os: release ?? `${os.type()} ${os.release()}`,
    node: process.version,
    betterSqlite3: pkg('better-sqlite3'),
    pg: pkg('pg'),
    kysely: pkg('kysely'),
  };
}

const ms = (n: number) => `${n >= 100 ? n.toFixed(0) : n.toFixed(1)} ms`;
const target = (s: ScenarioResult) => [s.target.p50 !== undefined ? `p50 ≤ ${s.target.p50}` : '', s.target.p95 !== undefined ? `p95 ≤ ${s.target.p95}` : ''].filter(Boolean).join(', ');

function report(r: ChildResult): boolean {
  const g = r.generation;
  console.log(
    `\n${r.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} ${r.version}: ${g.facts.toLocaleString('en')} facts, generated in ${(g.worldSeconds + g.factsSeconds + g.derivedSeconds).toFixed(0)} s ` +
      `(facts ${g.factsSeconds.toFixed(0)} s, totals ${g.derivedSeconds.toFixed(0)} s, load ${g.loadAverage.toFixed(1)})${r.generatedNow ? '' : ` on ${g.at.slice(0, 10)}`}; ${(r.bytes.total / 1024 ** 2).toFixed(0)} MiB on disk` +
      `${r.bytes.facts ? ` (facts and their index ${(r.bytes.facts / 1024 ** 2).toFixed(0)} MiB)` : ''}; load ${r.loadBefore[0]!.toFixed(2)} → ${r.loadAfter[0]!.toFixed(2)}`,
  );
  let ok = true;
  for (const s of r.scenarios) {
    const agree = s.agreement.mismatches.length === 0;
    const runs = (t: { runs: number }) => (t.runs < RUNS ? ` (${t.runs} runs: time cap)` : '');
    ok &&= s.withinTarget && agree;
    console.log(
      `${s.withinTarget ? 'ok  ' : 'SLOW'} ${s.name.padEnd(10)} product p50 ${ms(s.product.p50).padStart(9)} p95 ${ms(s.product.p95).padStart(9)}${runs(s.product)} (target ${target(s)}) │ ` +
        `hand SQL p50 ${ms(s.hand.p50).padStart(9)} p95 ${ms(s.hand.p95).padStart(9)}${runs(s.hand)} │ ratio ×${s.ratio.toFixed(2)} │ ` +
        `${agree ? `${s.agreement.compared.toLocaleString('en')} figures agree` : `!! ${s.agreement.mismatches.length} OF ${s.agreement.compared.toLocaleString('en')} FIGURES DIFFER`} │ ${(s.bytes / 1024).toFixed(0)} KiB`,
    );
    for (const m of s.agreement.mismatches.slice(0, 5)) console.log(`     !! ${m.key}: product ${m.product}, hand-written SQL ${m.hand}`);
  }
  return ok;
}

async function main() {
  const m = machine();
  const code = codeState();
  const dialects = (process.env.BENCH_DB ? [process.env.BENCH_DB] : ['sqlite', 'postgres']) as Dialect[];
  console.log(
    `Dataset ${DATASET_KEY}: ${expectedFacts().toLocaleString('en')} facts planned (BENCH_FACTS=${FACTS_TARGET}); ${WARMUPS} warm-up runs, then ${RUNS} timed runs per figure (at most ${MAX_SECONDS} s each once 5 are done).\n` +
      `Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, ${m.os}; Node.js ${m.node}; load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n` +
      `Code: ${code.commit}${code.uncommittedServerFiles ? ` with ${code.uncommittedServerFiles} uncommitted file(s) under server/src and shared/src` : ''}`,
  );
  const results: ChildResult[] = [];
  let ok = true;
  for (const dialect of dialects) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench/monitoring/main.ts'), '--child', dialect], {
      cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
    });
    const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    if (r.status !== 0 || !line) {
      console.log(`FAIL ${dialect}: the benchmark process ended with ${r.status}\n${r.stdout}`);
      ok = false;
      continue;
    }
    const parsed = JSON.parse(line.slice(7)) as ChildResult | { dialect: Dialect; skipped: true };
    if ('skipped' in parsed) continue;
    results.push(parsed);
    ok = report(parsed) && ok;
  }
  fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'bench/results/monitoring.json'),
    `${JSON.stringify({ at: new Date().toISOString(), dataset: DATASET_KEY, factsTarget: FACTS_TARGET, warmups: WARMUPS, runs: RUNS, maxSeconds: MAX_SECONDS, machine: m, code, results }, null, 2)}\n`,
  );
  if (!ok) process.exit(1);
}

if (process.argv[2] === '--child') await child(process.argv[3] as Dialect);
else await main();
