// `npm run bench [-- name…]`: runs the benchmarks, each as its own process so one cannot skew
// another's memory or timing. Benchmarks measure and write bench/results/<name>.json; they are
// not tests, though a benchmark with a budget exits non-zero when it is over it.
//
// To add one, write bench/<name>.(mjs|ts) and register it below.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

interface Benchmark {
  name: string;
  description: string;
  command: string[];
}

const BENCHMARKS: Benchmark[] = [
  {
    name: 'bundle-size',
    description: 'gzipped JavaScript on the sign-in path (entry chunk + static imports), budget 250 KiB',
    command: ['node', 'bench/bundle-size.mjs'],
  },
  {
    name: 'field-import',
    description: 'import of 1,000,000 values from CSV into one package: ≥ 20,000/s SQLite, ≥ 10,000/s PostgreSQL, peak RSS < 1 GiB',
    command: ['node', '--import', 'tsx', 'bench/field-import.ts'],
  },
  {
    name: 'monitoring',
    description:
      'pivot, IPTT and dashboard over 10,000,000 approved values (BENCH_FACTS for fewer), each beside a hand-written SQL query: pivot p50 ≤ 300 ms and p95 ≤ 1.5 s, IPTT p50 ≤ 300 ms, dashboard p95 ≤ 2 s',
    command: ['node', '--import', 'tsx', 'bench/monitoring/main.ts'],
  },
  {
    name: 'xlsx-export',
    description: 'values export of 254,016 approved values to XLSX as a background job (keyset pages into ExcelJS streaming): under 60 s, peak RSS under 512 MiB',
    command: ['node', '--import', 'tsx', 'bench/reports/xlsx-export.ts'],
  },
  {
    name: 'report-docx',
    description: 'donor report for a 50-indicator project-year with 12 monthly rounds and narratives: assembly + renderDocx p50 of 5 runs, budget 2 s',
    command: ['node', '--import', 'tsx', 'bench/reports/docx.ts'],
  },
  {
    name: 'report-event-loop',
    description: 'event-loop delay on the app server while a 50-indicator report renders to DOCX, XLSX and PDF, renderers on the main thread vs the render worker (measured, no budget)',
    command: ['node', '--import', 'tsx', 'bench/reports/event-loop.ts'],
  },
];

const root = path.resolve(import.meta.dirname, '..');
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !BENCHMARKS.some((b) => b.name === w));
if (unknown.length) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  process.exit(1);
}

const results: { name: string; ok: boolean; seconds: number }[] = [];
for (const b of BENCHMARKS.filter((x) => wanted.length === 0 || wanted.includes(x.name))) {
  console.log(`\n== ${b.name}: ${b.description}`);
  const started = performance.now();
  const r = spawnSync(b.command[0]!, b.command.slice(1), { cwd: root, stdio: 'inherit' });
  results.push({ name: b.name, ok: r.status === 0, seconds: (performance.now() - started) / 1000 });
}

console.log('');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'}  ${r.name.padEnd(20)} ${r.seconds.toFixed(1)} s`);
if (results.some((r) => !r.ok)) process.exit(1);
