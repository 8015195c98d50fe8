import { PLAN_EDITORS, PROGRESS_REPORTERS } from '@shared/plans-roles.js';
import type {
  ActivityBody,
  ApproveWorkPlanBody,
  CreateWorkPlanBody,
  PlannedActivity,
  ProgressBody,
  ReorderActivitiesBody,
  UpdateActivityBody,
  UpdateWorkPlanBody,
  WorkPlan,
  WorkPlanList,
} from '@shared/schemas/workplans.js';
import type { z } from 'zod';
import type { ActivityMilestonesTable, PlannedActivitiesTable } from '../../db/schema.js';
import { nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, type DetailInput, conflict, forbidden, invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { userIdOf } from '../access/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { type ProjectPlansAccess, projectPlansAccess } from '../plans-access/plans-access.js';
import { todayUtc } from '../reporting/rounds.mapper.js';
import { type ProjectRefs, bodyAt, checkDatePair, checkDoneDate, checkProgress, checkRefs, lockedDetail } from './workplans.checks.js';
import { auditableActivity, auditablePlan, inTreeOrder, toActivity, toPlanSummary } from './workplans.mapper.js';
import * as repo from './workplans.repository.js';

/**
 * Work plans (issue 7). Everyone who sees the project reads its plans; PLAN_EDITORS create,
 * change, approve and delete them; PROGRESS_REPORTERS update the progress of the activities
 * their own organisation carries out. An approved plan keeps its planned dates and its list of
 * activities: those change through a plan change request (409 invalid_transition here).
 */

const stale = (current: number) => new AppError('conflict', [{ field: 'body.version', reason: 'stale_version', params: { current } }]);
const locked = (...details: DetailInput[]) => new AppError('invalid_transition', details);

/** The activity's rights: editors change everything, reporters of its organisation its progress. */
export function activityRights(ctx: Ctx, access: ProjectPlansAccess, a: Pick<PlannedActivitiesTable, 'organisation_id' | 'status'>) {
  const canEdit = access.can(PLAN_EDITORS);
  return { canEdit, canUpdateProgress: mayReportProgress(ctx, access, a) && a.status !== 'cancelled' };
}

/** Plan editors, and progress reporters whose own organisation carries the activity out. */
export function mayReportProgress(ctx: Ctx, access: ProjectPlansAccess, a: Pick<PlannedActivitiesTable, 'organisation_id'>) {
  const ownOrganisation = !!a.organisation_id && a.organisation_id === ctx.actor.organisationId;
  return access.can(PLAN_EDITORS) || (ownOrganisation && access.can(PROGRESS_REPORTERS));
}

/** A plan whose project the reader sees (404 otherwise), with the access to it. */
export async function loadPlan(ctx: Ctx, id: string) {
  const plan = await repo.findPlan(ctx.db, id);
  if (!plan) throw notFound();
  return { plan, access: await projectPlansAccess(ctx, plan.project_id) };
}

async function loadActivity(ctx: Ctx, id: string) {
  const activity = await repo.findActivity(ctx.db, id);
  if (!activity) throw notFound();
  return { activity, ...(await loadPlan(ctx, activity.work_plan_id)) };
}

export async function listWorkPlans(ctx: Ctx, projectId: string): Promise<WorkPlanList> {
  const access = await projectPlansAccess(ctx, projectId);
  const rows = await repo.plansOfProject(ctx.db, projectId);
  const today = todayUtc();
  const counts = await repo.planCounts(ctx.db, rows.map((r) => r.id), today);
  return { items: rows.map((r) => toPlanSummary(r, counts.get(r.id))), canCreate: access.can(PLAN_EDITORS), today };
}

/** The project's result nodes, organisations and locations, as sets of ids and as form options. */
export async function projectOptions(ctx: Ctx, projectId: string) {
  const [nodes, organisations, locations, teams] = await Promise.all([
    repo.resultNodesOfProject(ctx.db, projectId),
    repo.organisationsOfProject(ctx.db, projectId),
    repo.locationsOfProject(ctx.db, projectId),
    repo.teamsOfProject(ctx.db, projectId),
  ]);
  const refs: ProjectRefs = {
    nodeIds: new Set(nodes.map((n) => n.id)),
    organisationIds: new Set(organisations.map((o) => o.id)),
    locationIds: new Set(locations.map((l) => l.id)),
  };
  return { refs, nodes, options: { resultNodes: inTreeOrder(nodes), organisations, locations, teams } };
}

export async function getWorkPlan(ctx: Ctx, id: string): Promise<WorkPlan> {
  const { plan, access } = await loadPlan(ctx, id);
  const today = todayUtc();
  const activities = await repo.activitiesOfPlan(ctx.db, id);
  const milestones = await repo.milestonesOf(ctx.db, activities.map((a) => a.id));
  const { options } = await projectOptions(ctx, plan.project_id);
  const canEdit = access.can(PLAN_EDITORS);
  const counts = { total: activities.length, overdue: 0 };
  const items = activities.map((a) => {
    const item = toActivity(a, milestones.filter((m) => m.activity_id === a.id), today, activityRights(ctx, access, a));
    if (item.overdue) counts.overdue += 1;
    return item;
  });
  const p = access.project;
  return {
    ...toPlanSummary(plan, counts),
    project: { id: p.id, code: p.code, title: p.title, startDate: p.start_date, endDate: p.end_date },
    activities: items,
    canEdit,
    canApprove: canEdit && plan.status === 'draft',
    today,
    options,
  };
}

async function hydrateActivity(ctx: Ctx, id: string): Promise<PlannedActivity> {
  const { activity, access } = await loadActivity(ctx, id);
  const milestones = await repo.milestonesOf(ctx.db, [id]);
  return toActivity(activity, milestones, todayUtc(), activityRights(ctx, access, activity));
}

// ---- Plans ----------------------------------------------------------------------------------

export async function createWorkPlan(ctx: Ctx, projectId: string, body: z.infer<typeof CreateWorkPlanBody>): Promise<WorkPlan> {
  const id = await inTransaction(ctx, async (tx) => {
    const access = await projectPlansAccess(tx, projectId);
    if (!access.can(PLAN_EDITORS)) throw forbidden();
    const p = access.project;
    // The calendar year, cut to the project's dates.
    const yearStart = `${body.year}-01-01`;
    const yearEnd = `${body.year}-12-31`;
    const clippedStart = p.start_date > yearStart ? p.start_date : yearStart;
    const clippedEnd = p.end_date < yearEnd ? p.end_date : yearEnd;
    if (clippedStart > clippedEnd && !(body.startDate && body.endDate)) {
      throw invalid({ field: 'body.year', reason: 'year_outside_project', params: { year: body.year, start: p.start_date, end: p.end_date } });
    }
    const startDate = body.startDate ?? clippedStart;
    const endDate = body.endDate ?? clippedEnd;
    const problems: DetailInput[] = [];
    checkDatePair(problems, bodyAt, 'startDate', startDate, 'endDate', endDate);
    if (problems.length) throw invalid(...problems);
    if (await repo.planOfYear(tx.db, projectId, body.year)) {
      throw new AppError('conflict', [{ field: 'body.year', reason: 'work_plan_year_taken', params: { year: body.year } }]);
    }
    const now = nowIso();
    const row = {
      id: newId(), project_id: projectId, year: body.year, title: body.title, start_date: startDate, end_date: endDate, status: 'draft',
      approved_by: null, approved_at: null, version: 1, created_by: userIdOf(tx.actor), created_at: now, updated_at: now,
    };
    await repo.insertPlan(tx.db, row);
    await recordAudit(tx, { action: 'work_plan.create', entityType: 'work_plan', entityId: row.id, organisationId: p.organisation_id, after: auditablePlan(row) });
    return row.id;
  });
  return getWorkPlan(ctx, id);
}

export async function updateWorkPlan(ctx: Ctx, id: string, body: z.infer<typeof UpdateWorkPlanBody>): Promise<WorkPlan> {
  await inTransaction(ctx, async (tx) => {
    const { plan, access } = await loadPlan(tx, id);
    if (!access.can(PLAN_EDITORS)) throw forbidden();
    if (body.version !== plan.version) throw stale(plan.version);
    const problems: DetailInput[] = [];
    checkDatePair(problems, bodyAt, 'startDate', body.startDate, 'endDate', body.endDate);
    if (problems.length) throw invalid(...problems);
    if (plan.status === 'approved') {
      const lockedFields = (['startDate', 'endDate'] as const).filter((f) => body[f] !== (f === 'startDate' ? plan.start_date : plan.end_date));
      if (lockedFields.length) throw locked(...lockedFields.map((f) => lockedDetail(bodyAt, f)));
    }
    const patch = { title: body.title, start_date: body.startDate, end_date: body.endDate, updated_at: nowIso() };
    if (!(await repo.updatePlan(tx.db, id, plan.version, patch))) throw stale(plan.version + 1);
    await recordAudit(tx, {
      action: 'work_plan.update', entityType: 'work_plan', entityId: id, organisationId: access.project.organisation_id,
      before: auditablePlan(plan), after: auditablePlan({ ...plan, ...patch, version: plan.version + 1 }),
    });
  });
  return getWorkPlan(ctx, id);
}

/** draft → approved, by a plan editor; from then on planned dates change through change requests. */
export async function approveWorkPlan(ctx: Ctx, id: string, body: z.infer<typeof ApproveWorkPlanBody>): Promise<WorkPlan> {
  await inTransaction(ctx, async (tx) => {
    const { plan, access } = await loadPlan(tx, id);
    if (!access.can(PLAN_EDITORS)) throw forbidden();
    if (body.version !== plan.version) throw stale(plan.version);
    if (plan.status !== 'draft') throw locked({ field: 'status', reason: 'work_plan_not_draft', params: { status: plan.status } });
    const now = nowIso();
    const patch = { status: 'approved', approved_by: userIdOf(tx.actor), approved_at: now, updated_at: now };
    if (!(await repo.updatePlan(tx.db, id, plan.version, patch))) throw stale(plan.version + 1);
    await recordAudit(tx, {
      action: 'work_plan.approve', entityType: 'work_plan', entityId: id, organisationId: access.project.organisation_id,
      before: auditablePlan(plan), after: auditablePlan({ ...plan, ...patch, version: plan.version + 1 }),
    });
  });
  return getWorkPlan(ctx, id);
}

/** Only a draft plan is deleted (with its activities and milestones). */
export async function deleteWorkPlan(ctx: Ctx, id: string, version: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { plan, access } = await loadPlan(tx, id);
    if (!access.can(PLAN_EDITORS)) throw forbidden();
    if (version !== plan.version) throw stale(plan.version);
    if (plan.status !== 'draft') throw locked({ field: 'status', reason: 'work_plan_not_draft', params: { status: plan.status } });
    const activities = await repo.activitiesOfPlan(tx.db, id);
    await repo.deletePlan(tx.db, id);
    await recordAudit(tx, {
      action: 'work_plan.delete', entityType: 'work_plan', entityId: id, organisationId: access.project.organisation_id,
      before: { ...auditablePlan(plan), activityCodes: activities.map((a) => a.code) },
    });
  });
}

// ---- Activities -----------------------------------------------------------------------------

type ActivityInput = z.infer<typeof ActivityBody>;

/** Milestones as rows: an existing id of this activity is kept, anything else gets a new id. */
function milestoneRows(activityId: string, input: ActivityInput['milestones'], existing: ActivityMilestonesTable[]): ActivityMilestonesTable[] {
  const known = new Set(existing.map((m) => m.id));
  const used = new Set<string>();
  return input.map((m, position) => {
    const id = m.id && known.has(m.id) && !used.has(m.id) ? m.id : newId();
    used.add(id);
    return { id, activity_id: activityId, kind: m.kind, title: m.title, due_date: m.dueDate, done_date: m.doneDate, position };
  });
}

function checkActivity(problems: DetailInput[], body: ActivityInput, refs: ProjectRefs, today: string) {
  checkDatePair(problems, bodyAt, 'plannedStart', body.plannedStart, 'plannedEnd', body.plannedEnd);
  checkProgress(problems, bodyAt, body, today);
  checkRefs(problems, bodyAt, refs, body);
  body.milestones.forEach((m, i) => {
    checkDatePair(problems, bodyAt, `milestones.${i}.dueDate`, m.dueDate, `milestones.${i}.dueDate`, null);
    checkDoneDate(problems, bodyAt, `milestones.${i}.doneDate`, m.doneDate, today);
  });
}

const planColumns = (body: ActivityInput) => ({
  code: body.code,
  title: body.title,
  description: body.description,
  result_node_id: body.resultNodeId,
  planned_start: body.plannedStart,
  planned_end: body.plannedEnd,
  responsible: body.responsible,
  team: body.team,
  organisation_id: body.organisationId,
  location_id: body.locationId,
});
const progressColumns = (body: Pick<ActivityInput, 'status' | 'percentComplete' | 'actualStart' | 'actualEnd' | 'statusNote'>) => ({
  status: body.status,
  percent_complete: body.percentComplete,
  actual_start: body.actualStart,
  actual_end: body.actualEnd,
  status_note: body.statusNote,
});
const progressChanged = (a: PlannedActivitiesTable, p: ReturnType<typeof progressColumns>) =>
  a.status !== p.status || a.percent_complete !== p.percent_complete || a.actual_start !== p.actual_start || a.actual_end !== p.actual_end || a.status_note !== p.status_note;

/** Adds an activity to a draft plan (an approved plan gains activities through a change request). */
export async function createActivity(ctx: Ctx, planId: string, body: ActivityInput): Promise<PlannedActivity> {
  const id = await inTransaction(ctx, async (tx) => {
    const { plan, access } = await loadPlan(tx, planId);
    if (!access.can(PLAN_EDITORS)) throw forbidden();
    if (plan.status === 'approved') throw locked(lockedDetail(() => ({ field: 'status' }), 'status'));
    const today = todayUtc();
    const { refs } = await projectOptions(tx, plan.project_id);
    const problems: DetailInput[] = [];
    checkActivity(problems, body, refs, today);
    if (problems.length) throw invalid(...problems);
    if (await repo.activityByCode(tx.db, planId, body.code, null)) throw conflict('body.code');
    const now = nowIso();
    const row: PlannedActivitiesTable = {
      id: newId(), work_plan_id: planId, project_id: plan.project_id, ...planColumns(body), ...progressColumns(body),
      status_updated_by: null, status_updated_at: null, position: await repo.nextPosition(tx.db, planId), version: 1, created_at: now, updated_at: now,
    };
    if (body.status !== 'not_started' || body.percentComplete !== 0 || body.actualStart || body.actualEnd || body.statusNote) {
      row.status_updated_by = userIdOf(tx.actor);
      row.status_updated_at = now;
    }
    await repo.insertActivity(tx.db, row);
    const milestones = milestoneRows(row.id, body.milestones, []);
    await repo.replaceMilestones(tx.db, row.id, milestones);
    await recordAudit(tx, {
      action: 'planned_activity.create', entityType: 'planned_activity', entityId: row.id, organisationId: access.project.organisation_id,
      after: auditableActivity(row, milestones),
    });
    return row.id;
  });
  return hydrateActivity(ctx, id);
}

/**
 * Changes an activity as a whole, milestones included (replaced by the list given). In an approved
 * plan the planned dates and cancellation are refused: they go through a change request.
 */
export async function updateActivity(ctx: Ctx, id: string, body: z.infer<typeof UpdateActivityBody>): Promise<PlannedActivity> {
  await inTransaction(ctx, async (tx) => {
    const { activity, plan, access } = await loadActivity(tx, id);
    if (!access.can(PLAN_EDITORS)) throw forbidden();
    if (body.version !== activity.version) throw stale(activity.version);
    if (plan.status === 'approved') {
      const details: DetailInput[] = [];
      if (body.plannedStart !== activity.planned_start) details.push(lockedDetail(bodyAt, 'plannedStart'));
      if (body.plannedEnd !== activity.planned_end) details.push(lockedDetail(bodyAt, 'plannedEnd'));
      if ((body.status === 'cancelled') !== (activity.status === 'cancelled')) details.push(lockedDetail(bodyAt, 'status'));
      if (details.length) throw locked(...details);
    }
    const today = todayUtc();
    const { refs } = await projectOptions(tx, plan.project_id);
    const problems: DetailInput[] = [];
    checkActivity(problems, body, refs, today);
    if (problems.length) throw invalid(...problems);
    if (await repo.activityByCode(tx.db, plan.id, body.code, id)) throw conflict('body.code');
    const beforeMilestones = await repo.milestonesOf(tx.db, [id]);
    const now = nowIso();
    const progress = progressColumns(body);
    const patch: Partial<PlannedActivitiesTable> = { ...planColumns(body), ...progress, updated_at: now };
    if (progressChanged(activity, progress)) Object.assign(patch, { status_updated_by: userIdOf(tx.actor), status_updated_at: now });
    if (!(await repo.updateActivity(tx.db, id, activity.version, patch))) throw stale(activity.version + 1);
    const milestones = milestoneRows(id, body.milestones, beforeMilestones);
    await repo.replaceMilestones(tx.db, id, milestones);
    await recordAudit(tx, {
      action: 'planned_activity.update', entityType: 'planned_activity', entityId: id, organisationId: access.project.organisation_id,
      before: auditableActivity(activity, beforeMilestones), after: auditableActivity({ ...activity, ...patch, version: activity.version + 1 }, milestones),
    });
  });
  return hydrateActivity(ctx, id);
}

/** Removes an activity of a draft plan (an approved plan's activities are cancelled through a change request). */
export async function deleteActivity(ctx: Ctx, id: string, version: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { activity, plan, access } = await loadActivity(tx, id);
    if (!access.can(PLAN_EDITORS)) throw forbidden();
    if (version !== activity.version) throw stale(activity.version);
    if (plan.status === 'approved') throw locked(lockedDetail(() => ({ field: 'status' }), 'status'));
    const milestones = await repo.milestonesOf(tx.db, [id]);
    await repo.deleteActivity(tx.db, id);
    await recordAudit(tx, {
      action: 'planned_activity.delete', entityType: 'planned_activity', entityId: id, organisationId: access.project.organisation_id,
      before: auditableActivity(activity, milestones),
    });
  });
}

/**
 * A progress update: status (never cancelled), % complete, actual dates, note and milestones' done
 * dates. Plan editors, and reporters whose organisation carries the activity out.
 */
export async function updateProgress(ctx: Ctx, id: string, body: z.infer<typeof ProgressBody>): Promise<PlannedActivity> {
  await inTransaction(ctx, async (tx) => {
    const { activity, access } = await loadActivity(tx, id);
    if (!mayReportProgress(tx, access, activity)) throw forbidden();
    if (body.version !== activity.version) throw stale(activity.version);
    if (activity.status === 'cancelled') throw locked({ field: 'body.status', reason: 'activity_cancelled_no_progress' });
    const today = todayUtc();
    const problems: DetailInput[] = [];
    checkProgress(problems, bodyAt, body, today);
    const beforeMilestones = await repo.milestonesOf(tx.db, [id]);
    const known = new Map(beforeMilestones.map((m) => [m.id, m]));
    body.milestones.forEach((m, i) => {
      if (!known.has(m.id)) problems.push({ field: `body.milestones.${i}.id`, reason: 'unknown_milestone' });
      else checkDoneDate(problems, bodyAt, `milestones.${i}.doneDate`, m.doneDate, today);
    });
    if (problems.length) throw invalid(...problems);
    const now = nowIso();
    const patch = { ...progressColumns(body), status_updated_by: userIdOf(tx.actor), status_updated_at: now, updated_at: now };
    if (!(await repo.updateActivity(tx.db, id, activity.version, patch))) throw stale(activity.version + 1);
    const done = new Map(body.milestones.map((m) => [m.id, m.doneDate]));
    for (const [milestoneId, doneDate] of done) {
      if (known.get(milestoneId)!.done_date !== doneDate) await repo.setMilestoneDone(tx.db, milestoneId, doneDate);
    }
    const after = beforeMilestones.map((m) => (done.has(m.id) ? { ...m, done_date: done.get(m.id)! } : m));
    await recordAudit(tx, {
      action: 'planned_activity.progress', entityType: 'planned_activity', entityId: id, organisationId: access.project.organisation_id,
      before: auditableActivity(activity, beforeMilestones), after: auditableActivity({ ...activity, ...patch, version: activity.version + 1 }, after),
    });
  });
  return hydrateActivity(ctx, id);
}

/** Puts the plan's activities in the order given (all of them, once each). */
export async function reorderActivities(ctx: Ctx, planId: string, body: z.infer<typeof ReorderActivitiesBody>): Promise<WorkPlan> {
  await inTransaction(ctx, async (tx) => {
    const { plan, access } = await loadPlan(tx, planId);
    if (!access.can(PLAN_EDITORS)) throw forbidden();
    if (body.version !== plan.version) throw stale(plan.version);
    const activities = await repo.activitiesOfPlan(tx.db, planId);
    const ids = new Set(activities.map((a) => a.id));
    if (new Set(body.activityIds).size !== body.activityIds.length || body.activityIds.length !== ids.size || body.activityIds.some((a) => !ids.has(a))) {
      throw invalid({ field: 'body.activityIds', reason: 'not_every_activity' });
    }
    for (const [position, id] of body.activityIds.entries()) await repo.setPosition(tx.db, id, position);
    if (!(await repo.updatePlan(tx.db, planId, plan.version, { updated_at: nowIso() }))) throw stale(plan.version + 1);
    await recordAudit(tx, {
      action: 'work_plan.reorder', entityType: 'work_plan', entityId: planId, organisationId: access.project.organisation_id,
      before: { order: activities.map((a) => a.code) },
      after: { order: body.activityIds.map((id) => activities.find((a) => a.id === id)!.code) },
    });
  });
  return getWorkPlan(ctx, planId);
}
