import { createHash } from 'node:crypto';
import { EXPENDITURE_ATTACHMENT_MAX_BYTES, EXPENDITURE_ATTACHMENT_TYPES, type Expenditure, type UploadExpenditureAttachmentQuery } from '@shared/schemas/expenditures.js';
import type { z } from 'zod';
import { nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { type IdempotentAnswer, withIdempotency } from '../../lib/idempotency.js';
import { authorise } from '../access/access.policy.js';
import { recordAudit } from '../audit/audit.repository.js';
import { cleanFileName, detectAttachmentType } from '../reporting/attachments.sniff.js';
import * as repo from './expenditures.repository.js';
import { loadForAttachment } from './expenditures.service.js';

/**
 * The receipt or invoice of an expenditure: one file, typed from its bytes (PDF, PNG, JPEG or
 * XLSX, never from its name or the header the client sent), at most 10 MB, stored in the database
 * apart from the expenditure so that lists never read it. Its recorder adds or replaces it until
 * anyone approves; from then on it is part of the record.
 */

type Accepted = (typeof EXPENDITURE_ATTACHMENT_TYPES)[number];
const accepted = (type: string | null): type is Accepted => !!type && (EXPENDITURE_ATTACHMENT_TYPES as readonly string[]).includes(type);

/** 413 with the limit in megabytes, for a file over the limit (here or at the body parser). */
export const receiptTooLarge = () =>
  new AppError('payload_too_large', [{ field: 'body', reason: 'file_too_large', params: { maximum: EXPENDITURE_ATTACHMENT_MAX_BYTES / (1024 * 1024) } }]);

export function uploadReceipt(
  ctx: Ctx,
  expenditureId: string,
  query: z.infer<typeof UploadExpenditureAttachmentQuery>,
  content: Buffer,
  idempotencyKey?: string,
): Promise<IdempotentAnswer<Expenditure>> {
  return withIdempotency(
    ctx,
    idempotencyKey,
    'POST /expenditures/:id/attachment',
    async (tx) => {
      const { row, access, rights, hydrate } = await loadForAttachment(tx, expenditureId);
      if (row.status === 'approved' || row.status === 'rejected') {
        throw new AppError('invalid_transition', [{ field: 'status', reason: 'expenditure_locked', params: { status: row.status } }]);
      }
      authorise(true, rights.canAttach);
      if (content.length > EXPENDITURE_ATTACHMENT_MAX_BYTES) throw receiptTooLarge();
      if (content.length === 0) throw invalid({ field: 'body', reason: 'empty_file' });
      const type = detectAttachmentType(content);
      if (!accepted(type)) throw invalid({ field: 'body', reason: 'expenditure_file_type_not_allowed', params: { name: query.name } });
      const patch = {
        attachment_name: cleanFileName(query.name, type),
        attachment_type: type,
        attachment_size: content.length,
        attachment_sha256: createHash('sha256').update(content).digest('hex'),
        updated_at: nowIso(),
      };
      await repo.putAttachment(tx.db, expenditureId, content);
      if (!(await repo.updateAtVersion(tx.db, expenditureId, row.version, patch))) {
        throw new AppError('conflict', [{ field: 'version', reason: 'stale_version', params: { current: row.version } }]);
      }
      await recordAudit(tx, {
        action: 'expenditure.attachment',
        entityType: 'expenditure',
        entityId: expenditureId,
        organisationId: access.project.organisation_id,
        before: row.attachment_name ? { fileName: row.attachment_name, contentType: row.attachment_type, sizeBytes: row.attachment_size, sha256: row.attachment_sha256 } : null,
        after: { fileName: patch.attachment_name, contentType: type, sizeBytes: patch.attachment_size, sha256: patch.attachment_sha256 },
      });
      return hydrate();
    },
    201,
  );
}

export interface ReceiptFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** The stored bytes, for anyone who may see the project's money. */
export async function receiptFile(ctx: Ctx, expenditureId: string): Promise<ReceiptFile> {
  return inTransaction(ctx, async (tx) => {
    const { row } = await loadForAttachment(tx, expenditureId);
    const content = row.attachment_name ? await repo.attachmentContent(tx.db, expenditureId) : undefined;
    if (!content) throw notFound();
    return { fileName: row.attachment_name!, contentType: row.attachment_type ?? 'application/octet-stream', content: Buffer.from(content) };
  });
}
