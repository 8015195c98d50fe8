import { addMs, nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { Database } from '../../db/database.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { loadActor } from '../auth/auth.service.js';
import { handlerOf, registeredKinds } from './jobs.registry.js';
import * as repo from './jobs.repository.js';
import { JobLeaseLost, type JobOutcome, type RunningJob } from './jobs.types.js';

/**
 * Runs queued jobs. Any app server (and the `run-jobs` command) may run any job: a runner claims a
 * job with a conditional UPDATE that also sets a lease (locked_by, locked_until), renews the lease
 * whenever the handler reports progress, and writes the outcome only while it still holds the
 * lease. A runner that dies leaves a lease that runs out; the job is then claimed again. A job
 * whose handler throws an AppError fails at once with that code; any other error is retried after
 * a short delay, and the job fails after MAX_ATTEMPTS claims.
 */
export const MAX_ATTEMPTS = 3;
export const DEFAULT_LEASE_MS = 2 * 60_000;
const RETRY_DELAY_MS = 10_000;
/** A date after any retry delay: `runPendingJobs` runs retries now instead of waiting. */
const NO_WAIT = '9999-12-31T00:00:00.000Z';

export interface JobLog {
  info(msg: string): void;
  error(obj: unknown, msg: string): void;
}
const silent: JobLog = { info: () => {}, error: () => {} };

interface RunnerSettings {
  runnerId: string;
  leaseMs: number;
  /** Retry failed attempts at once (run-jobs, tests) instead of after the delay. */
  retryNow: boolean;
  log: JobLog;
}

/** One id per runner, so a lease names the process that holds it. */
const newRunnerId = () => `${process.pid}:${newId().slice(0, 8)}`;

async function claimNext(db: Database, s: RunnerSettings): Promise<repo.JobRow | null> {
  for (;;) {
    const now = nowIso();
    const retryBefore = s.retryNow ? NO_WAIT : now;
    const candidates = await repo.claimableJobs(db, registeredKinds(), now, retryBefore, 10);
    if (!candidates.length) return null;
    for (const c of candidates) {
      if (await repo.claimJob(db, c.id, { runnerId: s.runnerId, now, retryBefore, lockedUntil: addMs(now, s.leaseMs) })) {
        return (await repo.findJob(db, c.id)) ?? null;
      }
    }
    // Every candidate went to other runners: look again.
  }
}

/** The job's creator as a service context (the command line's jobs run as the command line). */
async function creatorCtx(db: Database, job: repo.JobRow): Promise<Ctx> {
  const actor = job.created_by ? await loadActor(db, job.created_by) : SYSTEM_ACTOR;
  return { db, actor, requestId: `job:${job.id}`, ip: null, locale: actor.locale ?? 'en' };
}

/** Error details are kept as data so each reader gets the message in their own language. */
const errorData = (err: AppError) => JSON.stringify({ details: err.details, params: err.params });

async function fail(ctx: Ctx, job: repo.JobRow, s: RunnerSettings, err: AppError): Promise<void> {
  const onFailed = handlerOf(job.kind)?.options.onFailed;
  await inTransaction(ctx, async (tx) => {
    const held = await repo.updateHeldJob(tx.db, job.id, s.runnerId, {
      status: 'failed', error_code: err.code, error_message: errorData(err), finished_at: nowIso(), locked_until: null,
    });
    if (!held) throw new JobLeaseLost(job.id);
    await onFailed?.(tx, { id: job.id, payload: JSON.parse(job.payload_json) as unknown });
  });
}

async function complete(ctx: Ctx, job: repo.JobRow, s: RunnerSettings, outcome: JobOutcome): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const now = nowIso();
    const held = await repo.updateHeldJob(tx.db, job.id, s.runnerId, {
      status: 'done', progress: 100, result_json: outcome.result ? JSON.stringify(outcome.result) : null, finished_at: now, locked_until: null,
    });
    if (!held) throw new JobLeaseLost(job.id);
    if (outcome.file) {
      const { fileName, mediaType, content } = outcome.file;
      await repo.insertJobFile(tx.db, { job_id: job.id, file_name: fileName, media_type: mediaType, size: content.length, content, created_at: now });
    }
    await outcome.commit?.(tx);
  });
}

/** Runs one claimed job to its end: done, failed, queued again for a retry, or abandoned when its lease was lost. */
async function runJob(db: Database, job: repo.JobRow, s: RunnerSettings): Promise<void> {
  const handler = handlerOf(job.kind);
  let ctx: Ctx = { db, actor: SYSTEM_ACTOR, requestId: `job:${job.id}`, ip: null, locale: 'en' };
  try {
    ctx = await creatorCtx(db, job);
    // Claimed again after its runners kept dying: stop trying.
    if (job.attempts > MAX_ATTEMPTS || !handler) throw new AppError('internal_error', [], { requestId: `job:${job.id}` });
    const running: RunningJob = {
      id: job.id,
      kind: job.kind,
      payload: JSON.parse(job.payload_json) as unknown,
      ctx,
      async progress(percent, note) {
        const set = {
          progress: Math.max(0, Math.min(100, Math.round(percent))),
          locked_until: addMs(nowIso(), s.leaseMs),
          ...(note !== undefined ? { progress_note: note } : {}),
        };
        if (!(await repo.updateHeldJob(db, job.id, s.runnerId, set))) throw new JobLeaseLost(job.id);
      },
    };
    await complete(ctx, job, s, await handler.run(running));
  } catch (err) {
    await settleFailure(ctx, job, s, err);
  }
}

async function settleFailure(ctx: Ctx, job: repo.JobRow, s: RunnerSettings, err: unknown): Promise<void> {
  try {
    if (err instanceof JobLeaseLost) {
      s.log.info(err.message);
    } else if (err instanceof AppError) {
      await fail(ctx, job, s, err);
    } else if (job.attempts < MAX_ATTEMPTS) {
      s.log.error(err, `Job ${job.id} (${job.kind}) failed on attempt ${job.attempts}; it will be retried`);
      await repo.updateHeldJob(ctx.db, job.id, s.runnerId, {
        status: 'queued', locked_by: null, locked_until: addMs(nowIso(), RETRY_DELAY_MS * job.attempts),
      });
    } else {
      s.log.error(err, `Job ${job.id} (${job.kind}) failed on its last attempt`);
      await fail(ctx, job, s, new AppError('internal_error', [], { requestId: `job:${job.id}` }));
    }
  } catch (inner) {
    if (inner instanceof JobLeaseLost) s.log.info(inner.message);
    else s.log.error(inner, `Job ${job.id}: could not record its failure`);
  }
}

/**
 * Runs every job that can run now, one after the other, retrying failed attempts at once; returns
 * how many jobs it ran. Used by tests and by `npm run fieldbook -- run-jobs`.
 */
export async function runPendingJobs(db: Database, opts: { log?: JobLog; leaseMs?: number } = {}): Promise<number> {
  const s: RunnerSettings = { runnerId: newRunnerId(), leaseMs: opts.leaseMs ?? DEFAULT_LEASE_MS, retryNow: true, log: opts.log ?? silent };
  const ran = new Set<string>();
  for (let job = await claimNext(db, s); job; job = await claimNext(db, s)) {
    ran.add(job.id);
    await runJob(db, job, s);
  }
  return ran.size;
}

export interface JobRunnerOptions {
  db: Database;
  log: JobLog;
  /** How often an idle runner looks for work. */
  pollMs?: number;
  leaseMs?: number;
}

/**
 * Polls for jobs in this process, one job at a time, until stopped. Timers do not keep the process
 * alive. The returned stop function waits (up to `graceMs`) for the job in hand; a job cut short
 * is claimed again by another runner once its lease runs out.
 */
export function startJobRunner(o: JobRunnerOptions): (graceMs?: number) => Promise<void> {
  const s: RunnerSettings = { runnerId: newRunnerId(), leaseMs: o.leaseMs ?? DEFAULT_LEASE_MS, retryNow: false, log: o.log };
  const pollMs = o.pollMs ?? 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | null = null;

  const tick = async () => {
    timer = undefined;
    try {
      for (let job = await claimNext(o.db, s); job && !stopped; job = stopped ? null : await claimNext(o.db, s)) {
        current = runJob(o.db, job, s);
        await current;
        current = null;
      }
    } catch (err) {
      o.log.error(err, 'Job runner: could not look for jobs');
    }
    if (!stopped) schedule();
  };
  const schedule = () => {
    timer = setTimeout(() => void tick(), pollMs);
    timer.unref();
  };
  schedule();

  return async (graceMs = 5000) => {
    stopped = true;
    if (timer) clearTimeout(timer);
    if (current) {
      let wait: NodeJS.Timeout | undefined;
      await Promise.race([current, new Promise<void>((resolve) => (wait = setTimeout(resolve, graceMs).unref()))]);
      clearTimeout(wait);
    }
  };
}
