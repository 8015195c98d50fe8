import { sql } from 'kysely';
import type { Database } from '../../db/database.js';

/** What the values export reads: a project's indicators and categories, its packages, and their values page by page. */

const none = [''];
const orNone = (ids: readonly string[]) => (ids.length ? [...ids] : none);

export const projectOf = (db: Database, projectId: string) =>
  db.selectFrom('projects').select(['id', 'code', 'title']).where('id', '=', projectId).executeTakeFirst();

export const sectorsOf = (db: Database, projectId: string) =>
  db.selectFrom('project_sectors').select('sector_code').where('project_id', '=', projectId).orderBy('sector_code').execute();

/** The project framework's indicators (programme indicators have no values of their own). */
export const indicatorsOf = (db: Database, projectId: string) =>
  db
    .selectFrom('indicators as i')
    .innerJoin('results_frameworks as f', 'f.id', 'i.framework_id')
    .select(['i.id', 'i.code', 'i.name', 'i.names_json', 'i.unit', 'i.type'])
    .where('f.project_id', '=', projectId)
    .execute();

export const categoriesOfIndicators = (db: Database, indicatorIds: readonly string[]) =>
  db
    .selectFrom('indicator_disaggregations as d')
    .innerJoin('disaggregation_categories as c', 'c.id', 'd.category_id')
    .select(['d.indicator_id', 'd.category_id', 'c.kind'])
    .where('d.indicator_id', 'in', orNone(indicatorIds))
    .orderBy('d.indicator_id')
    .orderBy('d.position')
    .execute();

export const optionsOfCategories = (db: Database, categoryIds: readonly string[]) =>
  db
    .selectFrom('disaggregation_options as o')
    .innerJoin('disaggregation_categories as c', 'c.id', 'o.category_id')
    .select(['o.id', 'o.category_id', 'o.code', 'o.label', 'o.labels_json', 'o.min_age', 'o.max_age', 'c.kind'])
    .where('o.category_id', 'in', orNone(categoryIds))
    .execute();

export interface PackageFilter {
  projectId: string;
  statuses: string[];
  /** Only this organisation's packages (a partner limited to its own figures); null = all. */
  organisationId: string | null;
  /** First day of the first month counted, and last possible day (…-31) of the last one. */
  from: string | null;
  to: string | null;
}

/** The packages whose values are exported, in file order: by period, then organisation. */
export function packagesOf(db: Database, f: PackageFilter) {
  let q = db
    .selectFrom('submissions as s')
    .innerJoin('reporting_rounds as r', 'r.id', 's.round_id')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['s.id', 's.status', 'o.name as organisation_name', 'o.acronym', 'o.iati_identifier', 'r.period_key', 'r.period_start', 'r.period_end'])
    .where('r.project_id', '=', f.projectId)
    .where('s.status', 'in', orNone(f.statuses));
  if (f.organisationId) q = q.where('s.organisation_id', '=', f.organisationId);
  if (f.from) q = q.where('r.period_start', '>=', f.from);
  if (f.to) q = q.where('r.period_end', '<=', f.to);
  return q.orderBy('r.period_start').orderBy('r.period_end').orderBy('o.name').orderBy('s.id').execute();
}
export type PackageRow = Awaited<ReturnType<typeof packagesOf>>[number];

/** A value with a figure: text-only answers have none and are left out, as the facts leave them out. */
const hasFigure = sql<boolean>`(v.value is not null or (v.numerator is not null and v.denominator is not null))`;

export const countValues = async (db: Database, submissionIds: readonly string[]): Promise<number> => {
  let total = 0;
  // In slices, so a project with thousands of packages stays under the bound-parameter limits.
  for (let i = 0; i < submissionIds.length; i += 500) {
    const row = await db
      .selectFrom('indicator_values as v')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('v.submission_id', 'in', submissionIds.slice(i, i + 500))
      .where(hasFigure)
      .executeTakeFirstOrThrow();
    total += Number(row.n);
  }
  return total;
};

export const indicatorIdsOfPackage = async (db: Database, submissionId: string): Promise<string[]> =>
  (await db.selectFrom('indicator_values').select('indicator_id').distinct().where('submission_id', '=', submissionId).execute()).map((r) => r.indicator_id);

export interface ValueCursor {
  place: string;
  key: string;
}

/**
 * One page of a package's values of one indicator, after `cursor` in (place, combination) order:
 * keyset pagination along the unique index on (submission, indicator, coalesce(place, ''), key),
 * so each page is an index range, never a scan of what came before.
 */
export function valuePage(db: Database, submissionId: string, indicatorId: string, cursor: ValueCursor | null, limit: number) {
  let q = db
    .selectFrom('indicator_values as v')
    .select(['v.location_id', 'v.disaggregation_key', 'v.value', 'v.numerator', 'v.denominator', 'v.comment', sql<string>`coalesce(v.location_id, '')`.as('place_key')])
    .where('v.submission_id', '=', submissionId)
    .where('v.indicator_id', '=', indicatorId)
    .where(hasFigure);
  if (cursor) q = q.where(sql<boolean>`(coalesce(v.location_id, ''), v.disaggregation_key) > (${cursor.place}, ${cursor.key})`);
  return q.orderBy(sql`coalesce(v.location_id, '')`).orderBy('v.disaggregation_key').limit(limit).execute();
}
export type ValuePageRow = Awaited<ReturnType<typeof valuePage>>[number];

export const placesByIds = (db: Database, ids: readonly string[]) =>
  db.selectFrom('locations').select(['id', 'parent_id', 'name', 'names_json', 'pcode', 'level']).where('id', 'in', orNone(ids)).execute();
export type PlaceRow = Awaited<ReturnType<typeof placesByIds>>[number];
