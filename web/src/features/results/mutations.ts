import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateIndicatorBody,
  CreateResultNodeBody,
  Framework,
  Indicator,
  IndicatorTargets,
  MoveIndicatorBody,
  MoveResultNodeBody,
  PutTargetsBody,
  ResultNode,
  UpdateFrameworkBody,
  UpdateIndicatorBody,
  UpdateResultNodeBody,
} from '@shared/schemas/index.js';
import { api } from '../../api/client.js';
import { type FrameworkOwner, frameworkPath } from './owner.js';
import { resultsQueries } from './queries.js';

/**
 * Every change to a framework refreshes its owner's framework. Changes that answer with the whole
 * framework (template, moves) put it in the cache directly; the others invalidate it. Roll-up links
 * cross frameworks, so indicator changes also refresh every programme indicator's contributions.
 */
function useResultsCache(owner: FrameworkOwner | null) {
  const qc = useQueryClient();
  const contributions = [...resultsQueries.all, 'contributions'];
  return {
    setFramework: (framework: Framework) => owner && qc.setQueryData(resultsQueries.framework(owner).queryKey, framework),
    /** Without a known owner, every cached framework. */
    refreshFramework: () =>
      qc.invalidateQueries({ queryKey: owner ? resultsQueries.framework(owner).queryKey : resultsQueries.frameworks() }),
    refreshIndicator: (id: string) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: resultsQueries.indicator(id).queryKey }),
        qc.invalidateQueries({ queryKey: resultsQueries.history(id).queryKey }),
        qc.invalidateQueries({ queryKey: contributions }),
      ]),
    forgetIndicator: (id: string) => {
      qc.removeQueries({ queryKey: resultsQueries.indicator(id).queryKey });
      qc.removeQueries({ queryKey: resultsQueries.history(id).queryKey });
      qc.removeQueries({ queryKey: resultsQueries.targets(id).queryKey });
      return qc.invalidateQueries({ queryKey: contributions });
    },
    qc,
  };
}

export function useUpdateFramework(owner: FrameworkOwner) {
  const cache = useResultsCache(owner);
  return useMutation({
    mutationFn: (body: z.input<typeof UpdateFrameworkBody>) => api<Framework>(frameworkPath(owner), { method: 'PATCH', body }),
    onSuccess: (framework) => cache.setFramework(framework),
  });
}

export function useCreateNode(owner: FrameworkOwner) {
  const cache = useResultsCache(owner);
  return useMutation({
    mutationFn: (body: z.input<typeof CreateResultNodeBody>) => api<ResultNode>(`${frameworkPath(owner)}/nodes`, { method: 'POST', body }),
    onSuccess: () => cache.refreshFramework(),
  });
}

export function useUpdateNode(owner: FrameworkOwner) {
  const cache = useResultsCache(owner);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof UpdateResultNodeBody> }) =>
      api<ResultNode>(`/result-nodes/${id}`, { method: 'PATCH', body }),
    onSuccess: () => cache.refreshFramework(),
  });
}

export function useMoveNode(owner: FrameworkOwner) {
  const cache = useResultsCache(owner);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof MoveResultNodeBody> }) =>
      api<Framework>(`/result-nodes/${id}/move`, { method: 'POST', body }),
    onSuccess: (framework) => cache.setFramework(framework),
  });
}

/** Deletes a node; `confirm` is needed when child nodes or indicators hang below it (else 409 `has_dependants`). */
export function useDeleteNode(owner: FrameworkOwner) {
  const cache = useResultsCache(owner);
  return useMutation({
    mutationFn: ({ id, confirm }: { id: string; confirm: boolean }) =>
      api<{ ok: true }>(`/result-nodes/${id}`, { method: 'DELETE', query: confirm ? { confirm: 'true' } : undefined }),
    onSuccess: () => Promise.all([cache.refreshFramework(), cache.qc.invalidateQueries({ queryKey: [...resultsQueries.all, 'contributions'] })]),
  });
}

export function useCreateIndicator(owner: FrameworkOwner | null) {
  const cache = useResultsCache(owner);
  return useMutation({
    mutationFn: ({ nodeId, body }: { nodeId: string; body: z.input<typeof CreateIndicatorBody> }) =>
      api<Indicator>(`/result-nodes/${nodeId}/indicators`, { method: 'POST', body }),
    onSuccess: (indicator) => {
      cache.qc.setQueryData(resultsQueries.indicator(indicator.id).queryKey, indicator);
      return Promise.all([cache.refreshFramework(), cache.refreshIndicator(indicator.id)]);
    },
  });
}

/** A definition change also changes what the targets editor shows (categories, type), so targets are refreshed too. */
export function useUpdateIndicator(id: string, owner: FrameworkOwner | null) {
  const cache = useResultsCache(owner);
  return useMutation({
    mutationFn: (body: z.input<typeof UpdateIndicatorBody>) => api<Indicator>(`/indicators/${id}`, { method: 'PATCH', body }),
    onSuccess: (indicator) => {
      cache.qc.setQueryData(resultsQueries.indicator(id).queryKey, indicator);
      return Promise.all([
        cache.refreshIndicator(id),
        cache.qc.invalidateQueries({ queryKey: resultsQueries.targets(id).queryKey }),
        cache.refreshFramework(),
      ]);
    },
  });
}

/** `confirm` is needed when project indicators roll up into it (else 409 `has_dependants`). */
export function useDeleteIndicator(owner: FrameworkOwner | null) {
  const cache = useResultsCache(owner);
  return useMutation({
    mutationFn: ({ id, confirm }: { id: string; confirm: boolean }) =>
      api<{ ok: true }>(`/indicators/${id}`, { method: 'DELETE', query: confirm ? { confirm: 'true' } : undefined }),
    onSuccess: (_ok, { id }) => Promise.all([cache.forgetIndicator(id), cache.refreshFramework()]),
  });
}

export function useMoveIndicator(owner: FrameworkOwner) {
  const cache = useResultsCache(owner);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof MoveIndicatorBody> }) =>
      api<Framework>(`/indicators/${id}/move`, { method: 'POST', body }),
    onSuccess: (framework, { id }) => {
      cache.setFramework(framework);
      return cache.refreshIndicator(id);
    },
  });
}

/** Replaces every target of the indicator; the history gains the change. */
export function usePutTargets(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof PutTargetsBody>) => api<IndicatorTargets>(`/indicators/${id}/targets`, { method: 'PUT', body }),
    // Awaited, so that the editor, started again after the save, starts from the saved targets.
    onSuccess: (targets) => {
      const fresh = !!targets && Array.isArray((targets as Partial<IndicatorTargets>).targets);
      if (fresh) qc.setQueryData(resultsQueries.targets(id).queryKey, targets);
      return Promise.all([
        fresh ? null : qc.invalidateQueries({ queryKey: resultsQueries.targets(id).queryKey }),
        qc.invalidateQueries({ queryKey: resultsQueries.history(id).queryKey }),
      ]);
    },
  });
}
