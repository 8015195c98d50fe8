import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AwaitingApproval,
  CreateExpenditureInput,
  Expenditure,
  ExpenditureList,
  ExpenditureOptions,
  ListExpendituresFilters,
  SavedExpenditure,
  UpdateExpenditureInput,
} from '@shared/schemas/index.js';
import { api } from '../../api/client.js';

/**
 * Query keys: everything under `['expenditures']`, so one invalidation after any write refreshes
 * the project's list, the line options (spent and pending move), the home page's card, and the
 * budget-vs-actual page's figures where it keys under `budgetAnalysis` (invalidated too).
 */
export const expenditureQueries = {
  all: ['expenditures'] as const,
  list: (projectId: string, filters: ListExpendituresFilters) =>
    queryOptions({
      queryKey: [...expenditureQueries.all, 'list', projectId, filters] as const,
      queryFn: ({ signal }) => api<ExpenditureList>(`/projects/${projectId}/expenditures`, { query: { ...filters }, signal }),
      placeholderData: keepPreviousData,
    }),
  options: (projectId: string) =>
    queryOptions({
      queryKey: [...expenditureQueries.all, 'options', projectId] as const,
      queryFn: ({ signal }) => api<ExpenditureOptions>(`/projects/${projectId}/expenditures/options`, { signal }),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...expenditureQueries.all, 'detail', id] as const,
      queryFn: ({ signal }) => api<Expenditure>(`/expenditures/${id}`, { signal }),
    }),
  awaiting: () =>
    queryOptions({
      queryKey: [...expenditureQueries.all, 'awaiting-my-approval'] as const,
      queryFn: ({ signal }) => api<AwaitingApproval>('/expenditures/awaiting-my-approval', { signal }),
    }),
};

export const useExpenditures = (projectId: string, filters: ListExpendituresFilters) => useQuery(expenditureQueries.list(projectId, filters));
export const useExpenditureOptions = (projectId: string) => useQuery(expenditureQueries.options(projectId));
export const useExpenditure = (id: string | null) => useQuery({ ...expenditureQueries.detail(id ?? ''), enabled: !!id });
export const useAwaitingMyApproval = (enabled: boolean) => useQuery({ ...expenditureQueries.awaiting(), enabled });

function useRefresh() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: expenditureQueries.all }), qc.invalidateQueries({ queryKey: ['budgetAnalysis'] })]);
}

/** Records the expenditure (retried safely under one Idempotency-Key per dialog), then uploads its receipt when one was chosen. */
export function useRecordExpenditure(projectId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ body, file, key }: { body: CreateExpenditureInput; file: File | null; key: string }) => {
      const saved = await api<SavedExpenditure>(`/projects/${projectId}/expenditures`, { method: 'POST', body, headers: { 'Idempotency-Key': key } });
      if (file) await uploadReceipt(saved.id, file, `${key}-file`);
      return saved;
    },
    onSettled: refresh,
  });
}

/** Corrects the submitter's own expenditure before anyone approved it, at the version they saw (409 if it changed meanwhile). */
export function useUpdateExpenditure() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateExpenditureInput }) => api<SavedExpenditure>(`/expenditures/${id}`, { method: 'PUT', body }),
    onSettled: refresh,
  });
}

export const uploadReceipt = (id: string, file: File, key?: string) =>
  api<Expenditure>(`/expenditures/${id}/attachment`, {
    method: 'POST',
    query: { name: file.name },
    file: { data: file, contentType: file.type || 'application/octet-stream' },
    ...(key ? { headers: { 'Idempotency-Key': key } } : {}),
  });

export function useAttachReceipt() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: ({ id, file }: { id: string; file: File }) => uploadReceipt(id, file), onSettled: refresh });
}

export function useDecideExpenditure() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, action, version, reason }: { id: string; action: 'approve' | 'reject'; version: number; reason?: string }) =>
      api<Expenditure>(`/expenditures/${id}/${action}`, { method: 'POST', body: action === 'reject' ? { version, reason } : { version } }),
    onSettled: refresh,
  });
}

export function useWithdrawExpenditure() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => api<void>(`/expenditures/${id}`, { method: 'DELETE', query: { version } }),
    onSettled: refresh,
  });
}
