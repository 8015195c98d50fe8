import type { Database } from '../../db/database.js';
import type { ReportingRoundsTable, SubmissionsTable } from '../../db/schema.js';

/** Rows per statement: well under both databases' bound-parameter limits. */
const CHUNK = 500;
const chunks = <T>(list: T[]) => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));
const orNone = (ids: string[]) => (ids.length ? ids : ['']);

export type RoundRow = ReportingRoundsTable & { project_code: string; project_title: string };

const rounds = (db: Database) =>
  db
    .selectFrom('reporting_rounds as r')
    .innerJoin('projects as p', 'p.id', 'r.project_id')
    .selectAll('r')
    .select(['p.code as project_code', 'p.title as project_title']);

export const findRound = (db: Database, id: string): Promise<RoundRow | undefined> => rounds(db).where('r.id', '=', id).executeTakeFirst();

/** A project's rounds, newest period first. */
export const roundsOfProject = (db: Database, projectId: string): Promise<RoundRow[]> =>
  rounds(db).where('r.project_id', '=', projectId).orderBy('r.period_start', 'desc').orderBy('r.period_type').execute();

export const periodKeysOfProject = async (db: Database, projectId: string): Promise<Set<string>> =>
  new Set((await db.selectFrom('reporting_rounds').select('period_key').where('project_id', '=', projectId).execute()).map((r) => r.period_key));

export const fiscalYearStartMonth = async (db: Database, organisationId: string): Promise<number> =>
  (await db.selectFrom('organisations').select('fiscal_year_start_month').where('id', '=', organisationId).executeTakeFirst())?.fiscal_year_start_month ?? 1;

/** Organisations taking part in a project (project_organisations, donors excluded) and the programme's owner. */
export async function projectOrganisations(db: Database, projectId: string, ownerId: string) {
  const rows = await db
    .selectFrom('organisations as o')
    .leftJoin('project_organisations as po', (j) => j.onRef('po.organisation_id', '=', 'o.id').on('po.project_id', '=', projectId).on('po.role', '!=', 'donor'))
    .select(['o.id', 'o.name', 'o.acronym', 'po.role'])
    .where((eb) => eb.or([eb('o.id', '=', ownerId), eb('po.project_id', '=', projectId)]))
    .orderBy('o.name')
    .execute();
  const byId = new Map<string, { id: string; name: string; acronym: string | null; roles: string[] }>();
  for (const r of rows) {
    const org = byId.get(r.id) ?? { id: r.id, name: r.name, acronym: r.acronym, roles: r.id === ownerId ? ['owner'] : [] };
    if (r.role && !org.roles.includes(r.role)) org.roles.push(r.role);
    byId.set(r.id, org);
  }
  return [...byId.values()];
}

export const projectLocations = (db: Database, projectId: string) =>
  db
    .selectFrom('project_locations')
    .innerJoin('locations', 'locations.id', 'project_locations.location_id')
    .select(['locations.id', 'locations.pcode', 'locations.name', 'locations.level'])
    .where('project_locations.project_id', '=', projectId)
    .orderBy('locations.pcode')
    .execute();

/** The indicators of the project's framework, in framework order. */
export const frameworkIndicators = (db: Database, projectId: string) =>
  db
    .selectFrom('indicators as i')
    .innerJoin('results_frameworks as f', 'f.id', 'i.framework_id')
    .innerJoin('result_nodes as n', 'n.id', 'i.result_node_id')
    .select(['i.id', 'i.code', 'i.name', 'i.frequency'])
    .where('f.project_id', '=', projectId)
    .orderBy('n.level')
    .orderBy('n.position')
    .orderBy('i.position')
    .orderBy('i.code')
    .execute();

export async function roundIndicatorIds(db: Database, roundIds: string[]): Promise<Map<string, string[]>> {
  const rows = await db.selectFrom('round_indicators').select(['round_id', 'indicator_id']).where('round_id', 'in', orNone(roundIds)).execute();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.round_id, [...(out.get(r.round_id) ?? []), r.indicator_id]);
  return out;
}

export type SubmissionRow = SubmissionsTable & {
  organisation_name: string;
  organisation_acronym: string | null;
  submitted_by_name: string | null;
  decided_by_name: string | null;
};

/** The packages of some rounds with their organisation and people, by organisation name. */
export const submissionsOfRounds = (db: Database, roundIds: string[]): Promise<SubmissionRow[]> =>
  db
    .selectFrom('submissions as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .leftJoin('users as su', 'su.id', 's.submitted_by')
    .leftJoin('users as du', 'du.id', 's.decided_by')
    .selectAll('s')
    .select(['o.name as organisation_name', 'o.acronym as organisation_acronym', 'su.name as submitted_by_name', 'du.name as decided_by_name'])
    .where('s.round_id', 'in', orNone(roundIds))
    .orderBy('o.name')
    .execute();

export async function submissionLocationIds(db: Database, submissionIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const part of chunks(submissionIds)) {
    const rows = await db
      .selectFrom('submission_locations as sl')
      .innerJoin('locations as l', 'l.id', 'sl.location_id')
      .select(['sl.submission_id', 'sl.location_id'])
      .where('sl.submission_id', 'in', part)
      .orderBy('l.pcode')
      .execute();
    for (const r of rows) out.set(r.submission_id, [...(out.get(r.submission_id) ?? []), r.location_id]);
  }
  return out;
}

const countMap = (rows: { id: string; n: number | string | bigint }[]) => new Map(rows.map((r) => [r.id, Number(r.n)]));

/**
 * Filled cells per package: distinct (indicator, location) with at least one value row, counting
 * only the round's indicators and the package's places (the project as a whole when it has none).
 */
export async function filledCounts(db: Database, submissionIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const part of chunks(submissionIds)) {
    const rows = await db
      .selectFrom((eb) =>
        eb.selectFrom('indicator_values').select(['submission_id', 'indicator_id', 'location_id']).distinct().where('submission_id', 'in', part).as('v'),
      )
      .innerJoin('submissions as s', 's.id', 'v.submission_id')
      .innerJoin('round_indicators as ri', (j) => j.onRef('ri.round_id', '=', 's.round_id').onRef('ri.indicator_id', '=', 'v.indicator_id'))
      .where((eb) => {
        const placeOf = eb.selectFrom('submission_locations as sl').select('sl.location_id').whereRef('sl.submission_id', '=', 'v.submission_id');
        return eb.or([
          eb.and([eb('v.location_id', 'is', null), eb.not(eb.exists(placeOf))]),
          eb.exists(placeOf.whereRef('sl.location_id', '=', 'v.location_id')),
        ]);
      })
      .select((eb) => ['v.submission_id as id', eb.fn.countAll<number>().as('n')])
      .groupBy('v.submission_id')
      .execute();
    for (const [id, n] of countMap(rows)) out.set(id, n);
  }
  return out;
}

export async function openCommentCounts(db: Database, submissionIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const part of chunks(submissionIds)) {
    const rows = await db
      .selectFrom('review_comments')
      .select((eb) => ['submission_id as id', eb.fn.countAll<number>().as('n')])
      .where('submission_id', 'in', part)
      .where('resolved_at', 'is', null)
      .groupBy('submission_id')
      .execute();
    for (const [id, n] of countMap(rows)) out.set(id, n);
  }
  return out;
}

// ── Writes ───────────────────────────────────────────────────────────────────────────────

export const insertRound = (db: Database, row: ReportingRoundsTable) => db.insertInto('reporting_rounds').values(row).execute();

export async function insertRoundIndicators(db: Database, roundId: string, indicatorIds: string[]) {
  for (const part of chunks(indicatorIds)) await db.insertInto('round_indicators').values(part.map((id) => ({ round_id: roundId, indicator_id: id }))).execute();
}

export const insertSubmission = (db: Database, row: SubmissionsTable) => db.insertInto('submissions').values(row).execute();

export async function replaceSubmissionLocations(db: Database, submissionId: string, locationIds: string[]) {
  await db.deleteFrom('submission_locations').where('submission_id', '=', submissionId).execute();
  for (const part of chunks(locationIds)) {
    await db.insertInto('submission_locations').values(part.map((id) => ({ submission_id: submissionId, location_id: id }))).execute();
  }
}

export const updateRound = (db: Database, id: string, set: Partial<Pick<ReportingRoundsTable, 'due_date' | 'title' | 'status' | 'updated_at'>>) =>
  db.updateTable('reporting_rounds').set(set).where('id', '=', id).execute();

export const touchSubmission = (db: Database, id: string, at: string) => db.updateTable('submissions').set({ updated_at: at }).where('id', '=', id).execute();

export const deleteRound = (db: Database, id: string) => db.deleteFrom('reporting_rounds').where('id', '=', id).execute();

/** Location ids (null = the project as a whole) holding values in a package. */
export async function valueLocations(db: Database, submissionId: string): Promise<(string | null)[]> {
  const rows = await db.selectFrom('indicator_values').select('location_id').distinct().where('submission_id', '=', submissionId).execute();
  return rows.map((r) => r.location_id);
}

/** Whether any package of the round holds data (values, narratives, attachments) or was ever submitted (has events). */
export async function roundHasData(db: Database, roundId: string): Promise<boolean> {
  const ids = db.selectFrom('submissions').select('id').where('round_id', '=', roundId);
  for (const table of ['indicator_values', 'submission_events', 'narratives', 'attachments'] as const) {
    if (await db.selectFrom(table).select('id').where('submission_id', 'in', ids).limit(1).executeTakeFirst()) return true;
  }
  return false;
}
