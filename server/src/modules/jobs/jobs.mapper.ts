import type { Job, JobStatus } from '@shared/schemas/jobs.js';
import type { DetailInput } from '@shared/errors.js';
import { errorMessage } from '@shared/i18n/error-messages.js';
import type { Locale } from '@shared/locales.js';
import type { JobRow } from './jobs.repository.js';

interface StoredError {
  details?: DetailInput[];
  params?: Record<string, string | number>;
}

/** The failure in the reader's language: the code's message, then what each detail says. */
function failure(row: JobRow, locale: Locale): Job['error'] {
  if (row.status !== 'failed' || !row.error_code) return null;
  let stored: StoredError = {};
  try {
    stored = row.error_message ? (JSON.parse(row.error_message) as StoredError) : {};
  } catch {
    stored = {};
  }
  const details = (stored.details ?? []).map((d) => errorMessage(d.reason, locale, d.params));
  const message = [errorMessage(row.error_code, locale, { count: details.length, ...stored.params }), ...details].join(' ');
  return { code: row.error_code, message };
}

export const jobFileUrl = (jobId: string) => `/api/jobs/${jobId}/file`;

export const toJob = (row: JobRow, hasFile: boolean, locale: Locale): Job => ({
  id: row.id,
  kind: row.kind,
  status: row.status as JobStatus,
  progress: row.progress,
  progressNote: row.progress_note,
  error: failure(row, locale),
  downloadUrl: row.status === 'done' && hasFile ? jobFileUrl(row.id) : null,
  result: row.result_json ? (JSON.parse(row.result_json) as Record<string, unknown>) : null,
  createdAt: row.created_at,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
});
