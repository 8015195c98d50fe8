import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || 'fieldbook-demo-2026';

export interface RunningServer {
  /** e.g. `http://127.0.0.1:41234` */
  url: string;
  dataDir: string;
  /** What the server wrote so far, for diagnosing a failed journey. */
  output: () => string;
  /** Stops the server and removes its data directory, unless asked to keep it. */
  stop: (options?: { keepData?: boolean }) => Promise<void>;
}

/** Asks the system for a port nobody is listening on. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Where global-setup.ts left a data directory already migrated and seeded with the demo workspace.
 * Each journey file starts from a copy of it, so the seed runs once per run, not once per file.
 */
export const TEMPLATE_ENV = 'FIELDBOOK_E2E_TEMPLATE';

/**
 * Starts the real server (`npx tsx server/src/main.ts`) on a free port with a fresh data directory:
 * a copy of the seeded template when there is one, else a new SQLite file, migrated and seeded with
 * the demo workspace on first start. It serves the web build in web/dist, which `npm run test:e2e`
 * makes first; nothing is built here.
 */
export async function startServer(options: { template?: boolean } = {}): Promise<RunningServer> {
  if (!fs.existsSync(path.join(ROOT, 'web/dist/index.html'))) {
    throw new Error('web/dist is missing: run the journeys with `npm run test:e2e`, which builds the web app first.');
  }
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-e2e-'));
  const template = process.env[TEMPLATE_ENV];
  if (options.template !== false && template && fs.existsSync(template)) fs.cpSync(template, dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    DEMO_PASSWORD,
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL; // always the embedded SQLite file, whatever the shell says

  let log = '';
  // Own process group, so that stopping reaches tsx's node child as well as npx.
  const child: ChildProcess = spawn('npx', ['tsx', 'server/src/main.ts'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const url = `http://127.0.0.1:${port}`;
  const stop = async ({ keepData = false }: { keepData?: boolean } = {}) => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (!keepData) fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 90_000;
  let done = false;
  void exited.then(() => (done = true));
  while (Date.now() < deadline) {
    if (done) {
      await stop();
      throw new Error(`The server exited before it was ready:\n${log}`);
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok && ((await res.json()) as { status?: string }).status === 'ok') {
        return { url, dataDir, output: () => log, stop };
      }
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`The server did not answer /api/health within 90 s:\n${log}`);
}
