import type { Database } from '../../db/database.js';

/**
 * What budget versus actual reads: the budget, the lines and period amounts of the version in
 * force, the original version's line totals, and expenditures (approved and pending). Money
 * columns are bigint: PostgreSQL hands them over as strings, so every one goes through Number().
 */

/** A budget with what the analysis needs of its project (the lead organisation's fiscal year). */
export const findBudget = (db: Database, id: string) =>
  db
    .selectFrom('budgets as b')
    .innerJoin('projects as p', 'p.id', 'b.project_id')
    .innerJoin('programmes as pg', 'pg.id', 'p.programme_id')
    .innerJoin('organisations as o', 'o.id', 'pg.organisation_id')
    .selectAll('b')
    .select(['o.fiscal_year_start_month as fy_start_month'])
    .where('b.id', '=', id)
    .executeTakeFirst();
export type BudgetRow = NonNullable<Awaited<ReturnType<typeof findBudget>>>;

/** The budgets of projects that have an approved version in force (the dashboard card, reports, IATI). */
export async function budgetsInForce(db: Database, projectIds: readonly string[]): Promise<BudgetRow[]> {
  if (projectIds.length === 0) return [];
  return db
    .selectFrom('budgets as b')
    .innerJoin('projects as p', 'p.id', 'b.project_id')
    .innerJoin('programmes as pg', 'pg.id', 'p.programme_id')
    .innerJoin('organisations as o', 'o.id', 'pg.organisation_id')
    .innerJoin('budget_versions as bv', (j) => j.onRef('bv.budget_id', '=', 'b.id').onRef('bv.number', '=', 'b.current_version'))
    .selectAll('b')
    .select(['o.fiscal_year_start_month as fy_start_month'])
    .where('b.project_id', 'in', [...projectIds])
    .where('bv.status', '=', 'approved')
    .orderBy('b.start_date')
    .orderBy('b.title')
    .orderBy('b.id')
    .execute();
}

/** The versions of a budget by number (1 = original), with their status. */
export const versionsOf = (db: Database, budgetId: string) =>
  db.selectFrom('budget_versions').select(['id', 'number', 'status', 'decided_at']).where('budget_id', '=', budgetId).orderBy('number').execute();

export async function linesOf(db: Database, versionId: string) {
  const rows = await db
    .selectFrom('budget_version_lines as l')
    .leftJoin('planned_activities as a', 'a.id', 'l.activity_id')
    .select(['l.line_id', 'l.code', 'l.category', 'l.description', 'l.total_minor', 'l.result_node_id', 'l.activity_id', 'a.result_node_id as activity_result_node_id'])
    .where('l.version_id', '=', versionId)
    .orderBy('l.position')
    .orderBy('l.code')
    .execute();
  return rows.map((r) => ({ ...r, total_minor: Number(r.total_minor) }));
}

export async function amountsOf(db: Database, versionId: string) {
  const rows = await db.selectFrom('budget_line_amounts').select(['line_id', 'period_key', 'amount_minor']).where('version_id', '=', versionId).execute();
  return rows.map((r) => ({ ...r, amount_minor: Number(r.amount_minor) }));
}

export const APPROVED = ['approved'];
export const PENDING = ['submitted', 'awaiting_second_approval'];

export async function expendituresOf(db: Database, budgetId: string, statuses: readonly string[], asOf: string) {
  const rows = await db
    .selectFrom('expenditures')
    .select(['budget_line_id', 'expense_date', 'amount_budget_minor'])
    .where('budget_id', '=', budgetId)
    .where('status', 'in', [...statuses])
    .where('expense_date', '<=', asOf)
    .execute();
  return rows.map((r) => ({ lineId: r.budget_line_id, date: r.expense_date, amountBudgetMinor: Number(r.amount_budget_minor) }));
}

/** Approved expenditures up to asOf grouped by the rate they were converted with. */
export async function ratesUsed(db: Database, budgetId: string, asOf: string) {
  const rows = await db
    .selectFrom('expenditures')
    .select([
      'currency',
      'exchange_rate',
      'rate_source',
      'rate_date',
      (eb) => eb.fn.countAll<number | string>().as('count'),
      (eb) => eb.fn.sum<number | string>('amount_minor').as('paid'),
      (eb) => eb.fn.sum<number | string>('amount_budget_minor').as('converted'),
    ])
    .where('budget_id', '=', budgetId)
    .where('status', '=', 'approved')
    .where('expense_date', '<=', asOf)
    .groupBy(['currency', 'exchange_rate', 'rate_source', 'rate_date'])
    .orderBy('currency')
    .orderBy('rate_date')
    .orderBy('exchange_rate')
    .orderBy('rate_source')
    .execute();
  return rows.map((r) => ({
    currency: r.currency,
    rate: r.exchange_rate,
    source: r.rate_source,
    rateDate: r.rate_date,
    count: Number(r.count),
    amountPaidMinor: Number(r.paid),
    amountBudgetMinor: Number(r.converted),
  }));
}

/** Σ approved spending per line dated within [from, to] (the report period). */
export async function spentBetween(db: Database, budgetId: string, from: string, to: string) {
  const rows = await db
    .selectFrom('expenditures')
    .select(['budget_line_id', (eb) => eb.fn.sum<number | string>('amount_budget_minor').as('total')])
    .where('budget_id', '=', budgetId)
    .where('status', '=', 'approved')
    .where('expense_date', '>=', from)
    .where('expense_date', '<=', to)
    .groupBy('budget_line_id')
    .execute();
  return new Map(rows.map((r) => [r.budget_line_id, Number(r.total)]));
}

/** Approved spending per line and date (for IATI's quarterly expenditure transactions). */
export async function approvedByDate(db: Database, budgetId: string) {
  const rows = await db
    .selectFrom('expenditures')
    .select(['expense_date', 'amount_budget_minor'])
    .where('budget_id', '=', budgetId)
    .where('status', '=', 'approved')
    .orderBy('expense_date')
    .execute();
  return rows.map((r) => ({ date: r.expense_date, amountBudgetMinor: Number(r.amount_budget_minor) }));
}

export const resultNodes = (db: Database, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('result_nodes').select(['id', 'code', 'title', 'titles_json', 'level']).where('id', 'in', [...ids]).execute();
