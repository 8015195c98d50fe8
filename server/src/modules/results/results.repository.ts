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
