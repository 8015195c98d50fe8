import type { Database } from '../../db/database.js';
import type { ActivityMilestonesTable, PlannedActivitiesTable, WorkPlansTable } from '../../db/schema.js';

/** A plan with the name of the person who approved it. */
export type PlanRow = WorkPlansTable & { approved_by_name: string | null };

/** An activity with the names it shows: result node, organisation, location, last progress updater. */
export type ActivityRow = PlannedActivitiesTable & {
  node_code: string | null;
  node_title: string | null;
  organisation_name: string | null;
  location_name: string | null;
  location_pcode: string | null;
  status_updated_by_name: string | null;
};

const plans = (db: Database) =>
  db.selectFrom('work_plans as w').leftJoin('users as u', 'u.id', 'w.approved_by').selectAll('w').select('u.name as approved_by_name');

export const findPlan = (db: Database, id: string): Promise<PlanRow | undefined> => plans(db).where('w.id', '=', id).executeTakeFirst();

export const plansOfProject = (db: Database, projectId: string): Promise<PlanRow[]> =>
  plans(db).where('w.project_id', '=', projectId).orderBy('w.year', 'desc').execute();

export const planOfYear = (db: Database, projectId: string, year: number) =>
  db.selectFrom('work_plans').select('id').where('project_id', '=', projectId).where('year', '=', year).executeTakeFirst();

/** Per plan: how many activities and how many of them are overdue on `today`. */
export async function planCounts(db: Database, planIds: string[], today: string) {
  if (planIds.length === 0) return new Map<string, { total: number; overdue: number }>();
  const rows = await db
    .selectFrom('planned_activities')
    .select(['work_plan_id', 'planned_end', 'status'])
    .where('work_plan_id', 'in', planIds)
    .execute();
  const out = new Map<string, { total: number; overdue: number }>();
  for (const r of rows) {
    const c = out.get(r.work_plan_id) ?? { total: 0, overdue: 0 };
    c.total += 1;
    if (r.planned_end < today && r.status !== 'done' && r.status !== 'cancelled') c.overdue += 1;
    out.set(r.work_plan_id, c);
  }
  return out;
}

export const insertPlan = (db: Database, row: WorkPlansTable) => db.insertInto('work_plans').values(row).execute();

/** Updates when the version is still `version`; false when someone changed it in between. */
export async function updatePlan(db: Database, id: string, version: number, patch: Partial<WorkPlansTable>): Promise<boolean> {
  const res = await db.updateTable('work_plans').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export const deletePlan = (db: Database, id: string) => db.deleteFrom('work_plans').where('id', '=', id).execute();

const activities = (db: Database) =>
  db
    .selectFrom('planned_activities as a')
    .leftJoin('result_nodes as n', 'n.id', 'a.result_node_id')
    .leftJoin('organisations as o', 'o.id', 'a.organisation_id')
    .leftJoin('locations as l', 'l.id', 'a.location_id')
    .leftJoin('users as u', 'u.id', 'a.status_updated_by')
    .selectAll('a')
    .select([
      'n.code as node_code',
      'n.title as node_title',
      'o.name as organisation_name',
      'l.name as location_name',
      'l.pcode as location_pcode',
      'u.name as status_updated_by_name',
    ]);

export const findActivity = (db: Database, id: string): Promise<ActivityRow | undefined> => activities(db).where('a.id', '=', id).executeTakeFirst();

export const activitiesOfPlan = (db: Database, planId: string): Promise<ActivityRow[]> =>
  activities(db).where('a.work_plan_id', '=', planId).orderBy('a.position').orderBy('a.code').execute();

export const activityByCode = (db: Database, planId: string, code: string, exceptId: string | null) => {
  let q = db.selectFrom('planned_activities').select('id').where('work_plan_id', '=', planId).where('code', '=', code);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
};

export async function nextPosition(db: Database, planId: string): Promise<number> {
  const row = await db.selectFrom('planned_activities').select((eb) => eb.fn.max('position').as('max')).where('work_plan_id', '=', planId).executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

export const insertActivity = (db: Database, row: PlannedActivitiesTable) => db.insertInto('planned_activities').values(row).execute();

export async function updateActivity(db: Database, id: string, version: number, patch: Partial<PlannedActivitiesTable>): Promise<boolean> {
  const res = await db
    .updateTable('planned_activities')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export const setPosition = (db: Database, id: string, position: number) =>
  db.updateTable('planned_activities').set({ position }).where('id', '=', id).execute();

export const deleteActivity = (db: Database, id: string) => db.deleteFrom('planned_activities').where('id', '=', id).execute();

export async function milestonesOf(db: Database, activityIds: string[]): Promise<ActivityMilestonesTable[]> {
  if (activityIds.length === 0) return [];
  return db.selectFrom('activity_milestones').selectAll().where('activity_id', 'in', activityIds).orderBy('position').orderBy('due_date').execute();
}

/** The activity's milestones become exactly `rows`. */
export async function replaceMilestones(db: Database, activityId: string, rows: ActivityMilestonesTable[]) {
  await db.deleteFrom('activity_milestones').where('activity_id', '=', activityId).execute();
  if (rows.length) await db.insertInto('activity_milestones').values(rows).execute();
}

export const setMilestoneDone = (db: Database, id: string, doneDate: string | null) =>
  db.updateTable('activity_milestones').set({ done_date: doneDate }).where('id', '=', id).execute();

// ---- Form options and reference checks ------------------------------------------------------

export const resultNodesOfProject = (db: Database, projectId: string) =>
  db
    .selectFrom('result_nodes as n')
    .innerJoin('results_frameworks as f', 'f.id', 'n.framework_id')
    .select(['n.id', 'n.parent_id', 'n.code', 'n.title', 'n.level', 'n.position'])
    .where('f.project_id', '=', projectId)
    .orderBy('n.level')
    .orderBy('n.position')
    .orderBy('n.code')
    .execute();

/** The organisations that run the project (lead and implementing partners; donors do not carry out activities). */
export const organisationsOfProject = (db: Database, projectId: string) =>
  db
    .selectFrom('project_organisations as po')
    .innerJoin('organisations as o', 'o.id', 'po.organisation_id')
    .select(['o.id', 'o.name', 'o.acronym'])
    .distinct()
    .where('po.project_id', '=', projectId)
    .where('po.role', '!=', 'donor')
    .orderBy('o.name')
    .execute();

export const locationsOfProject = (db: Database, projectId: string) =>
  db
    .selectFrom('project_locations as pl')
    .innerJoin('locations as l', 'l.id', 'pl.location_id')
    .select(['l.id', 'l.name', 'l.pcode'])
    .where('pl.project_id', '=', projectId)
    .orderBy('l.name')
    .execute();

export async function teamsOfProject(db: Database, projectId: string): Promise<string[]> {
  const rows = await db.selectFrom('planned_activities').select('team').distinct().where('project_id', '=', projectId).where('team', '!=', '').execute();
  return rows.map((r) => r.team).sort((a, b) => a.localeCompare(b));
}
