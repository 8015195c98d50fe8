import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { IndicatorsTable, ResultNodesTable, ResultsFrameworksTable } from '../../db/schema.js';

export const findFrameworkByOwner = (db: Database, owner: { kind: 'project' | 'programme'; id: string }) =>
  db
    .selectFrom('results_frameworks')
    .selectAll()
    .where(owner.kind === 'project' ? 'project_id' : 'programme_id', '=', owner.id)
    .executeTakeFirst();

export const findFramework = (db: Database, id: string) => db.selectFrom('results_frameworks').selectAll().where('id', '=', id).executeTakeFirst();

export const insertFramework = (db: Database, row: ResultsFrameworksTable) => db.insertInto('results_frameworks').values(row).execute();

export const updateFramework = (db: Database, id: string, patch: Partial<ResultsFrameworksTable>) =>
  db.updateTable('results_frameworks').set(patch).where('id', '=', id).execute();

export const listNodes = (db: Database, frameworkId: string) =>
  db.selectFrom('result_nodes').selectAll().where('framework_id', '=', frameworkId).orderBy('level').orderBy('position').orderBy('code').execute();

export const findNode = (db: Database, id: string) => db.selectFrom('result_nodes').selectAll().where('id', '=', id).executeTakeFirst();

export const findNodeByCode = (db: Database, frameworkId: string, code: string) =>
  db.selectFrom('result_nodes').select('id').where('framework_id', '=', frameworkId).where('code', '=', code).executeTakeFirst();

export const insertNode = (db: Database, row: ResultNodesTable) => db.insertInto('result_nodes').values(row).execute();

export const updateNode = (db: Database, id: string, patch: Partial<ResultNodesTable>) =>
  db.updateTable('result_nodes').set(patch).where('id', '=', id).execute();

/** Siblings in order: the children of a parent, or the top nodes when parentId is null. */
export function siblings(db: Database, frameworkId: string, parentId: string | null) {
  let q = db.selectFrom('result_nodes').selectAll().where('framework_id', '=', frameworkId);
  q = parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId);
  return q.orderBy('position').orderBy('code').execute();
}

export const deleteNodes = (db: Database, ids: string[]) => db.deleteFrom('result_nodes').where('id', 'in', ids).execute();

export const listIndicators = (db: Database, frameworkId: string) =>
  db.selectFrom('indicators').selectAll().where('framework_id', '=', frameworkId).orderBy('position').orderBy('code').execute();

export const indicatorsOfNode = (db: Database, nodeId: string) =>
  db.selectFrom('indicators').selectAll().where('result_node_id', '=', nodeId).orderBy('position').orderBy('code').execute();

export const findIndicator = (db: Database, id: string) => db.selectFrom('indicators').selectAll().where('id', '=', id).executeTakeFirst();

export const findIndicatorByCode = (db: Database, frameworkId: string, code: string) =>
  db.selectFrom('indicators').select('id').where('framework_id', '=', frameworkId).where('code', '=', code).executeTakeFirst();

export const insertIndicator = (db: Database, row: IndicatorsTable) => db.insertInto('indicators').values(row).execute();

export const updateIndicator = (db: Database, id: string, patch: Partial<IndicatorsTable>) =>
  db.updateTable('indicators').set(patch).where('id', '=', id).execute();

export const deleteIndicators = (db: Database, ids: string[]) =>
  ids.length ? db.deleteFrom('indicators').where('id', 'in', ids).execute() : Promise.resolve([]);

export const indicatorHistory = (db: Database, indicatorId: string) =>
  db
    .selectFrom('audit_log')
    .select(['at', 'actor_name', 'action', 'reason', 'note', 'before_json', 'after_json'])
    .where('entity_type', '=', 'indicator')
    .where('entity_id', '=', indicatorId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();

/** Project indicators that roll up into any of the given (programme) indicators. */
export const contributorsOf = (db: Database, indicatorIds: string[]) =>
  indicatorIds.length
    ? db.selectFrom('indicators').selectAll().where('contributes_to_id', 'in', indicatorIds).orderBy('code').execute()
    : Promise.resolve([]);

/** Contributing indicators with their project, for the projects in `projectIds` (null = every project). */
export function contributionsTo(db: Database, indicatorId: string, projectIds: string[] | null) {
  let q = db
    .selectFrom('indicators')
    .innerJoin('results_frameworks', 'results_frameworks.id', 'indicators.framework_id')
    .innerJoin('projects', 'projects.id', 'results_frameworks.project_id')
    .select([
      'indicators.id', 'indicators.code', 'indicators.name', 'indicators.type', 'indicators.unit',
      'projects.id as project_id', 'projects.code as project_code', 'projects.title as project_title',
    ])
    .where('indicators.contributes_to_id', '=', indicatorId);
  if (projectIds) q = q.where('projects.id', 'in', projectIds.length ? projectIds : ['']);
  return q.orderBy('projects.code').orderBy('indicators.code').execute();
}

/** Targets for periods (not the life-of-project breakdown), which follow the indicator's frequency. */
export async function countPeriodTargets(db: Database, indicatorId: string): Promise<number> {
  const row = await db
    .selectFrom('indicator_targets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('indicator_id', '=', indicatorId)
    .where('period_key', '!=', 'LOP')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The distinct disaggregation keys the indicator's targets use, besides the total (''). */
export const targetKeys = (db: Database, indicatorId: string) =>
  db
    .selectFrom('indicator_targets')
    .select('disaggregation_key')
    .distinct()
    .where('indicator_id', '=', indicatorId)
    .where('disaggregation_key', '!=', '')
    .execute()
    .then((rows) => rows.map((r) => r.disaggregation_key));

export const renameTargetKey = (db: Database, indicatorId: string, from: string, to: string) =>
  db.updateTable('indicator_targets').set({ disaggregation_key: to }).where('indicator_id', '=', indicatorId).where('disaggregation_key', '=', from).execute();

/** Writes positions 0…n-1 for a list of siblings in the given order. */
export async function renumber(db: Database, table: 'result_nodes' | 'indicators', ids: string[]) {
  if (!ids.length) return;
  // Only rows whose position changes are written: a move touches the few siblings it shifts, not
  // every sibling (rewriting them all made each change cost as much as the list is long).
  const current = new Map(
    (await db.selectFrom(table).select(['id', 'position']).where('id', 'in', ids).execute()).map((r) => [r.id, r.position]),
  );
  for (const [position, id] of ids.entries()) {
    if (current.get(id) !== position) await db.updateTable(table).set({ position }).where('id', '=', id).execute();
  }
}

/**
 * Closes the gap a deleted node or indicator leaves: the siblings get positions 0…n-1 in their
 * current order, in one statement, whatever their number (an import may delete hundreds in a row).
 * UPDATE … FROM works the same on PostgreSQL and on SQLite (3.33 and later).
 */
export async function compactPositions(db: Database, siblings: { frameworkId: string; parentId: string | null } | { resultNodeId: string }) {
  const [table, scope] =
    'resultNodeId' in siblings
      ? [sql.raw('indicators'), sql`result_node_id = ${siblings.resultNodeId}`]
      : [sql.raw('result_nodes'), siblings.parentId === null ? sql`framework_id = ${siblings.frameworkId} and parent_id is null` : sql`framework_id = ${siblings.frameworkId} and parent_id = ${siblings.parentId}`];
  await sql`update ${table} set position = r.rn
    from (select id, row_number() over (order by position, code) - 1 as rn from ${table} where ${scope}) as r
    where ${table}.id = r.id and ${table}.position <> r.rn`.execute(db);
}
