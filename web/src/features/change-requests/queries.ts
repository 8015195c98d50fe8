import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChangeKind,
  ChangeRequest,
  ChangeRequestDetail,
  ChangeRequestList,
  ChangeRequestOptions,
  ChangeRequestStatus,
  CreateChangeRequestBody,
  IndicatorTargets,
} from '@shared/schemas/index.js';
import { api } from '../../api/client.js';
import { budgetAnalysisQueries } from '../budget-analysis/queries.js';
import { budgetQueries } from '../budgets/queries.js';
import { resultsQueries } from '../results/queries.js';
import { workPlanQueries } from '../workplans/queries.js';

export interface ChangeRequestFilters {
  kind?: ChangeKind;
  status?: ChangeRequestStatus;
}

/**
 * Query keys: `['change-requests']` covers every list, detail and the dialog's options, so a
 * decision refreshes them all. Approving also changes targets, the work plan and the budget, whose
 * own keys are invalidated by their root names.
 */
export const changeRequestQueries = {
  all: ['change-requests'] as const,
  list: (projectId: string, filters: ChangeRequestFilters) =>
    queryOptions({
      queryKey: [...changeRequestQueries.all, 'project', projectId, filters] as const,
      queryFn: ({ signal }) => api<ChangeRequestList>(`/projects/${projectId}/change-requests`, { query: { ...filters }, signal }),
    }),
  options: (projectId: string) =>
    queryOptions({
      queryKey: [...changeRequestQueries.all, 'options', projectId] as const,
      queryFn: ({ signal }) => api<ChangeRequestOptions>(`/projects/${projectId}/change-requests/options`, { signal }),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...changeRequestQueries.all, 'detail', id] as const,
      queryFn: ({ signal }) => api<ChangeRequestDetail>(`/change-requests/${id}`, { signal }),
    }),
  targets: (indicatorId: string) =>
    queryOptions({
      queryKey: [...changeRequestQueries.all, 'targets', indicatorId] as const,
      queryFn: ({ signal }) => api<IndicatorTargets>(`/indicators/${indicatorId}/targets`, { signal }),
    }),
};

export const useChangeRequests = (projectId: string, filters: ChangeRequestFilters) => useQuery(changeRequestQueries.list(projectId, filters));
export const useChangeRequestOptions = (projectId: string, enabled: boolean) => useQuery({ ...changeRequestQueries.options(projectId), enabled });
export const useChangeRequest = (id: string | null) => useQuery({ ...changeRequestQueries.detail(id ?? ''), enabled: !!id });
export const useIndicatorTargets = (indicatorId: string | null) => useQuery({ ...changeRequestQueries.targets(indicatorId ?? ''), enabled: !!indicatorId });

function useRefresh() {
  const qc = useQueryClient();
  return () =>
    Promise.all(
      // An applied request changes targets, the work plan or the budget in force: refresh those pages too.
      [changeRequestQueries.all, resultsQueries.all, workPlanQueries.all, budgetQueries.all, budgetAnalysisQueries.all].map((queryKey) => qc.invalidateQueries({ queryKey })),
    );
}

export function useCreateChangeRequest(projectId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CreateChangeRequestBody) => api<ChangeRequest>(`/projects/${projectId}/change-requests`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export type Decision = 'approve' | 'reject' | 'withdraw';

export function useDecideChangeRequest(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ decision, note, version }: { decision: Decision; note: string; version: number }) =>
      api<ChangeRequestDetail>(`/change-requests/${id}/${decision}`, { method: 'POST', body: { note, version } }),
    onSuccess: refresh,
  });
}
