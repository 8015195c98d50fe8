import type { Database } from '../../db/database.js';
import type { DisaggregationCategoriesTable, DisaggregationOptionsTable } from '../../db/schema.js';

/** An organisation's categories in display order. */
export const listCategories = (db: Database, organisationId: string) =>
  db.selectFrom('disaggregation_categories').selectAll().where('organisation_id', '=', organisationId).orderBy('position').orderBy('code').execute();

export const findCategory = (db: Database, id: string) =>
  db.selectFrom('disaggregation_categories').selectAll().where('id', '=', id).executeTakeFirst();

export const listCategoriesByIds = (db: Database, ids: string[]) =>
  ids.length ? db.selectFrom('disaggregation_categories').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);

/** The options of some categories, in display order. */
export const listOptions = (db: Database, categoryIds: string[]): Promise<DisaggregationOptionsTable[]> =>
  categoryIds.length
    ? db.selectFrom('disaggregation_options').selectAll().where('category_id', 'in', categoryIds).orderBy('position').orderBy('code').execute()
    : Promise.resolve([]);

/** How many indicators use each category (library entries are counted by the caller from their JSON lists). */
export async function indicatorUseCounts(db: Database, categoryIds: string[]): Promise<Map<string, number>> {
  if (!categoryIds.length) return new Map();
  const rows = await db
    .selectFrom('indicator_disaggregations')
    .select(['category_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('category_id', 'in', categoryIds)
    .groupBy('category_id')
    .execute();
  return new Map(rows.map((r) => [r.category_id, Number(r.n)]));
}

export const insertCategory = (db: Database, row: DisaggregationCategoriesTable) => db.insertInto('disaggregation_categories').values(row).execute();

export const insertOptions = (db: Database, rows: DisaggregationOptionsTable[]) =>
  rows.length ? db.insertInto('disaggregation_options').values(rows).execute() : Promise.resolve([]);

/** Category ids of indicators, in each indicator's order. */
export async function categoriesOfIndicators(db: Database, indicatorIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!indicatorIds.length) return out;
  const rows = await db
    .selectFrom('indicator_disaggregations')
    .select(['indicator_id', 'category_id'])
    .where('indicator_id', 'in', indicatorIds)
    .orderBy('indicator_id')
    .orderBy('position')
    .execute();
  for (const r of rows) out.set(r.indicator_id, [...(out.get(r.indicator_id) ?? []), r.category_id]);
  return out;
}

/** Replaces an indicator's categories with `categoryIds`, in that order. */
export async function setIndicatorCategories(db: Database, indicatorId: string, categoryIds: string[]) {
  await db.deleteFrom('indicator_disaggregations').where('indicator_id', '=', indicatorId).execute();
  if (categoryIds.length) {
    await db
      .insertInto('indicator_disaggregations')
      .values(categoryIds.map((category_id, position) => ({ indicator_id: indicatorId, category_id, position })))
      .execute();
  }
}
