import type { Database } from '../../db/database.js';
import type { ShareLinksTable } from '../../db/schema.js';

/** Links with the names of who made and revoked them and the shared report's title and period. */
const withNames = (db: Database) =>
  db
    .selectFrom('share_links as l')
    .leftJoin('users as c', 'c.id', 'l.created_by')
    .leftJoin('users as r', 'r.id', 'l.revoked_by')
    .leftJoin('generated_reports as g', 'g.id', 'l.report_id')
    .selectAll('l')
    .select(['c.name as created_by_name', 'r.name as revoked_by_name', 'g.title as report_title', 'g.period_start as report_period_start', 'g.period_end as report_period_end']);

export type ShareLinkRow = ShareLinksTable & {
  created_by_name: string | null;
  revoked_by_name: string | null;
  report_title: string | null;
  report_period_start: string | null;
  report_period_end: string | null;
};

export const findShareLink = (db: Database, id: string): Promise<ShareLinkRow | undefined> => withNames(db).where('l.id', '=', id).executeTakeFirst();

export const findShareLinkByHash = (db: Database, tokenHash: string): Promise<ShareLinkRow | undefined> =>
  withNames(db).where('l.token_hash', '=', tokenHash).executeTakeFirst();

/** A project's links, newest first. */
export const listShareLinks = (db: Database, projectId: string): Promise<ShareLinkRow[]> =>
  withNames(db).where('l.project_id', '=', projectId).orderBy('l.created_at', 'desc').orderBy('l.id').execute();

export const insertShareLink = (db: Database, row: ShareLinksTable) => db.insertInto('share_links').values(row).execute();

export const revokeShareLink = (db: Database, id: string, at: string, by: string) =>
  db.updateTable('share_links').set({ revoked_at: at, revoked_by: by }).where('id', '=', id).where('revoked_at', 'is', null).execute();

/** One more access, counted in the database so concurrent visits each count. */
export const countAccess = (db: Database, id: string, at: string) =>
  db
    .updateTable('share_links')
    .set((eb) => ({ access_count: eb('access_count', '+', 1), last_accessed_at: at }))
    .where('id', '=', id)
    .execute();

export const findReport = (db: Database, id: string) => db.selectFrom('generated_reports').selectAll().where('id', '=', id).executeTakeFirst();

/** A report's files without their bytes, in a fixed order. */
export const listReportFiles = (db: Database, reportId: string) =>
  db.selectFrom('generated_report_files').select(['format', 'file_name', 'size']).where('report_id', '=', reportId).orderBy('format').execute();
