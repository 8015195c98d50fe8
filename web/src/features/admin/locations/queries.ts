import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ImportLocationsBody, ImportLocationsResult, Location } from '@shared/schemas/index.js';
import { api } from '../../../api/client.js';
import { auditQueries } from '../audit/queries.js';

/** The most rows one tree level or one search shows; the API allows 2000. */
export const LOCATION_LIMIT = 2000;
export const SEARCH_LIMIT = 200;

/**
 * `['locations']` also prefixes the country lookup and the projects area's per-country lists,
 * so an import refreshes every place picker in the app.
 */
export const locationQueries = {
  all: ['locations'] as const,
  /** Children of a location, or the countries when `parentId` is null. */
  children: (parentId: string | null) =>
    queryOptions({
      queryKey: [...locationQueries.all, 'children', parentId ?? 'root'] as const,
      queryFn: ({ signal }) =>
        api<{ items: Location[] }>('/locations', {
          query: parentId ? { parentId, limit: LOCATION_LIMIT } : { level: 'country', limit: LOCATION_LIMIT },
          signal,
        }),
      placeholderData: keepPreviousData,
    }),
  search: (q: string) =>
    queryOptions({
      queryKey: [...locationQueries.all, 'search', q] as const,
      queryFn: ({ signal }) => api<{ items: Location[] }>('/locations', { query: { q, limit: SEARCH_LIMIT }, signal }),
      placeholderData: keepPreviousData,
    }),
  /** The location and its ancestors, country first, for the breadcrumbs (the tree is at most five deep). */
  trail: (id: string) =>
    queryOptions({
      queryKey: [...locationQueries.all, 'trail', id] as const,
      queryFn: async ({ signal }) => {
        const trail: Location[] = [];
        for (let next: string | null = id; next && trail.length < 6; ) {
          const loc: Location = await api<Location>(`/locations/${next}`, { signal });
          trail.unshift(loc);
          next = loc.parentId;
        }
        return trail;
      },
      staleTime: 5 * 60_000,
    }),
};

export const useLocationChildren = (parentId: string | null, enabled = true) => useQuery({ ...locationQueries.children(parentId), enabled });
export const useLocationSearch = (q: string) => useQuery({ ...locationQueries.search(q), enabled: q.length > 0 });
export const useLocationTrail = (id: string | null) => useQuery({ ...locationQueries.trail(id ?? ''), enabled: !!id });

export function useImportLocations() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ImportLocationsBody>) =>
      api<z.infer<typeof ImportLocationsResult>>('/locations/import', { method: 'POST', body }),
    onSuccess: (result) => {
      if (result.dryRun) return;
      return Promise.all([qc.invalidateQueries({ queryKey: locationQueries.all }), qc.invalidateQueries({ queryKey: auditQueries.all })]);
    },
  });
}
