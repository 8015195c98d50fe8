import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { IndicatorMap } from '@shared/schemas/index.js';
import type { LocationLevel } from '@shared/schemas/locations.js';
import { api } from '../../../api/client.js';

export interface MapFilters {
  level: LocationLevel;
  from: string | null;
  to: string | null;
  optionId: string | null;
  includePending: boolean;
}

/** Under `['monitoring']` with the dashboards, so an approval refreshes the map too. */
export const mapQueries = {
  all: ['monitoring', 'map'] as const,
  indicator: (indicatorId: string, f: MapFilters) =>
    queryOptions({
      queryKey: [...mapQueries.all, indicatorId, f.level, f.from, f.to, f.optionId, f.includePending] as const,
      queryFn: ({ signal }) =>
        api<IndicatorMap>(`/indicators/${indicatorId}/map`, {
          query: { level: f.level, from: f.from, to: f.to, optionId: f.optionId, includePending: f.includePending ? 'true' : 'false' },
          signal,
        }),
      // Boundaries are the heavy part of the answer and do not change while the page is open.
      staleTime: 60_000,
    }),
};

export const useIndicatorMap = (indicatorId: string, filters: MapFilters) =>
  useQuery({ ...mapQueries.indicator(indicatorId, filters), placeholderData: keepPreviousData });
