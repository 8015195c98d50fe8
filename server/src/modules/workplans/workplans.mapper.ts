import type {
  ActivityStatus,
  MilestoneKind,
  PlannedActivity,
  WorkPlanOptions,
  WorkPlanStatus,
  WorkPlanSummary,
} from '@shared/schemas/workplans.js';
import type { ActivityMilestonesTable, PlannedActivitiesTable, WorkPlansTable } from '../../db/schema.js';
import type { ActivityRow, PlanRow } from './workplans.repository.js';

/** planned_end before today and neither done nor cancelled. */
export const isOverdue = (a: Pick<PlannedActivitiesTable, 'planned_end' | 'status'>, today: string) =>
  a.planned_end < today && a.status !== 'done' && a.status !== 'cancelled';

export const toPlanSummary = (r: PlanRow, counts: { total: number; overdue: number } | undefined): WorkPlanSummary => ({
  id: r.id,
  projectId: r.project_id,
  year: r.year,
  title: r.title,
  startDate: r.start_date,
  endDate: r.end_date,
  status: r.status as WorkPlanStatus,
  approvedBy: r.approved_by ? { id: r.approved_by, name: r.approved_by_name ?? '' } : null,
  approvedAt: r.approved_at,
  version: r.version,
  activityCount: counts?.total ?? 0,
  overdueCount: counts?.overdue ?? 0,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const toMilestone = (m: ActivityMilestonesTable) => ({
  id: m.id,
  kind: m.kind as MilestoneKind,
  title: m.title,
  dueDate: m.due_date,
  doneDate: m.done_date,
});

export const toActivity = (
  a: ActivityRow,
  milestones: ActivityMilestonesTable[],
  today: string,
  rights: { canEdit: boolean; canUpdateProgress: boolean },
): PlannedActivity => ({
  id: a.id,
  workPlanId: a.work_plan_id,
  code: a.code,
  title: a.title,
  description: a.description,
  resultNodeId: a.result_node_id,
  resultNode: a.result_node_id && a.node_code !== null ? { id: a.result_node_id, code: a.node_code, title: a.node_title ?? '' } : null,
  plannedStart: a.planned_start,
  plannedEnd: a.planned_end,
  responsible: a.responsible,
  team: a.team,
  organisationId: a.organisation_id,
  organisationName: a.organisation_name,
  locationId: a.location_id,
  locationName: a.location_name,
  locationPcode: a.location_pcode,
  status: a.status as ActivityStatus,
  percentComplete: a.percent_complete,
  actualStart: a.actual_start,
  actualEnd: a.actual_end,
  statusNote: a.status_note,
  statusUpdatedBy: a.status_updated_by ? { id: a.status_updated_by, name: a.status_updated_by_name ?? '' } : null,
  statusUpdatedAt: a.status_updated_at,
  overdue: isOverdue(a, today),
  milestones: milestones.map(toMilestone),
  position: a.position,
  version: a.version,
  ...rights,
});

/** Result nodes in tree order: each node followed by its children, by position then code. */
export function inTreeOrder(nodes: { id: string; parent_id: string | null; code: string; title: string; level: number; position: number }[]): WorkPlanOptions['resultNodes'] {
  const ids = new Set(nodes.map((n) => n.id));
  const children = new Map<string | null, typeof nodes>();
  for (const n of nodes) {
    const parent = n.parent_id && ids.has(n.parent_id) ? n.parent_id : null;
    children.set(parent, [...(children.get(parent) ?? []), n]);
  }
  const out: WorkPlanOptions['resultNodes'] = [];
  const walk = (parent: string | null) => {
    const list = (children.get(parent) ?? []).sort((a, b) => a.position - b.position || a.code.localeCompare(b.code));
    for (const n of list) {
      out.push({ id: n.id, code: n.code, title: n.title, level: n.level });
      walk(n.id);
    }
  };
  walk(null);
  return out;
}

export const auditablePlan = (r: WorkPlansTable) => ({
  projectId: r.project_id,
  year: r.year,
  title: r.title,
  startDate: r.start_date,
  endDate: r.end_date,
  status: r.status,
  approvedBy: r.approved_by,
  approvedAt: r.approved_at,
  version: r.version,
});

export const auditableActivity = (a: PlannedActivitiesTable, milestones: ActivityMilestonesTable[]) => ({
  workPlanId: a.work_plan_id,
  code: a.code,
  title: a.title,
  description: a.description,
  resultNodeId: a.result_node_id,
  plannedStart: a.planned_start,
  plannedEnd: a.planned_end,
  responsible: a.responsible,
  team: a.team,
  organisationId: a.organisation_id,
  locationId: a.location_id,
  status: a.status,
  percentComplete: a.percent_complete,
  actualStart: a.actual_start,
  actualEnd: a.actual_end,
  statusNote: a.status_note,
  position: a.position,
  version: a.version,
  milestones: milestones.map((m) => ({ id: m.id, kind: m.kind, title: m.title, dueDate: m.due_date, doneDate: m.done_date })),
});
