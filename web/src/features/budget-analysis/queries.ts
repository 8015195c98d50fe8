import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { BudgetAnalysis, BudgetAnalysisSummary } from '@shared/schemas/index.js';
import { api } from '../../api/client.js';

/**
 * Query keys nest under `['budgetAnalysis']`; the budget and expenditure pages may invalidate that
 * key after a change so the figures here follow (they also refetch on focus).
 */
export const budgetAnalysisQueries = {
  all: ['budgetAnalysis'] as const,
  summary: (projectId: string) =>
    queryOptions({
      queryKey: [...budgetAnalysisQueries.all, 'summary', projectId] as const,
      queryFn: ({ signal }) => api<BudgetAnalysisSummary>(`/projects/${projectId}/budget-summary`, { signal }),
    }),
  analysis: (budgetId: string, asOf: string) =>
    queryOptions({
      queryKey: [...budgetAnalysisQueries.all, 'analysis', budgetId, asOf] as const,
      queryFn: ({ signal }) => api<BudgetAnalysis>(`/budgets/${budgetId}/analysis`, { query: { asOf }, signal }),
      placeholderData: keepPreviousData,
    }),
};

export const useBudgetSummary = (projectId: string, enabled = true) => useQuery({ ...budgetAnalysisQueries.summary(projectId), enabled });
export const useBudgetAnalysis = (budgetId: string | null, asOf: string) =>
  useQuery({ ...budgetAnalysisQueries.analysis(budgetId ?? '', asOf), enabled: !!budgetId && /^\d{4}-\d{2}-\d{2}$/.test(asOf) });
