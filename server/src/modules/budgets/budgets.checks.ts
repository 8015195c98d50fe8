import { fromMinor, isValidQuantity, lineTotal, sumMinor } from '@shared/domain/money.js';
import { type Period, periodsBetween } from '@shared/domain/periods.js';
import type { Locale } from '@shared/locales.js';
import { BUDGET_CATEGORIES, type BudgetCategory, type BudgetLineInput, type BudgetPeriodType } from '@shared/schemas/budgets.js';
import type { z } from 'zod';
import type { DetailInput } from '../../lib/errors.js';
import { periodLabel } from '../analytics/pivot.labels.js';

/**
 * The pure rules of a budget draft: its period grid and the checks on a whole set of lines. Every
 * problem is reported at once, each on its field path (`body.lines.3.amounts.2026-Q2`), so the
 * editor can mark every cell in one round trip.
 */

/**
 * The budget's periods in the lead organisation's fiscal year, each labelled the way the IPTT and
 * pivot tables say it in the reader's language (`Q2 2026`, `T2 2026`, `Q1 FY2027`, `mars 2026`).
 */
export function budgetPeriods(b: { start_date: string; end_date: string; period_type: string }, fyStartMonth: number, locale: Locale = 'en'): (Period & { label: string })[] {
  return periodsBetween(b.start_date, b.end_date, b.period_type as BudgetPeriodType, fyStartMonth).map((p) => ({ ...p, label: periodLabel(p.key, locale) }));
}

export type LineInput = z.output<typeof BudgetLineInput>;

export interface CheckedLine extends LineInput {
  category: BudgetCategory;
  totalMinor: number;
}

export interface LineCheckContext {
  currency: string;
  periodKeys: readonly string[];
  /** Stable lines of this budget. */
  budgetLineIds: ReadonlySet<string>;
  /** Lines the draft has now, with their codes, to refuse removing one that has expenditures. */
  draftLines: ReadonlyMap<string, { code: string }>;
  expenditureCounts: ReadonlyMap<string, number>;
  resultNodeIds: ReadonlySet<string>;
  activityIds: ReadonlySet<string>;
}

const isCategory = (c: string): c is BudgetCategory => (BUDGET_CATEGORIES as readonly string[]).includes(c);

export function checkLines(lines: readonly LineInput[], c: LineCheckContext): { problems: DetailInput[]; lines: CheckedLine[] } {
  const problems: DetailInput[] = [];
  const out: CheckedLine[] = [];
  const keys = new Set(c.periodKeys);
  const codes = new Map<string, number>();
  const ids = new Map<string, number>();

  lines.forEach((line, i) => {
    const at = (f: string) => `body.lines.${i}.${f}`;
    const code = line.code.trim();
    const other = codes.get(code.toLowerCase());
    if (other !== undefined) problems.push({ field: at('code'), reason: 'budget_duplicate_code', params: { code, otherLine: other + 1 } });
    else codes.set(code.toLowerCase(), i);

    if (line.lineId !== undefined) {
      if (!c.budgetLineIds.has(line.lineId)) problems.push({ field: at('lineId'), reason: 'budget_line_unknown' });
      else if (ids.has(line.lineId)) problems.push({ field: at('lineId'), reason: 'budget_line_twice', params: { otherLine: ids.get(line.lineId)! + 1 } });
      else ids.set(line.lineId, i);
    }
    if (!isCategory(line.category)) problems.push({ field: at('category'), reason: 'budget_category_invalid', params: { category: line.category } });
    if (line.resultNodeId && !c.resultNodeIds.has(line.resultNodeId)) problems.push({ field: at('resultNodeId'), reason: 'budget_result_not_of_project' });
    if (line.activityId && !c.activityIds.has(line.activityId)) problems.push({ field: at('activityId'), reason: 'budget_activity_not_of_project' });

    let total: number | null = null;
    if (!isValidQuantity(line.quantity)) problems.push({ field: at('quantity'), reason: 'budget_quantity_invalid' });
    else {
      try {
        total = lineTotal(line.quantity, line.unitCostMinor);
      } catch {
        problems.push({ field: at('unitCostMinor'), reason: 'budget_amount_too_large' });
      }
    }

    let keysOk = true;
    for (const key of Object.keys(line.amounts)) {
      if (!keys.has(key)) {
        keysOk = false;
        problems.push({ field: at(`amounts.${key}`), reason: 'budget_period_unknown', params: { period: key } });
      }
    }
    if (total !== null && keysOk) {
      let allocated: number | null = null;
      try {
        allocated = sumMinor(Object.values(line.amounts));
      } catch {
        problems.push({ field: at('amounts'), reason: 'budget_amount_too_large' });
      }
      if (allocated !== null && allocated !== total) {
        const money = (m: number) => `${c.currency} ${fromMinor(m, c.currency)}`;
        problems.push({
          field: at('amounts'),
          reason: allocated < total ? 'budget_amounts_short' : 'budget_amounts_over',
          params: { allocated: money(allocated), total: money(total), difference: money(Math.abs(total - allocated)) },
        });
      }
    }
    if (isCategory(line.category) && total !== null) out.push({ ...line, code, category: line.category, totalMinor: total });
  });

  // A line with expenditures keeps its place: spending already points to it.
  for (const [lineId, { code }] of c.draftLines) {
    if (!ids.has(lineId) && (c.expenditureCounts.get(lineId) ?? 0) > 0) {
      problems.push({ field: 'body.lines', reason: 'budget_line_has_expenditures', params: { code, count: c.expenditureCounts.get(lineId)! } });
    }
  }
  return { problems, lines: out };
}
