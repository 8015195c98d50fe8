import type { Database } from '../../db/database.js';

const EDITABLE = ['draft', 'returned', 'reopened'];

/** Restricts to visible projects; null = every project (a role on the installation). */
const within = (projectIds: string[] | null) => (projectIds === null ? null : projectIds.length ? projectIds : ['']);

const packages = (db: Database, projectIds: string[] | null) => {
  let q = db
    .selectFrom('submissions as s')
    .innerJoin('reporting_rounds as r', 'r.id', 's.round_id')
    .innerJoin('projects as p', 'p.id', 'r.project_id')
    .innerJoin('programmes as pg', 'pg.id', 'p.programme_id')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select([
      's.id as submission_id', 's.status', 's.organisation_id', 's.submitted_by', 'o.name as organisation_name', 'o.acronym as organisation_acronym',
      'r.id as round_id', 'r.period_key', 'r.due_date', 'p.id as project_id', 'p.code as project_code', 'p.title as project_title',
      'p.programme_id', 'pg.organisation_id as owner_id',
    ]);
  const ids = within(projectIds);
  if (ids) q = q.where('p.id', 'in', ids);
  return q;
};
export type PackageRow = Awaited<ReturnType<ReturnType<typeof packages>['execute']>>[number];

/** The organisation's packages still to fill in open rounds. */
export const packagesToFill = (db: Database, projectIds: string[] | null, organisationId: string) =>
  packages(db, projectIds).where('s.organisation_id', '=', organisationId).where('s.status', 'in', EDITABLE).where('r.status', '=', 'open').execute();

/** Packages waiting for a reviewer. */
export const packagesSubmitted = (db: Database, projectIds: string[] | null) => packages(db, projectIds).where('s.status', '=', 'submitted').execute();

/** Open rounds with their packages counted by state (late: not handed in and past due). */
export async function openRoundCounts(db: Database, projectIds: string[] | null, today: string) {
  let q = db
    .selectFrom('reporting_rounds as r')
    .innerJoin('projects as p', 'p.id', 'r.project_id')
    .innerJoin('programmes as pg', 'pg.id', 'p.programme_id')
    .leftJoin('submissions as s', 's.round_id', 'r.id')
    .select((eb) => [
      'r.id as round_id', 'r.period_key', 'r.due_date', 'p.id as project_id', 'p.code as project_code', 'p.programme_id', 'pg.organisation_id as owner_id',
      eb.fn.count<number>('s.id').as('total'),
      eb.fn.sum<number>(eb.case().when('s.status', 'in', ['submitted', 'approved']).then(1).else(0).end()).as('submitted'),
      eb.fn.sum<number>(eb.case().when('s.status', '=', 'approved').then(1).else(0).end()).as('approved'),
      eb.fn.sum<number>(eb.case().when(eb.and([eb('s.status', 'in', EDITABLE), eb('r.due_date', '<', today)])).then(1).else(0).end()).as('late'),
    ])
    .where('r.status', '=', 'open')
    .groupBy(['r.id', 'r.period_key', 'r.due_date', 'p.id', 'p.code', 'p.programme_id', 'pg.organisation_id']);
  const ids = within(projectIds);
  if (ids) q = q.where('p.id', 'in', ids);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, total: Number(r.total), submitted: Number(r.submitted ?? 0), approved: Number(r.approved ?? 0), late: Number(r.late ?? 0) }));
}

/** Reminders sent to an organisation since a time, on visible projects. */
export async function remindersOf(db: Database, projectIds: string[] | null, organisationId: string, since: string) {
  let q = db
    .selectFrom('round_reminders as rr')
    .innerJoin('reporting_rounds as r', 'r.id', 'rr.round_id')
    .innerJoin('projects as p', 'p.id', 'r.project_id')
    .select(['rr.round_id', 'p.code as project_code', 'r.period_key', 'rr.kind', 'rr.sent_at', 'r.due_date'])
    .where('rr.organisation_id', '=', organisationId)
    .where('rr.sent_at', '>=', since);
  const ids = within(projectIds);
  if (ids) q = q.where('p.id', 'in', ids);
  return q.orderBy('r.due_date').orderBy('rr.sent_at', 'desc').execute();
}
