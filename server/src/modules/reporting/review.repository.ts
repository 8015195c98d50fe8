import type { Database } from '../../db/database.js';
import type { ReviewCommentsTable, SubmissionEventsTable, SubmissionsTable } from '../../db/schema.js';

/**
 * Moves a package to its next status only if it is still at the version the actor saw: the
 * number of rows changed (0 or 1) tells whether someone else acted first.
 */
export async function updateStatusAtVersion(
  db: Database,
  id: string,
  version: number,
  set: Partial<Pick<SubmissionsTable, 'status' | 'version' | 'submitted_at' | 'submitted_by' | 'decided_at' | 'decided_by' | 'updated_at'>>,
): Promise<boolean> {
  const r = await db.updateTable('submissions').set(set).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const insertEvent = (db: Database, row: SubmissionEventsTable) => db.insertInto('submission_events').values(row).execute();

export async function insertComments(db: Database, rows: ReviewCommentsTable[]) {
  if (rows.length) await db.insertInto('review_comments').values(rows).execute();
}

export const setCommentResolved = (db: Database, id: string, resolvedAt: string | null, resolvedBy: string | null) =>
  db.updateTable('review_comments').set({ resolved_at: resolvedAt, resolved_by: resolvedBy }).where('id', '=', id).execute();
