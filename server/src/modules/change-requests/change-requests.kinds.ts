import { DisaggregationError, disaggregationKey, optionIdsOf } from '@shared/domain/disaggregations.js';
import { sumMinor } from '@shared/domain/money.js';
import type { BudgetChange, ChangeRequestPreview, PlanChange, TargetChange } from '@shared/schemas/change-requests.js';
import type { IndicatorTargets } from '@shared/schemas/targets.js';
import type { Locale } from '@shared/locales.js';
import { nowIso } from '../../lib/clock.js';
import type { Ctx } from '../../lib/context.js';
import type { DetailInput } from '../../lib/errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import { getTargets, putTargets } from '../results/targets.service.js';
import { cellId, checkTargets } from '../results/targets.rules.js';
import * as repo from './change-requests.repository.js';

/**
 * What each kind of change request checks, shows and applies. Checks run when the request is made
 * and again when it is approved (the indicator, the activity or the plan may have changed in
 * between): every problem at once, each named by its field under `prefix` (`body.changes` when
 * made, `changes` when approved).
 */

type Indicator = Awaited<ReturnType<typeof repo.indicatorsOfProject>>[number];

/** A target change with its disaggregation key in the indicator's canonical order. */
export interface CheckedTargets {
  changes: TargetChange[];
  indicators: Map<string, Indicator>;
  settings: Map<string, IndicatorTargets>;
}

const keyOf = (optionIds: string[]) => optionIds.join('|');
const cellOfChange = (c: TargetChange) => ({ period: c.periodKey, locationId: c.locationId, key: c.disaggregationKey });

export async function checkTargetChanges(tx: Ctx, projectId: string, changes: TargetChange[], prefix: string): Promise<{ checked: CheckedTargets; details: DetailInput[] }> {
  const indicators = new Map((await repo.indicatorsOfProject(tx.db, projectId)).map((i) => [i.id, i]));
  const settings = new Map<string, IndicatorTargets>();
  for (const id of new Set(changes.map((c) => c.indicatorId))) if (indicators.has(id)) settings.set(id, await getTargets(tx, id));

  const details: DetailInput[] = [];
  const seen = new Set<string>();
  const out: TargetChange[] = [];
  changes.forEach((c, i) => {
    const at = (field: string) => `${prefix}.${i}.${field}`;
    const indicator = indicators.get(c.indicatorId);
    const s = settings.get(c.indicatorId);
    if (!indicator || !s) {
      details.push({ field: at('indicatorId'), reason: 'indicator_not_of_project' });
      return;
    }
    let key = c.disaggregationKey;
    try {
      key = disaggregationKey(optionIdsOf(c.disaggregationKey), s.categories);
    } catch (e) {
      if (!(e instanceof DisaggregationError)) throw e;
      details.push({ field: at('disaggregationKey'), reason: e.reason });
      return;
    }
    // The targets service's own rules say what a valid cell is; a removal is checked as a cell only.
    const rules = { type: indicator.type, periodKeys: new Set(s.periods.map((p) => p.key)), locationIds: new Set(s.locations.map((l) => l.id)), categories: s.categories };
    const problems = checkTargets([{ period: c.periodKey, locationId: c.locationId, optionIds: optionIdsOf(key), value: c.value ?? 0 }], rules).details.filter(
      (p) => c.value !== null || !p.field?.endsWith('.value'),
    );
    const rename: Record<string, string> = { period: 'periodKey', locationId: 'locationId', optionIds: 'disaggregationKey', value: 'value' };
    for (const p of problems) {
      const field = p.field?.split('.').at(-1) ?? 'value';
      details.push({ ...p, field: at(rename[field] ?? field) });
    }
    if (problems.length) return;
    const normal = { ...c, disaggregationKey: key };
    const id = `${c.indicatorId}\u0000${cellId(cellOfChange(normal))}`;
    if (seen.has(id)) {
      details.push({ field: at('periodKey'), reason: 'duplicate_target' });
      return;
    }
    seen.add(id);
    if (c.value === null && !s.targets.some((t) => cellId({ period: t.period, locationId: t.locationId, key: keyOf(t.optionIds) }) === cellId(cellOfChange(normal)))) {
      details.push({ field: at('value'), reason: 'no_current_target' });
      return;
    }
    out.push(normal);
  });
  return { checked: { changes: out, indicators, settings }, details };
}

function labelOf(row: { label: string; labels_json: string }, locale: Locale): string {
  try {
    const labels = JSON.parse(row.labels_json) as Partial<Record<Locale, string>>;
    return labels[locale] || row.label;
  } catch {
    return row.label;
  }
}

export async function previewTargets(tx: Ctx, projectId: string, changes: TargetChange[]): Promise<ChangeRequestPreview> {
  const indicators = new Map((await repo.indicatorsOfProject(tx.db, projectId)).map((i) => [i.id, i]));
  const current = new Map<string, Map<string, number>>();
  for (const id of new Set(changes.map((c) => c.indicatorId))) {
    if (!indicators.has(id)) continue;
    const view = await getTargets(tx, id);
    current.set(id, new Map(view.targets.map((t) => [cellId({ period: t.period, locationId: t.locationId, key: keyOf(t.optionIds) }), t.value])));
  }
  const locations = new Map((await repo.locationsByIds(tx.db, [...new Set(changes.flatMap((c) => (c.locationId ? [c.locationId] : [])))])).map((l) => [l.id, l]));
  const options = new Map((await repo.optionLabels(tx.db, [...new Set(changes.flatMap((c) => optionIdsOf(c.disaggregationKey)))])).map((o) => [o.id, labelOf(o, tx.locale)]));
  return {
    kind: 'targets',
    rows: changes.map((c) => {
      const indicator = indicators.get(c.indicatorId);
      const location = c.locationId ? locations.get(c.locationId) : undefined;
      return {
        indicatorId: c.indicatorId,
        indicatorCode: indicator?.code ?? '',
        indicatorName: indicator?.name ?? '',
        periodKey: c.periodKey,
        location: c.locationId ? { id: c.locationId, pcode: location?.pcode ?? '', name: location?.name ?? '' } : null,
        disaggregationKey: c.disaggregationKey,
        options: optionIdsOf(c.disaggregationKey).map((id) => options.get(id) ?? id),
        before: current.get(c.indicatorId)?.get(cellId(cellOfChange(c))) ?? null,
        after: c.value,
      };
    }),
  };
}

/** Merges the changed cells into each indicator's targets and writes them through the targets service (its history records the cells). */
export async function applyTargets(tx: Ctx, checked: CheckedTargets, note: string): Promise<void> {
  const byIndicator = new Map<string, TargetChange[]>();
  for (const c of checked.changes) byIndicator.set(c.indicatorId, [...(byIndicator.get(c.indicatorId) ?? []), c]);
  for (const [indicatorId, changes] of byIndicator) {
    const cells = new Map(checked.settings.get(indicatorId)!.targets.map((t) => [cellId({ period: t.period, locationId: t.locationId, key: keyOf(t.optionIds) }), t]));
    for (const c of changes) {
      const id = cellId(cellOfChange(c));
      if (c.value === null) cells.delete(id);
      else cells.set(id, { period: c.periodKey, locationId: c.locationId, optionIds: optionIdsOf(c.disaggregationKey), value: c.value });
    }
    await putTargets(tx, indicatorId, { targets: [...cells.values()], why: { reason: 'adaptive_management', note } });
  }
}

// --- plan ---

export interface PlannedChange {
  change: PlanChange;
  activity: repo.ActivityRow;
  after: { plannedStart: string; plannedEnd: string; status: string };
}

export async function checkPlanChanges(tx: Ctx, projectId: string, changes: PlanChange[], prefix: string): Promise<{ checked: PlannedChange[]; details: DetailInput[] }> {
  const activities = new Map((await repo.activitiesByIds(tx.db, changes.map((c) => c.activityId))).map((a) => [a.id, a]));
  const details: DetailInput[] = [];
  const checked: PlannedChange[] = [];
  const seen = new Set<string>();
  changes.forEach((c, i) => {
    const at = (field?: string) => (field ? `${prefix}.${i}.${field}` : `${prefix}.${i}`);
    const a = activities.get(c.activityId);
    if (!a || a.project_id !== projectId) {
      details.push({ field: at('activityId'), reason: 'activity_not_of_project' });
      return;
    }
    if (seen.has(a.id)) {
      details.push({ field: at('activityId'), reason: 'duplicate_change' });
      return;
    }
    seen.add(a.id);
    const before = details.length;
    if (!c.cancel && c.plannedStart === undefined && c.plannedEnd === undefined) details.push({ field: at(), reason: 'change_empty' });
    // A draft plan is edited directly; only an approved plan's dates need a change request.
    if (a.plan_status !== 'approved') details.push({ field: at('activityId'), reason: 'plan_not_approved' });
    else if (a.status === 'cancelled') details.push({ field: at('activityId'), reason: 'activity_cancelled' });
    else if (c.cancel && a.status === 'done') details.push({ field: at('cancel'), reason: 'activity_done' });
    const start = c.plannedStart ?? a.planned_start;
    const end = c.plannedEnd ?? a.planned_end;
    for (const [field, value] of [['plannedStart', c.plannedStart], ['plannedEnd', c.plannedEnd]] as const) {
      if (value !== undefined && (value < a.plan_start || value > a.plan_end)) details.push({ field: at(field), reason: 'date_outside_plan', params: { start: a.plan_start, end: a.plan_end } });
    }
    if (end < start) details.push({ field: at(c.plannedEnd !== undefined ? 'plannedEnd' : 'plannedStart'), reason: 'end_before_start' });
    if (details.length > before) return;
    checked.push({ change: c, activity: a, after: { plannedStart: start, plannedEnd: end, status: c.cancel ? 'cancelled' : a.status } });
  });
  return { checked, details };
}

export async function previewPlan(tx: Ctx, changes: PlanChange[]): Promise<ChangeRequestPreview> {
  const activities = new Map((await repo.activitiesByIds(tx.db, changes.map((c) => c.activityId))).map((a) => [a.id, a]));
  return {
    kind: 'plan',
    rows: changes.flatMap((c) => {
      const a = activities.get(c.activityId);
      if (!a) return [];
      const before = { plannedStart: a.planned_start, plannedEnd: a.planned_end, status: a.status };
      return [{
        activityId: a.id,
        code: a.code,
        title: a.title,
        workPlanTitle: a.plan_title,
        before,
        after: { plannedStart: c.plannedStart ?? a.planned_start, plannedEnd: c.plannedEnd ?? a.planned_end, status: c.cancel ? 'cancelled' : a.status },
      }];
    }),
  };
}

export async function applyPlan(tx: Ctx, checked: PlannedChange[], ref: { id: string; reference: string }, organisationId: string): Promise<void> {
  const at = nowIso();
  for (const { activity: a, after } of checked) {
    await repo.updateActivity(tx.db, a.id, { planned_start: after.plannedStart, planned_end: after.plannedEnd, status: after.status, updated_at: at });
    await recordAudit(tx, {
      action: 'planned_activity.change_request',
      entityType: 'planned_activity',
      entityId: a.id,
      organisationId,
      before: { plannedStart: a.planned_start, plannedEnd: a.planned_end, status: a.status },
      after: { ...after, changeRequestId: ref.id },
      note: ref.reference,
    });
  }
}

// --- budget ---

/** The version a budget request names: a draft revision of one of this project's budgets (checked before submitRevision runs). */
export async function checkBudgetChange(tx: Ctx, projectId: string, change: BudgetChange, prefix: string): Promise<DetailInput[]> {
  const v = await repo.findBudgetVersion(tx.db, change.budgetVersionId);
  const field = `${prefix}.budgetVersionId`;
  if (!v || v.project_id !== projectId) return [{ field, reason: 'budget_version_not_of_project' }];
  if (v.status !== 'draft' || v.number < 2) return [{ field, reason: 'budget_version_not_draft_revision' }];
  return [];
}

export async function previewBudget(tx: Ctx, versionId: string | null): Promise<ChangeRequestPreview> {
  const v = versionId ? await repo.findBudgetVersion(tx.db, versionId) : undefined;
  if (!v) return { kind: 'budget', budget: null };
  // Once in force (or replaced since), compare with what it replaced; before that, with the version in force now.
  const base =
    v.status === 'approved' || v.status === 'superseded'
      ? await repo.previousVersion(tx.db, v.budget_id, v.number)
      : v.current_version !== null
        ? await repo.versionByNumber(tx.db, v.budget_id, v.current_version)
        : undefined;
  const lines = await repo.linesOfVersions(tx.db, [v.id, ...(base ? [base.id] : [])]);
  const after = new Map(lines.filter((l) => l.version_id === v.id).map((l) => [l.line_id, l]));
  const before = new Map(lines.filter((l) => l.version_id !== v.id).map((l) => [l.line_id, l]));
  const ids = [...after.keys(), ...[...before.keys()].filter((id) => !after.has(id))];
  return {
    kind: 'budget',
    budget: {
      budgetId: v.budget_id,
      budgetTitle: v.title,
      currency: v.currency,
      versionNumber: v.number,
      versionStatus: v.status,
      baseNumber: base?.number ?? null,
      lines: ids.map((id) => {
        const l = after.get(id) ?? before.get(id)!;
        return { lineId: id, code: l.code, description: l.description, beforeMinor: before.get(id)?.total_minor ?? null, afterMinor: after.get(id)?.total_minor ?? null };
      }),
      totalBeforeMinor: sumMinor([...before.values()].map((l) => Number(l.total_minor))),
      totalAfterMinor: sumMinor([...after.values()].map((l) => Number(l.total_minor))),
    },
  };
}
