import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.js';

/**
 * Background jobs (issue 6): report generation and large exports run outside the request, on any
 * app server, claimed from the database. The browser polls a job for its progress.
 */
export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const JobSchema = z.object({
  id: IdSchema,
  kind: z.string(),
  status: z.enum(JOB_STATUSES),
  /** 0–100 */
  progress: z.number().int(),
  /** A short, translated description of the current step. */
  progressNote: z.string().nullable(),
  /** When failed: an error code (see shared/src/errors.ts) and its message in the reader's language. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** When done and the job made a file: where to download it. */
  downloadUrl: z.string().nullable(),
  /** What the job made, when it is not a file (for a report: its id). */
  result: z.record(z.string(), z.unknown()).nullable(),
  createdAt: TimestampSchema,
  startedAt: TimestampSchema.nullable(),
  finishedAt: TimestampSchema.nullable(),
});
export type Job = z.infer<typeof JobSchema>;
