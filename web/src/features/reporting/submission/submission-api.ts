import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AddCommentBody,
  ApproveBody,
  ReopenBody,
  ReturnBody,
  ReviewComment,
  SubmissionDetail,
  SubmissionSummary,
  SubmitBody,
  ValueHistorySchema,
} from '@shared/schemas/index.js';
import { api } from '../../../api/client.js';
import { reportingQueries } from '../queries.js';
import { newBatchId } from './autosave-queue.js';
import { parseCellKey } from './grid-model.js';

export type ValueHistory = z.infer<typeof ValueHistorySchema>;

/** A cell's history, under the submission's key so that refreshing the package refreshes it too. */
export const valueHistoryQuery = (submissionId: string, key: string) => {
  const { indicatorId, locationId, optionIds } = parseCellKey(key);
  return queryOptions({
    queryKey: [...reportingQueries.submission(submissionId).queryKey, 'history', key] as const,
    queryFn: ({ signal }) =>
      api<ValueHistory>(`/submissions/${submissionId}/value-history`, { query: { indicatorId, locationId, options: optionIds.length ? optionIds.join('|') : undefined }, signal }),
  });
};

export const useValueHistory = (submissionId: string, key: string) => useQuery(valueHistoryQuery(submissionId, key));

export type ReviewAction =
  | { action: 'submit'; body: z.input<typeof SubmitBody> }
  | { action: 'return'; body: z.input<typeof ReturnBody> }
  | { action: 'approve'; body: z.input<typeof ApproveBody> }
  | { action: 'reopen'; body: z.input<typeof ReopenBody> };

/** Everything a review action changes: the package, its round's board, the round lists and the home page's work list. */
function useRefreshAfterAction(submissionId: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: reportingQueries.submission(submissionId).queryKey }),
      qc.invalidateQueries({ queryKey: reportingQueries.roundDetails() }),
      qc.invalidateQueries({ queryKey: reportingQueries.roundLists() }),
      qc.invalidateQueries({ queryKey: reportingQueries.mine().queryKey }),
    ]);
}

/**
 * Submit, return, approve or reopen. Each carries the version the reader saw (a stale one answers
 * 409) and an `Idempotency-Key`, the same for the retries of one action (`key`).
 */
export function useReviewAction(submissionId: string) {
  const refresh = useRefreshAfterAction(submissionId);
  return useMutation({
    mutationFn: ({ action, body, key }: ReviewAction & { key: string }) =>
      api<SubmissionSummary>(`/submissions/${submissionId}/${action}`, { method: 'POST', body, headers: { 'Idempotency-Key': key } }),
    // A conflict means the package moved on: show its current state either way.
    onSettled: refresh,
  });
}

export const newActionKey = newBatchId;

/** Comments change the package's open-comment counts on the board too. */
export function useAddComment(submissionId: string) {
  const qc = useQueryClient();
  const refresh = useRefreshAfterAction(submissionId);
  return useMutation({
    mutationFn: (body: z.input<typeof AddCommentBody>) => api<ReviewComment>(`/submissions/${submissionId}/comments`, { method: 'POST', body }),
    onSuccess: (comment) => {
      qc.setQueryData<SubmissionDetail>(reportingQueries.submission(submissionId).queryKey, (d) => (d ? { ...d, comments: [...d.comments, comment] } : d));
      return refresh();
    },
  });
}

export function useResolveComment(submissionId: string) {
  const qc = useQueryClient();
  const refresh = useRefreshAfterAction(submissionId);
  return useMutation({
    mutationFn: ({ id, resolved }: { id: string; resolved: boolean }) => api<ReviewComment>(`/review-comments/${id}/resolved`, { method: 'POST', body: { resolved } }),
    onSuccess: (comment) => {
      qc.setQueryData<SubmissionDetail>(reportingQueries.submission(submissionId).queryKey, (d) => (d ? { ...d, comments: d.comments.map((c) => (c.id === comment.id ? comment : c)) } : d));
      return refresh();
    },
  });
}
