import type { Database } from '../../db/database.js';
import { runPendingJobs } from '../../modules/jobs/jobs.runner.js';
import type { Out } from '../runtime.js';

/**
 * Runs every queued background job now (reports, large exports), as a server's runner would, and
 * prints how many ran. Safe while servers run: a job a server is running is not taken from it.
 */
export async function runJobsCommand(db: Database, out: Out): Promise<number> {
  // Load every module the way a server does, so each one registers the kinds of job it runs.
  await import('../../app.js');
  const started = Date.now();
  const ran = await runPendingJobs(db, {
    log: { info: (m) => out(m), error: (err, m) => out(`warning: ${m}: ${err instanceof Error ? err.message : String(err)}`) },
  });
  const states = await db.selectFrom('jobs').select(['status']).select((eb) => eb.fn.countAll<number>().as('n')).groupBy('status').execute();
  out(ran ? `${ran} job(s) run in ${((Date.now() - started) / 1000).toFixed(1)} s.` : 'No jobs to run.');
  out(`Jobs now: ${states.map((s) => `${Number(s.n)} ${s.status}`).join(', ') || 'none'}.`);
  return ran;
}
