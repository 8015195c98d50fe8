import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Granularity } from '@shared/schemas/monitoring.js';
import type { GeneratedReport } from '@shared/schemas/reports.js';
import type { CreatedShareLink, CreateShareLinkInput, SharedView, ShareLink } from '@shared/schemas/sharing.js';
import { api } from '../../api/client.js';
import { currentLocale } from '../../i18n/index.js';

/** `['share-links', projectId]` holds a project's links; `['shared', token]` what a link shows (signed out). */
export const shareLinkQueries = {
  all: ['share-links'] as const,
  list: (projectId: string) =>
    queryOptions({
      queryKey: [...shareLinkQueries.all, projectId] as const,
      queryFn: ({ signal }) => api<{ items: ShareLink[] }>('/share-links', { query: { projectId }, signal }),
    }),
  /** The project's finished reports, offered for a report link. */
  reports: (projectId: string) =>
    queryOptions({
      queryKey: [...shareLinkQueries.all, projectId, 'reports'] as const,
      queryFn: ({ signal }) =>
        api<{ items: GeneratedReport[] }>('/reports', { query: { scopeType: 'project', scopeId: projectId }, signal }).then((r) =>
          r.items.filter((x) => x.status === 'done'),
        ),
      retry: false,
    }),
  view: (token: string, granularity: Granularity) =>
    queryOptions({
      // The server writes labels (result levels, places) in the reader's language.
      queryKey: ['shared', token, granularity, currentLocale()] as const,
      queryFn: ({ signal }) => api<SharedView>(`/shared/${encodeURIComponent(token)}`, { query: { granularity }, signal }),
      retry: false,
      staleTime: 5 * 60_000,
    }),
};

export const useShareLinks = (projectId: string) => useQuery(shareLinkQueries.list(projectId));
export const useShareableReports = (projectId: string) => useQuery(shareLinkQueries.reports(projectId));
export const useSharedView = (token: string, granularity: Granularity) => useQuery(shareLinkQueries.view(token, granularity));

export function useCreateShareLink(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateShareLinkInput) => api<CreatedShareLink>('/share-links', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...shareLinkQueries.all, projectId] }),
  });
}

export function useRevokeShareLink(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<ShareLink>(`/share-links/${id}/revoke`, { method: 'POST', body: {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...shareLinkQueries.all, projectId] }),
  });
}
