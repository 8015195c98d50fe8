import { minorDigits, sumMinor } from '@shared/domain/money.js';
import {
  BUDGET_CATEGORIES,
  type BudgetDetail,
  type BudgetLine,
  type BudgetList,
  type BudgetSummary,
  type CreateBudgetBody,
  type ReplaceBudgetLinesBody,
  type UpdateBudgetBody,
} from '@shared/schemas/budgets.js';
import type { z } from 'zod';
import { nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, type DetailInput, forbidden, invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { userIdOf } from '../access/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { isKnownCode } from '../codelists/codelists.service.js';
import { BUDGET_APPROVERS, BUDGET_EDITORS, CHANGE_REQUESTERS, projectMoneyAccess, type ProjectPlansAccess } from '../plans-access/plans-access.js';
import { budgetPeriods, checkLines } from './budgets.checks.js';
import { asCategory, auditableBudget, toAgreementRef, toSummary, toVersion } from './budgets.mapper.js';
import * as repo from './budgets.repository.js';
import { budgetWorkbook } from './budgets.xlsx.js';

/**
 * Budgets of a project. Money readers (MONEY_READERS on the project's chain) read them; budget
 * editors create budgets, edit draft versions and start revisions; budget approvers approve the
 * original, never the one who submitted it. A revision (number ≥ 2) is a copy of the version in
 * force, edited as a draft and submitted through a change request (budget-revisions.ts).
 * Every total is computed here from quantity × unit cost: the client's arithmetic is never stored.
 */

const stale = (current: number) => new AppError('conflict', [{ field: 'version', reason: 'stale_version', params: { current } }]);
const refused = (reason: string, params: Record<string, string | number> = {}) => new AppError('forbidden', [{ field: 'id', reason, params }]);
const badState = (reason: string, params: Record<string, string | number> = {}) => new AppError('invalid_transition', [{ field: 'id', reason, params }]);

/** Statuses in which a version's lines can change: a draft, or an original sent back by its approver. */
const EDITABLE = new Set(['draft', 'rejected']);
/** A version that is neither decided for good nor in force: only one such version at a time. */
const OPEN = new Set(['draft', 'submitted', 'rejected']);

async function loadBudget(ctx: Ctx, id: string) {
  const budget = await repo.findBudget(ctx.db, id);
  if (!budget) throw notFound();
  const access = await projectMoneyAccess(ctx, budget.project_id);
  return { budget, access };
}

async function loadVersion(ctx: Ctx, versionId: string) {
  const version = await repo.findVersion(ctx.db, versionId);
  if (!version) throw notFound();
  return { version, ...(await loadBudget(ctx, version.budget_id)) };
}

const audit = (tx: Ctx, access: ProjectPlansAccess, entry: Omit<Parameters<typeof recordAudit>[1], 'organisationId'>) =>
  recordAudit(tx, { ...entry, organisationId: access.project.organisation_id });

// --- list and create ---

export async function listBudgets(ctx: Ctx, projectId: string): Promise<BudgetList> {
  const access = await projectMoneyAccess(ctx, projectId);
  const budgets = await repo.budgetsOfProject(ctx.db, projectId);
  const ids = budgets.map((b) => b.id);
  const [versions, totals, agreements] = await Promise.all([repo.versionsOf(ctx.db, ids), repo.versionTotals(ctx.db, ids), repo.agreementsOfProject(ctx.db, projectId)]);
  return {
    items: budgets.map((b) => toSummary(b, versions, totals, agreements)),
    canCreate: access.can(BUDGET_EDITORS),
    defaults: { currency: access.project.currency, startDate: access.project.start_date, endDate: access.project.end_date },
    agreements: agreements.map(toAgreementRef),
  };
}

interface Settings {
  currency: string;
  startDate: string;
  endDate: string;
  agreementId: string | null;
}

async function checkSettings(ctx: Ctx, projectId: string, s: Settings): Promise<void> {
  const problems: DetailInput[] = [];
  if (!isKnownCode('currencies', s.currency)) problems.push({ field: 'body.currency', reason: 'unknown_code', params: { code: s.currency } });
  if (s.endDate < s.startDate) problems.push({ field: 'body.endDate', reason: 'end_before_start' });
  if (s.agreementId) {
    const agreements = await repo.agreementsOfProject(ctx.db, projectId);
    if (!agreements.some((a) => a.id === s.agreementId)) problems.push({ field: 'body.agreementId', reason: 'budget_agreement_not_of_project' });
  }
  if (problems.length) throw invalid(...problems);
}

/** A budget and its original (version 1) as an empty draft. */
export async function createBudget(ctx: Ctx, projectId: string, body: z.output<typeof CreateBudgetBody>): Promise<BudgetSummary> {
  return inTransaction(ctx, async (tx) => {
    const access = await projectMoneyAccess(tx, projectId);
    if (!access.can(BUDGET_EDITORS)) throw forbidden();
    const p = access.project;
    const settings = { currency: body.currency ?? p.currency, startDate: body.startDate ?? p.start_date, endDate: body.endDate ?? p.end_date, agreementId: body.agreementId };
    await checkSettings(tx, projectId, settings);
    const now = nowIso();
    const me = userIdOf(tx.actor);
    const row = {
      id: newId(), project_id: projectId, agreement_id: settings.agreementId, title: body.title, currency: settings.currency,
      start_date: settings.startDate, end_date: settings.endDate, period_type: body.periodType,
      second_approval_threshold_minor: body.secondApprovalThresholdMinor, variance_threshold_pct: body.varianceThresholdPct,
      current_version: null, version: 1, created_by: me, created_at: now, updated_at: now,
    };
    await repo.insertBudget(tx.db, row);
    const versionId = newId();
    await repo.insertVersion(tx.db, {
      id: versionId, budget_id: row.id, number: 1, status: 'draft', reason: '', submitted_by: null, submitted_at: null, decided_by: null,
      decided_at: null, decision_note: '', change_request_id: null, version: 1, created_by: me, created_at: now, updated_at: now,
    });
    await audit(tx, access, { action: 'budget.create', entityType: 'budget', entityId: row.id, after: { ...auditableBudget(row), versionId } });
    return summaryOf(tx, row.id);
  });
}

async function summaryOf(ctx: Ctx, budgetId: string): Promise<BudgetSummary> {
  const b = (await repo.findBudget(ctx.db, budgetId))!;
  const [versions, totals, agreements] = await Promise.all([repo.versionsOf(ctx.db, [b.id]), repo.versionTotals(ctx.db, [b.id]), repo.agreementsOfProject(ctx.db, b.project_id)]);
  return toSummary(b, versions, totals, agreements);
}

// --- settings and delete ---

/** Nothing approved yet: no version in force and none approved or superseded before. */
const nothingApproved = (budget: repo.BudgetRow, versions: repo.VersionRow[]) =>
  budget.current_version === null && !versions.some((v) => v.status === 'approved' || v.status === 'superseded');

export async function updateBudget(ctx: Ctx, id: string, body: z.output<typeof UpdateBudgetBody>): Promise<BudgetSummary> {
  return inTransaction(ctx, async (tx) => {
    const { budget, access } = await loadBudget(tx, id);
    if (!access.can(BUDGET_EDITORS)) throw forbidden();
    if (budget.version !== body.version) throw stale(budget.version);
    await checkSettings(tx, budget.project_id, body);
    const versions = await repo.versionsOf(tx.db, [id]);
    const structural = body.currency !== budget.currency || body.periodType !== budget.period_type || body.startDate !== budget.start_date || body.endDate !== budget.end_date;
    if (structural) {
      if (!nothingApproved(budget, versions)) throw badState('budget_structure_locked');
      const problems: DetailInput[] = [];
      // The draft's amounts must still fit: same minor digits, every period key still in the grid.
      const draft = versions.find((v) => OPEN.has(v.status));
      const lines = draft ? await repo.linesOf(tx.db, draft.id) : [];
      if (lines.length && minorDigits(body.currency) !== minorDigits(budget.currency)) problems.push({ field: 'body.currency', reason: 'budget_currency_in_use' });
      if (draft) {
        const keys = new Set(budgetPeriods({ start_date: body.startDate, end_date: body.endDate, period_type: body.periodType }, budget.fy_start_month).map((p) => p.key));
        const outside = [...new Set((await repo.amountsOf(tx.db, draft.id)).filter((a) => a.amount_minor !== 0 && !keys.has(a.period_key)).map((a) => a.period_key))];
        if (outside.length) problems.push({ field: 'body.periodType', reason: 'budget_amounts_outside_periods', params: { periods: outside.sort().join(', ') } });
      }
      if (problems.length) throw invalid(...problems);
    }
    const patch = {
      title: body.title, currency: body.currency, start_date: body.startDate, end_date: body.endDate, period_type: body.periodType,
      agreement_id: body.agreementId, second_approval_threshold_minor: body.secondApprovalThresholdMinor, variance_threshold_pct: body.varianceThresholdPct,
      updated_at: nowIso(),
    };
    if (!(await repo.updateBudget(tx.db, id, body.version, patch))) throw stale(budget.version + 1);
    await audit(tx, access, { action: 'budget.update', entityType: 'budget', entityId: id, before: auditableBudget(budget), after: auditableBudget({ ...budget, ...patch }) });
    return summaryOf(tx, id);
  });
}

export async function deleteBudget(ctx: Ctx, id: string, expected?: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { budget, access } = await loadBudget(tx, id);
    if (!access.can(BUDGET_EDITORS)) throw forbidden();
    if (expected !== undefined && expected !== budget.version) throw stale(budget.version);
    const versions = await repo.versionsOf(tx.db, [id]);
    if (!nothingApproved(budget, versions)) throw badState('budget_approved_cannot_delete');
    if (await repo.hasExpenditures(tx.db, id)) throw badState('budget_has_expenditures');
    await repo.deleteBudget(tx.db, id);
    await audit(tx, access, { action: 'budget.delete', entityType: 'budget', entityId: id, before: auditableBudget(budget) });
  });
}

// --- reading one budget ---

export async function getBudget(ctx: Ctx, id: string, number?: number): Promise<BudgetDetail> {
  const { budget, access } = await loadBudget(ctx, id);
  const [versions, totals, agreements] = await Promise.all([repo.versionsOf(ctx.db, [id]), repo.versionTotals(ctx.db, [id]), repo.agreementsOfProject(ctx.db, budget.project_id)]);
  const inForce = versions.find((v) => v.number === budget.current_version);
  const selectedRow =
    number !== undefined
      ? versions.find((v) => v.number === number)
      : (inForce ?? [...versions].reverse().find((v) => OPEN.has(v.status)) ?? versions[versions.length - 1]);
  if (!selectedRow) throw new AppError('not_found', [{ field: 'query.version', reason: 'budget_version_unknown', params: { number: number ?? 0 } }]);

  const periods = budgetPeriods(budget, budget.fy_start_month, ctx.locale);
  const [rows, amounts, counts] = await Promise.all([repo.linesOf(ctx.db, selectedRow.id), repo.amountsOf(ctx.db, selectedRow.id), repo.expenditureCounts(ctx.db, id)]);

  // A revision is read beside the original and the version in force.
  const isRevision = selectedRow.number >= 2;
  const original = isRevision ? versions.find((v) => v.number === 1) : undefined;
  const [originalTotals, currentTotals] = await Promise.all([
    original ? repo.lineTotalsOf(ctx.db, original.id) : null,
    isRevision && inForce ? repo.lineTotalsOf(ctx.db, inForce.id) : null,
  ]);

  const byLine = new Map<string, Record<string, number>>();
  for (const a of amounts) {
    const m = byLine.get(a.line_id) ?? {};
    m[a.period_key] = a.amount_minor;
    byLine.set(a.line_id, m);
  }
  const lines: BudgetLine[] = rows.map((r) => {
    const own = byLine.get(r.line_id) ?? {};
    const perPeriod: Record<string, number> = {};
    for (const p of periods) perPeriod[p.key] = own[p.key] ?? 0;
    // Keys outside today's grid (none unless data was written by hand) stay visible rather than vanish.
    for (const [k, v] of Object.entries(own)) if (!(k in perPeriod)) perPeriod[k] = v;
    return {
      lineId: r.line_id,
      code: r.code,
      category: asCategory(r.category),
      description: r.description,
      unit: r.unit,
      quantity: r.quantity,
      unitCostMinor: r.unit_cost_minor,
      totalMinor: r.total_minor,
      resultNode: r.result_node_id ? { id: r.result_node_id, code: r.node_code ?? '', title: r.node_title ?? '' } : null,
      activity: r.activity_id ? { id: r.activity_id, code: r.activity_code ?? '', title: r.activity_title ?? '' } : null,
      note: r.note,
      amounts: perPeriod,
      expenditureCount: counts.get(r.line_id) ?? 0,
      originalTotalMinor: originalTotals ? (originalTotals.get(r.line_id)?.total ?? null) : null,
      currentTotalMinor: currentTotals ? (currentTotals.get(r.line_id)?.total ?? null) : null,
    };
  });

  const present = new Set(rows.map((r) => r.line_id));
  const removed = new Map<string, BudgetDetail['removedLines'][number]>();
  for (const [source, key] of [[originalTotals, 'originalTotalMinor'], [currentTotals, 'currentTotalMinor']] as const) {
    for (const [lineId, l] of source ?? []) {
      if (present.has(lineId)) continue;
      const entry = removed.get(lineId) ?? { lineId, code: l.code, description: l.description, category: asCategory(l.category), originalTotalMinor: null, currentTotalMinor: null };
      entry[key] = l.total;
      removed.set(lineId, entry);
    }
  }

  const sumOf = (map: Map<string, { total: number; category: string }> | null, category?: string) =>
    map ? sumMinor([...map.values()].filter((l) => !category || l.category === category).map((l) => l.total)) : null;
  const totalsOut = {
    totalMinor: sumMinor(lines.map((l) => l.totalMinor)),
    byCategory: BUDGET_CATEGORIES.map((category) => ({
      category,
      totalMinor: sumMinor(lines.filter((l) => l.category === category).map((l) => l.totalMinor)),
      originalTotalMinor: sumOf(originalTotals, category),
      currentTotalMinor: sumOf(currentTotals, category),
    })).filter((c) => c.totalMinor !== 0 || lines.some((l) => l.category === c.category) || (c.originalTotalMinor ?? 0) !== 0 || (c.currentTotalMinor ?? 0) !== 0),
    byPeriod: periods.map((p) => ({ periodKey: p.key, totalMinor: sumMinor(lines.map((l) => l.amounts[p.key] ?? 0)) })),
    originalTotalMinor: sumOf(originalTotals),
    currentTotalMinor: sumOf(currentTotals),
  };

  const editor = access.can(BUDGET_EDITORS);
  const me = userIdOf(ctx.actor);
  const open = versions.some((v) => OPEN.has(v.status));
  const structureFree = nothingApproved(budget, versions);
  const editable = EDITABLE.has(selectedRow.status);
  const [resultNodes, activities] = editor && editable ? await Promise.all([repo.resultNodesOfProject(ctx.db, budget.project_id), repo.activitiesOfProject(ctx.db, budget.project_id)]) : [[], []];
  const hasExpenditures = [...counts.values()].some((n) => n > 0);

  return {
    budget: toSummary(budget, versions, totals, agreements),
    versions: versions.map((v) => toVersion(v, budget.current_version, totals.get(v.id) ?? 0)),
    selected: toVersion(selectedRow, budget.current_version, totals.get(selectedRow.id) ?? 0),
    lines,
    removedLines: [...removed.values()].sort((a, b) => a.code.localeCompare(b.code)),
    comparison: isRevision ? { originalNumber: 1, currentNumber: budget.current_version } : null,
    totals: totalsOut,
    periods: periods.map((p) => ({ key: p.key, start: p.start, end: p.end, label: p.label })),
    canEdit: editor && editable,
    canSubmit: editor && editable && selectedRow.number === 1 && lines.length > 0,
    canApprove: access.can(BUDGET_APPROVERS) && selectedRow.number === 1 && selectedRow.status === 'submitted' && selectedRow.submitted_by !== me,
    canRevise: editor && budget.current_version !== null && !open,
    canEditSettings: editor,
    canChangeStructure: editor && structureFree,
    canDelete: editor && structureFree && !hasExpenditures,
    canRequestChange: access.can(CHANGE_REQUESTERS.budget) && selectedRow.number >= 2 && selectedRow.status === 'draft',
    options: {
      resultNodes: resultNodes.map((n) => ({ id: n.id, code: n.code, title: n.title, level: Number(n.level) })),
      activities: activities.map((a) => ({ id: a.id, code: a.code, title: a.title, workPlanTitle: a.work_plan_title })),
      agreements: agreements.map(toAgreementRef),
    },
  };
}

// --- draft lines ---

/** Replaces a draft's lines as a whole; totals recomputed here, every problem reported at once. */
export async function replaceLines(ctx: Ctx, versionId: string, body: z.output<typeof ReplaceBudgetLinesBody>): Promise<BudgetDetail> {
  const number = await inTransaction(ctx, async (tx) => {
    const { version, budget, access } = await loadVersion(tx, versionId);
    if (!access.can(BUDGET_EDITORS)) throw forbidden();
    if (!EDITABLE.has(version.status)) throw badState('budget_version_not_editable', { status: version.status });
    if (version.version !== body.version) throw stale(version.version);

    const [budgetLineIds, before, counts, nodes, activities] = await Promise.all([
      repo.lineIdsOfBudget(tx.db, budget.id),
      repo.linesOf(tx.db, versionId),
      repo.expenditureCounts(tx.db, budget.id),
      repo.resultNodesOfProject(tx.db, budget.project_id),
      repo.activitiesOfProject(tx.db, budget.project_id),
    ]);
    const { problems, lines } = checkLines(body.lines, {
      currency: budget.currency,
      periodKeys: budgetPeriods(budget, budget.fy_start_month).map((p) => p.key),
      budgetLineIds,
      draftLines: new Map(before.map((l) => [l.line_id, { code: l.code }])),
      expenditureCounts: counts,
      resultNodeIds: new Set(nodes.map((n) => n.id)),
      activityIds: new Set(activities.map((a) => a.id)),
    });
    if (problems.length) throw invalid(...problems);

    const now = nowIso();
    const withIds = lines.map((l) => ({ ...l, lineId: l.lineId ?? newId() }));
    await repo.insertLines(tx.db, withIds.filter((l) => !budgetLineIds.has(l.lineId)).map((l) => ({ id: l.lineId, budget_id: budget.id, created_at: now })));
    await repo.replaceVersionLines(
      tx.db,
      versionId,
      withIds.map((l, position) => ({
        version_id: versionId, line_id: l.lineId, code: l.code, category: l.category, description: l.description, unit: l.unit, quantity: l.quantity.trim(),
        unit_cost_minor: l.unitCostMinor, total_minor: l.totalMinor, result_node_id: l.resultNodeId, activity_id: l.activityId, note: l.note, position,
      })),
      withIds.flatMap((l) => Object.entries(l.amounts).filter(([, v]) => v !== 0).map(([period_key, amount_minor]) => ({ version_id: versionId, line_id: l.lineId, period_key, amount_minor }))),
    );
    await repo.deleteOrphanLines(tx.db, budget.id);
    if (!(await repo.updateVersion(tx.db, versionId, body.version, { updated_at: now }))) throw stale(version.version + 1);
    await audit(tx, access, {
      action: 'budget_version.lines',
      entityType: 'budget_version',
      entityId: versionId,
      before: { lines: before.map((l) => ({ code: l.code, totalMinor: l.total_minor })) },
      after: { lines: withIds.map((l) => ({ code: l.code, category: l.category, quantity: l.quantity, unitCostMinor: l.unitCostMinor, totalMinor: l.totalMinor, amounts: l.amounts })) },
    });
    return version.number;
  });
  const version = (await repo.findVersion(ctx.db, versionId))!;
  return getBudget(ctx, version.budget_id, number);
}

// --- original approval ---

export async function submitVersion(ctx: Ctx, versionId: string, body: { reason: string; version?: number | undefined }): Promise<BudgetDetail> {
  const budgetId = await inTransaction(ctx, async (tx) => {
    const { version, budget, access } = await loadVersion(tx, versionId);
    if (!access.can(BUDGET_EDITORS)) throw forbidden();
    if (version.number !== 1) throw badState('budget_revision_through_change_request');
    if (!EDITABLE.has(version.status)) throw badState('budget_version_not_editable', { status: version.status });
    if (body.version !== undefined && body.version !== version.version) throw stale(version.version);
    if ((await repo.linesOf(tx.db, versionId)).length === 0) throw invalid({ field: 'body.lines', reason: 'budget_no_lines' });
    const at = nowIso();
    const ok = await repo.updateVersion(tx.db, versionId, version.version, {
      status: 'submitted', reason: body.reason, submitted_by: userIdOf(tx.actor), submitted_at: at, decided_by: null, decided_at: null, decision_note: '', updated_at: at,
    });
    if (!ok) throw stale(version.version + 1);
    await audit(tx, access, { action: 'budget_version.submit', entityType: 'budget_version', entityId: versionId, before: { status: version.status }, after: { status: 'submitted' }, reason: body.reason });
    return budget.id;
  });
  return getBudget(ctx, budgetId, 1);
}

async function decide(ctx: Ctx, versionId: string, body: { note: string; version: number }, approve: boolean): Promise<BudgetDetail> {
  const budgetId = await inTransaction(ctx, async (tx) => {
    const { version, budget, access } = await loadVersion(tx, versionId);
    if (!access.can(BUDGET_APPROVERS)) throw forbidden();
    if (version.number !== 1) throw badState('budget_revision_through_change_request');
    if (version.status !== 'submitted') throw badState('budget_version_not_submitted');
    if (version.version !== body.version) throw stale(version.version);
    const me = userIdOf(tx.actor);
    // Four eyes: whoever submitted the budget cannot also decide on it.
    if (version.submitted_by && version.submitted_by === me) throw refused('own_budget_submission');
    const at = nowIso();
    const ok = await repo.updateVersion(tx.db, versionId, body.version, { status: approve ? 'approved' : 'rejected', decided_by: me, decided_at: at, decision_note: body.note, updated_at: at });
    if (!ok) throw stale(version.version + 1);
    if (approve) await repo.touchBudget(tx.db, budget.id, { current_version: 1, updated_at: at });
    await audit(tx, access, {
      action: approve ? 'budget_version.approve' : 'budget_version.reject',
      entityType: 'budget_version',
      entityId: versionId,
      before: { status: 'submitted', currentVersion: budget.current_version },
      after: { status: approve ? 'approved' : 'rejected', currentVersion: approve ? 1 : budget.current_version },
      note: body.note,
    });
    return budget.id;
  });
  return getBudget(ctx, budgetId, 1);
}

export const approveVersion = (ctx: Ctx, versionId: string, body: { note: string; version: number }) => decide(ctx, versionId, body, true);
export const rejectVersion = (ctx: Ctx, versionId: string, body: { note: string; version: number }) => decide(ctx, versionId, body, false);

// --- revisions ---

/** Copies the version in force into a new draft revision (one open revision at a time). */
export async function startRevision(ctx: Ctx, budgetId: string, body: { reason: string }): Promise<BudgetDetail> {
  const number = await inTransaction(ctx, async (tx) => {
    const { budget, access } = await loadBudget(tx, budgetId);
    if (!access.can(BUDGET_EDITORS)) throw forbidden();
    const versions = await repo.versionsOf(tx.db, [budgetId]);
    const inForce = versions.find((v) => v.number === budget.current_version);
    if (!inForce) throw badState('budget_not_in_force');
    const open = versions.find((v) => OPEN.has(v.status));
    if (open) throw badState('budget_revision_open', { number: open.number });
    const number = Math.max(...versions.map((v) => v.number)) + 1;
    const at = nowIso();
    const id = newId();
    await repo.insertVersion(tx.db, {
      id, budget_id: budgetId, number, status: 'draft', reason: body.reason, submitted_by: null, submitted_at: null, decided_by: null, decided_at: null,
      decision_note: '', change_request_id: null, version: 1, created_by: userIdOf(tx.actor), created_at: at, updated_at: at,
    });
    const [lines, amounts] = await Promise.all([repo.linesOf(tx.db, inForce.id), repo.amountsOf(tx.db, inForce.id)]);
    await repo.replaceVersionLines(
      tx.db,
      id,
      lines.map((l) => ({
        version_id: id, line_id: l.line_id, code: l.code, category: l.category, description: l.description, unit: l.unit, quantity: l.quantity,
        unit_cost_minor: l.unit_cost_minor, total_minor: l.total_minor, result_node_id: l.result_node_id, activity_id: l.activity_id, note: l.note, position: l.position,
      })),
      amounts.map((a) => ({ version_id: id, line_id: a.line_id, period_key: a.period_key, amount_minor: a.amount_minor })),
    );
    // The budget's version moves so that a page showing "Start a revision" learns someone else did.
    await repo.touchBudget(tx.db, budgetId, { updated_at: at });
    await audit(tx, access, { action: 'budget_version.revise', entityType: 'budget_version', entityId: id, after: { number, copiedFrom: inForce.number }, reason: body.reason });
    return number;
  });
  return getBudget(ctx, budgetId, number);
}

// --- export ---

/** The chosen version (default as on the page) as an XLSX workbook. */
export async function exportBudget(ctx: Ctx, id: string, number?: number): Promise<{ filename: string; content: Buffer }> {
  const detail = await getBudget(ctx, id, number);
  const slug = detail.budget.title.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'budget';
  return { filename: `${slug}-v${detail.selected.number}.xlsx`, content: await budgetWorkbook(detail, ctx.locale) };
}
