import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateDisaggregationCategoryBody,
  DisaggregationCategory,
  DisaggregationCategoryListSchema,
  UpdateDisaggregationCategoryBody,
} from '@shared/schemas/index.js';
import { api } from '../../../api/client.js';
import { resultsQueries } from '../../results/queries.js';
import { auditQueries } from '../audit/queries.js';

export type CategoryList = z.infer<typeof DisaggregationCategoryListSchema>;

/** `['disaggregations', organisationId]`: one organisation's categories with whether the user may change them. */
export const disaggregationQueries = {
  all: ['disaggregations'] as const,
  list: (organisationId: string) =>
    queryOptions({
      queryKey: [...disaggregationQueries.all, organisationId] as const,
      queryFn: ({ signal }) => api<CategoryList>(`/organisations/${organisationId}/disaggregations`, { signal }),
    }),
};

export const useCategories = (organisationId: string | null) =>
  useQuery({ ...disaggregationQueries.list(organisationId ?? ''), enabled: !!organisationId });

/**
 * Frameworks and the library carry the categories (names, options, use counts), so a change here
 * refreshes them too, as well as the audit log that records it.
 */
function useInvalidate() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: disaggregationQueries.all }),
      qc.invalidateQueries({ queryKey: resultsQueries.all }),
      qc.invalidateQueries({ queryKey: ['library'] }),
      qc.invalidateQueries({ queryKey: auditQueries.all }),
    ]);
}

export function useCreateCategory(organisationId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateDisaggregationCategoryBody>) =>
      api<DisaggregationCategory>(`/organisations/${organisationId}/disaggregations`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateCategory() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof UpdateDisaggregationCategoryBody> }) =>
      api<DisaggregationCategory>(`/disaggregations/${id}`, { method: 'PATCH', body }),
    onSuccess: invalidate,
  });
}

export function useDeleteCategory() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/disaggregations/${id}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

/** Adds the standard categories the organisation does not have yet; the answer is the whole list. */
export function useAddStandardCategories(organisationId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => api<CategoryList>(`/organisations/${organisationId}/disaggregations/standard`, { method: 'POST', body: {} }),
    onSuccess: invalidate,
  });
}
