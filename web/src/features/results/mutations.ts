import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateIndicatorBody,
  CreateResultNodeBody,
  Framework,
  Indicator,
  MoveIndicatorBody,
  MoveResultNodeBody,
  ResultNode,
  UpdateFrameworkBody,
  UpdateIndicatorBody,
  UpdateResultNodeBody,
} from '@shared/schemas/index.js';
import { api } from '../../api/client.js';
import { resultsQueries } from './queries.js';

/**
 * Every change to a framework refreshes the project's framework. Changes that answer with the whole
 * framework (template, moves) put it in the cache directly; the others invalidate it.
 */
function useResultsCache(projectId: string) {
  const qc = useQueryClient();
  return {
    setFramework: (framework: Framework) => qc.setQueryData(resultsQueries.framework(projectId).queryKey, framework),
    refreshFramework: () => qc.invalidateQueries({ queryKey: resultsQueries.framework(projectId).queryKey }),
    refreshIndicator: (id: string) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: resultsQueries.indicator(id).queryKey }),
        qc.invalidateQueries({ queryKey: resultsQueries.history(id).queryKey }),
      ]),
    forgetIndicator: (id: string) => {
      qc.removeQueries({ queryKey: resultsQueries.indicator(id).queryKey });
      qc.removeQueries({ queryKey: resultsQueries.history(id).queryKey });
    },
    qc,
  };
}

export function useUpdateFramework(projectId: string) {
  const cache = useResultsCache(projectId);
  return useMutation({
    mutationFn: (body: z.input<typeof UpdateFrameworkBody>) => api<Framework>(`/projects/${projectId}/framework`, { method: 'PATCH', body }),
    onSuccess: (framework) => cache.setFramework(framework),
  });
}

export function useCreateNode(projectId: string) {
  const cache = useResultsCache(projectId);
  return useMutation({
    mutationFn: (body: z.input<typeof CreateResultNodeBody>) => api<ResultNode>(`/projects/${projectId}/framework/nodes`, { method: 'POST', body }),
    onSuccess: () => cache.refreshFramework(),
  });
}

export function useUpdateNode(projectId: string) {
  const cache = useResultsCache(projectId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof UpdateResultNodeBody> }) =>
      api<ResultNode>(`/result-nodes/${id}`, { method: 'PATCH', body }),
    onSuccess: () => cache.refreshFramework(),
  });
}

export function useMoveNode(projectId: string) {
  const cache = useResultsCache(projectId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof MoveResultNodeBody> }) =>
      api<Framework>(`/result-nodes/${id}/move`, { method: 'POST', body }),
    onSuccess: (framework) => cache.setFramework(framework),
  });
}

/** Deletes a node; `confirm` is needed when child nodes or indicators hang below it (else 409 `has_dependants`). */
export function useDeleteNode(projectId: string) {
  const cache = useResultsCache(projectId);
  return useMutation({
    mutationFn: ({ id, confirm }: { id: string; confirm: boolean }) =>
      api<{ ok: true }>(`/result-nodes/${id}`, { method: 'DELETE', query: confirm ? { confirm: 'true' } : undefined }),
    onSuccess: () => cache.refreshFramework(),
  });
}

export function useCreateIndicator(projectId: string) {
  const cache = useResultsCache(projectId);
  return useMutation({
    mutationFn: ({ nodeId, body }: { nodeId: string; body: z.input<typeof CreateIndicatorBody> }) =>
      api<Indicator>(`/result-nodes/${nodeId}/indicators`, { method: 'POST', body }),
    onSuccess: (indicator) => {
      cache.qc.setQueryData(resultsQueries.indicator(indicator.id).queryKey, indicator);
      return cache.refreshFramework();
    },
  });
}

/** `projectId` may be unknown on the indicator page: then every cached framework is refreshed. */
export function useUpdateIndicator(id: string, projectId?: string) {
  const cache = useResultsCache(projectId ?? '');
  return useMutation({
    mutationFn: (body: z.input<typeof UpdateIndicatorBody>) => api<Indicator>(`/indicators/${id}`, { method: 'PATCH', body }),
    onSuccess: (indicator) => {
      cache.qc.setQueryData(resultsQueries.indicator(id).queryKey, indicator);
      return Promise.all([
        cache.qc.invalidateQueries({ queryKey: resultsQueries.history(id).queryKey }),
        projectId ? cache.refreshFramework() : cache.qc.invalidateQueries({ queryKey: resultsQueries.frameworks() }),
      ]);
    },
  });
}

export function useDeleteIndicator(projectId: string) {
  const cache = useResultsCache(projectId);
  return useMutation({
    mutationFn: (id: string) => api<{ ok: true }>(`/indicators/${id}`, { method: 'DELETE' }),
    onSuccess: (_ok, id) => {
      cache.forgetIndicator(id);
      return cache.refreshFramework();
    },
  });
}

export function useMoveIndicator(projectId: string) {
  const cache = useResultsCache(projectId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof MoveIndicatorBody> }) =>
      api<Framework>(`/indicators/${id}/move`, { method: 'POST', body }),
    onSuccess: (framework, { id }) => {
      cache.setFramework(framework);
      return cache.refreshIndicator(id);
    },
  });
}
