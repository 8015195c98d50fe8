import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { GeneratedReport, ReportScopeType, ReportTemplateSummary } from '@shared/schemas/index.js';
import { api } from '../../api/client.js';
import type { AgreementOption } from './agreements.js';

export interface ReportScopeRef {
  type: ReportScopeType;
  id: string;
}

export const inProgress = (r: Pick<GeneratedReport, 'status'>) => r.status === 'queued' || r.status === 'running';

/** How often a report being made is asked for: its progress bar moves once a second. */
export const PROGRESS_POLL_MS = 1000;

/**
 * Keys nest under `['reports']` so that one invalidation reaches every history; a report's own key
 * is polled while its job runs, and its answer is copied into the histories that list it.
 */
export const reportQueries = {
  all: ['reports'] as const,
  histories: () => [...reportQueries.all, 'history'] as const,
  history: (scope: ReportScopeRef) =>
    queryOptions({
      queryKey: [...reportQueries.histories(), scope.type, scope.id] as const,
      queryFn: ({ signal }) => api<{ items: GeneratedReport[] }>('/reports', { query: { scopeType: scope.type, scopeId: scope.id }, signal }),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...reportQueries.all, 'detail', id] as const,
      queryFn: ({ signal }) => api<GeneratedReport>(`/reports/${id}`, { signal }),
    }),
  templates: (organisationId: string) =>
    queryOptions({
      queryKey: ['report-templates', 'list', organisationId] as const,
      queryFn: ({ signal }) => api<{ items: ReportTemplateSummary[] }>('/report-templates', { query: { organisationId }, signal }),
      select: (data) => data.items.filter((t) => !t.archived),
      staleTime: 60_000,
    }),
  agreements: (projectId: string) =>
    queryOptions({
      queryKey: ['agreements', 'project', projectId] as const,
      queryFn: ({ signal }) => api<{ items: AgreementOption[] }>(`/projects/${projectId}/agreements`, { signal }),
      staleTime: 60_000,
    }),
};

/** Newest first, whatever order the server answered in. */
export const newestFirst = (items: readonly GeneratedReport[]) => [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

export const useReportHistory = (scope: ReportScopeRef, enabled = true) => useQuery({ ...reportQueries.history(scope), enabled: enabled && !!scope.id });
export const useReportTemplates = (organisationId: string | undefined, enabled = true) =>
  useQuery({ ...reportQueries.templates(organisationId ?? ''), enabled: enabled && !!organisationId });
export const useProjectAgreements = (projectId: string | undefined, enabled = true) =>
  useQuery({ ...reportQueries.agreements(projectId ?? ''), enabled: enabled && !!projectId });

/** Replaces (or adds at the top) one report in a history, so a finished job shows its files without refetching the list. */
export function putInHistory(list: { items: GeneratedReport[] } | undefined, report: GeneratedReport): { items: GeneratedReport[] } | undefined {
  if (!list) return list;
  const exists = list.items.some((r) => r.id === report.id);
  return { items: exists ? list.items.map((r) => (r.id === report.id ? report : r)) : [report, ...list.items] };
}

/** Whether two answers for the same report show the same thing (the history keeps its row when nothing moved). */
export const sameState = (a: GeneratedReport, b: GeneratedReport) =>
  a.status === b.status &&
  a.job?.status === b.job?.status &&
  a.job?.progress === b.job?.progress &&
  a.job?.progressNote === b.job?.progressNote &&
  a.files.length === b.files.length &&
  a.untranslatedCount === b.untranslatedCount &&
  a.finishedAt === b.finishedAt;

/**
 * Follows a queued or running report once a second until it is done or failed, and writes each
 * answer that changed something into the history it belongs to (the row's progress bar, then its
 * downloads). Compared by content: the cache keeps deep-equal data as it was, so a reference check
 * would write (and re-render) forever.
 */
export function useReportProgress(report: GeneratedReport, scope: ReportScopeRef) {
  const qc = useQueryClient();
  const query = useQuery({
    ...reportQueries.detail(report.id),
    placeholderData: report,
    enabled: inProgress(report),
    refetchInterval: (q) => (q.state.data && !inProgress(q.state.data) ? false : PROGRESS_POLL_MS),
    // A background tab keeps following: the user may come back to the finished report.
    refetchIntervalInBackground: true,
  });
  const latest = query.data;
  const fresh = !!latest && !query.isPlaceholderData && !sameState(latest, report);
  const { type, id } = scope;
  useEffect(() => {
    if (fresh && latest) qc.setQueryData(reportQueries.history({ type, id }).queryKey, (list) => putInHistory(list, latest));
  }, [fresh, latest, qc, type, id]);
  return { report: latest ?? report, error: query.error };
}
