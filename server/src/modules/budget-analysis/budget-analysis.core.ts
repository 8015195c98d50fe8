import { analyseBudget, type BudgetAnalysis as Computed } from '@shared/domain/budget-analysis.js';
import { periodsBetween, type PeriodType } from '@shared/domain/periods.js';
import type { Database } from '../../db/database.js';
import * as repo from './budget-analysis.repository.js';

/**
 * Budget versus actual of one budget on a date, without any access check: the service checks
 * access first; report assembly and IATI call this for budgets of projects already authorised.
 * Lines are those of the version in force; a line counts for a result node when it is linked to
 * one directly, or else through its work-plan activity's node.
 */
export interface BudgetComputation {
  budget: repo.BudgetRow;
  /** The version in force (null before the original is approved). */
  versionNumber: number | null;
  analysis: Computed;
  /** Per-period amounts of the version in force and of the original (for IATI budgets), by line. */
  periods: { key: string; start: string; end: string }[];
  currentAmounts: Map<string, number>;
  originalAmounts: Map<string, number> | null;
}

const sumByPeriod = (rows: { period_key: string; amount_minor: number }[]) => {
  const out = new Map<string, number>();
  for (const r of rows) out.set(r.period_key, (out.get(r.period_key) ?? 0) + r.amount_minor);
  return out;
};

export async function computeBudget(db: Database, budget: repo.BudgetRow, asOf: string): Promise<BudgetComputation> {
  const versions = await repo.versionsOf(db, budget.id);
  const current = versions.find((v) => v.number === budget.current_version && v.status === 'approved') ?? null;
  const original = versions.find((v) => v.number === 1 && (v.status === 'approved' || v.status === 'superseded')) ?? null;
  const periods = periodsBetween(budget.start_date, budget.end_date, budget.period_type as PeriodType, budget.fy_start_month).map((p) => ({
    key: p.key,
    start: p.start < budget.start_date ? budget.start_date : p.start,
    end: p.end > budget.end_date ? budget.end_date : p.end,
  }));
  const [lines, amounts, originalLines, originalAmountRows, approved, pending] = await Promise.all([
    current ? repo.linesOf(db, current.id) : Promise.resolve([]),
    current ? repo.amountsOf(db, current.id) : Promise.resolve([]),
    original && original.id !== current?.id ? repo.linesOf(db, original.id) : Promise.resolve(null),
    original && original.id !== current?.id ? repo.amountsOf(db, original.id) : Promise.resolve(null),
    current ? repo.expendituresOf(db, budget.id, repo.APPROVED, asOf) : Promise.resolve([]),
    current ? repo.expendituresOf(db, budget.id, repo.PENDING, asOf) : Promise.resolve([]),
  ]);
  const amountsByLine = new Map<string, Record<string, number>>();
  for (const a of amounts) {
    const entry = amountsByLine.get(a.line_id) ?? {};
    entry[a.period_key] = a.amount_minor;
    amountsByLine.set(a.line_id, entry);
  }
  const originalTotals = Object.fromEntries((originalLines ?? lines).map((l) => [l.line_id, l.total_minor]));
  const analysis = analyseBudget({
    lines: lines.map((l) => ({
      lineId: l.line_id,
      code: l.code,
      category: l.category,
      description: l.description,
      resultNodeId: l.result_node_id ?? l.activity_result_node_id ?? null,
      activityId: l.activity_id,
      totalMinor: l.total_minor,
      amounts: amountsByLine.get(l.line_id) ?? {},
    })),
    periods,
    approved,
    pending,
    originalTotals: current ? originalTotals : {},
    asOf,
    budgetStart: budget.start_date,
    budgetEnd: budget.end_date,
    varianceThresholdPct: budget.variance_threshold_pct,
  });
  return {
    budget,
    versionNumber: current?.number ?? null,
    analysis,
    periods,
    currentAmounts: sumByPeriod(amounts),
    originalAmounts: originalAmountRows ? sumByPeriod(originalAmountRows) : null,
  };
}
