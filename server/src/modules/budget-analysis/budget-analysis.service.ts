import { costPerUnit } from '@shared/domain/budget-analysis.js';
import type { BudgetAnalysis, BudgetAnalysisSummary, BudgetAnalysisCost } from '@shared/schemas/budget-analysis.js';
import type { Ctx } from '../../lib/context.js';
import { notFound } from '../../lib/errors.js';
import { getIptt } from '../analytics/iptt.service.js';
import { localized } from '../analytics/iptt.scope.js';
import { projectMoneyAccess } from '../plans-access/plans-access.js';
import { periodLabel } from '../analytics/pivot.labels.js';
import { todayUtc } from '../reporting/rounds.mapper.js';
import { type BudgetComputation, computeBudget } from './budget-analysis.core.js';
import * as repo from './budget-analysis.repository.js';
import { budgetAnalysisWorkbook } from './budget-analysis.xlsx.js';

/**
 * Budget versus actual for those who may see a project's money (MONEY_READERS on its chain):
 * 404 when the budget does not exist or its project is hidden from the reader, 403 when they see
 * the project but not its money. Figures come from budget-analysis.core.ts (exact integers).
 */

async function loadBudget(ctx: Ctx, budgetId: string) {
  const budget = await repo.findBudget(ctx.db, budgetId);
  if (!budget) throw notFound();
  await projectMoneyAccess(ctx, budget.project_id);
  return budget;
}

/**
 * Cost per output: for each result node with linked lines, every numeric indicator of that node
 * with an approved life-of-project actual in the project's IPTT (the one aggregation engine, so
 * the figure is the same as on the IPTT screen) gets cost = actual spending of those lines and
 * cost per unit = cost ÷ indicator actual.
 */
async function costsPerOutput(ctx: Ctx, c: BudgetComputation): Promise<Map<string, BudgetAnalysisCost[]>> {
  const out = new Map<string, BudgetAnalysisCost[]>();
  const groups = c.analysis.results.filter((r) => r.resultNodeId !== null);
  if (groups.length === 0) return out;
  const iptt = await getIptt(ctx, {
    scope: 'project', id: c.budget.project_id, granularity: 'year',
    levels: [], locationIds: [], organisationIds: [], categoryIds: [], includePending: false,
  });
  let node: string | null = null;
  const indicatorsOf = new Map<string, Extract<(typeof iptt.rows)[number], { kind: 'indicator' }>[]>();
  for (const row of iptt.rows) {
    if (row.kind === 'result') node = row.resultNodeId;
    if (row.kind === 'project') node = null;
    if (row.kind === 'indicator' && node) indicatorsOf.set(node, [...(indicatorsOf.get(node) ?? []), row]);
  }
  for (const g of groups) {
    const items: BudgetAnalysisCost[] = [];
    for (const i of indicatorsOf.get(g.resultNodeId!) ?? []) {
      const actual = i.lop.actual;
      if (i.type !== 'number' || !actual || actual.value === null || actual.pending || actual.value <= 0) continue;
      items.push({
        indicatorId: i.indicatorId, indicatorCode: i.code, indicatorName: i.name, unit: i.unit,
        indicatorActual: actual.value, costMinor: g.actualMinor, costPerUnitMinor: costPerUnit(g.actualMinor, actual.value),
      });
    }
    out.set(g.resultNodeId!, items);
  }
  return out;
}

export async function getBudgetAnalysis(ctx: Ctx, budgetId: string, asOf: string = todayUtc()): Promise<BudgetAnalysis> {
  const budget = await loadBudget(ctx, budgetId);
  const c = await computeBudget(ctx.db, budget, asOf);
  const a = c.analysis;
  const [nodes, costs, rates] = await Promise.all([
    repo.resultNodes(ctx.db, a.results.flatMap((r) => (r.resultNodeId ? [r.resultNodeId] : []))),
    costsPerOutput(ctx, c),
    repo.ratesUsed(ctx.db, budget.id, asOf),
  ]);
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const codeOf = new Map(a.lines.map((l) => [l.lineId, l.code]));
  return {
    budget: {
      id: budget.id, projectId: budget.project_id, title: budget.title, currency: budget.currency, startDate: budget.start_date, endDate: budget.end_date,
      periodType: budget.period_type, varianceThresholdPct: budget.variance_threshold_pct, versionNumber: c.versionNumber,
    },
    asOf,
    daysElapsed: a.daysElapsed,
    totalDays: a.totalDays,
    timeElapsedPct: a.timeElapsedPct,
    total: a.total,
    lines: a.lines,
    categories: a.categories,
    results: a.results
      .map(({ lineIds, ...r }) => {
        const n = r.resultNodeId ? nodeById.get(r.resultNodeId) : undefined;
        return {
          ...r,
          code: n?.code ?? null,
          title: n ? localized(n.title, n.titles_json, ctx.locale) : null,
          lineCodes: lineIds.map((id) => codeOf.get(id) ?? ''),
          costPerOutput: r.resultNodeId ? (costs.get(r.resultNodeId) ?? []) : [],
        };
      })
      // Result nodes in framework order (by code), lines linked to none last.
      .sort((x, y) => (x.resultNodeId === null ? 1 : 0) - (y.resultNodeId === null ? 1 : 0) || (x.code ?? '').localeCompare(y.code ?? '', 'en', { numeric: true })),
    periods: a.periods.map(({ originalMinor: _o, ...p }) => ({ ...p, label: periodLabel(p.key, ctx.locale) })),
    rates,
  };
}

export interface Download {
  filename: string;
  content: Buffer;
}

export async function exportBudgetAnalysis(ctx: Ctx, budgetId: string, asOf?: string): Promise<Download> {
  const analysis = await getBudgetAnalysis(ctx, budgetId, asOf);
  const content = await budgetAnalysisWorkbook(analysis, ctx.locale);
  return { filename: `fieldbook-budget-vs-actual-${safeName(analysis.budget.title)}-${analysis.asOf}.xlsx`, content };
}

/** A name any file system and any Content-Disposition reader accepts. */
const safeName = (text: string) => text.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 60) || 'budget';

/** The project dashboard's card: every budget in force, as of today. */
export async function getBudgetSummary(ctx: Ctx, projectId: string, asOf: string = todayUtc()): Promise<BudgetAnalysisSummary> {
  await projectMoneyAccess(ctx, projectId);
  const budgets = await repo.budgetsInForce(ctx.db, [projectId]);
  const computed = [];
  for (const b of budgets) computed.push(await computeBudget(ctx.db, b, asOf));
  return {
    asOf,
    budgets: computed.map(({ budget, analysis: a }) => ({
      id: budget.id,
      title: budget.title,
      currency: budget.currency,
      budgetMinor: a.total.budgetMinor,
      actualMinor: a.total.actualMinor,
      pendingMinor: a.total.pendingMinor,
      burnPct: a.total.burnPct,
      timeElapsedPct: a.timeElapsedPct,
      forecastMinor: a.total.forecastMinor,
      overBudget: a.total.overBudget,
      linesOverThreshold: a.lines.filter((l) => l.overThreshold).length,
      linesOverBudget: a.lines.filter((l) => l.overBudget).length,
    })),
  };
}
