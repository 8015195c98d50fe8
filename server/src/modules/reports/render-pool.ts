import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReportDocument } from './document.types.js';
import type { RenderFormat, RenderReply, RenderRequest } from './render-worker.js';

/**
 * Renders report files on a worker thread (render-worker.ts), so the seconds of CPU a large DOCX or
 * PDF takes never hold up other people's requests on the app server's event loop.
 *
 * One long-lived worker, started on the first render and reused by later ones (a process runs its
 * jobs one at a time). It does not keep the process alive while idle, and the app closes it
 * (`closeRenderPool`, on the reports module's onClose). A worker that crashes, exits or takes longer
 * than `RENDER_TIMEOUT_MS` fails the renders it had in hand with an error saying so, and the next
 * render starts a fresh one.
 *
 * The worker runs TypeScript as the server does, through tsx. Node 20 does not apply module hooks
 * given in a Worker's execArgv (nodejs/node#47747), so the worker starts from a few lines of
 * JavaScript that register tsx's hooks in its own thread — with the repository's tsconfig, for the
 * `@shared/…` alias whatever the working directory — and then import render-worker.ts. This also
 * works under Vitest, whose own module transforms do not reach worker threads.
 */

export type { RenderFormat } from './render-worker.js';

/** Longer than any real render (a 50-indicator PDF takes 1–3 s); past it the job's lease runs out anyway. */
export const RENDER_TIMEOUT_MS = 2 * 60_000;

const ENTRY = new URL('./render-worker.ts', import.meta.url).href;
const TSCONFIG = fileURLToPath(new URL('../../../../tsconfig.json', import.meta.url));
const TSX_API = import.meta.resolve('tsx/esm/api');
const BOOT = `import(${JSON.stringify(TSX_API)})
  .then(({ register }) => { register({ tsconfig: ${JSON.stringify(TSCONFIG)} }); return import(${JSON.stringify(ENTRY)}); })`;

/** The parent's Node options without tsx's own hooks (`tsx` adds them; the boot script registers them in the worker). */
function workerExecArgv(): string[] {
  const out: string[] = [];
  const args = process.execArgv;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (['--require', '-r', '--import', '--loader', '--experimental-loader'].includes(arg) && args[i + 1]?.includes('tsx')) i++;
    else if (/^--(require|import|loader|experimental-loader)=.*tsx/.test(arg)) continue;
    else out.push(arg);
  }
  return out;
}

interface Pending {
  format: RenderFormat;
  resolve: (file: Buffer) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}
interface Renderer {
  worker: Worker;
  pending: Map<number, Pending>;
  closed: boolean;
}

let current: Renderer | null = null;
let nextId = 1;

function start(): Renderer {
  const worker = new Worker(BOOT, { eval: true, name: 'report-renderer', execArgv: workerExecArgv() });
  const r: Renderer = { worker, pending: new Map(), closed: false };
  worker.unref();
  worker.on('message', (reply: RenderReply) => {
    const p = r.pending.get(reply.id);
    if (!p) return;
    settled(r, reply.id);
    if (reply.ok) p.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
    else {
      const cause = Object.assign(new Error(reply.message), reply.stack ? { stack: reply.stack } : {});
      p.reject(new Error(`Rendering the report as ${p.format.toUpperCase()} failed: ${reply.message}`, { cause }));
    }
  });
  worker.on('error', (err: unknown) => void retire(r, new Error(`The report renderer failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err })));
  worker.on('messageerror', (err) => void retire(r, new Error(`The report renderer sent an unreadable answer: ${err.message}`, { cause: err })));
  worker.on('exit', (code) => void retire(r, new Error(`The report renderer stopped (exit code ${code}) before it finished`)));
  return r;
}

function settled(r: Renderer, id: number) {
  clearTimeout(r.pending.get(id)?.timer);
  r.pending.delete(id);
  // Idle, the worker must not keep the process alive; busy, it must (the caller is waiting on it).
  if (r.pending.size === 0) r.worker.unref();
}

/** Fails everything the worker had in hand and stops it; the next render starts a new one. */
async function retire(r: Renderer, err: Error): Promise<void> {
  if (current === r) current = null;
  const pending = [...r.pending.values()];
  r.pending.clear();
  for (const p of pending) {
    clearTimeout(p.timer);
    p.reject(err);
  }
  if (r.closed) return;
  r.closed = true;
  await r.worker.terminate();
}

/** Renders one file of the document on the worker thread and returns its bytes. */
export function renderInWorker(format: RenderFormat, document: ReportDocument, opts: { timeoutMs?: number } = {}): Promise<Buffer> {
  const r = (current ??= start());
  const id = nextId++;
  return new Promise<Buffer>((resolve, reject) => {
    const timeoutMs = opts.timeoutMs ?? RENDER_TIMEOUT_MS;
    const timer = setTimeout(() => void retire(r, new Error(`Rendering the report as ${format.toUpperCase()} took longer than ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    timer.unref();
    r.pending.set(id, { format, resolve, reject, timer });
    r.worker.ref();
    try {
      r.worker.postMessage({ id, format, document } satisfies RenderRequest);
    } catch (err) {
      // A document that cannot be copied to the worker (it never can: it is plain data) fails this render only.
      settled(r, id);
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}

/** Stops the worker, failing any render still in hand. Safe to call when none was started. */
export async function closeRenderPool(): Promise<void> {
  if (current) await retire(current, new Error('The report renderer was closed before it finished'));
}
