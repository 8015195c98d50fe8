// Bundle size of the sign-in path: the gzipped JavaScript a browser must load before it can show
// the sign-in page and then the home page — the entry chunk plus everything it imports statically,
// transitively. Dynamic imports (pages loaded on navigation, locale files) are not counted.
//
//   node bench/bundle-size.mjs              build the web app, measure, check the budget
//   node bench/bundle-size.mjs --no-build   measure the existing web/dist (CI: the e2e step just built it)
//   node bench/bundle-size.mjs --no-build --dist DIR   measure another build output
//
// Writes bench/results/bundle-size.json and exits 1 above the budget.
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import zlib from 'node:zlib';

/** The budget from the issue: 250 KiB of gzipped JavaScript before the home page shows. */
const BUDGET_BYTES = 250 * 1024;

const root = path.resolve(import.meta.dirname, '..');
const distArg = process.argv.indexOf('--dist');
const dist = distArg > 0 ? path.resolve(process.argv[distArg + 1] ?? '') : path.join(root, 'web/dist');
const resultFile = path.join(root, 'bench/results/bundle-size.json');

// gzip at zlib's default level 6, what reverse proxies are usually set to.
const gzipSize = (buf) => zlib.gzipSync(buf, { level: 6 }).length;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

/** Entry JS files and their static imports, from Vite's manifest. */
function fromManifest(manifest) {
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  if (entries.length === 0) throw new Error('the Vite manifest has no entry chunk');
  const js = new Set();
  const css = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the Vite manifest has no chunk "${key}"`);
    if (js.has(chunk.file)) return;
    js.add(chunk.file);
    for (const file of chunk.css ?? []) css.add(file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key] of entries) visit(key);
  return { js: [...js], css: [...css] };
}

/** Without a manifest: the module script and the modulepreload links Vite writes for static imports. */
function fromIndexHtml(html) {
  const attr = (re) => [...html.matchAll(re)].map((m) => m[1].replace(/^\//, ''));
  const js = [...attr(/<script[^>]*type="module"[^>]*src="([^"]+)"/g), ...attr(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)];
  const css = attr(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g);
  if (js.length === 0) throw new Error('index.html has no module script');
  return { js: [...new Set(js)], css: [...new Set(css)] };
}

function measure(files) {
  return files
    .map((file) => {
      const buf = fs.readFileSync(path.join(dist, file));
      return { file, bytes: buf.length, gzipBytes: gzipSize(buf) };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}

function main() {
  if (!process.argv.includes('--no-build')) {
    const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  const manifestFile = path.join(dist, '.vite/manifest.json');
  const indexFile = path.join(dist, 'index.html');
  if (!fs.existsSync(indexFile)) throw new Error(`${indexFile} not found: run \`npm run build\` first`);
  const source = fs.existsSync(manifestFile) ? 'manifest' : 'index.html';
  const files =
    source === 'manifest' ? fromManifest(JSON.parse(fs.readFileSync(manifestFile, 'utf8'))) : fromIndexHtml(fs.readFileSync(indexFile, 'utf8'));

  const js = measure(files.js);
  const css = measure(files.css);
  const total = js.reduce((n, c) => n + c.gzipBytes, 0);
  const raw = js.reduce((n, c) => n + c.bytes, 0);

  const rows = [
    ...js.map((c) => [c.file, c.bytes, c.gzipBytes]),
    ['JavaScript total', raw, total],
    ...css.map((c) => [`${c.file} (CSS, not counted)`, c.bytes, c.gzipBytes]),
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const line = (a, b, c) => `${a.padEnd(width)}  ${b.padStart(11)}  ${c.padStart(11)}`;
  console.log(`Sign-in path bundle (entry + static imports, from ${source})`);
  console.log(line('file', 'raw', 'gzip'));
  for (const [label, bytes, gz] of rows) console.log(line(label, kib(bytes), kib(gz)));
  const within = total <= BUDGET_BYTES;
  console.log(`Budget ${kib(BUDGET_BYTES)} gzipped: ${within ? 'within' : 'OVER'} (${((total / BUDGET_BYTES) * 100).toFixed(0)}%)`);

  fs.mkdirSync(path.dirname(resultFile), { recursive: true });
  const result = { measuredAt: new Date().toISOString(), source, budgetBytes: BUDGET_BYTES, gzipBytes: total, rawBytes: raw, withinBudget: within, js, css };
  fs.writeFileSync(resultFile, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`Wrote ${path.relative(root, resultFile)}`);
  if (!within) process.exit(1);
}

try {
  main();
} catch (err) {
  console.error(`bundle-size: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
