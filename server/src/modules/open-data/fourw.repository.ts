import type { Database } from '../../db/database.js';

/** What the 4W table reads: projects with their organisations, sectors, countries, places and people indicators. */

const none = [''];
const orNone = (ids: readonly string[]) => (ids.length ? [...ids] : none);

export function projectsFor(db: Database, f: { visible: string[] | null; programmeId?: string | undefined; country?: string | undefined }) {
  let q = db
    .selectFrom('projects as p')
    .innerJoin('programmes as g', 'g.id', 'p.programme_id')
    .select(['p.id', 'p.code', 'p.title', 'p.status', 'p.start_date', 'p.end_date', 'p.programme_id', 'g.organisation_id']);
  if (f.visible) q = q.where('p.id', 'in', orNone(f.visible));
  if (f.programmeId) q = q.where('p.programme_id', '=', f.programmeId);
  if (f.country) q = q.where('p.id', 'in', db.selectFrom('project_countries').select('project_id').where('country_code', '=', f.country));
  return q.orderBy('p.code').orderBy('p.id').execute();
}
export type FourWProject = Awaited<ReturnType<typeof projectsFor>>[number];

export const organisationsOf = (db: Database, projectIds: readonly string[]) =>
  db
    .selectFrom('project_organisations as po')
    .innerJoin('organisations as o', 'o.id', 'po.organisation_id')
    .select(['po.project_id', 'po.role', 'o.name', 'o.acronym', 'o.iati_identifier'])
    .where('po.project_id', 'in', orNone(projectIds))
    .orderBy('o.name')
    .execute();

export const sectorsOf = (db: Database, projectIds: readonly string[]) =>
  db.selectFrom('project_sectors').select(['project_id', 'sector_code']).where('project_id', 'in', orNone(projectIds)).orderBy('sector_code').execute();

export const countriesOf = (db: Database, projectIds: readonly string[]) =>
  db.selectFrom('project_countries').select(['project_id', 'country_code']).where('project_id', 'in', orNone(projectIds)).orderBy('country_code').execute();

export const placesOf = (db: Database, projectIds: readonly string[]) =>
  db
    .selectFrom('project_locations as pl')
    .innerJoin('locations as l', 'l.id', 'pl.location_id')
    .select(['pl.project_id', 'l.id', 'l.parent_id', 'l.name', 'l.names_json', 'l.pcode', 'l.level'])
    .where('pl.project_id', 'in', orNone(projectIds))
    .execute();

export const countryPlaces = (db: Database, codes: readonly string[]) =>
  db.selectFrom('locations').select(['id', 'parent_id', 'name', 'names_json', 'pcode', 'level']).where('level', '=', 'country').where('pcode', 'in', orNone(codes)).execute();

export const indicatorsOf = (db: Database, projectIds: readonly string[]) =>
  db
    .selectFrom('indicators as i')
    .innerJoin('results_frameworks as f', 'f.id', 'i.framework_id')
    .select(['f.project_id', 'i.id', 'i.code', 'i.name', 'i.names_json', 'i.unit', 'i.type', 'i.lop_target', 'i.time_aggregation', 'i.location_aggregation'])
    .where('f.project_id', 'in', orNone(projectIds))
    .execute();

/** Life-of-project targets of some indicators by place (totals only). */
export const placeTargetsOf = (db: Database, indicatorIds: readonly string[]) =>
  db
    .selectFrom('indicator_targets')
    .select(['indicator_id', 'location_id', 'value'])
    .where('indicator_id', 'in', orNone(indicatorIds))
    .where('period_key', '=', 'LOP')
    .where('disaggregation_key', '=', '')
    .where('location_id', 'is not', null)
    .execute();
