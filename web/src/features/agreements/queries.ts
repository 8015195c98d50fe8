import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Agreement, AgreementInput, AgreementList, ReportCalendar } from '@shared/schemas/index.js';
import { api } from '../../api/client.js';

export interface CalendarFilters {
  from: string;
  to: string;
  projectId?: string;
}

/**
 * Query keys: `['agreements']` covers a project's list (the same key the reports page's generate
 * dialog reads) and every calendar, so one invalidation after a change refreshes them all.
 */
export const agreementQueries = {
  all: ['agreements'] as const,
  project: (projectId: string) =>
    queryOptions({
      queryKey: [...agreementQueries.all, 'project', projectId] as const,
      queryFn: ({ signal }) => api<AgreementList>(`/projects/${projectId}/agreements`, { signal }),
    }),
  calendar: (filters: CalendarFilters) =>
    queryOptions({
      queryKey: [...agreementQueries.all, 'calendar', filters] as const,
      queryFn: ({ signal }) => api<ReportCalendar>('/report-calendar', { query: { ...filters }, signal }),
      placeholderData: keepPreviousData,
    }),
};

export const useProjectAgreements = (projectId: string) => useQuery(agreementQueries.project(projectId));
export const useReportCalendar = (filters: CalendarFilters) => useQuery(agreementQueries.calendar(filters));

function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: agreementQueries.all });
}

export function useSaveAgreement(projectId: string, agreementId: string | null) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: AgreementInput) =>
      agreementId
        ? api<Agreement>(`/agreements/${agreementId}`, { method: 'PUT', body })
        : api<Agreement>(`/projects/${projectId}/agreements`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useDeleteAgreement() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/agreements/${id}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}
