import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BudgetDetail, BudgetList, BudgetSummary, ChangeRequest, CreateBudgetInput, ReplaceBudgetLinesInput, UpdateBudgetInput } from '@shared/schemas/index.js';
import { api } from '../../api/client.js';

/**
 * Query keys: `['budgets']` covers a project's list and every budget's detail (the change-request
 * page invalidates it after a decision), so one invalidation after a write refreshes them all.
 */
export const budgetQueries = {
  all: ['budgets'] as const,
  list: (projectId: string) =>
    queryOptions({
      queryKey: [...budgetQueries.all, 'project', projectId] as const,
      queryFn: ({ signal }) => api<BudgetList>(`/projects/${projectId}/budgets`, { signal }),
    }),
  detail: (budgetId: string, version: number | undefined) =>
    queryOptions({
      queryKey: [...budgetQueries.all, 'detail', budgetId, version ?? 'default'] as const,
      queryFn: ({ signal }) => api<BudgetDetail>(`/budgets/${budgetId}`, { query: { version }, signal }),
      placeholderData: keepPreviousData,
    }),
};

export const useBudgets = (projectId: string) => useQuery(budgetQueries.list(projectId));
export const useBudget = (budgetId: string | null, version: number | undefined) => useQuery({ ...budgetQueries.detail(budgetId ?? '', version), enabled: !!budgetId });

function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: budgetQueries.all });
}

export function useCreateBudget(projectId: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: CreateBudgetInput) => api<BudgetSummary>(`/projects/${projectId}/budgets`, { method: 'POST', body }), onSuccess: refresh });
}

export function useUpdateBudget(budgetId: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: UpdateBudgetInput) => api<BudgetSummary>(`/budgets/${budgetId}`, { method: 'PUT', body }), onSuccess: refresh });
}

export function useDeleteBudget() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: ({ id, version }: { id: string; version: number }) => api<void>(`/budgets/${id}`, { method: 'DELETE', query: { version } }), onSuccess: refresh });
}

export function useSaveLines(versionId: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: ReplaceBudgetLinesInput) => api<BudgetDetail>(`/budget-versions/${versionId}/lines`, { method: 'PUT', body }), onSuccess: refresh });
}

export type VersionStep = 'submit' | 'approve' | 'reject';

export function useVersionStep() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ versionId, step, note, version }: { versionId: string; step: VersionStep; note: string; version: number }) =>
      api<BudgetDetail>(`/budget-versions/${versionId}/${step}`, { method: 'POST', body: step === 'submit' ? { reason: note, version } : { note, version } }),
    onSuccess: refresh,
  });
}

export function useStartRevision(budgetId: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (reason: string) => api<BudgetDetail>(`/budgets/${budgetId}/revisions`, { method: 'POST', body: { reason } }), onSuccess: refresh });
}

/** Submits a draft revision for approval: a change request of kind budget (the change-requests API). */
export function useRequestBudgetChange(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { title: string; description: string; justification: string; impact: string; budgetVersionId: string }) =>
      api<ChangeRequest>(`/projects/${projectId}/change-requests`, {
        method: 'POST',
        body: { kind: 'budget', title: body.title, description: body.description, justification: body.justification, impact: body.impact, changes: { budgetVersionId: body.budgetVersionId } },
      }),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: budgetQueries.all }), qc.invalidateQueries({ queryKey: ['change-requests'] })]),
  });
}
