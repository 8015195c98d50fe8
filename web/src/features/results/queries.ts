import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Framework, Indicator, IndicatorHistorySchema } from '@shared/schemas/index.js';
import { api } from '../../api/client.js';

export type IndicatorHistory = z.infer<typeof IndicatorHistorySchema>;

/**
 * Query keys nest so that one invalidation reaches every cached view: `['results']` covers frameworks,
 * indicators and their histories; `['results', 'framework']` every project's framework.
 */
export const resultsQueries = {
  all: ['results'] as const,
  frameworks: () => [...resultsQueries.all, 'framework'] as const,
  framework: (projectId: string) =>
    queryOptions({
      queryKey: [...resultsQueries.frameworks(), projectId] as const,
      queryFn: ({ signal }) => api<Framework>(`/projects/${projectId}/framework`, { signal }),
    }),
  indicators: () => [...resultsQueries.all, 'indicator'] as const,
  indicator: (id: string) =>
    queryOptions({
      queryKey: [...resultsQueries.indicators(), id] as const,
      queryFn: ({ signal }) => api<Indicator>(`/indicators/${id}`, { signal }),
    }),
  histories: () => [...resultsQueries.all, 'history'] as const,
  history: (id: string) =>
    queryOptions({
      queryKey: [...resultsQueries.histories(), id] as const,
      queryFn: ({ signal }) => api<IndicatorHistory>(`/indicators/${id}/history`, { signal }),
    }),
};

export const useFramework = (projectId: string, enabled = true) => useQuery({ ...resultsQueries.framework(projectId), enabled: enabled && !!projectId });
export const useIndicator = (id: string) => useQuery(resultsQueries.indicator(id));
export const useIndicatorHistory = (id: string) => useQuery(resultsQueries.history(id));
