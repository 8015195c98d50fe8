import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { GeneratedReport, GenerateReportSchema } from '@shared/schemas/index.js';
import { api } from '../../api/client.js';
import { putInHistory, reportQueries, type ReportScopeRef } from './queries.js';

export type GenerateReportInput = z.input<typeof GenerateReportSchema>;

/**
 * A new or regenerated report goes to the top of its history at once (queued, with its job), then
 * the history is asked again so it matches the server.
 */
function useHistoryCache(scope: ReportScopeRef) {
  const qc = useQueryClient();
  const key = reportQueries.history(scope).queryKey;
  return {
    put: (report: GeneratedReport) => {
      qc.setQueryData(key, (list) => putInHistory(list, report));
      return qc.invalidateQueries({ queryKey: key });
    },
    drop: (id: string) => {
      qc.setQueryData(key, (list) => (list ? { items: list.items.filter((r) => r.id !== id) } : list));
      qc.removeQueries({ queryKey: reportQueries.detail(id).queryKey });
      return qc.invalidateQueries({ queryKey: key });
    },
  };
}

export function useGenerateReport(scope: ReportScopeRef) {
  const cache = useHistoryCache(scope);
  return useMutation({
    mutationFn: (body: GenerateReportInput) => api<GeneratedReport>('/reports', { method: 'POST', body }),
    onSuccess: (report) => cache.put(report),
  });
}

/** Makes the same report again (same template version, period and language) from today's data. */
export function useRegenerateReport(scope: ReportScopeRef) {
  const cache = useHistoryCache(scope);
  return useMutation({
    mutationFn: (id: string) => api<GeneratedReport>(`/reports/${id}/regenerate`, { method: 'POST', body: {} }),
    onSuccess: (report) => cache.put(report),
  });
}

export function useDeleteReport(scope: ReportScopeRef) {
  const cache = useHistoryCache(scope);
  return useMutation({
    mutationFn: (id: string) => api<void>(`/reports/${id}`, { method: 'DELETE' }),
    onSuccess: (_, id) => cache.drop(id),
  });
}
