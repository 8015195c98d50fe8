import { PLAN_EDITORS } from '@shared/plans-roles.js';
import {
  ACTIVITY_STATUSES,
  type ImportWorkPlanBody,
  type ImportWorkPlanResultT,
  MILESTONE_KINDS,
  WORK_PLAN_SHEETS,
} from '@shared/schemas/workplans.js';
import type { z } from 'zod';
import type { ActivityMilestonesTable, PlannedActivitiesTable } from '../../db/schema.js';
import { nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, type DetailInput, forbidden } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { userIdOf } from '../access/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { todayUtc } from '../reporting/rounds.mapper.js';
import { type At, checkDatePair, checkDoneDate, checkProgress } from './workplans.checks.js';
import { auditableActivity } from './workplans.mapper.js';
import * as repo from './workplans.repository.js';
import { loadPlan, projectOptions } from './workplans.service.js';
import {
  ACTIVITY_COLUMNS,
  type ActivityKey,
  type CellProblem,
  MILESTONE_COLUMNS,
  type MilestoneKey,
  type RawRow,
  choiceOf,
  dateOf,
  intOf,
  labelOf,
  openWorkbook,
  readSheet,
  textOf,
} from './workplans.workbook.js';

/**
 * Imports the plan's workbook (the export's format). Rows of the Activities sheet upsert
 * activities by code; the Milestones rows of an activity in the file become its milestones.
 * Activities absent from the file are left alone. Every problem is listed by sheet, row and
 * column; then everything is applied in one transaction, or nothing is. In an approved plan only
 * the progress columns may change: new activities, planned dates, cancellations and the other plan
 * columns are refused, each naming its row and column, and point to a change request.
 */
const MAX_DETAILS = 200;
const A = WORK_PLAN_SHEETS.activities;
const M = WORK_PLAN_SHEETS.milestones;

/** Field names of the checks → the columns of the Activities sheet. */
const ACTIVITY_FIELD_COLUMN: Record<string, ActivityKey> = {
  plannedStart: 'planned_start',
  plannedEnd: 'planned_end',
  actualStart: 'actual_start',
  actualEnd: 'actual_end',
  percentComplete: 'percent_complete',
  status: 'status',
};

interface ParsedActivity {
  row: number;
  code: string;
  title: string;
  resultNodeId: string | null;
  plannedStart: string;
  plannedEnd: string;
  responsible: string;
  team: string;
  organisationId: string | null;
  locationId: string | null;
  status: string;
  percentComplete: number;
  actualStart: string | null;
  actualEnd: string | null;
  statusNote: string;
}
interface ParsedMilestone {
  row: number;
  activityCode: string;
  kind: string;
  title: string;
  dueDate: string;
  doneDate: string | null;
}

const lower = (s: string) => s.trim().toLowerCase();

function problemAt(problems: DetailInput[], sheet: string, row: number, columns: readonly { key: string; label: string }[]): CellProblem {
  return (column, reason, params) => problems.push({ sheet, row, column: labelOf(columns, column), reason, ...(params ? { params } : {}) });
}

export async function importWorkPlan(ctx: Ctx, planId: string, body: z.infer<typeof ImportWorkPlanBody>): Promise<ImportWorkPlanResultT> {
  // Who may import is known before the file is opened.
  {
    const { access } = await loadPlan(ctx, planId);
    if (!access.can(PLAN_EDITORS)) throw forbidden();
  }
  const opened = await openWorkbook(body.contentBase64);
  if (!opened.wb) throw new AppError('import_failed', opened.problems);
  const readProblems: DetailInput[] = [];
  const activityRows = readSheet<ActivityKey>(opened.wb, A, ACTIVITY_COLUMNS, readProblems);
  const milestoneRows = readSheet<MilestoneKey>(opened.wb, M, MILESTONE_COLUMNS, readProblems, true);
  if (readProblems.length) throw failed(readProblems);

  return inTransaction(ctx, async (tx) => {
    const { plan, access } = await loadPlan(tx, planId);
    if (!access.can(PLAN_EDITORS)) throw forbidden();
    const today = todayUtc();
    const { nodes, options } = await projectOptions(tx, plan.project_id);
    const nodeByCode = new Map(nodes.map((n) => [lower(n.code), n.id]));
    const orgByName = new Map<string, string>();
    for (const o of options.organisations) {
      if (o.acronym) orgByName.set(lower(o.acronym), o.id);
      orgByName.set(lower(o.name), o.id);
    }
    const locationByPcode = new Map(options.locations.map((l) => [lower(l.pcode), l.id]));
    const existing = await repo.activitiesOfPlan(tx.db, planId);
    const existingByCode = new Map(existing.map((a) => [a.code, a]));
    const existingMilestones = await repo.milestonesOf(tx.db, existing.map((a) => a.id));
    const approved = plan.status === 'approved';

    const problems: DetailInput[] = [];
    const parsed = parseActivities(activityRows, problems, { nodeByCode, orgByName, locationByPcode }, today);
    const fileCodes = new Map(parsed.map((p) => [p.code, p]));
    const milestones = parseMilestones(milestoneRows, problems, new Set([...fileCodes.keys()]), today);

    // Approved plan: only progress columns change.
    if (approved) {
      for (const p of parsed) {
        const problem = problemAt(problems, A, p.row, ACTIVITY_COLUMNS);
        const before = existingByCode.get(p.code);
        if (!before) {
          problem('code', 'plan_approved_use_change_request');
          continue;
        }
        if (p.plannedStart !== before.planned_start) problem('planned_start', 'plan_approved_use_change_request');
        if (p.plannedEnd !== before.planned_end) problem('planned_end', 'plan_approved_use_change_request');
        if ((p.status === 'cancelled') !== (before.status === 'cancelled')) problem('status', 'plan_approved_use_change_request');
        const planColumns: [ActivityKey, unknown, unknown][] = [
          ['title', p.title, before.title],
          ['result_code', p.resultNodeId, before.result_node_id],
          ['responsible', p.responsible, before.responsible],
          ['team', p.team, before.team],
          ['organisation', p.organisationId, before.organisation_id],
          ['location_pcode', p.locationId, before.location_id],
        ];
        for (const [column, now, was] of planColumns) if (now !== was) problem(column, 'plan_approved_progress_only');
      }
    }

    // What changes, milestone by milestone: matched to the stored ones by kind and title.
    const milestonePlan = new Map<string, ActivityMilestonesTable[]>();
    let milestonesChanged = 0;
    for (const p of parsed) {
      const before = existingByCode.get(p.code);
      const stored = before ? existingMilestones.filter((m) => m.activity_id === before.id) : [];
      const unused = [...stored];
      const rows: ActivityMilestonesTable[] = [];
      const activityId = before?.id ?? '';
      for (const m of milestones.filter((x) => x.activityCode === p.code)) {
        const i = unused.findIndex((s) => s.kind === m.kind && s.title === m.title);
        const match = i >= 0 ? unused.splice(i, 1)[0]! : undefined;
        const problem = problemAt(problems, M, m.row, MILESTONE_COLUMNS);
        if (approved && !match) problem('title', 'plan_approved_use_change_request');
        else if (approved && match && match.due_date !== m.dueDate) problem('due', 'plan_approved_use_change_request');
        const row = { id: match?.id ?? newId(), activity_id: activityId, kind: m.kind, title: m.title, due_date: m.dueDate, done_date: m.doneDate, position: rows.length };
        if (!match || match.due_date !== row.due_date || match.done_date !== row.done_date || match.position !== row.position) milestonesChanged += 1;
        rows.push(row);
      }
      // In an approved plan, milestones left out of the file are kept; in a draft they go.
      if (approved) rows.push(...unused.map((m, i) => ({ ...m, position: rows.length + i })));
      else milestonesChanged += unused.length;
      milestonePlan.set(p.code, rows);
    }

    if (problems.length) throw failed(problems);

    const counts = { created: 0, updated: 0, unchanged: 0 };
    const now = nowIso();
    let position = await repo.nextPosition(tx.db, planId);
    const applied: { code: string; action: 'created' | 'updated' }[] = [];
    for (const p of parsed) {
      const before = existingByCode.get(p.code);
      const columns = {
        code: p.code,
        title: p.title,
        result_node_id: p.resultNodeId,
        planned_start: p.plannedStart,
        planned_end: p.plannedEnd,
        responsible: p.responsible,
        team: p.team,
        organisation_id: p.organisationId,
        location_id: p.locationId,
        status: p.status,
        percent_complete: p.percentComplete,
        actual_start: p.actualStart,
        actual_end: p.actualEnd,
        status_note: p.statusNote,
      };
      const plannedMilestones = milestonePlan.get(p.code) ?? [];
      if (!before) {
        counts.created += 1;
        if (body.dryRun) continue;
        const row: PlannedActivitiesTable = {
          id: newId(), work_plan_id: planId, project_id: plan.project_id, description: '', ...columns,
          status_updated_by: userIdOf(tx.actor), status_updated_at: now, position: position++, version: 1, created_at: now, updated_at: now,
        };
        await repo.insertActivity(tx.db, row);
        const ms = plannedMilestones.map((m) => ({ ...m, activity_id: row.id }));
        await repo.replaceMilestones(tx.db, row.id, ms);
        await recordAudit(tx, { action: 'planned_activity.import', entityType: 'planned_activity', entityId: row.id, organisationId: access.project.organisation_id, after: auditableActivity(row, ms) });
        applied.push({ code: p.code, action: 'created' });
        continue;
      }
      const storedMilestones = existingMilestones.filter((m) => m.activity_id === before.id);
      const activityChanged = (Object.keys(columns) as (keyof typeof columns)[]).some((k) => columns[k] !== before[k]);
      const msChanged =
        storedMilestones.length !== plannedMilestones.length ||
        plannedMilestones.some((m) => {
          const s = storedMilestones.find((x) => x.id === m.id);
          return !s || s.due_date !== m.due_date || s.done_date !== m.done_date || s.position !== m.position;
        });
      if (!activityChanged && !msChanged) {
        counts.unchanged += 1;
        continue;
      }
      counts.updated += 1;
      if (body.dryRun) continue;
      const progressChanged =
        columns.status !== before.status || columns.percent_complete !== before.percent_complete || columns.actual_start !== before.actual_start ||
        columns.actual_end !== before.actual_end || columns.status_note !== before.status_note;
      const patch: Partial<PlannedActivitiesTable> = { ...columns, updated_at: now, ...(progressChanged ? { status_updated_by: userIdOf(tx.actor), status_updated_at: now } : {}) };
      await repo.updateActivity(tx.db, before.id, before.version, patch);
      if (msChanged) await repo.replaceMilestones(tx.db, before.id, plannedMilestones);
      await recordAudit(tx, {
        action: 'planned_activity.import', entityType: 'planned_activity', entityId: before.id, organisationId: access.project.organisation_id,
        before: auditableActivity(before, storedMilestones), after: auditableActivity({ ...before, ...patch, version: before.version + 1 }, plannedMilestones),
      });
      applied.push({ code: p.code, action: 'updated' });
    }
    if (!body.dryRun && applied.length) {
      await recordAudit(tx, { action: 'work_plan.import', entityType: 'work_plan', entityId: planId, organisationId: access.project.organisation_id, after: { counts, activities: applied } });
    }
    return { dryRun: body.dryRun, activities: counts, milestones: { total: milestones.length, changed: milestonesChanged } };
  });
}

function failed(problems: DetailInput[]): AppError {
  if (problems.length <= MAX_DETAILS) return new AppError('import_failed', problems);
  return new AppError('import_failed', [...problems.slice(0, MAX_DETAILS), { reason: 'more_problems', params: { count: problems.length - MAX_DETAILS } }]);
}

function parseActivities(
  rows: RawRow<ActivityKey>[],
  problems: DetailInput[],
  refs: { nodeByCode: Map<string, string>; orgByName: Map<string, string>; locationByPcode: Map<string, string> },
  today: string,
): ParsedActivity[] {
  const out: ParsedActivity[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const before = problems.length;
    const problem = problemAt(problems, A, r.row, ACTIVITY_COLUMNS);
    const c = r.cells;
    const code = textOf(c.code);
    const title = textOf(c.title);
    if (!code) problem('code', 'required');
    else if (code.length > 40) problem('code', 'too_long', { maximum: 40 });
    else if (seen.has(code)) problem('code', 'duplicate_code', { code, otherRow: seen.get(code)! });
    else seen.set(code, r.row);
    if (!title) problem('title', 'required');
    else if (title.length > 300) problem('title', 'too_long', { maximum: 300 });
    const plannedStart = dateOf(c.planned_start, 'planned_start', problem);
    const plannedEnd = dateOf(c.planned_end, 'planned_end', problem);
    if (plannedStart === null) problem('planned_start', 'required');
    if (plannedEnd === null) problem('planned_end', 'required');
    const actualStart = dateOf(c.actual_start, 'actual_start', problem);
    const actualEnd = dateOf(c.actual_end, 'actual_end', problem);
    const status = choiceOf(c.status, 'status', problem, ACTIVITY_STATUSES, 'not_started');
    const percentComplete = intOf(c.percent_complete, 'percent_complete', problem, 0, 100, 0);
    const resultCode = textOf(c.result_code);
    const resultNodeId = resultCode ? (refs.nodeByCode.get(lower(resultCode)) ?? null) : null;
    if (resultCode && !resultNodeId) problem('result_code', 'unknown_result_code', { code: resultCode });
    const organisation = textOf(c.organisation);
    const organisationId = organisation ? (refs.orgByName.get(lower(organisation)) ?? null) : null;
    if (organisation && !organisationId) problem('organisation', 'unknown_project_organisation', { value: organisation });
    const pcode = textOf(c.location_pcode);
    const locationId = pcode ? (refs.locationByPcode.get(lower(pcode)) ?? null) : null;
    if (pcode && !locationId) problem('location_pcode', 'unknown_project_location', { code: pcode });
    const responsible = textOf(c.responsible);
    const team = textOf(c.team);
    const statusNote = textOf(c.note);
    for (const [column, value, max] of [['responsible', responsible, 200], ['team', team, 200], ['note', statusNote, 2_000]] as const) {
      if (value.length > max) problem(column, 'too_long', { maximum: max });
    }
    if (problems.length > before || !plannedStart || !plannedEnd || actualStart === undefined || actualEnd === undefined || !status || percentComplete === undefined) continue;
    const at: At = (field) => ({ sheet: A, row: r.row, column: labelOf(ACTIVITY_COLUMNS, ACTIVITY_FIELD_COLUMN[field] ?? field) });
    checkDatePair(problems, at, 'plannedStart', plannedStart, 'plannedEnd', plannedEnd);
    checkProgress(problems, at, { status, percentComplete, actualStart, actualEnd }, today);
    out.push({ row: r.row, code, title, resultNodeId, plannedStart, plannedEnd, responsible, team, organisationId, locationId, status, percentComplete, actualStart, actualEnd, statusNote });
  }
  return out;
}

function parseMilestones(rows: RawRow<MilestoneKey>[], problems: DetailInput[], activityCodes: Set<string>, today: string): ParsedMilestone[] {
  const out: ParsedMilestone[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const before = problems.length;
    const problem = problemAt(problems, M, r.row, MILESTONE_COLUMNS);
    const c = r.cells;
    const activityCode = textOf(c.activity_code);
    if (!activityCode) problem('activity_code', 'required');
    else if (!activityCodes.has(activityCode)) problem('activity_code', 'unknown_activity_code', { code: activityCode });
    const kind = choiceOf(c.kind, 'kind', problem, MILESTONE_KINDS, 'milestone');
    const title = textOf(c.title);
    if (!title) problem('title', 'required');
    else if (title.length > 200) problem('title', 'too_long', { maximum: 200 });
    const dueDate = dateOf(c.due, 'due', problem);
    if (dueDate === null) problem('due', 'required');
    const doneDate = dateOf(c.done, 'done', problem);
    const key = `${activityCode}\u0000${kind}\u0000${title}`;
    if (kind && title && activityCode && seen.has(key)) problem('title', 'duplicate_milestone', { otherRow: seen.get(key)! });
    else seen.set(key, r.row);
    if (problems.length > before || !kind || !dueDate || doneDate === undefined) continue;
    const at: At = (field) => ({ sheet: M, row: r.row, column: labelOf(MILESTONE_COLUMNS, field) });
    checkDatePair(problems, at, 'due', dueDate, 'due', null);
    checkDoneDate(problems, at, 'done', doneDate, today);
    out.push({ row: r.row, activityCode, kind, title, dueDate, doneDate });
  }
  return out;
}
