import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Framework,
  Indicator,
  IndicatorContributionsSchema,
  IndicatorHistorySchema,
  IndicatorTargets,
  LibraryIndicator,
} from '@shared/schemas/index.js';
import { api, ApiError } from '../../api/client.js';
import { type FrameworkOwner, frameworkPath, ownerPath } from './owner.js';

export type IndicatorHistory = z.infer<typeof IndicatorHistorySchema>;

/** The project indicators that roll up into a programme indicator (`GET /indicators/:id/contributions`). */
export type Contributions = z.infer<typeof IndicatorContributionsSchema>;

/**
 * Query keys nest so that one invalidation reaches every cached view: `['results']` covers frameworks,
 * indicators, targets and histories; `['results', 'framework']` every framework, project or programme.
 */
export const resultsQueries = {
  all: ['results'] as const,
  frameworks: () => [...resultsQueries.all, 'framework'] as const,
  framework: (owner: FrameworkOwner) =>
    queryOptions({
      queryKey: [...resultsQueries.frameworks(), owner.kind, owner.id] as const,
      queryFn: ({ signal }) => api<Framework>(frameworkPath(owner), { signal }),
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
  targets: (id: string) =>
    queryOptions({
      queryKey: [...resultsQueries.all, 'targets', id] as const,
      queryFn: ({ signal }) => api<IndicatorTargets>(`/indicators/${id}/targets`, { signal }),
    }),
  /**
   * The library entry an indicator follows, to name it. Someone who may not open the organisation's
   * library still sees what their framework can adopt, so the owner's adoptable list is asked next;
   * an archived entry found in neither is just "linked" (null).
   */
  libraryEntry: (id: string, owner: FrameworkOwner) =>
    queryOptions({
      queryKey: [...resultsQueries.all, 'library-entry', id] as const,
      queryFn: async ({ signal }): Promise<LibraryIndicator | null> => {
        try {
          return await api<LibraryIndicator>(`/library-indicators/${id}`, { signal });
        } catch (err) {
          if (!(err instanceof ApiError) || (err.status !== 404 && err.status !== 403)) throw err;
          const adoptable = await api<{ items: LibraryIndicator[] }>(`${ownerPath(owner)}/library`, { signal });
          return adoptable.items.find((e) => e.id === id) ?? null;
        }
      },
      retry: false,
      staleTime: 5 * 60_000,
    }),
  contributions: (id: string) =>
    queryOptions({
      queryKey: [...resultsQueries.all, 'contributions', id] as const,
      queryFn: ({ signal }) => api<Contributions>(`/indicators/${id}/contributions`, { signal }),
    }),
};

export const useFramework = (owner: FrameworkOwner | null) =>
  useQuery({ ...resultsQueries.framework(owner ?? { kind: 'project', id: '' }), enabled: !!owner?.id });
export const useIndicator = (id: string) => useQuery(resultsQueries.indicator(id));
export const useIndicatorHistory = (id: string) => useQuery(resultsQueries.history(id));
export const useIndicatorTargets = (id: string, enabled = true) => useQuery({ ...resultsQueries.targets(id), enabled });
export const useLibraryEntry = (id: string | null, owner: FrameworkOwner) => useQuery({ ...resultsQueries.libraryEntry(id ?? '', owner), enabled: !!id });
export const useContributions = (id: string, enabled = true) => useQuery({ ...resultsQueries.contributions(id), enabled });
