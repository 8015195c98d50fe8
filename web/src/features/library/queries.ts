import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AdoptIndicatorBody,
  CreateLibraryIndicatorBody,
  Indicator,
  LibraryIndicator,
  LibraryListSchema,
  UpdateLibraryIndicatorBody,
} from '@shared/schemas/index.js';
import { api } from '../../api/client.js';
import { auditQueries } from '../admin/audit/queries.js';
import { disaggregationQueries } from '../admin/disaggregations/queries.js';
import { resultsQueries } from '../results/queries.js';
import { type FrameworkOwner, ownerPath } from '../results/owner.js';

export type LibraryList = z.infer<typeof LibraryListSchema>;

export interface LibraryFilters {
  q?: string;
  includeArchived: boolean;
}

/**
 * `['library']` covers every list: an organisation's own (`['library', 'organisation', id, filters]`)
 * and the entries a framework may adopt (`['library', 'adoptable', kind, id, q]`).
 */
export const libraryQueries = {
  all: ['library'] as const,
  organisation: (organisationId: string, filters: LibraryFilters) =>
    queryOptions({
      queryKey: [...libraryQueries.all, 'organisation', organisationId, filters] as const,
      queryFn: ({ signal }) =>
        api<LibraryList>(`/organisations/${organisationId}/library`, {
          query: { q: filters.q, includeArchived: String(filters.includeArchived) },
          signal,
        }),
      placeholderData: keepPreviousData,
    }),
  adoptable: (owner: FrameworkOwner, q: string) =>
    queryOptions({
      queryKey: [...libraryQueries.all, 'adoptable', owner.kind, owner.id, q] as const,
      queryFn: ({ signal }) => api<LibraryList>(`${ownerPath(owner)}/library`, { query: { q }, signal }),
      placeholderData: keepPreviousData,
    }),
};

export const useLibrary = (organisationId: string, filters: LibraryFilters) =>
  useQuery({ ...libraryQueries.organisation(organisationId, filters), enabled: !!organisationId });

export const useAdoptable = (owner: FrameworkOwner, q: string, enabled: boolean) => useQuery({ ...libraryQueries.adoptable(owner, q), enabled });

/** A library change shows in frameworks (adopted indicators follow their entry) and in the audit log, and changes category use counts. */
function useInvalidate() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: libraryQueries.all }),
      qc.invalidateQueries({ queryKey: resultsQueries.all }),
      qc.invalidateQueries({ queryKey: disaggregationQueries.all }),
      qc.invalidateQueries({ queryKey: auditQueries.all }),
    ]);
}

export function useCreateLibraryIndicator(organisationId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateLibraryIndicatorBody>) =>
      api<LibraryIndicator>(`/organisations/${organisationId}/library`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateLibraryIndicator() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof UpdateLibraryIndicatorBody> }) =>
      api<LibraryIndicator>(`/library-indicators/${id}`, { method: 'PATCH', body }),
    onSuccess: invalidate,
  });
}

export function useDeleteLibraryIndicator() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/library-indicators/${id}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

/** Adds a linked copy of a library entry under a result node. */
export function useAdoptIndicator() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ nodeId, body }: { nodeId: string; body: z.input<typeof AdoptIndicatorBody> }) =>
      api<Indicator>(`/result-nodes/${nodeId}/adopt`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}
