import { queryOptions, useMutation } from '@tanstack/react-query';
import type { CreateValuesExportInput, Job } from '@shared/schemas/index.js';
import { api } from '../../api/client.js';

/** How often a running export is asked for its progress. */
export const PROGRESS_POLL_MS = 1000;

export const isFinished = (job: Job) => job.status === 'done' || job.status === 'failed';

export const openDataQueries = {
  all: ['open-data'] as const,
  /** A background export job, asked again every second until it is done or failed. */
  job: (id: string) =>
    queryOptions({
      queryKey: [...openDataQueries.all, 'job', id] as const,
      queryFn: ({ signal }) => api<Job>(`/jobs/${id}`, { signal }),
      refetchInterval: (q) => (q.state.data && isFinished(q.state.data) ? false : PROGRESS_POLL_MS),
      refetchIntervalInBackground: true,
    }),
};

/** Starts a project's values export (a `values.export` job); answers the queued job. */
export function useStartValuesExport(projectId: string) {
  return useMutation({
    mutationFn: (body: CreateValuesExportInput) => api<Job>(`/projects/${projectId}/exports`, { method: 'POST', body }),
  });
}

/** API paths of the open-data files (the client adds /api). */
export const openDataPaths = {
  valuesHxl: (projectId: string) => `/projects/${projectId}/values.hxl.csv`,
  fourW: (programmeId: string) => `/open-data/4w.hxl.csv?programmeId=${encodeURIComponent(programmeId)}`,
  /** A job's download URL as the server gives it (/api/jobs/:id/file), without the /api the client adds. */
  jobFile: (downloadUrl: string) => downloadUrl.replace(/^\/api/, ''),
};
