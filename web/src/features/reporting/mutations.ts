import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateRoundInput, Round, UpdateRoundBody } from '@shared/schemas/index.js';
import { api } from '../../api/client.js';
import { reportingQueries } from './queries.js';

export type UpdateRoundInput = z.input<typeof UpdateRoundBody>;

/**
 * A round change refreshes the project's round list and the home page's work list, and puts the
 * round the server answered with in the cache (the board shows it at once).
 */
function useRoundCache() {
  const qc = useQueryClient();
  return {
    put: (round: Round) => qc.setQueryData(reportingQueries.round(round.id).queryKey, round),
    refreshLists: (projectId: string) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: reportingQueries.rounds(projectId).queryKey }),
        qc.invalidateQueries({ queryKey: reportingQueries.roundOptions(projectId).queryKey }),
        qc.invalidateQueries({ queryKey: reportingQueries.mine().queryKey }),
      ]),
    forget: (id: string) => qc.removeQueries({ queryKey: reportingQueries.round(id).queryKey }),
  };
}

export function useCreateRound(projectId: string) {
  const cache = useRoundCache();
  return useMutation({
    mutationFn: (body: CreateRoundInput) => api<Round>(`/projects/${projectId}/rounds`, { method: 'POST', body }),
    onSuccess: (round) => {
      cache.put(round);
      return cache.refreshLists(projectId);
    },
  });
}

export function useUpdateRound(round: Pick<Round, 'id' | 'projectId'>) {
  const cache = useRoundCache();
  return useMutation({
    mutationFn: (body: UpdateRoundInput) => api<Round>(`/rounds/${round.id}`, { method: 'PATCH', body }),
    onSuccess: (saved) => {
      cache.put(saved);
      return cache.refreshLists(saved.projectId);
    },
  });
}

export function useDeleteRound(round: Pick<Round, 'id' | 'projectId'>) {
  const cache = useRoundCache();
  return useMutation({
    mutationFn: () => api<void>(`/rounds/${round.id}`, { method: 'DELETE' }),
    onSuccess: () => {
      cache.forget(round.id);
      return cache.refreshLists(round.projectId);
    },
  });
}
