import type { Database } from '../../db/database.js';
import type { AgreementsTable } from '../../db/schema.js';

/** An agreement with its donor's and template's names and what the calendar needs of its project. */
export type AgreementRow = AgreementsTable & {
  donor_name: string;
  donor_acronym: string | null;
  template_name: string | null;
  project_code: string;
  project_title: string;
  programme_id: string;
  /** The organisation that owns the project (its programme's), whose fiscal year sets the periods. */
  owner_id: string;
  fy_start_month: number;
};

const withNames = (db: Database) =>
  db
    .selectFrom('agreements as a')
    .innerJoin('organisations as d', 'd.id', 'a.donor_organisation_id')
    .leftJoin('report_templates as t', 't.id', 'a.template_id')
    .innerJoin('projects as p', 'p.id', 'a.project_id')
    .innerJoin('programmes as pg', 'pg.id', 'p.programme_id')
    .innerJoin('organisations as o', 'o.id', 'pg.organisation_id')
    .selectAll('a')
    .select([
      'd.name as donor_name',
      'd.acronym as donor_acronym',
      't.name as template_name',
      'p.code as project_code',
      'p.title as project_title',
      'p.programme_id',
      'pg.organisation_id as owner_id',
      'o.fiscal_year_start_month as fy_start_month',
    ]);

export const findAgreement = (db: Database, id: string): Promise<AgreementRow | undefined> => withNames(db).where('a.id', '=', id).executeTakeFirst();

export const agreementsOfProject = (db: Database, projectId: string): Promise<AgreementRow[]> =>
  withNames(db).where('a.project_id', '=', projectId).orderBy('a.start_date').orderBy('a.agreement_number').execute();

/** Agreements of the given projects (null: every project) that run at some time in [from, to]. */
export function agreementsOverlapping(db: Database, projectIds: string[] | null, from: string, to: string): Promise<AgreementRow[]> {
  let q = withNames(db).where('a.start_date', '<=', to).where('a.end_date', '>=', from);
  if (projectIds) q = q.where('a.project_id', 'in', projectIds.length ? projectIds : ['']);
  return q.orderBy('p.code').orderBy('a.agreement_number').execute();
}

export interface FinishedReport {
  id: string;
  agreement_id: string;
  period_start: string;
  period_end: string;
  generated_at: string;
}

/** Finished project reports made for these agreements (latest first), to mark report periods submitted. */
export async function finishedReports(db: Database, agreements: Pick<AgreementRow, 'id' | 'project_id'>[]): Promise<FinishedReport[]> {
  if (agreements.length === 0) return [];
  const rows = await db
    .selectFrom('generated_reports')
    .select(['id', 'agreement_id', 'scope_id', 'period_start', 'period_end', 'finished_at', 'created_at'])
    .where('scope_type', '=', 'project')
    .where('status', '=', 'done')
    .where('agreement_id', 'in', agreements.map((a) => a.id))
    .orderBy('created_at', 'desc')
    .execute();
  const projectOf = new Map(agreements.map((a) => [a.id, a.project_id]));
  // A report names its agreement and its project: both must agree.
  return rows
    .filter((r) => r.agreement_id && projectOf.get(r.agreement_id) === r.scope_id)
    .map((r) => ({ id: r.id, agreement_id: r.agreement_id!, period_start: r.period_start, period_end: r.period_end, generated_at: r.finished_at ?? r.created_at }));
}

export type OrgRef = { id: string; name: string; acronym: string | null };

/** The organisations that are donors of the project. */
export const projectDonors = (db: Database, projectId: string): Promise<OrgRef[]> =>
  db
    .selectFrom('project_organisations as po')
    .innerJoin('organisations as o', 'o.id', 'po.organisation_id')
    .select(['o.id', 'o.name', 'o.acronym'])
    .where('po.project_id', '=', projectId)
    .where('po.role', '=', 'donor')
    .orderBy('o.name')
    .execute();

export const organisationExists = async (db: Database, id: string) =>
  !!(await db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst());

/** The report templates of an organisation that are still in use (not archived), by name. */
export const templatesOf = (db: Database, organisationId: string) =>
  db.selectFrom('report_templates').select(['id', 'name']).where('organisation_id', '=', organisationId).where('archived', '=', 0).orderBy('name').execute();

export const findTemplate = (db: Database, id: string) =>
  db.selectFrom('report_templates').select(['id', 'organisation_id', 'archived']).where('id', '=', id).executeTakeFirst();

/** Another agreement of the project with the same number (numbers compare as typed, trimmed). */
export const sameNumber = (db: Database, projectId: string, agreementNumber: string, exceptId: string | null) => {
  let q = db.selectFrom('agreements').select('id').where('project_id', '=', projectId).where('agreement_number', '=', agreementNumber);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
};

export const insertAgreement = (db: Database, row: AgreementsTable) => db.insertInto('agreements').values(row).execute();

export const updateAgreement = (db: Database, id: string, patch: Partial<AgreementsTable>) =>
  db.updateTable('agreements').set(patch).where('id', '=', id).execute();

export const deleteAgreement = (db: Database, id: string) => db.deleteFrom('agreements').where('id', '=', id).execute();
