import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { ExpendituresTable } from '../../db/schema.js';

/** A budget row (any status), for the checks of a new or changed expenditure. */
export const findBudget = (db: Database, id: string) => db.selectFrom('budgets').selectAll().where('id', '=', id).executeTakeFirst();
export type BudgetRow = NonNullable<Awaited<ReturnType<typeof findBudget>>>;

/** The line as the version in force says it, or undefined when the line is not in that version (or none is in force). */
export const lineInForce = (db: Database, budgetId: string, lineId: string) =>
  db
    .selectFrom('budgets as b')
    .innerJoin('budget_versions as bv', (j) => j.onRef('bv.budget_id', '=', 'b.id').onRef('bv.number', '=', 'b.current_version'))
    .innerJoin('budget_version_lines as bvl', 'bvl.version_id', 'bv.id')
    .select(['bvl.line_id', 'bvl.code', 'bvl.description', 'bvl.total_minor'])
    .where('b.id', '=', budgetId)
    .where('bv.status', '=', 'approved')
    .where('bvl.line_id', '=', lineId)
    .executeTakeFirst();

/** The project's budgets that have an approved version in force, with that version's number. */
export const budgetsInForce = (db: Database, projectId: string) =>
  db
    .selectFrom('budgets as b')
    .innerJoin('budget_versions as bv', (j) => j.onRef('bv.budget_id', '=', 'b.id').onRef('bv.number', '=', 'b.current_version'))
    .select(['b.id', 'b.title', 'b.currency', 'b.start_date', 'b.end_date', 'b.second_approval_threshold_minor', 'bv.id as version_id', 'bv.number as version_number'])
    .where('b.project_id', '=', projectId)
    .where('bv.status', '=', 'approved')
    .orderBy('b.start_date')
    .orderBy('b.title')
    .execute();

export const linesOfVersions = (db: Database, versionIds: string[]) =>
  versionIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('budget_version_lines')
        .select(['version_id', 'line_id', 'code', 'category', 'description', 'total_minor', 'position'])
        .where('version_id', 'in', versionIds)
        .orderBy('position')
        .execute();

/** Σ amount in the budget currency per line and status, for the budgets given. */
export async function sumsByLine(db: Database, budgetIds: string[]) {
  if (budgetIds.length === 0) return [];
  const rows = await db
    .selectFrom('expenditures')
    .select(['budget_line_id', 'status', (eb) => eb.fn.sum<number | string>('amount_budget_minor').as('total')])
    .where('budget_id', 'in', budgetIds)
    .groupBy(['budget_line_id', 'status'])
    .execute();
  // PostgreSQL sums bigint as numeric, which arrives as a string; the totals are safe integers.
  return rows.map((r) => ({ lineId: r.budget_line_id, status: r.status, total: Number(r.total) }));
}

export interface ExpenditureFilter {
  projectId?: string;
  status?: string | undefined;
  budgetId?: string | undefined;
  lineId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * Expenditures with their budget, the line's code and description (from the version in force, or
 * the latest version that has the line when a revision removed it) and the people's names.
 */
function base(db: Database) {
  return db
    .selectFrom('expenditures as e')
    .innerJoin('budgets as b', 'b.id', 'e.budget_id')
    .leftJoin('users as us', 'us.id', 'e.submitted_by')
    .leftJoin('users as uf', 'uf.id', 'e.first_approved_by')
    .leftJoin('users as ua', 'ua.id', 'e.approved_by')
    .leftJoin('users as ur', 'ur.id', 'e.rejected_by')
    .selectAll('e')
    .select((eb) => {
      const lineText = (column: 'code' | 'description') =>
        eb
          .selectFrom('budget_version_lines as bvl')
          .innerJoin('budget_versions as bv', 'bv.id', 'bvl.version_id')
          .select(`bvl.${column}`)
          .whereRef('bvl.line_id', '=', 'e.budget_line_id')
          .orderBy(sql`case when bv.number = b.current_version then 0 else 1 end`)
          .orderBy('bv.number', 'desc')
          .limit(1);
      return [
        'b.title as budget_title',
        'b.currency as budget_currency',
        'b.current_version as budget_current_version',
        'us.name as submitted_by_name',
        'uf.name as first_approved_by_name',
        'ua.name as approved_by_name',
        'ur.name as rejected_by_name',
        lineText('code').as('line_code'),
        lineText('description').as('line_description'),
      ];
    });
}
export type ExpenditureRow = NonNullable<Awaited<ReturnType<typeof findExpenditure>>>;

export const findExpenditure = (db: Database, id: string) => base(db).where('e.id', '=', id).executeTakeFirst();

function filtered(db: Database, f: ExpenditureFilter) {
  let q = base(db);
  if (f.projectId) q = q.where('e.project_id', '=', f.projectId);
  if (f.status) q = q.where('e.status', '=', f.status);
  if (f.budgetId) q = q.where('e.budget_id', '=', f.budgetId);
  if (f.lineId) q = q.where('e.budget_line_id', '=', f.lineId);
  if (f.from) q = q.where('e.expense_date', '>=', f.from);
  if (f.to) q = q.where('e.expense_date', '<=', f.to);
  return q;
}

/** One page, newest expense first. */
export const listExpenditures = (db: Database, f: ExpenditureFilter, limit: number, offset: number) =>
  filtered(db, f).orderBy('e.expense_date', 'desc').orderBy('e.submitted_at', 'desc').orderBy('e.id').limit(limit).offset(offset).execute();

export async function countExpenditures(db: Database, f: ExpenditureFilter): Promise<number> {
  let q = db.selectFrom('expenditures as e').select((eb) => eb.fn.countAll().as('n'));
  if (f.projectId) q = q.where('e.project_id', '=', f.projectId);
  if (f.status) q = q.where('e.status', '=', f.status);
  if (f.budgetId) q = q.where('e.budget_id', '=', f.budgetId);
  if (f.lineId) q = q.where('e.budget_line_id', '=', f.lineId);
  if (f.from) q = q.where('e.expense_date', '>=', f.from);
  if (f.to) q = q.where('e.expense_date', '<=', f.to);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/**
 * Expenditures waiting for a decision that the reader did not submit nor approve first, in projects
 * reached by the given scopes (null: every project), with their project's chain for the role check.
 */
export function awaitingDecision(db: Database, userId: string, scopes: { projectIds: string[]; programmeIds: string[]; organisationIds: string[] } | null) {
  let q = base(db)
    .innerJoin('projects as p', 'p.id', 'e.project_id')
    .innerJoin('programmes as pg', 'pg.id', 'p.programme_id')
    .select(['p.code as project_code', 'p.title as project_title', 'p.programme_id', 'pg.organisation_id'])
    .where('e.status', 'in', ['submitted', 'awaiting_second_approval'])
    .where((eb) => eb.or([eb('e.submitted_by', 'is', null), eb('e.submitted_by', '!=', userId)]))
    .where((eb) => eb.or([eb('e.first_approved_by', 'is', null), eb('e.first_approved_by', '!=', userId)]));
  if (scopes) {
    const none = [''];
    q = q.where((eb) =>
      eb.or([
        eb('p.id', 'in', scopes.projectIds.length ? scopes.projectIds : none),
        eb('p.programme_id', 'in', scopes.programmeIds.length ? scopes.programmeIds : none),
        eb('pg.organisation_id', 'in', scopes.organisationIds.length ? scopes.organisationIds : none),
      ]),
    );
  }
  return q.orderBy('e.submitted_at').orderBy('e.id').limit(200).execute();
}

/** Other expenditures of the project with the same payee and invoice reference (case-insensitive), rejected ones aside. */
export async function sameInvoice(db: Database, projectId: string, payee: string, invoiceRef: string, exceptId: string | null) {
  let q = db
    .selectFrom('expenditures')
    .select(['id', 'expense_date'])
    .where('project_id', '=', projectId)
    .where('status', '!=', 'rejected')
    .where((eb) => eb(eb.fn('lower', ['payee']), '=', payee.toLowerCase()))
    .where((eb) => eb(eb.fn('lower', ['invoice_ref']), '=', invoiceRef.toLowerCase()));
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.orderBy('expense_date').execute();
}

export const insertExpenditure = (db: Database, row: ExpendituresTable) => db.insertInto('expenditures').values(row).execute();

/** Writes the patch only if the row is still at `version` (a concurrent writer moved it otherwise): true when written. */
export async function updateAtVersion(db: Database, id: string, version: number, patch: Partial<ExpendituresTable>): Promise<boolean> {
  const r = await db.updateTable('expenditures').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteAtVersion(db: Database, id: string, version: number): Promise<boolean> {
  const r = await db.deleteFrom('expenditures').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** Replaces the receipt's bytes (one per expenditure). */
export async function putAttachment(db: Database, expenditureId: string, content: Buffer) {
  await db.deleteFrom('expenditure_attachments').where('expenditure_id', '=', expenditureId).execute();
  await db.insertInto('expenditure_attachments').values({ expenditure_id: expenditureId, content }).execute();
}

export const attachmentContent = async (db: Database, expenditureId: string): Promise<Buffer | undefined> =>
  (await db.selectFrom('expenditure_attachments').select('content').where('expenditure_id', '=', expenditureId).executeTakeFirst())?.content;
