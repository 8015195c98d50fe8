import { LOP_PERIOD_KEY } from '@shared/schemas/targets.js';
import type { Database } from '../../db/database.js';

/** What the IPTT reads besides figures: frameworks, targets, and the lists its filters offer. */

const none = [''];
const orNone = (ids: readonly string[]) => (ids.length ? [...ids] : none);

/** A project with the organisation owning its programme (whose fiscal year its periods follow). */
export interface ScopeProject {
  id: string;
  code: string;
  title: string;
  start_date: string;
  end_date: string;
  programme_id: string;
  organisation_id: string;
}

const projectColumns = [
  'projects.id', 'projects.code', 'projects.title', 'projects.start_date', 'projects.end_date', 'projects.programme_id', 'programmes.organisation_id',
] as const;

function projectQuery(db: Database, sector: string | undefined) {
  let q = db.selectFrom('projects').innerJoin('programmes', 'programmes.id', 'projects.programme_id').select(projectColumns);
  if (sector) q = q.where('projects.id', 'in', db.selectFrom('project_sectors').select('project_id').where('sector_code', '=', sector));
  return q.orderBy('projects.code').orderBy('projects.id');
}

export const projectsByIds = (db: Database, ids: readonly string[]): Promise<ScopeProject[]> =>
  projectQuery(db, undefined).where('projects.id', 'in', orNone(ids)).execute();

export const projectsOfProgramme = (db: Database, programmeId: string): Promise<ScopeProject[]> =>
  projectQuery(db, undefined).where('projects.programme_id', '=', programmeId).execute();

export const projectsOfCountry = (db: Database, countryCode: string, sector: string | undefined): Promise<ScopeProject[]> =>
  projectQuery(db, sector)
    .where('projects.id', 'in', db.selectFrom('project_countries').select('project_id').where('country_code', '=', countryCode))
    .execute();

export const projectsOfOrganisation = (db: Database, organisationId: string, sector: string | undefined): Promise<ScopeProject[]> =>
  projectQuery(db, sector).where('programmes.organisation_id', '=', organisationId).execute();

export const findOrganisation = (db: Database, id: string) =>
  db.selectFrom('organisations').select(['id', 'name', 'acronym', 'fiscal_year_start_month']).where('id', '=', id).executeTakeFirst();

/** A country is the place at the top of the tree with its ISO code as P-code. */
export const findCountry = (db: Database, code: string) =>
  db.selectFrom('locations').select(['id', 'pcode', 'name', 'names_json']).where('level', '=', 'country').where('pcode', '=', code).executeTakeFirst();

export async function fiscalYearStartMonths(db: Database, organisationIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await db.selectFrom('organisations').select(['id', 'fiscal_year_start_month']).where('id', 'in', orNone(organisationIds)).execute();
  return new Map(rows.map((r) => [r.id, Number(r.fiscal_year_start_month)]));
}

export const frameworksOf = (db: Database, owner: { projectIds: readonly string[] } | { programmeId: string }) =>
  db
    .selectFrom('results_frameworks')
    .select(['id', 'project_id', 'programme_id', 'template', 'level_labels_json'])
    .$call((q) => ('programmeId' in owner ? q.where('programme_id', '=', owner.programmeId) : q.where('project_id', 'in', orNone(owner.projectIds))))
    .execute();

export const nodesOf = (db: Database, frameworkIds: readonly string[]) =>
  db
    .selectFrom('result_nodes')
    .select(['id', 'framework_id', 'parent_id', 'level', 'code', 'title', 'titles_json', 'position'])
    .where('framework_id', 'in', orNone(frameworkIds))
    .execute();

export type IpttIndicatorRow = Awaited<ReturnType<typeof indicatorsOf>>[number];

export const indicatorsOf = (db: Database, frameworkIds: readonly string[]) =>
  db
    .selectFrom('indicators')
    .select([
      'id', 'framework_id', 'result_node_id', 'position', 'code', 'name', 'names_json', 'unit', 'type', 'direction',
      'time_aggregation', 'location_aggregation', 'cumulative', 'baseline_value', 'lop_target', 'frequency',
    ])
    .where('framework_id', 'in', orNone(frameworkIds))
    .orderBy('position')
    .orderBy('code')
    .execute();

/** Project indicators rolling up into some programme indicators. */
export const contributorsOf = (db: Database, indicatorIds: readonly string[]) =>
  db.selectFrom('indicators').select(['id', 'contributes_to_id']).where('contributes_to_id', 'in', orNone(indicatorIds)).execute();

export async function categoryIdsOf(db: Database, indicatorIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('indicator_disaggregations')
    .select(['indicator_id', 'category_id'])
    .where('indicator_id', 'in', orNone(indicatorIds))
    .orderBy('indicator_id')
    .orderBy('position')
    .execute();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.indicator_id, [...(out.get(r.indicator_id) ?? []), r.category_id]);
  return out;
}

export const categoriesByIds = (db: Database, ids: readonly string[]) =>
  db.selectFrom('disaggregation_categories').select(['id', 'name', 'names_json', 'position', 'code']).where('id', 'in', orNone(ids)).execute();

export const optionsOf = (db: Database, categoryIds: readonly string[]) =>
  db
    .selectFrom('disaggregation_options')
    .select(['id', 'category_id', 'label', 'labels_json'])
    .where('category_id', 'in', orNone(categoryIds))
    .orderBy('position')
    .orderBy('code')
    .execute();

export type TargetRow = Awaited<ReturnType<typeof targetsOf>>[number];

/**
 * Targets of some indicators, every period and breakdown: those for all their places together
 * (`places` null, location null), those set for some places, or those set for each place ('each').
 */
export const targetsOf = (db: Database, indicatorIds: readonly string[], places: readonly string[] | null | 'each', options: { lopTotalsOnly?: boolean } = {}) =>
  db
    .selectFrom('indicator_targets')
    .select(['indicator_id', 'location_id', 'period_key', 'disaggregation_key', 'value'])
    .where('indicator_id', 'in', orNone(indicatorIds))
    .$call((q) => (places === null ? q.where('location_id', 'is', null) : places === 'each' ? q.where('location_id', 'is not', null) : q.where('location_id', 'in', orNone(places))))
    // The map needs each place's life-of-project total only, not every period × breakdown × place.
    .$call((q) => (options.lopTotalsOnly ? q.where('period_key', '=', LOP_PERIOD_KEY).where('disaggregation_key', '=', '') : q))
    .execute();

/** Organisations taking part in some projects (lead, implementing, donor). */
export const organisationsOfProjects = (db: Database, projectIds: readonly string[]) =>
  db
    .selectFrom('organisations')
    .select(['id', 'name', 'acronym'])
    .where('id', 'in', db.selectFrom('project_organisations').select('organisation_id').where('project_id', 'in', orNone(projectIds)))
    .orderBy('name')
    .execute();

export const locationsOfProjects = (db: Database, projectIds: readonly string[]) =>
  db
    .selectFrom('locations')
    .select(['id', 'parent_id', 'name', 'names_json', 'pcode', 'level'])
    .where('id', 'in', db.selectFrom('project_locations').select('location_id').where('project_id', 'in', orNone(projectIds)))
    .execute();

export type PlaceRow = Awaited<ReturnType<typeof locationsOfProjects>>[number];

/** Some places and every place above them, walking up the tree one level per query (it has five levels). */
export async function withAncestors(db: Database, places: PlaceRow[]): Promise<PlaceRow[]> {
  const byId = new Map(places.map((p) => [p.id, p]));
  let missing = [...new Set(places.flatMap((p) => (p.parent_id && !byId.has(p.parent_id) ? [p.parent_id] : [])))];
  while (missing.length) {
    const rows = await db.selectFrom('locations').select(['id', 'parent_id', 'name', 'names_json', 'pcode', 'level']).where('id', 'in', missing).execute();
    for (const r of rows) byId.set(r.id, r);
    missing = [...new Set(rows.flatMap((r) => (r.parent_id && !byId.has(r.parent_id) ? [r.parent_id] : [])))];
  }
  return [...byId.values()];
}

export const placesByIds = (db: Database, ids: readonly string[]) =>
  db.selectFrom('locations').select(['id', 'parent_id', 'name', 'names_json', 'pcode', 'level']).where('id', 'in', orNone(ids)).execute();
