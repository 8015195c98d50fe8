import fs from 'node:fs';
import { startServer, TEMPLATE_ENV } from './server.js';

/**
 * Seeds the demo workspace once for the whole run: a server starts on a fresh data directory,
 * migrates and seeds it, and stops cleanly (closing SQLite checkpoints the write-ahead log). The
 * journeys' servers then start from copies of that directory (startServer), so each file still
 * gets its own database without paying for the seed again. Without the built web app there is
 * nothing to seed for: startServer's own message says how to build it.
 */
export default async function setup(): Promise<() => void> {
  const server = await startServer({ template: false });
  await server.stop({ keepData: true });
  // Workers are started after global setup and inherit this environment.
  process.env[TEMPLATE_ENV] = server.dataDir;
  return () => fs.rmSync(server.dataDir, { recursive: true, force: true });
}
