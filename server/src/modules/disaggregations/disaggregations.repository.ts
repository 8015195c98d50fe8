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

export const findCategoryByCode = (db: Database, organisationId: string, code: string) =>
  db.selectFrom('disaggregation_categories').select('id').where('organisation_id', '=', organisationId).where('code', '=', code).executeTakeFirst();

export const updateCategory = (db: Database, id: string, patch: Partial<DisaggregationCategoriesTable>) =>
  db.updateTable('disaggregation_categories').set(patch).where('id', '=', id).execute();

/** Its options go with it (foreign key cascade). */
export const deleteCategory = (db: Database, id: string) => db.deleteFrom('disaggregation_categories').where('id', '=', id).execute();

export const updateOption = (db: Database, id: string, patch: Partial<DisaggregationOptionsTable>) =>
  db.updateTable('disaggregation_options').set(patch).where('id', '=', id).execute();

export const deleteOptions = (db: Database, ids: string[]) =>
  ids.length ? db.deleteFrom('disaggregation_options').where('id', 'in', ids).execute() : Promise.resolve([]);

/**
 * How many of the organisation's library entries use each category. The entries keep their
 * categories as a JSON list of ids, so the count is made here rather than in SQL.
 */
export async function libraryUseCounts(db: Database, organisationId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('library_indicators').select('category_ids_json').where('organisation_id', '=', organisationId).execute();
  const out = new Map<string, number>();
  for (const r of rows) for (const id of new Set(JSON.parse(r.category_ids_json) as string[])) out.set(id, (out.get(id) ?? 0) + 1);
  return out;
}

/** Target keys, among indicators using the category, that contain any of the options (keys are option ids joined by `|`). */
export async function targetKeysUsing(db: Database, categoryId: string, optionIds: string[]): Promise<string[]> {
  if (!optionIds.length) return [];
  const rows = await db
    .selectFrom('indicator_targets')
    .select('disaggregation_key')
    .where('indicator_id', 'in', (eb) => eb.selectFrom('indicator_disaggregations').select('indicator_id').where('category_id', '=', categoryId))
    .where((eb) => eb.or(optionIds.map((id) => eb('disaggregation_key', 'like', `%${id}%`))))
    .execute();
  return rows.map((r) => r.disaggregation_key);
}

export const programmeIdsOf = (db: Database, organisationId: string) =>
  db.selectFrom('programmes').select('id').where('organisation_id', '=', organisationId).execute().then((rows) => rows.map((r) => r.id));
