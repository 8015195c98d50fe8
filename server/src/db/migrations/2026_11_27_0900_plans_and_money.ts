import { type Kysely, SqliteAdapter, sql } from 'kysely';

// Frozen once merged: never edit, add a new migration instead.
// Plans and money: annual work plans with their activities and milestones, budgets with versioned
// lines and per-period amounts, expenditures with their approvals and receipts, and change requests.
// Money is always an integer count of the currency's minor unit (cents, centimes; none for XOF),
// stored as bigint next to its ISO 4217 currency code. Exchange rates are decimal strings.
export async function up(db: Kysely<any>): Promise<void> {
  const blob = db.getExecutor().adapter instanceof SqliteAdapter ? 'blob' : 'bytea';

  // One annual operational plan per project and year. `draft` plans are edited freely; once
  // `approved`, planned dates and cancellations change only through a change request.
  await db.schema
    .createTable('work_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    // draft | approved
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('approved_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('work_plans_project_year_uq').on('work_plans').columns(['project_id', 'year']).unique().execute();

  await db.schema
    .createTable('planned_activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('work_plan_id', 'text', (c) => c.notNull().references('work_plans.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    // The activity node of the results framework this activity carries out (any node is allowed).
    .addColumn('result_node_id', 'text', (c) => c.references('result_nodes.id').onDelete('set null'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('planned_start', 'text', (c) => c.notNull())
    .addColumn('planned_end', 'text', (c) => c.notNull())
    // A person or team, as the plan names it ("Accra city team", "M. Traoré").
    .addColumn('responsible', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('team', 'text', (c) => c.notNull().defaultTo(''))
    // The organisation carrying it out; its reporters may update the activity's progress.
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('location_id', 'text', (c) => c.references('locations.id').onDelete('set null'))
    // not_started | on_track | delayed | done | cancelled
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('percent_complete', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('actual_start', 'text')
    .addColumn('actual_end', 'text')
    .addColumn('status_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status_updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('status_updated_at', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('planned_activities_plan_idx').on('planned_activities').columns(['work_plan_id', 'position']).execute();
  await db.schema.createIndex('planned_activities_plan_code_uq').on('planned_activities').columns(['work_plan_id', 'code']).unique().execute();

  await db.schema
    .createTable('activity_milestones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('activity_id', 'text', (c) => c.notNull().references('planned_activities.id').onDelete('cascade'))
    // milestone | deliverable
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('done_date', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('activity_milestones_activity_idx').on('activity_milestones').columns(['activity_id', 'position']).execute();

  // A budget of a project, or of one of its funding agreements (a grant). Amounts are phased by
  // `period_type` periods of the lead organisation's fiscal year.
  await db.schema
    .createTable('budgets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('agreement_id', 'text', (c) => c.references('agreements.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    // month | quarter | year
    .addColumn('period_type', 'text', (c) => c.notNull())
    // An expenditure at or above this amount (budget currency, minor units) needs a second approver.
    .addColumn('second_approval_threshold_minor', 'bigint')
    // Lines whose spending departs from plan by more than this percentage are highlighted.
    .addColumn('variance_threshold_pct', 'integer', (c) => c.notNull().defaultTo(10))
    // The number of the approved version in force; null until the original is approved.
    .addColumn('current_version', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('budgets_project_idx').on('budgets').column('project_id').execute();

  // Original (number 1) and revisions. draft → submitted → approved | rejected; an approved
  // version supersedes the one before it. A revision is submitted through a change request.
  await db.schema
    .createTable('budget_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('budget_id', 'text', (c) => c.notNull().references('budgets.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    // draft | submitted | approved | rejected | superseded
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('submitted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('submitted_at', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('change_request_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('budget_versions_budget_number_uq').on('budget_versions').columns(['budget_id', 'number']).unique().execute();

  // A line's stable identity across versions: expenditures point here.
  await db.schema
    .createTable('budget_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('budget_id', 'text', (c) => c.notNull().references('budgets.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('budget_lines_budget_idx').on('budget_lines').column('budget_id').execute();

  // What a line says in one version. total_minor = quantity × unit_cost_minor, rounded half away
  // from zero; the period amounts add up to it exactly.
  await db.schema
    .createTable('budget_version_lines')
    .addColumn('version_id', 'text', (c) => c.notNull().references('budget_versions.id').onDelete('cascade'))
    .addColumn('line_id', 'text', (c) => c.notNull().references('budget_lines.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    // personnel | travel | equipment | supplies | contractual | other_direct | indirect
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull().defaultTo(''))
    // A decimal string ("12", "2.5"): person-months, trips, units.
    .addColumn('quantity', 'text', (c) => c.notNull())
    .addColumn('unit_cost_minor', 'bigint', (c) => c.notNull())
    .addColumn('total_minor', 'bigint', (c) => c.notNull())
    .addColumn('result_node_id', 'text', (c) => c.references('result_nodes.id').onDelete('set null'))
    .addColumn('activity_id', 'text', (c) => c.references('planned_activities.id').onDelete('set null'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('budget_version_lines_pk', ['version_id', 'line_id'])
    .execute();
  await db.schema.createIndex('budget_version_lines_code_uq').on('budget_version_lines').columns(['version_id', 'code']).unique().execute();

  await db.schema
    .createTable('budget_line_amounts')
    .addColumn('version_id', 'text', (c) => c.notNull().references('budget_versions.id').onDelete('cascade'))
    .addColumn('line_id', 'text', (c) => c.notNull().references('budget_lines.id').onDelete('cascade'))
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('budget_line_amounts_pk', ['version_id', 'line_id', 'period_key'])
    .execute();

  // Spending against a budget line. The amount is kept in the currency paid and converted to the
  // budget's currency with the rate given (expense-currency units per one budget-currency unit).
  await db.schema
    .createTable('expenditures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('budget_id', 'text', (c) => c.notNull().references('budgets.id').onDelete('cascade'))
    .addColumn('budget_line_id', 'text', (c) => c.notNull().references('budget_lines.id'))
    .addColumn('expense_date', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('payee', 'text', (c) => c.notNull())
    .addColumn('invoice_ref', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('exchange_rate', 'text', (c) => c.notNull())
    // Where the rate comes from (central bank, bank statement, OANDA, InforEuro…) and its date.
    .addColumn('rate_source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('rate_date', 'text')
    .addColumn('amount_budget_minor', 'bigint', (c) => c.notNull())
    // submitted | awaiting_second_approval | approved | rejected
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('approvals_required', 'integer', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('first_approved_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('first_approved_at', 'text')
    .addColumn('approved_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('approved_at', 'text')
    .addColumn('rejected_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('rejected_at', 'text')
    .addColumn('rejection_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('attachment_name', 'text')
    .addColumn('attachment_type', 'text')
    .addColumn('attachment_size', 'integer')
    .addColumn('attachment_sha256', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('expenditures_budget_idx').on('expenditures').columns(['budget_id', 'status', 'expense_date']).execute();
  await db.schema.createIndex('expenditures_line_idx').on('expenditures').columns(['budget_line_id', 'status']).execute();
  await db.schema.createIndex('expenditures_project_idx').on('expenditures').columns(['project_id', 'status']).execute();

  // The receipt or invoice, apart so that lists never read the bytes.
  await db.schema
    .createTable('expenditure_attachments')
    .addColumn('expenditure_id', 'text', (c) => c.primaryKey().references('expenditures.id').onDelete('cascade'))
    .addColumn('content', sql.raw(blob), (c) => c.notNull())
    .execute();

  // A formal change to targets, the work plan or the budget: what, why and impact, approved by
  // someone other than the requester and applied in the approval's transaction.
  await db.schema
    .createTable('change_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    // Per project: CR-1, CR-2, …
    .addColumn('number', 'integer', (c) => c.notNull())
    // targets | plan | budget
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('justification', 'text', (c) => c.notNull())
    .addColumn('impact', 'text', (c) => c.notNull().defaultTo(''))
    // The changes to apply (shared/src/schemas/change-requests.ts); a budget request names a version.
    .addColumn('changes_json', 'text', (c) => c.notNull())
    .addColumn('budget_version_id', 'text', (c) => c.references('budget_versions.id').onDelete('set null'))
    // submitted | approved | rejected | withdrawn
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('applied_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('change_requests_project_number_uq').on('change_requests').columns(['project_id', 'number']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'change_requests',
    'expenditure_attachments',
    'expenditures',
    'budget_line_amounts',
    'budget_version_lines',
    'budget_lines',
    'budget_versions',
    'budgets',
    'activity_milestones',
    'planned_activities',
    'work_plans',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
