import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  MyReporting,
  ReportedValuesSchema,
  Round,
  RoundListSchema,
  RoundOptionsSchema,
  SubmissionDetail,
} from '@shared/schemas/index.js';
import { api } from '../../api/client.js';

export type RoundList = z.infer<typeof RoundListSchema>;
export type RoundOptions = z.infer<typeof RoundOptionsSchema>;
export type ReportedValues = z.infer<typeof ReportedValuesSchema>;

/**
 * Query keys nest under `['reporting']` so that one invalidation after a review action reaches the
 * round's board, the home page's work list and the submission itself. The submission page (W2) and
 * the evidence panels (W3) use `reportingQueries.submission(id)` too.
 */
export const reportingQueries = {
  all: ['reporting'] as const,
  roundLists: () => [...reportingQueries.all, 'rounds'] as const,
  rounds: (projectId: string) =>
    queryOptions({
      queryKey: [...reportingQueries.roundLists(), projectId] as const,
      queryFn: ({ signal }) => api<RoundList>(`/projects/${projectId}/rounds`, { signal }),
    }),
  roundDetails: () => [...reportingQueries.all, 'round'] as const,
  round: (id: string) =>
    queryOptions({
      queryKey: [...reportingQueries.roundDetails(), id] as const,
      queryFn: ({ signal }) => api<Round>(`/rounds/${id}`, { signal }),
    }),
  roundOptions: (projectId: string) =>
    queryOptions({
      queryKey: [...reportingQueries.all, 'round-options', projectId] as const,
      queryFn: ({ signal }) => api<RoundOptions>(`/projects/${projectId}/round-options`, { signal }),
      retry: false,
    }),
  mine: () =>
    queryOptions({
      queryKey: [...reportingQueries.all, 'mine'] as const,
      queryFn: ({ signal }) => api<MyReporting>('/me/reporting', { signal }),
    }),
  submissions: () => [...reportingQueries.all, 'submission'] as const,
  submission: (id: string) =>
    queryOptions({
      queryKey: [...reportingQueries.submissions(), id] as const,
      queryFn: ({ signal }) => api<SubmissionDetail>(`/submissions/${id}`, { signal }),
    }),
  indicatorValues: (indicatorId: string, includePending: boolean) =>
    queryOptions({
      queryKey: [...reportingQueries.all, 'indicator-values', indicatorId, includePending] as const,
      queryFn: ({ signal }) =>
        api<ReportedValues>(`/indicators/${indicatorId}/values`, { query: { includePending: includePending ? 'true' : 'false' }, signal }),
    }),
};

export const useRounds = (projectId: string) => useQuery(reportingQueries.rounds(projectId));
export const useRound = (id: string) => useQuery(reportingQueries.round(id));
export const useRoundOptions = (projectId: string, enabled = true) => useQuery({ ...reportingQueries.roundOptions(projectId), enabled });
export const useMyReporting = () => useQuery(reportingQueries.mine());
export const useIndicatorValues = (indicatorId: string, includePending: boolean, enabled = true) =>
  useQuery({ ...reportingQueries.indicatorValues(indicatorId, includePending), enabled });
