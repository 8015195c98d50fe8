import type { Database } from '../../db/database.js';
import type { ChangeRequestsTable, PlannedActivitiesTable } from '../../db/schema.js';

/** A change request with the names of who asked and who decided. */
export type ChangeRequestRow = ChangeRequestsTable & { requester_name: string | null; decider_name: string | null };

const withNames = (db: Database) =>
  db
    .selectFrom('change_requests as cr')
    .leftJoin('users as rq', 'rq.id', 'cr.requested_by')
    .leftJoin('users as dc', 'dc.id', 'cr.decided_by')
    .selectAll('cr')
    .select(['rq.name as requester_name', 'dc.name as decider_name']);

export const findChangeRequest = (db: Database, id: string): Promise<ChangeRequestRow | undefined> =>
  withNames(db).where('cr.id', '=', id).executeTakeFirst();

/** A project's change requests, newest number first; budget requests left out unless `withBudget`. */
export function changeRequestsOfProject(db: Database, projectId: string, f: { kind?: string; status?: string; withBudget: boolean }): Promise<ChangeRequestRow[]> {
  let q = withNames(db).where('cr.project_id', '=', projectId);
  if (f.kind) q = q.where('cr.kind', '=', f.kind);
  if (f.status) q = q.where('cr.status', '=', f.status);
  if (!f.withBudget) q = q.where('cr.kind', '!=', 'budget');
  return q.orderBy('cr.number', 'desc').execute();
}

/** The next number of the project's requests (the unique index on project and number guards races). */
export async function nextNumber(db: Database, projectId: string): Promise<number> {
  const row = await db.selectFrom('change_requests').select((eb) => eb.fn.max('number').as('n')).where('project_id', '=', projectId).executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

export const insertChangeRequest = (db: Database, row: ChangeRequestsTable) => db.insertInto('change_requests').values(row).execute();

/** Moves a submitted request at the version the reader saw; false when someone else moved it first. */
export async function decideAtVersion(db: Database, id: string, version: number, patch: Partial<ChangeRequestsTable>): Promise<boolean> {
  const res = await db
    .updateTable('change_requests')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'submitted')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export const setAppliedAt = (db: Database, id: string, at: string) => db.updateTable('change_requests').set({ applied_at: at }).where('id', '=', id).execute();

// --- targets ---

/** Indicators of the project's own framework, in framework order. */
export const indicatorsOfProject = (db: Database, projectId: string) =>
  db
    .selectFrom('indicators as i')
    .innerJoin('results_frameworks as f', 'f.id', 'i.framework_id')
    .innerJoin('result_nodes as n', 'n.id', 'i.result_node_id')
    .select(['i.id', 'i.code', 'i.name', 'i.names_json', 'i.type'])
    .where('f.project_id', '=', projectId)
    .orderBy('n.code')
    .orderBy('i.position')
    .orderBy('i.code')
    .execute();

export const locationsByIds = async (db: Database, ids: string[]) =>
  ids.length ? db.selectFrom('locations').select(['id', 'pcode', 'name']).where('id', 'in', ids).execute() : [];

export const optionLabels = async (db: Database, ids: string[]) =>
  ids.length ? db.selectFrom('disaggregation_options').select(['id', 'label', 'labels_json']).where('id', 'in', ids).execute() : [];

// --- plan ---

export type ActivityRow = PlannedActivitiesTable & { plan_title: string; plan_year: number; plan_start: string; plan_end: string; plan_status: string };

const activities = (db: Database) =>
  db
    .selectFrom('planned_activities as a')
    .innerJoin('work_plans as w', 'w.id', 'a.work_plan_id')
    .selectAll('a')
    .select(['w.title as plan_title', 'w.year as plan_year', 'w.start_date as plan_start', 'w.end_date as plan_end', 'w.status as plan_status']);

export const activitiesByIds = async (db: Database, ids: string[]): Promise<ActivityRow[]> => (ids.length ? activities(db).where('a.id', 'in', ids).execute() : []);

export const activitiesOfProject = (db: Database, projectId: string): Promise<ActivityRow[]> =>
  activities(db).where('w.project_id', '=', projectId).orderBy('w.year').orderBy('a.position').orderBy('a.code').execute();

export async function updateActivity(db: Database, id: string, patch: Pick<PlannedActivitiesTable, 'planned_start' | 'planned_end' | 'status' | 'updated_at'>) {
  await db
    .updateTable('planned_activities')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

// --- budget ---

export const findBudgetVersion = (db: Database, id: string) =>
  db
    .selectFrom('budget_versions as v')
    .innerJoin('budgets as b', 'b.id', 'v.budget_id')
    .select(['v.id', 'v.number', 'v.status', 'v.budget_id', 'v.change_request_id', 'b.project_id', 'b.title', 'b.currency', 'b.current_version'])
    .where('v.id', '=', id)
    .executeTakeFirst();

/** The approved or superseded version of a budget with the highest number below `number` (what a revision replaced). */
export const previousVersion = (db: Database, budgetId: string, number: number) =>
  db
    .selectFrom('budget_versions')
    .select(['id', 'number'])
    .where('budget_id', '=', budgetId)
    .where('number', '<', number)
    .where('status', 'in', ['approved', 'superseded'])
    .orderBy('number', 'desc')
    .executeTakeFirst();

export const versionByNumber = (db: Database, budgetId: string, number: number) =>
  db.selectFrom('budget_versions').select(['id', 'number']).where('budget_id', '=', budgetId).where('number', '=', number).executeTakeFirst();

export const linesOfVersions = async (db: Database, versionIds: string[]) =>
  versionIds.length
    ? db
        .selectFrom('budget_version_lines')
        .select(['version_id', 'line_id', 'code', 'description', 'total_minor', 'position'])
        .where('version_id', 'in', versionIds)
        .orderBy('position')
        .execute()
    : [];

/** Draft revisions (number ≥ 2) of the project's budgets, for the "New change request" dialog. */
export const draftRevisions = (db: Database, projectId: string) =>
  db
    .selectFrom('budget_versions as v')
    .innerJoin('budgets as b', 'b.id', 'v.budget_id')
    .select(['v.id', 'v.number', 'b.id as budget_id', 'b.title', 'b.currency'])
    .where('b.project_id', '=', projectId)
    .where('v.status', '=', 'draft')
    .where('v.number', '>=', 2)
    .orderBy('b.title')
    .orderBy('v.number')
    .execute();

/** The audit entry written when the request was approved (its `after` keeps the preview as applied). */
export const approvalAudit = (db: Database, id: string) =>
  db
    .selectFrom('audit_log')
    .select(['after_json'])
    .where('entity_type', '=', 'change_request')
    .where('entity_id', '=', id)
    .where('action', '=', 'change_request.approve')
    .orderBy('at', 'desc')
    .executeTakeFirst();
