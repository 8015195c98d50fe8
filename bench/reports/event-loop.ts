// `npm run bench -- report-event-loop`: how long the app server's event loop is held up while the
// report job renders the 50-indicator, 12-month project-year (render.fixtures' largeReportDocument,
// the shape bench/reports/docx.ts builds from a database) to DOCX, XLSX and PDF: once with the
// renderers called on the main thread (as the job did before), once through the render worker (as it
// does now). The event-loop delay (monitorEventLoopDelay, 5 ms resolution) is what every other
// request waits on top of its own work. Measured, not budgeted: it prints and records the figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ReportDocument } from '../../server/src/modules/reports/document.types.js';
import { renderDocx } from '../../server/src/modules/reports/render-docx.js';
import { renderPdf } from '../../server/src/modules/reports/render-pdf.js';
import { closeRenderPool, renderInWorker, type RenderFormat } from '../../server/src/modules/reports/render-pool.js';
import { renderXlsx } from '../../server/src/modules/reports/render-xlsx.js';
import { largeReportDocument } from '../../server/src/modules/reports/render.fixtures.js';

const RUNS = 3;
const FORMATS: RenderFormat[] = ['docx', 'xlsx', 'pdf'];
const root = path.resolve(import.meta.dirname, '../..');
const IN_PROCESS: Record<RenderFormat, (doc: ReportDocument) => Promise<Buffer>> = { docx: renderDocx, xlsx: renderXlsx, pdf: renderPdf };

interface Run {
  mode: 'main thread' | 'worker';
  wallMs: number;
  maxDelayMs: number;
  p99DelayMs: number;
  bytes: number;
}

async function measure(mode: Run['mode'], doc: ReportDocument): Promise<Run> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  const t0 = performance.now();
  let bytes = 0;
  for (const format of FORMATS) bytes += (mode === 'worker' ? await renderInWorker(format, doc) : await IN_PROCESS[format](doc)).length;
  const wallMs = performance.now() - t0;
  // A loop held up to the end records the hold-up only when its timer finally runs: let it run.
  await sleep(50);
  h.disable();
  return { mode, wallMs, maxDelayMs: h.max / 1e6, p99DelayMs: h.percentile(99) / 1e6, bytes };
}

const fmt = (r: Run) =>
  `${r.mode.padEnd(11)} DOCX+XLSX+PDF in ${r.wallMs.toFixed(0)} ms wall; event loop held up at most ${r.maxDelayMs.toFixed(0)} ms (p99 ${r.p99DelayMs.toFixed(0)} ms), ${Math.round(r.bytes / 1024)} KiB`;

async function main() {
  const doc = largeReportDocument(50, 12);
  // Warm both paths first (module loading; the worker's start and its first compilation), and show them.
  // The first worker render also starts the worker: its start is off the main thread too.
  for (const mode of ['main thread', 'worker'] as const) console.log(`cold:  ${fmt(await measure(mode, doc))}`);
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    for (const mode of ['main thread', 'worker'] as const) {
      const r = await measure(mode, doc);
      runs.push(r);
      console.log(`run ${i + 1}: ${fmt(r)}`);
    }
  }
  await closeRenderPool();
  const worst = (mode: Run['mode']) => Math.max(...runs.filter((r) => r.mode === mode).map((r) => r.maxDelayMs));
  console.log(`main thread: worst event-loop delay ${worst('main thread').toFixed(0)} ms; worker: ${worst('worker').toFixed(0)} ms; load average ${os.loadavg()[0]!.toFixed(1)}, ${os.availableParallelism()} cores`);
  fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'bench/results/report-event-loop.json'),
    `${JSON.stringify({ at: new Date().toISOString(), node: process.version, loadAverage: os.loadavg()[0], runs }, null, 2)}\n`,
  );
}

await main();
