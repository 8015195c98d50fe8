import type { Database } from '../../db/database.js';
import { migrateToLatest, migrationStatus } from '../../db/migrate.js';
import { seedDemoIfEmpty } from '../../db/seed/demo.js';
import { CliError } from '../errors.js';
import type { Out } from '../runtime.js';

/** Applies pending migrations and reports what ran and what is left (nothing, unless one failed). */
export async function migrateCommand(db: Database, out: Out): Promise<{ applied: string[]; total: number; pending: number }> {
  const result = await migrateToLatest(db);
  const applied = (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  for (const name of applied) out(`applied  ${name}`);
  const status = await migrationStatus(db);
  out(`${applied.length ? `Applied ${applied.length} migration(s)` : 'Already up to date'}: ${status.applied} applied, ${status.pending} pending.`);
  return { applied, total: status.applied, pending: status.pending };
}

/** Seeds the demo workspace on an empty database (migrating it first, as the server does on start). */
export async function seedDemoCommand(db: Database, out: Out): Promise<void> {
  await migrateToLatest(db);
  const seeded = await seedDemoIfEmpty(db);
  if (!seeded) throw new CliError('The database already has organisations; the demo workspace is only seeded into an empty database.');
  out(seeded.banner);
}
