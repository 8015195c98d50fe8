import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { ATTACHMENT_MAX_BYTES, type AttachmentListSchema, type AttachmentSchema, type UploadAttachmentQuery } from '@shared/schemas/reporting.js';
import { nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { type IdempotentAnswer, withIdempotency } from '../../lib/idempotency.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.repository.js';
import * as repo from './attachments.repository.js';
import { cleanFileName, detectAttachmentType } from './attachments.sniff.js';
import { loadSubmission } from './reporting-access.js';
import { requireEditable } from './submissions.service.js';

type Attachment = z.infer<typeof AttachmentSchema>;
type AttachmentList = z.infer<typeof AttachmentListSchema>;

/** Evidence files per package: enough for attendance lists and photos, not a file store. */
export const MAX_ATTACHMENTS = 50;

/** 413 with the limit in megabytes, for a file over the limit (here or at the body parser). */
export const fileTooLarge = () =>
  new AppError('payload_too_large', [{ field: 'body', reason: 'file_too_large', params: { maximum: ATTACHMENT_MAX_BYTES / (1024 * 1024) } }]);

const toAttachment = (a: repo.AttachmentRow): Attachment => ({
  id: a.id,
  fileName: a.file_name,
  contentType: a.content_type,
  sizeBytes: a.size_bytes,
  description: a.description,
  uploadedBy: { id: a.uploaded_by, name: a.uploaded_by_name ?? a.uploaded_by },
  createdAt: a.created_at,
});

/** What the audit keeps of an attachment: its metadata, never its bytes. */
const auditView = (a: { submission_id: string; file_name: string; content_type: string; size_bytes: number; sha256: string; description: string }) => ({
  submissionId: a.submission_id, fileName: a.file_name, contentType: a.content_type, sizeBytes: a.size_bytes, sha256: a.sha256, description: a.description,
});

export async function listAttachments(ctx: Ctx, submissionId: string): Promise<AttachmentList> {
  return inTransaction(ctx, async (tx) => {
    const { rights } = await loadSubmission(tx, submissionId);
    return { items: (await repo.attachmentsOfSubmission(tx.db, submissionId)).map(toAttachment), canEdit: rights.canEdit };
  });
}

/**
 * Stores an evidence file. Its type is read from its bytes and must be one of the accepted ones;
 * the name is cleaned and given the extension of that type.
 */
export async function uploadAttachment(
  ctx: Ctx,
  submissionId: string,
  query: z.infer<typeof UploadAttachmentQuery>,
  content: Buffer,
  idempotencyKey?: string,
): Promise<IdempotentAnswer<Attachment>> {
  return withIdempotency(
    ctx,
    idempotencyKey,
    'POST /submissions/:id/attachments',
    async (tx) => {
      const loaded = await loadSubmission(tx, submissionId);
      const { submission } = loaded;
      requireEditable(tx, loaded);
      if (content.length > ATTACHMENT_MAX_BYTES) throw fileTooLarge();
      if (content.length === 0) throw invalid({ field: 'body', reason: 'empty_file' });
      const type = detectAttachmentType(content);
      if (!type) throw invalid({ field: 'body', reason: 'file_type_not_allowed', params: { name: query.name } });
      if ((await repo.countAttachments(tx.db, submissionId)) >= MAX_ATTACHMENTS) {
        throw new AppError('conflict', [{ field: 'body', reason: 'too_many_attachments', params: { maximum: MAX_ATTACHMENTS } }]);
      }
      const row = {
        id: newId(), submission_id: submissionId, file_name: cleanFileName(query.name, type), content_type: type, size_bytes: content.length,
        sha256: createHash('sha256').update(content).digest('hex'), description: query.description, uploaded_by: ctx.actor.userId, created_at: nowIso(),
      };
      await repo.insertAttachment(tx.db, row, content);
      await recordAudit(tx, { action: 'attachment.upload', entityType: 'attachment', entityId: row.id, organisationId: submission.organisation_id, after: auditView(row) });
      return toAttachment({ ...row, uploaded_by_name: ctx.actor.name });
    },
    201,
  );
}

/** An attachment the reader may see (404 otherwise), with their rights on its package. */
async function loadAttachment(ctx: Ctx, attachmentId: string) {
  const attachment = await repo.findAttachment(ctx.db, attachmentId);
  if (!attachment) throw notFound();
  return { attachment, ...(await loadSubmission(ctx, attachment.submission_id)) };
}

export interface AttachmentFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** The stored bytes, for anyone who may see the package. */
export async function attachmentFile(ctx: Ctx, attachmentId: string): Promise<AttachmentFile> {
  return inTransaction(ctx, async (tx) => {
    const { attachment } = await loadAttachment(tx, attachmentId);
    const content = await repo.attachmentContent(tx.db, attachmentId);
    if (!content) throw notFound();
    return { fileName: attachment.file_name, contentType: attachment.content_type, content: Buffer.from(content) };
  });
}

export async function deleteAttachment(ctx: Ctx, attachmentId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const loaded = await loadAttachment(tx, attachmentId);
    const { attachment, submission } = loaded;
    requireEditable(tx, loaded);
    await repo.deleteAttachment(tx.db, attachmentId);
    await recordAudit(tx, { action: 'attachment.delete', entityType: 'attachment', entityId: attachmentId, organisationId: submission.organisation_id, before: auditView(attachment) });
  });
}
