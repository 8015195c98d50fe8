import type { Database } from '../../db/database.js';

/** What an IATI activity is made of, for several projects at once: one query per table. */

const orNone = (ids: readonly string[]) => (ids.length ? [...ids] : ['']);

export const projectsByIds = (db: Database, ids: readonly string[]) =>
  db
    .selectFrom('projects')
    .innerJoin('programmes', 'programmes.id', 'projects.programme_id')
    .select([
      'projects.id', 'projects.code', 'projects.title', 'projects.description', 'projects.status', 'projects.start_date', 'projects.end_date',
      'projects.currency', 'projects.updated_at', 'projects.programme_id', 'programmes.organisation_id',
    ])
    .where('projects.id', 'in', orNone(ids))
    .execute();
export type IatiProjectRow = Awaited<ReturnType<typeof projectsByIds>>[number];

export const participantsOf = (db: Database, projectIds: readonly string[]) =>
  db
    .selectFrom('project_organisations')
    .innerJoin('organisations', 'organisations.id', 'project_organisations.organisation_id')
    .select(['project_organisations.project_id', 'project_organisations.role', 'organisations.id', 'organisations.name', 'organisations.iati_identifier', 'organisations.type'])
    .where('project_organisations.project_id', 'in', orNone(projectIds))
    .orderBy('organisations.name')
    .orderBy('organisations.id')
    .execute();
export type ParticipantRow = Awaited<ReturnType<typeof participantsOf>>[number];

export const countriesOf = (db: Database, projectIds: readonly string[]) =>
  db.selectFrom('project_countries').selectAll().where('project_id', 'in', orNone(projectIds)).orderBy('country_code').execute();

export const sectorsOf = (db: Database, projectIds: readonly string[]) =>
  db.selectFrom('project_sectors').selectAll().where('project_id', 'in', orNone(projectIds)).orderBy('sector_code').execute();

export const locationsOf = (db: Database, projectIds: readonly string[]) =>
  db
    .selectFrom('project_locations')
    .innerJoin('locations', 'locations.id', 'project_locations.location_id')
    .select(['project_locations.project_id', 'locations.id', 'locations.parent_id', 'locations.level', 'locations.pcode', 'locations.name', 'locations.names_json'])
    .where('project_locations.project_id', 'in', orNone(projectIds))
    .orderBy('locations.pcode')
    .execute();
export type LocationRow = Awaited<ReturnType<typeof locationsOf>>[number];

/** Places by id with their parents' ids, to walk up to the country. */
export const placesByIds = (db: Database, ids: readonly string[]) =>
  db.selectFrom('locations').select(['id', 'parent_id', 'level', 'pcode']).where('id', 'in', orNone(ids)).execute();

export const frameworksOf = (db: Database, projectIds: readonly string[]) =>
  db.selectFrom('results_frameworks').select(['id', 'project_id', 'template']).where('project_id', 'in', orNone(projectIds)).execute();

export const nodesOf = (db: Database, frameworkIds: readonly string[]) =>
  db
    .selectFrom('result_nodes')
    .select(['id', 'framework_id', 'parent_id', 'level', 'position', 'code', 'title', 'titles_json', 'description'])
    .where('framework_id', 'in', orNone(frameworkIds))
    .execute();
export type NodeRow = Awaited<ReturnType<typeof nodesOf>>[number];

export const indicatorsOf = (db: Database, frameworkIds: readonly string[]) =>
  db
    .selectFrom('indicators')
    .select([
      'id', 'framework_id', 'result_node_id', 'position', 'code', 'name', 'names_json', 'definition', 'definitions_json', 'type', 'direction',
      'frequency', 'baseline_value', 'baseline_date',
    ])
    .where('framework_id', 'in', orNone(frameworkIds))
    .orderBy('position')
    .orderBy('code')
    .execute();
export type IndicatorRow = Awaited<ReturnType<typeof indicatorsOf>>[number];
