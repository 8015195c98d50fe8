import { percent } from '@shared/domain/budget-analysis.js';
import { fromMinor, minorDigits, sumMinor } from '@shared/domain/money.js';
import type { Ctx } from '../../lib/context.js';
import { computeBudget } from '../budget-analysis/budget-analysis.core.js';
import * as budgetRepo from '../budget-analysis/budget-analysis.repository.js';
import { MONEY_READERS, projectPlansAccess } from '../plans-access/plans-access.js';
import type { AssemblyInput, Loaded } from './assembly.context.js';
import type { ReportBlock, TableColumn, TableRow } from './document.types.js';

/**
 * The donor report's "Budget versus actual" section, for a project report: each budget of the
 * project with a version in force, by category and by line — budget (the version in force), spent
 * in the report period, spent to date (approved expenditures up to the period's end), remaining and
 * % spent, in the budget's currency. The section is left out when the project has no budget in
 * force or when the person who asked for the report may not see the project's money.
 *
 * Programme and country reports leave the section out: their projects' budgets are in different
 * currencies and no consolidation at a chosen rate is defined yet (figures would mislead).
 */
export interface ReportBudgetLine {
  code: string;
  category: string;
  description: string;
  budgetMinor: number;
  spentInPeriodMinor: number;
  spentToDateMinor: number;
}

export interface ReportBudget {
  budgetId: string;
  title: string;
  currency: string;
  versionNumber: number;
  lines: ReportBudgetLine[];
}

export async function loadReportBudgets(ctx: Ctx, input: AssemblyInput): Promise<ReportBudget[] | null> {
  if (input.scope.type !== 'project') return null;
  const access = await projectPlansAccess(ctx, input.scope.id);
  if (!access.can(MONEY_READERS)) return null;
  const budgets = await budgetRepo.budgetsInForce(ctx.db, [input.scope.id]);
  const out: ReportBudget[] = [];
  for (const budget of budgets) {
    const [computed, inPeriod] = await Promise.all([
      computeBudget(ctx.db, budget, input.periodEnd),
      budgetRepo.spentBetween(ctx.db, budget.id, input.periodStart, input.periodEnd),
    ]);
    out.push({
      budgetId: budget.id,
      title: budget.title,
      currency: budget.currency,
      versionNumber: computed.versionNumber ?? 0,
      lines: computed.analysis.lines.map((l) => ({
        code: l.code,
        category: l.category,
        description: l.description,
        budgetMinor: l.budgetMinor,
        spentInPeriodMinor: inPeriod.get(l.lineId) ?? 0,
        spentToDateMinor: l.actualMinor,
      })),
    });
  }
  return out;
}

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

export function budgetVsActual(l: Loaded): ReportBlock[] | null {
  const budgets = l.budgets;
  if (!budgets || budgets.length === 0) return null;
  const T = l.T.budget;
  const blocks: ReportBlock[] = [];
  budgets.forEach((b, index) => {
    const digits = minorDigits(b.currency);
    // Minor units ÷ 10^digits: the exact decimal of fromMinor, as a number the renderers format with `digits`.
    const money = (minor: number) => Number(fromMinor(minor, b.currency));
    const figures = (lines: ReportBudgetLine[]) => {
      const budget = sumMinor(lines.map((x) => x.budgetMinor));
      const inPeriod = sumMinor(lines.map((x) => x.spentInPeriodMinor));
      const toDate = sumMinor(lines.map((x) => x.spentToDateMinor));
      return [money(budget), money(inPeriod), money(toDate), money(budget - toDate), percent(toDate, budget)];
    };
    const moneyColumns: TableColumn[] = [
      { label: T.budget, kind: 'number', digits },
      { label: T.spentInPeriod, kind: 'number', digits },
      { label: T.spentToDate, kind: 'number', digits },
      { label: T.remaining, kind: 'number', digits },
      { label: T.percentSpent, kind: 'percent' },
    ];
    const code = budgets.length > 1 ? String(index + 1) : '';
    const categoryOf = (c: string) => T.categories[c] ?? c;
    const categories = [...new Set(b.lines.map((x) => x.category))];
    const categoryRows: TableRow[] = categories.map((c) => ({ cells: [categoryOf(c), ...figures(b.lines.filter((x) => x.category === c))] }));
    const lineRows: TableRow[] = b.lines.map((x) => ({ cells: [x.code, x.description, ...figures([x])] }));
    const total: TableRow = { cells: [T.total, ...figures(b.lines)], emphasis: 'total' };

    blocks.push({ type: 'heading', level: 2, text: fill(T.heading, { title: b.title, currency: b.currency, version: String(b.versionNumber) }) });
    blocks.push({
      type: 'paragraph',
      style: 'note',
      text: fill(T.asOf, { start: l.fmt.date(l.input.periodStart), end: l.fmt.date(l.input.periodEnd), currency: b.currency }),
    });
    blocks.push({
      type: 'table',
      sheetName: fill(T.sheetCategories, { code }).trim(),
      caption: T.byCategory,
      columns: [{ label: T.category, kind: 'text', width: 2 }, ...moneyColumns],
      rows: [...categoryRows, total],
    });
    blocks.push({
      type: 'table',
      sheetName: fill(T.sheetLines, { code }).trim(),
      caption: T.byLine,
      columns: [{ label: T.code, kind: 'text' }, { label: T.line, kind: 'text', width: 3 }, ...moneyColumns],
      rows: [...lineRows, { ...total, cells: [T.total, null, ...total.cells.slice(1)] }],
    });
  });
  blocks.push({ type: 'paragraph', style: 'note', text: T.note });
  return blocks;
}
