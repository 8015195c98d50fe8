import type { Ctx } from '../../lib/context.js';

/** A job as its handler sees it: the payload it was queued with and a context acting as its creator. */
export interface RunningJob {
  id: string;
  kind: string;
  payload: unknown;
  /** Acts as the job's creator (their roles, their language), so a job can never do more than its creator could. */
  ctx: Ctx;
  /**
   * Records progress (0–100) and a short note already in the creator's language, and renews the
   * lease. Throws JobLeaseLost when another runner has taken the job over (the handler then stops).
   */
  progress(percent: number, note?: string): Promise<void>;
}

/** What a handler made: a result (e.g. a report id) and/or one file to download. */
export interface JobOutcome {
  result?: Record<string, unknown>;
  file?: { fileName: string; mediaType: string; content: Buffer };
  /**
   * Writes of the handler's own that must land together with the job being done (for a report:
   * its files and status). Runs inside the transaction that marks the job done; if the job was
   * taken over meanwhile, they roll back with it.
   */
  commit?: (tx: Ctx) => Promise<void>;
}

export type JobHandler = (job: RunningJob) => Promise<JobOutcome>;

export interface JobHandlerOptions {
  /** Runs inside the transaction that marks the job failed (for a report: its status). */
  onFailed?: (tx: Ctx, job: { id: string; payload: unknown }) => Promise<void>;
}

/** Thrown by progress() and on completion when the job's lease went to another runner. */
export class JobLeaseLost extends Error {
  constructor(readonly jobId: string) {
    super(`Job ${jobId}: lease taken over by another runner`);
  }
}
