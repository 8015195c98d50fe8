import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Locale } from '@shared/locales.js';
import type {
  AttachmentListSchema,
  AttachmentSchema,
  ImportValuesResultT,
  Narrative,
  NarrativeList,
  SaveNarrativesBody,
} from '@shared/schemas/index.js';
import { api } from '../../../api/client.js';
import { reportingQueries } from '../queries.js';
import { idempotencyHeader } from './request-key.js';

export type Attachment = z.infer<typeof AttachmentSchema>;
export type AttachmentList = z.infer<typeof AttachmentListSchema>;

/**
 * The evidence of one submission, under the reporting keys so that invalidating `['reporting']`
 * reaches it too: `['reporting', 'evidence', id, 'narratives' | 'attachments']`.
 */
export const evidenceQueries = {
  all: (submissionId: string) => [...reportingQueries.all, 'evidence', submissionId] as const,
  narratives: (submissionId: string) =>
    queryOptions({
      queryKey: [...evidenceQueries.all(submissionId), 'narratives'] as const,
      queryFn: ({ signal }) => api<NarrativeList>(`/submissions/${submissionId}/narratives`, { signal }),
    }),
  attachments: (submissionId: string) =>
    queryOptions({
      queryKey: [...evidenceQueries.all(submissionId), 'attachments'] as const,
      queryFn: ({ signal }) => api<AttachmentList>(`/submissions/${submissionId}/attachments`, { signal }),
    }),
};

export const useNarratives = (submissionId: string) => useQuery(evidenceQueries.narratives(submissionId));
export const useAttachments = (submissionId: string) => useQuery(evidenceQueries.attachments(submissionId));

/** Saved narratives refresh the list and the submission (its checks count required narratives). */
export function useSaveNarratives(submissionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: z.input<typeof SaveNarrativesBody>; key: string }) =>
      api<NarrativeList>(`/submissions/${submissionId}/narratives`, { method: 'PUT', body, headers: idempotencyHeader(key) }),
    onSuccess: async (list) => {
      qc.setQueryData(evidenceQueries.narratives(submissionId).queryKey, list);
      await qc.invalidateQueries({ queryKey: reportingQueries.submission(submissionId).queryKey });
    },
  });
}

type TranslationAction =
  | { kind: 'machine'; narrativeId: string; language: Locale }
  | { kind: 'write'; narrativeId: string; language: Locale; text: string }
  | { kind: 'review'; narrativeId: string; language: Locale; reviewed: boolean };

function translationRequest(a: TranslationAction): Promise<Narrative> {
  const base = `/narratives/${a.narrativeId}/translations/${a.language}`;
  if (a.kind === 'machine') return api<Narrative>(`${base}/machine`, { method: 'POST' });
  if (a.kind === 'write') return api<Narrative>(base, { method: 'PUT', body: { text: a.text } });
  return api<Narrative>(`${base}/reviewed`, { method: 'POST', body: { reviewed: a.reviewed } });
}

/** Machine translation, a person's translation, or the reviewed mark: each answers with the narrative, put in the list. */
export function useTranslationAction(submissionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: translationRequest,
    onSuccess: (narrative) =>
      qc.setQueryData<NarrativeList>(evidenceQueries.narratives(submissionId).queryKey, (list) =>
        list ? { ...list, items: list.items.map((n) => (n.id === narrative.id ? narrative : n)) } : list,
      ),
  });
}

export function useUploadAttachment(submissionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { file: File; contentType: string; description: string; key: string }) =>
      api<Attachment>(`/submissions/${submissionId}/attachments`, {
        method: 'POST',
        query: { name: v.file.name, description: v.description },
        file: { data: v.file, contentType: v.contentType },
        headers: idempotencyHeader(v.key),
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: evidenceQueries.attachments(submissionId).queryKey }),
  });
}

export function useDeleteAttachment(submissionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: string) => api<void>(`/attachments/${attachmentId}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: evidenceQueries.attachments(submissionId).queryKey }),
  });
}

/** Checks (dryRun) or imports a values file; an applied import refreshes the submission and every reporting view. */
export function useImportValues(submissionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { file: File; contentType: string; dryRun: boolean; key: string }) =>
      api<ImportValuesResultT>(`/submissions/${submissionId}/import`, {
        method: 'POST',
        query: { dryRun: v.dryRun ? 'true' : 'false' },
        file: { data: v.file, contentType: v.contentType },
        // The server records the file's name in the audit trail.
        headers: { 'x-file-name': encodeURIComponent(v.file.name), ...(v.dryRun ? {} : idempotencyHeader(v.key)) },
      }),
    onSuccess: async (result) => {
      if (result.dryRun) return;
      await Promise.all([
        qc.invalidateQueries({ queryKey: reportingQueries.submission(submissionId).queryKey }),
        qc.invalidateQueries({ queryKey: reportingQueries.roundDetails() }),
        qc.invalidateQueries({ queryKey: reportingQueries.mine().queryKey }),
      ]);
    },
  });
}
