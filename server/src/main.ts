import { buildApp, DEFAULT_WEB_ROOT } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { seedDemoIfEmpty } from './db/seed/demo.js';
import { scheduleReminders } from './modules/reporting/reminders.schedule.js';
import { startJobRunner } from './modules/jobs/jobs.runner.js';

const config = loadConfig();
const database = openDatabase({ databaseUrl: config.DATABASE_URL, sqliteFile: config.sqliteFile });
const app = await buildApp({
  config,
  database,
  webRoot: DEFAULT_WEB_ROOT,
  logger: { level: config.LOG_LEVEL, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] },
});

await migrateToLatest(database.db);
if (config.SEED_DEMO === 'true') {
  const seeded = await seedDemoIfEmpty(database.db);
  if (seeded) app.log.info(`\n${seeded.banner}`);
}

// Reporting reminders: a sweep now and every hour, on every app server (each reminder is claimed once).
const stopReminders = scheduleReminders(database.db, config, app.log);
// Background jobs (reports, large exports): every app server polls; each job is claimed by one of them.
const stopJobs = startJobRunner({ db: database.db, log: app.log });

const shutdown = async (signal: string) => {
  app.log.info(`${signal} received, shutting down`);
  stopReminders();
  await stopJobs();
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.PORT, host: config.HOST });
app.log.info(
  `Fieldbook is running on http://localhost:${config.PORT} (${database.dialect === 'sqlite' ? `SQLite at ${config.sqliteFile}` : 'PostgreSQL'})`,
);
