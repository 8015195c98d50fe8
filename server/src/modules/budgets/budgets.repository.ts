import type { Database } from '../../db/database.js';
import type { BudgetLineAmountsTable, BudgetsTable, BudgetVersionLinesTable, BudgetVersionsTable } from '../../db/schema.js';

/**
 * SQL of budgets, their versions and lines. Money columns are bigint: PostgreSQL hands them over as
 * strings, so every one goes through Number() here and nowhere else.
 */

const budgetColumns = (r: BudgetsTable) => ({
  ...r,
  second_approval_threshold_minor: r.second_approval_threshold_minor === null ? null : Number(r.second_approval_threshold_minor),
  variance_threshold_pct: Number(r.variance_threshold_pct),
  current_version: r.current_version === null ? null : Number(r.current_version),
  version: Number(r.version),
});
export type BudgetRow = ReturnType<typeof budgetColumns> & { fy_start_month: number };

/** A budget with its lead organisation's fiscal year start (the period grid). */
export async function findBudget(db: Database, id: string): Promise<BudgetRow | undefined> {
  const row = await db
    .selectFrom('budgets as b')
    .innerJoin('projects as p', 'p.id', 'b.project_id')
    .innerJoin('programmes as pg', 'pg.id', 'p.programme_id')
    .innerJoin('organisations as o', 'o.id', 'pg.organisation_id')
    .selectAll('b')
    .select(['o.fiscal_year_start_month as fy_start_month'])
    .where('b.id', '=', id)
    .executeTakeFirst();
  return row ? { ...budgetColumns(row), fy_start_month: Number(row.fy_start_month) } : undefined;
}

export async function budgetsOfProject(db: Database, projectId: string) {
  const rows = await db.selectFrom('budgets').selectAll().where('project_id', '=', projectId).orderBy('start_date').orderBy('title').orderBy('id').execute();
  return rows.map(budgetColumns);
}

export const fyStartOfProject = async (db: Database, projectId: string): Promise<number> => {
  const row = await db
    .selectFrom('projects as p')
    .innerJoin('programmes as pg', 'pg.id', 'p.programme_id')
    .innerJoin('organisations as o', 'o.id', 'pg.organisation_id')
    .select('o.fiscal_year_start_month as m')
    .where('p.id', '=', projectId)
    .executeTakeFirstOrThrow();
  return Number(row.m);
};

export const insertBudget = (db: Database, row: BudgetsTable) => db.insertInto('budgets').values(row).execute();

/** Updates when the version still matches; returns whether it did. */
export async function updateBudget(db: Database, id: string, expected: number, patch: Partial<BudgetsTable>): Promise<boolean> {
  const res = await db
    .updateTable('budgets')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expected)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Moves the budget's version without a check (a step of a version's own checked write). */
export const touchBudget = (db: Database, id: string, patch: Partial<BudgetsTable>) =>
  db.updateTable('budgets').set((eb) => ({ ...patch, version: eb('version', '+', 1) })).where('id', '=', id).execute();

export const deleteBudget = (db: Database, id: string) => db.deleteFrom('budgets').where('id', '=', id).execute();

// --- versions ---

const versionColumns = (r: BudgetVersionsTable) => ({ ...r, number: Number(r.number), version: Number(r.version) });
export type VersionRow = ReturnType<typeof versionColumns> & { submitted_by_name: string | null; decided_by_name: string | null };

export async function versionsOf(db: Database, budgetIds: readonly string[]): Promise<VersionRow[]> {
  if (budgetIds.length === 0) return [];
  const rows = await db
    .selectFrom('budget_versions as v')
    .leftJoin('users as s', 's.id', 'v.submitted_by')
    .leftJoin('users as d', 'd.id', 'v.decided_by')
    .selectAll('v')
    .select(['s.name as submitted_by_name', 'd.name as decided_by_name'])
    .where('v.budget_id', 'in', [...budgetIds])
    .orderBy('v.budget_id')
    .orderBy('v.number')
    .execute();
  return rows.map((r) => ({ ...versionColumns(r), submitted_by_name: r.submitted_by_name, decided_by_name: r.decided_by_name }));
}

export async function findVersion(db: Database, id: string) {
  const row = await db.selectFrom('budget_versions').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? versionColumns(row) : undefined;
}

export const insertVersion = (db: Database, row: BudgetVersionsTable) => db.insertInto('budget_versions').values(row).execute();

/** Moves a version when its version still matches; returns whether it did. */
export async function updateVersion(db: Database, id: string, expected: number, patch: Partial<BudgetVersionsTable>): Promise<boolean> {
  const res = await db
    .updateTable('budget_versions')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expected)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Totals of every version of the budgets, by version id. */
export async function versionTotals(db: Database, budgetIds: readonly string[]): Promise<Map<string, number>> {
  if (budgetIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('budget_version_lines as l')
    .innerJoin('budget_versions as v', 'v.id', 'l.version_id')
    .select(['l.version_id', 'l.total_minor'])
    .where('v.budget_id', 'in', [...budgetIds])
    .execute();
  const out = new Map<string, bigint>();
  // Summed as BigInt: never floating point on money.
  for (const r of rows) out.set(r.version_id, (out.get(r.version_id) ?? 0n) + BigInt(r.total_minor));
  return new Map([...out].map(([k, v]) => [k, Number(v)]));
}

// --- lines ---

export type LineRow = Omit<BudgetVersionLinesTable, 'unit_cost_minor' | 'total_minor' | 'position'> & {
  unit_cost_minor: number;
  total_minor: number;
  position: number;
  node_code: string | null;
  node_title: string | null;
  activity_code: string | null;
  activity_title: string | null;
};

export async function linesOf(db: Database, versionId: string): Promise<LineRow[]> {
  const rows = await db
    .selectFrom('budget_version_lines as l')
    .leftJoin('result_nodes as n', 'n.id', 'l.result_node_id')
    .leftJoin('planned_activities as a', 'a.id', 'l.activity_id')
    .selectAll('l')
    .select(['n.code as node_code', 'n.title as node_title', 'a.code as activity_code', 'a.title as activity_title'])
    .where('l.version_id', '=', versionId)
    .orderBy('l.position')
    .orderBy('l.code')
    .execute();
  return rows.map((r) => ({ ...r, unit_cost_minor: Number(r.unit_cost_minor), total_minor: Number(r.total_minor), position: Number(r.position) }));
}

export async function amountsOf(db: Database, versionId: string) {
  const rows = await db.selectFrom('budget_line_amounts').select(['line_id', 'period_key', 'amount_minor']).where('version_id', '=', versionId).execute();
  return rows.map((r) => ({ ...r, amount_minor: Number(r.amount_minor) }));
}

/** Line totals of a version, by stable line id. */
export async function lineTotalsOf(db: Database, versionId: string): Promise<Map<string, { total: number; code: string; description: string; category: string }>> {
  const rows = await db.selectFrom('budget_version_lines').select(['line_id', 'total_minor', 'code', 'description', 'category']).where('version_id', '=', versionId).execute();
  return new Map(rows.map((r) => [r.line_id, { total: Number(r.total_minor), code: r.code, description: r.description, category: r.category }]));
}

export async function lineIdsOfBudget(db: Database, budgetId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('budget_lines').select('id').where('budget_id', '=', budgetId).execute();
  return new Set(rows.map((r) => r.id));
}

export const insertLines = (db: Database, rows: { id: string; budget_id: string; created_at: string }[]) =>
  rows.length ? db.insertInto('budget_lines').values(rows).execute() : Promise.resolve();

/** Replaces what a version says of its lines and their period amounts. */
export async function replaceVersionLines(db: Database, versionId: string, lines: BudgetVersionLinesTable[], amounts: BudgetLineAmountsTable[]) {
  await db.deleteFrom('budget_line_amounts').where('version_id', '=', versionId).execute();
  await db.deleteFrom('budget_version_lines').where('version_id', '=', versionId).execute();
  // Chunked: SQLite limits the bound parameters of one statement.
  for (let i = 0; i < lines.length; i += 50) await db.insertInto('budget_version_lines').values(lines.slice(i, i + 50)).execute();
  for (let i = 0; i < amounts.length; i += 200) await db.insertInto('budget_line_amounts').values(amounts.slice(i, i + 200)).execute();
}

/** Stable lines of a budget that no version mentions any more and no expenditure uses (left by a replaced draft). */
export async function deleteOrphanLines(db: Database, budgetId: string) {
  await db
    .deleteFrom('budget_lines')
    .where('budget_id', '=', budgetId)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('budget_version_lines as l').select('l.line_id').whereRef('l.line_id', '=', 'budget_lines.id'))),
    )
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('expenditures as e').select('e.id').whereRef('e.budget_line_id', '=', 'budget_lines.id'))))
    .execute();
}

/** Expenditures (any status) per stable line of a budget. */
export async function expenditureCounts(db: Database, budgetId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('expenditures')
    .select(['budget_line_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('budget_id', '=', budgetId)
    .groupBy('budget_line_id')
    .execute();
  return new Map(rows.map((r) => [r.budget_line_id, Number(r.n)]));
}

export async function hasExpenditures(db: Database, budgetId: string): Promise<boolean> {
  const row = await db.selectFrom('expenditures').select('id').where('budget_id', '=', budgetId).limit(1).executeTakeFirst();
  return !!row;
}

// --- options ---

export const resultNodesOfProject = (db: Database, projectId: string) =>
  db
    .selectFrom('result_nodes as n')
    .innerJoin('results_frameworks as f', 'f.id', 'n.framework_id')
    .select(['n.id', 'n.code', 'n.title', 'n.level'])
    .where('f.project_id', '=', projectId)
    .orderBy('n.level')
    .orderBy('n.position')
    .orderBy('n.code')
    .execute();

export const activitiesOfProject = (db: Database, projectId: string) =>
  db
    .selectFrom('planned_activities as a')
    .innerJoin('work_plans as w', 'w.id', 'a.work_plan_id')
    .select(['a.id', 'a.code', 'a.title', 'w.title as work_plan_title'])
    .where('a.project_id', '=', projectId)
    .orderBy('w.year')
    .orderBy('a.position')
    .execute();

export const agreementsOfProject = (db: Database, projectId: string) =>
  db.selectFrom('agreements').select(['id', 'agreement_number', 'title']).where('project_id', '=', projectId).orderBy('agreement_number').execute();
