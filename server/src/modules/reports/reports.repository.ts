import type { Database } from '../../db/database.js';
import type { GeneratedReportFilesTable, GeneratedReportsTable } from '../../db/schema.js';

export type ReportRow = GeneratedReportsTable;

export const insertReport = (db: Database, row: ReportRow) => db.insertInto('generated_reports').values(row).execute();

export const updateReport = (db: Database, id: string, set: Partial<ReportRow>) => db.updateTable('generated_reports').set(set).where('id', '=', id).execute();

export const deleteReport = (db: Database, id: string) => db.deleteFrom('generated_reports').where('id', '=', id).execute();

/** Reports with what the history shows beside them (the template version's name, the agreement number, who asked), never their data. */
const withNames = (db: Database) =>
  db
    .selectFrom('generated_reports as r')
    .innerJoin('report_template_versions as v', (j) => j.onRef('v.template_id', '=', 'r.template_id').onRef('v.version', '=', 'r.template_version'))
    .leftJoin('agreements as a', 'a.id', 'r.agreement_id')
    .leftJoin('users as u', 'u.id', 'r.created_by')
    .select([
      'r.id', 'r.scope_type', 'r.scope_id', 'r.organisation_id', 'r.template_id', 'r.template_version', 'r.agreement_id', 'r.period_start',
      'r.period_end', 'r.language', 'r.title', 'r.status', 'r.job_id', 'r.regenerated_from', 'r.created_by', 'r.created_at', 'r.finished_at',
      'v.name as template_name', 'a.agreement_number', 'u.name as created_by_name',
    ]);
export type ReportListRow = NonNullable<Awaited<ReturnType<typeof findReport>>>;

export const findReport = (db: Database, id: string) => withNames(db).where('r.id', '=', id).executeTakeFirst();

export const listReports = (db: Database, scopeType: string, scopeId: string) =>
  withNames(db).where('r.scope_type', '=', scopeType).where('r.scope_id', '=', scopeId).orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(500).execute();

/** The files of some reports, without their content. */
export const filesOf = (db: Database, reportIds: readonly string[]) =>
  db
    .selectFrom('generated_report_files')
    .select(['report_id', 'format', 'file_name', 'size'])
    .where('report_id', 'in', reportIds.length ? [...reportIds] : [''])
    .execute();

export const insertFiles = (db: Database, rows: GeneratedReportFilesTable[]) => db.insertInto('generated_report_files').values(rows).execute();

export const deleteFiles = (db: Database, reportId: string) => db.deleteFrom('generated_report_files').where('report_id', '=', reportId).execute();

export const findFile = (db: Database, reportId: string, format: string) =>
  db.selectFrom('generated_report_files').select(['file_name', 'content', 'size', 'sha256']).where('report_id', '=', reportId).where('format', '=', format).executeTakeFirst();

/** A template's owner and whether it is archived (its layouts are read through the template module). */
export const findTemplateOwner = (db: Database, id: string) =>
  db.selectFrom('report_templates').select(['id', 'organisation_id', 'archived', 'version']).where('id', '=', id).executeTakeFirst();

export const fiscalYearStartOf = async (db: Database, organisationId: string): Promise<number> =>
  Number((await db.selectFrom('organisations').select('fiscal_year_start_month').where('id', '=', organisationId).executeTakeFirst())?.fiscal_year_start_month ?? 1);
