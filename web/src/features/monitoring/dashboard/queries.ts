import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { AreaRanking, DashboardSummary, Granularity, Trend } from '@shared/schemas/index.js';
import type { LocationLevel } from '@shared/schemas/locations.js';
import { api } from '../../../api/client.js';

export type DashboardScope = 'project' | 'programme';

const flag = (b: boolean) => (b ? 'true' : 'false');

/**
 * Query keys nest under `['monitoring']` (shared with the IPTT, pivot and map) so one invalidation
 * after an approval reaches every figure. Each part of the dashboard is its own request: the page
 * shows the summary first and fills the charts in as their answers come.
 */
export const dashboardQueries = {
  all: ['monitoring', 'dashboard'] as const,
  summary: (scope: DashboardScope, id: string, includePending: boolean) =>
    queryOptions({
      queryKey: [...dashboardQueries.all, scope, id, 'summary', includePending] as const,
      queryFn: ({ signal }) => api<DashboardSummary>(`/dashboards/${scope}/${id}`, { query: { includePending: flag(includePending) }, signal }),
    }),
  trend: (scope: DashboardScope, id: string, indicatorId: string, granularity: Granularity, includePending: boolean) =>
    queryOptions({
      queryKey: [...dashboardQueries.all, scope, id, 'trend', indicatorId, granularity, includePending] as const,
      queryFn: ({ signal }) =>
        api<Trend>(`/dashboards/${scope}/${id}/trend`, { query: { indicatorId, granularity, includePending: flag(includePending) }, signal }),
    }),
  areas: (scope: DashboardScope, id: string, indicatorId: string, level: LocationLevel, limit: number, includePending: boolean) =>
    queryOptions({
      queryKey: [...dashboardQueries.all, scope, id, 'areas', indicatorId, level, limit, includePending] as const,
      queryFn: ({ signal }) =>
        api<AreaRanking>(`/dashboards/${scope}/${id}/areas`, { query: { indicatorId, level, limit, includePending: flag(includePending) }, signal }),
    }),
};

export const useDashboard = (scope: DashboardScope, id: string, includePending: boolean) =>
  useQuery({ ...dashboardQueries.summary(scope, id, includePending), placeholderData: keepPreviousData });

/** Changing the indicator or the granularity keeps the old chart on screen until the new one arrives. */
export const useTrend = (scope: DashboardScope, id: string, indicatorId: string | null, granularity: Granularity, includePending: boolean) =>
  useQuery({
    ...dashboardQueries.trend(scope, id, indicatorId ?? '', granularity, includePending),
    enabled: !!indicatorId,
    placeholderData: keepPreviousData,
  });

export const useAreaRanking = (scope: DashboardScope, id: string, indicatorId: string | null, level: LocationLevel, limit: number, includePending: boolean) =>
  useQuery({
    ...dashboardQueries.areas(scope, id, indicatorId ?? '', level, limit, includePending),
    enabled: !!indicatorId,
    placeholderData: keepPreviousData,
  });
