import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateOrganisationBody, Organisation, OrganisationPage, UpdateOrganisationBody } from '@shared/schemas/index.js';
import { api } from '../../../api/client.js';
import { auditQueries } from '../audit/queries.js';

export interface OrganisationFilters {
  q?: string;
  limit: number;
  offset: number;
}

/**
 * `['organisations']` also prefixes the pickers' lookup (api/lookups.ts), so a change here
 * refreshes every organisation select in the app.
 */
export const organisationQueries = {
  all: ['organisations'] as const,
  lists: () => [...organisationQueries.all, 'list'] as const,
  list: (filters: OrganisationFilters) =>
    queryOptions({
      queryKey: [...organisationQueries.lists(), filters] as const,
      queryFn: ({ signal }) => api<z.infer<typeof OrganisationPage>>('/organisations', { query: { ...filters }, signal }),
      placeholderData: keepPreviousData,
    }),
};

export const useOrganisationList = (filters: OrganisationFilters) => useQuery(organisationQueries.list(filters));

/** One organisation, for a link that opens it for editing (`?edit=<id>`). */
export const useOrganisation = (id: string | null) =>
  useQuery({
    queryKey: [...organisationQueries.all, 'detail', id] as const,
    queryFn: ({ signal }) => api<Organisation>(`/organisations/${id}`, { signal }),
    enabled: !!id,
  });

function useInvalidate() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: organisationQueries.all }), qc.invalidateQueries({ queryKey: auditQueries.all })]);
}

export function useCreateOrganisation() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateOrganisationBody>) => api<Organisation>('/organisations', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateOrganisation() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof UpdateOrganisationBody> }) =>
      api<Organisation>(`/organisations/${id}`, { method: 'PATCH', body }),
    onSuccess: invalidate,
  });
}
