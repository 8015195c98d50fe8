import type { Database } from '../../db/database.js';
import type { AttachmentsTable } from '../../db/schema.js';

/** A package's attachments (metadata only), oldest first, with the uploader's name. */
export const attachmentsOfSubmission = (db: Database, submissionId: string) =>
  db
    .selectFrom('attachments as a')
    .leftJoin('users as u', 'u.id', 'a.uploaded_by')
    .selectAll('a')
    .select('u.name as uploaded_by_name')
    .where('a.submission_id', '=', submissionId)
    .orderBy('a.created_at')
    .orderBy('a.file_name')
    .execute();
export type AttachmentRow = Awaited<ReturnType<typeof attachmentsOfSubmission>>[number];

export const findAttachment = (db: Database, id: string) =>
  db
    .selectFrom('attachments as a')
    .leftJoin('users as u', 'u.id', 'a.uploaded_by')
    .selectAll('a')
    .select('u.name as uploaded_by_name')
    .where('a.id', '=', id)
    .executeTakeFirst();

export const countAttachments = async (db: Database, submissionId: string): Promise<number> =>
  Number((await db.selectFrom('attachments').select((e) => e.fn.countAll().as('n')).where('submission_id', '=', submissionId).executeTakeFirstOrThrow()).n);

/** Metadata and bytes, written together in the caller's transaction. */
export async function insertAttachment(db: Database, row: AttachmentsTable, content: Buffer) {
  await db.insertInto('attachments').values(row).execute();
  await db.insertInto('attachment_contents').values({ attachment_id: row.id, content }).execute();
}

export const attachmentContent = async (db: Database, id: string): Promise<Buffer | undefined> =>
  (await db.selectFrom('attachment_contents').select('content').where('attachment_id', '=', id).executeTakeFirst())?.content;

/** Removes the attachment; its bytes go with it (foreign key cascade). */
export const deleteAttachment = (db: Database, id: string) => db.deleteFrom('attachments').where('id', '=', id).execute();
