import type { Database } from '../../db/database.js';

/** Read-only queries the workbooks need beyond the results and disaggregation repositories. */

export const projectHeader = (db: Database, projectId: string) =>
  db.selectFrom('projects').select(['code', 'title']).where('id', '=', projectId).executeTakeFirstOrThrow();

/** The lead organisation(s) of a project, by name: the title line of the indicator plan. */
export const leadOrganisationNames = (db: Database, projectId: string) =>
  db
    .selectFrom('project_organisations')
    .innerJoin('organisations', 'organisations.id', 'project_organisations.organisation_id')
    .select('organisations.name')
    .where('project_organisations.project_id', '=', projectId)
    .where('project_organisations.role', '=', 'lead')
    .orderBy('organisations.name')
    .execute()
    .then((rows) => rows.map((r) => r.name));

export const fiscalYearStart = (db: Database, organisationId: string) =>
  db
    .selectFrom('organisations')
    .select('fiscal_year_start_month')
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow()
    .then((r) => r.fiscal_year_start_month);

/** The project's own locations: the places a target can be set for. */
export const projectLocations = (db: Database, projectId: string) =>
  db
    .selectFrom('project_locations')
    .innerJoin('locations', 'locations.id', 'project_locations.location_id')
    .select(['locations.id', 'locations.pcode', 'locations.name', 'locations.names_json', 'locations.level'])
    .where('project_locations.project_id', '=', projectId)
    .orderBy('locations.pcode')
    .execute();

export const targetsOf = (db: Database, indicatorIds: string[]) =>
  indicatorIds.length
    ? db
        .selectFrom('indicator_targets')
        .select(['indicator_id', 'period_key', 'location_id', 'disaggregation_key', 'value'])
        .where('indicator_id', 'in', indicatorIds)
        .orderBy('indicator_id')
        .orderBy('period_key')
        .orderBy('location_id')
        .orderBy('disaggregation_key')
        .execute()
    : Promise.resolve([]);

export const libraryCodes = (db: Database, ids: string[]) =>
  ids.length
    ? db.selectFrom('library_indicators').select(['id', 'code']).where('id', 'in', ids).execute().then((rows) => new Map(rows.map((r) => [r.id, r.code])))
    : Promise.resolve(new Map<string, string>());

/** Programme indicators that project indicators roll up into, by id. */
export const indicatorRefs = (db: Database, ids: string[]) =>
  ids.length
    ? db
        .selectFrom('indicators')
        .select(['id', 'code', 'name', 'names_json'])
        .where('id', 'in', ids)
        .execute()
        .then((rows) => new Map(rows.map((r) => [r.id, r])))
    : Promise.resolve(new Map<string, { id: string; code: string; name: string; names_json: string }>());
