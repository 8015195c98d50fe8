import type { Database } from '../../db/database.js';

/** Read-only queries of pivot tables: the indicators asked for, what they roll up from, and the names of members. */

const CHUNK = 500;

/** Runs a query per chunk of ids (IN lists stay short on both databases) and concatenates the rows. */
export async function inChunks<T>(ids: readonly string[], run: (part: string[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(ids)];
  const out: T[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) out.push(...(await run(unique.slice(i, i + CHUNK))));
  return out;
}

/** An indicator with the result, project (none for a programme indicator) and programme it belongs to. */
export const indicatorsWithOwners = (db: Database) =>
  db
    .selectFrom('indicators as i')
    .innerJoin('result_nodes as n', 'n.id', 'i.result_node_id')
    .innerJoin('results_frameworks as f', 'f.id', 'i.framework_id')
    .leftJoin('projects as p', 'p.id', 'f.project_id')
    .innerJoin('programmes as g', (j) => j.on((eb) => eb('g.id', '=', eb.fn.coalesce('f.programme_id', 'p.programme_id'))))
    .select([
      'i.id', 'i.code', 'i.name', 'i.names_json', 'i.unit', 'i.type', 'i.time_aggregation', 'i.location_aggregation',
      'n.id as node_id', 'n.code as node_code', 'n.title as node_title', 'n.titles_json as node_titles_json',
      'p.id as project_id', 'p.code as project_code', 'p.title as project_title',
      'g.id as programme_id', 'g.code as programme_code', 'g.name as programme_name', 'g.organisation_id as programme_organisation_id',
    ]);

export type IndicatorOwnerRow = Awaited<ReturnType<ReturnType<typeof indicatorsWithOwners>['execute']>>[number];

export const indicatorsByIds = (db: Database, ids: readonly string[]): Promise<IndicatorOwnerRow[]> =>
  inChunks(ids, (part) => indicatorsWithOwners(db).where('i.id', 'in', part).execute());

/** The project indicators rolling up into some programme indicators, with their project. */
export const contributorsOf = (db: Database, programmeIndicatorIds: readonly string[]) =>
  inChunks(programmeIndicatorIds, (part) =>
    db
      .selectFrom('indicators as i')
      .innerJoin('results_frameworks as f', 'f.id', 'i.framework_id')
      .select(['i.id', 'i.contributes_to_id', 'f.project_id'])
      .where('i.contributes_to_id', 'in', part)
      .where('f.project_id', 'is not', null)
      .execute(),
  );

export const categoriesByIds = (db: Database, ids: readonly string[]) =>
  inChunks(ids, (part) =>
    db.selectFrom('disaggregation_categories').select(['id', 'organisation_id', 'name', 'names_json', 'position']).where('id', 'in', part).execute(),
  );

/** The categories some indicators are broken down by. */
export const categoriesOfIndicators = async (db: Database, indicatorIds: readonly string[]): Promise<string[]> =>
  (await inChunks(indicatorIds, (part) => db.selectFrom('indicator_disaggregations').select('category_id').where('indicator_id', 'in', part).execute())).map((r) => r.category_id);

export const optionsOfCategories = (db: Database, categoryIds: readonly string[]) =>
  inChunks(categoryIds, (part) =>
    db
      .selectFrom('disaggregation_options')
      .select(['id', 'category_id', 'code', 'label', 'labels_json', 'position'])
      .where('category_id', 'in', part)
      .orderBy('category_id')
      .orderBy('position')
      .execute(),
  );

export const locationsByIds = (db: Database, ids: readonly string[]) =>
  inChunks(ids, (part) => db.selectFrom('locations').select(['id', 'name', 'names_json', 'pcode']).where('id', 'in', part).execute());

export const organisationsByIds = (db: Database, ids: readonly string[]) =>
  inChunks(ids, (part) => db.selectFrom('organisations').select(['id', 'name', 'acronym', 'fiscal_year_start_month']).where('id', 'in', part).execute());
