import type { Job } from '@shared/schemas/jobs.js';
import { nowIso } from '../../lib/clock.js';
import type { Ctx } from '../../lib/context.js';
import { notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { authorise, isInstallationAdmin } from '../access/access.policy.js';
import { toJob } from './jobs.mapper.js';
import * as repo from './jobs.repository.js';

export { registerJobHandler } from './jobs.registry.js';
export { runPendingJobs, startJobRunner } from './jobs.runner.js';
export { JobLeaseLost, type JobHandler, type JobHandlerOptions, type JobOutcome, type RunningJob } from './jobs.types.js';
export { sendFile } from './file-download.js';

/**
 * Background jobs: queued by a service inside its own transaction (so the job exists only if the
 * change that asked for it commits), run by a runner as their creator, read back by their creator
 * (or an installation admin) for progress and the file they made.
 */
export async function enqueueJob(ctx: Ctx, job: { kind: string; payload: unknown; organisationId: string | null }): Promise<string> {
  const id = newId();
  await repo.insertJob(ctx.db, {
    id,
    kind: job.kind,
    payload_json: JSON.stringify(job.payload ?? null),
    status: 'queued',
    progress: 0,
    progress_note: null,
    result_json: null,
    error_code: null,
    error_message: null,
    attempts: 0,
    locked_by: null,
    locked_until: null,
    organisation_id: job.organisationId,
    // The command line is no user: its jobs run as the command line again.
    created_by: ctx.actor.email === 'system' ? null : ctx.actor.userId,
    created_at: nowIso(),
    started_at: null,
    finished_at: null,
  });
  return id;
}

const mayRead = (ctx: Ctx, row: repo.JobRow | undefined): row is repo.JobRow =>
  !!row && ((row.created_by !== null && row.created_by === ctx.actor.userId) || isInstallationAdmin(ctx.actor));

/** A job with its progress; 404 for anyone but its creator and installation admins. */
export async function getJob(ctx: Ctx, id: string): Promise<Job> {
  const row = await repo.findJob(ctx.db, id);
  authorise(mayRead(ctx, row), true);
  return toJob(row!, await repo.hasJobFile(ctx.db, id), ctx.locale);
}

/** A job's mapped state for another module that already checked access (a report's history). */
export async function jobView(ctx: Ctx, id: string): Promise<Job | null> {
  const row = await repo.findJob(ctx.db, id);
  return row ? toJob(row, await repo.hasJobFile(ctx.db, id), ctx.locale) : null;
}

/** Several jobs' mapped states at once (a history list), by id. */
export async function jobViews(ctx: Ctx, ids: readonly string[]): Promise<Map<string, Job>> {
  const [rows, withFiles] = await Promise.all([repo.findJobs(ctx.db, ids), repo.jobsWithFiles(ctx.db, ids)]);
  return new Map(rows.map((row) => [row.id, toJob(row, withFiles.has(row.id), ctx.locale)]));
}

export async function getJobFile(ctx: Ctx, id: string): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
  const row = await repo.findJob(ctx.db, id);
  authorise(mayRead(ctx, row), true);
  const file = row!.status === 'done' ? await repo.findJobFile(ctx.db, id) : undefined;
  if (!file) throw notFound();
  return { fileName: file.file_name, mediaType: file.media_type, content: Buffer.from(file.content) };
}
