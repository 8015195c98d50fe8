import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateSavedPivotBody,
  PivotCatalogue,
  PivotDefinition,
  PivotResult,
  SavedPivot,
  SavedPivotListSchema,
  UpdateSavedPivotBody,
} from '@shared/schemas/monitoring.js';
import { api } from '../../../api/client.js';
import { currentLocale } from '../../../i18n/index.js';

export type SavedPivotList = z.infer<typeof SavedPivotListSchema>;

/**
 * `['pivot']` holds the catalogue and results; `['saved-pivots']` the saved ones. Keys carry the
 * language because the server writes member labels ("Not disaggregated", place names) in it.
 */
export const pivotQueries = {
  all: ['pivot'] as const,
  catalogue: () =>
    queryOptions({
      queryKey: [...pivotQueries.all, 'catalogue', currentLocale()] as const,
      queryFn: ({ signal }) => api<PivotCatalogue>('/pivot/catalogue', { signal }),
      staleTime: 60_000,
    }),
  /** A result is asked for by POST (the definition is too rich for an address) but is a read: a query, cached by definition. */
  result: (definition: PivotDefinition) =>
    queryOptions({
      queryKey: [...pivotQueries.all, 'result', currentLocale(), definition] as const,
      queryFn: ({ signal }) => api<PivotResult>('/pivot', { method: 'POST', body: definition, signal }),
      placeholderData: keepPreviousData,
      retry: false,
    }),
  savedAll: ['saved-pivots'] as const,
  savedList: () =>
    queryOptions({
      queryKey: [...pivotQueries.savedAll, 'list'] as const,
      queryFn: ({ signal }) => api<SavedPivotList>('/saved-pivots', { signal }),
    }),
  saved: (id: string) =>
    queryOptions({
      queryKey: [...pivotQueries.savedAll, 'one', id] as const,
      queryFn: ({ signal }) => api<SavedPivot>(`/saved-pivots/${id}`, { signal }),
      retry: false,
    }),
};

export const usePivotCatalogue = () => useQuery(pivotQueries.catalogue());
export const usePivotResult = (definition: PivotDefinition, enabled: boolean) => useQuery({ ...pivotQueries.result(definition), enabled });
export const useSavedPivots = () => useQuery(pivotQueries.savedList());
export const useSavedPivot = (id: string | undefined) => useQuery({ ...pivotQueries.saved(id ?? ''), enabled: !!id });

function useInvalidateSaved() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: pivotQueries.savedAll });
}

export function useCreateSavedPivot() {
  const invalidate = useInvalidateSaved();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateSavedPivotBody>) => api<SavedPivot>('/saved-pivots', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateSavedPivot() {
  const invalidate = useInvalidateSaved();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof UpdateSavedPivotBody> }) =>
      api<SavedPivot>(`/saved-pivots/${id}`, { method: 'PATCH', body }),
    onSuccess: invalidate,
  });
}

export function useDeleteSavedPivot() {
  const invalidate = useInvalidateSaved();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/saved-pivots/${id}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}
