import type { Database } from '../../db/database.js';
import type { JobFilesTable, JobsTable } from '../../db/schema.js';

export type JobRow = JobsTable;

export const insertJob = (db: Database, row: JobRow) => db.insertInto('jobs').values(row).execute();

export const findJob = (db: Database, id: string) => db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();

/** Whether the job made a file (without reading the file). */
export async function hasJobFile(db: Database, jobId: string): Promise<boolean> {
  return !!(await db.selectFrom('job_files').select('job_id').where('job_id', '=', jobId).executeTakeFirst());
}

export const findJobs = (db: Database, ids: readonly string[]) => db.selectFrom('jobs').selectAll().where('id', 'in', ids.length ? [...ids] : ['']).execute();

export async function jobsWithFiles(db: Database, ids: readonly string[]): Promise<Set<string>> {
  const rows = await db.selectFrom('job_files').select('job_id').where('job_id', 'in', ids.length ? [...ids] : ['']).execute();
  return new Set(rows.map((r) => r.job_id));
}

export const findJobFile = (db: Database, jobId: string) => db.selectFrom('job_files').selectAll().where('job_id', '=', jobId).executeTakeFirst();

export const insertJobFile = (db: Database, row: JobFilesTable) => db.insertInto('job_files').values(row).execute();

/**
 * Jobs a runner could take now, oldest first: queued ones whose retry delay (locked_until) has
 * passed, and running ones whose runner stopped renewing its lease. Only the kinds it can run.
 */
export function claimableJobs(db: Database, kinds: string[], now: string, retryBefore: string, limit: number) {
  return db
    .selectFrom('jobs')
    .select(['id', 'attempts'])
    .where('kind', 'in', kinds.length ? kinds : [''])
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'queued'), eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', retryBefore)])]),
        eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)]),
      ]),
    )
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Takes a job with one conditional UPDATE: it succeeds only while the job is still claimable, so
 * of two runners racing for the same job exactly one changes the row (PostgreSQL re-checks the
 * condition after the other's commit; SQLite has one writer at a time). Returns whether we got it.
 */
export async function claimJob(
  db: Database,
  id: string,
  c: { runnerId: string; now: string; retryBefore: string; lockedUntil: string },
): Promise<boolean> {
  const res = await db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      locked_by: c.runnerId,
      locked_until: c.lockedUntil,
      attempts: eb('attempts', '+', 1),
      started_at: eb.fn.coalesce('started_at', eb.val(c.now)),
    }))
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'queued'), eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', c.retryBefore)])]),
        eb.and([eb('status', '=', 'running'), eb('locked_until', '<', c.now)]),
      ]),
    )
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Changes a job this runner holds; false when the lease went to another runner. */
export async function updateHeldJob(db: Database, id: string, runnerId: string, set: Partial<JobRow>): Promise<boolean> {
  const res = await db.updateTable('jobs').set(set).where('id', '=', id).where('status', '=', 'running').where('locked_by', '=', runnerId).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
