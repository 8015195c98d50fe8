import type { Database } from '../../db/database.js';
import type { IndicatorTargetsTable } from '../../db/schema.js';

/** Rows per statement: well under SQLite's and PostgreSQL's bound-parameter limits at 8 columns a row. */
const CHUNK = 500;
const chunks = <T>(list: T[]) => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

/** Every target of an indicator: periods, then locations, then disaggregation keys. */
export const targetsOfIndicator = (db: Database, indicatorId: string): Promise<IndicatorTargetsTable[]> =>
  db.selectFrom('indicator_targets').selectAll().where('indicator_id', '=', indicatorId).orderBy('period_key').orderBy('location_id').orderBy('disaggregation_key').execute();

export async function insertTargets(db: Database, rows: IndicatorTargetsTable[]) {
  for (const part of chunks(rows)) await db.insertInto('indicator_targets').values(part).execute();
}

export async function deleteTargets(db: Database, ids: string[]) {
  for (const part of chunks(ids)) await db.deleteFrom('indicator_targets').where('id', 'in', part).execute();
}

/** The project's own locations, the places a target can be set for. */
export const projectLocations = (db: Database, projectId: string) =>
  db
    .selectFrom('project_locations')
    .innerJoin('locations', 'locations.id', 'project_locations.location_id')
    .select(['locations.id', 'locations.pcode', 'locations.name', 'locations.level'])
    .where('project_locations.project_id', '=', projectId)
    .orderBy('locations.pcode')
    .execute();

export const fiscalYearStartMonth = async (db: Database, organisationId: string): Promise<number> =>
  (await db.selectFrom('organisations').select('fiscal_year_start_month').where('id', '=', organisationId).executeTakeFirst())?.fiscal_year_start_month ?? 1;

/** P-codes of locations by id, for naming target cells (a location may have left the project since). */
export async function locationPcodes(db: Database, ids: string[]): Promise<Map<string, string>> {
  const rows = ids.length ? await db.selectFrom('locations').select(['id', 'pcode']).where('id', 'in', ids).execute() : [];
  return new Map(rows.map((r) => [r.id, r.pcode]));
}
