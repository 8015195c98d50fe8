import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@shared': path.resolve(import.meta.dirname, 'shared/src') };

/**
 * Three suites: `unit` (pure logic, no database), `db` (services and routes on a real
 * database: in-memory SQLite, or PostgreSQL with TEST_DATABASE_URL) and `e2e`
 * (Playwright driving Debian's Chromium against the built app).
 *
 * Vitest's default is one worker fewer than there are cores, which is a single worker on CI's
 * two-core machines: every file then runs in turn while a core idles. Database tests spend much of
 * their time waiting on the database, so at least two workers pay off even there. The journeys
 * keep to one file at a time (fileParallelism below). FIELDBOOK_TEST_WORKERS overrides the count.
 */
const maxWorkers = Number(process.env.FIELDBOOK_TEST_WORKERS) || Math.max(2, os.availableParallelism() - 1);

export default defineConfig({
  resolve: { alias },
  test: {
    maxWorkers,
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'web/src/**/*.test.ts'], exclude: ['**/*.db.test.ts'] } },
      { resolve: { alias }, test: { name: 'db', include: ['server/src/**/*.db.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 } },
      { resolve: { alias }, test: { name: 'e2e', include: ['e2e/**/*.e2e.ts'], globalSetup: ['e2e/support/global-setup.ts'], testTimeout: 120_000, hookTimeout: 120_000, fileParallelism: false } },
    ],
  },
});
