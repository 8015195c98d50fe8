import { fromMinor, sumMinor } from '@shared/domain/money.js';
import type { Database } from '../../db/database.js';
import { computeBudget } from '../budget-analysis/budget-analysis.core.js';
import * as budgetRepo from '../budget-analysis/budget-analysis.repository.js';
import type { IatiBudget, IatiTransaction } from './iati.model.js';

/**
 * IATI budgets and expenditure transactions of a project, from its budgets in force:
 * - `<budget type="1" status="2">` (original, committed) per budget period from version 1's amounts,
 *   and `<budget type="2" status="2">` (revised) per period from the version in force when a later
 *   version is in force. Budget periods are months, quarters or years clipped to the budget's dates,
 *   so none is longer than a year (IATI's rule). The value date is the period's start.
 * - `<transaction>` type 4 (expenditure): approved spending summed per calendar quarter, dated the
 *   quarter's last day (or today for the quarter in progress, as IATI refuses future transactions).
 * Values are decimal strings in the budget's currency (exact, from minor units).
 */
export async function iatiMoney(db: Database, projectId: string, today: string): Promise<{ budgets: IatiBudget[]; transactions: IatiTransaction[] }> {
  const budgets: IatiBudget[] = [];
  const transactions: IatiTransaction[] = [];
  for (const budget of await budgetRepo.budgetsInForce(db, [projectId])) {
    const c = await computeBudget(db, budget, today);
    const value = (minor: number) => fromMinor(minor, budget.currency);
    const original = c.originalAmounts ?? c.currentAmounts;
    for (const p of c.periods) {
      budgets.push({ type: '1', status: '2', start: p.start, end: p.end, value: value(original.get(p.key) ?? 0), currency: budget.currency, valueDate: p.start });
    }
    if (c.originalAmounts && (c.versionNumber ?? 1) > 1) {
      for (const p of c.periods) {
        budgets.push({ type: '2', status: '2', start: p.start, end: p.end, value: value(c.currentAmounts.get(p.key) ?? 0), currency: budget.currency, valueDate: p.start });
      }
    }
    const byQuarter = new Map<string, number[]>();
    for (const e of await budgetRepo.approvedByDate(db, budget.id)) {
      if (e.date > today) continue;
      const end = quarterEnd(e.date);
      byQuarter.set(end, [...(byQuarter.get(end) ?? []), e.amountBudgetMinor]);
    }
    for (const [end, amounts] of [...byQuarter].sort(([a], [b]) => a.localeCompare(b))) {
      const date = end > today ? today : end;
      transactions.push({ type: '4', date, value: value(sumMinor(amounts)), currency: budget.currency, valueDate: date, description: budget.title });
    }
  }
  return { budgets, transactions };
}

/** The last day of the calendar quarter containing a date. */
export function quarterEnd(date: string): string {
  const year = Number(date.slice(0, 4));
  const quarter = Math.floor((Number(date.slice(5, 7)) - 1) / 3);
  const lastMonth = quarter * 3 + 3;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return `${year}-${String(lastMonth).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`;
}
