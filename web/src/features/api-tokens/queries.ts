import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiToken, CreateApiTokenInput, CreatedApiToken } from '@shared/schemas/api-tokens.js';
import { api } from '../../api/client.js';

/** `['api-tokens']` holds the signed-in user's own tokens. */
export const apiTokenQueries = {
  all: ['api-tokens'] as const,
  mine: () =>
    queryOptions({
      queryKey: [...apiTokenQueries.all, 'mine'] as const,
      queryFn: ({ signal }) => api<{ items: ApiToken[] }>('/api-tokens', { signal }),
    }),
};

export const useMyApiTokens = () => useQuery(apiTokenQueries.mine());

/** Another user's tokens, for installation administrators (the server refuses anyone else). */
export const useUserApiTokens = (userId: string) =>
  useQuery({
    queryKey: [...apiTokenQueries.all, 'user', userId] as const,
    queryFn: ({ signal }) => api<{ items: ApiToken[] }>('/api-tokens', { query: { userId }, signal }),
  });

export function useCreateApiToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiTokenInput) => api<CreatedApiToken>('/api-tokens', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: apiTokenQueries.all }),
  });
}

export function useRevokeApiToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<ApiToken>(`/api-tokens/${id}/revoke`, { method: 'POST', body: {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: apiTokenQueries.all }),
  });
}
