import { convertToBudget } from '@shared/domain/money.js';
import type { Database } from '../db/database.js';
import { nowIso } from '../lib/clock.js';
import { newId } from '../lib/ids.js';

/**
 * Budgets, versions, lines and expenditures written straight to the tables (budget vs actual only
 * reads them), so these tests do not depend on the budgets and expenditures services.
 */

export async function buildBudget(
  db: Database,
  o: { projectId: string; title?: string; currency?: string; start?: string; end?: string; periodType?: 'month' | 'quarter' | 'year'; thresholdPct?: number; currentVersion?: number | null },
) {
  const now = nowIso();
  const row = {
    id: newId(), project_id: o.projectId, agreement_id: null, title: o.title ?? 'Budget', currency: o.currency ?? 'USD',
    start_date: o.start ?? '2026-01-01', end_date: o.end ?? '2026-12-31', period_type: o.periodType ?? 'quarter',
    second_approval_threshold_minor: null, variance_threshold_pct: o.thresholdPct ?? 10,
    current_version: o.currentVersion === undefined ? 1 : o.currentVersion, version: 1, created_by: null, created_at: now, updated_at: now,
  };
  await db.insertInto('budgets').values(row).execute();
  return row;
}

export async function buildBudgetVersion(db: Database, o: { budgetId: string; number: number; status?: string; reason?: string }) {
  const now = nowIso();
  const row = {
    id: newId(), budget_id: o.budgetId, number: o.number, status: o.status ?? 'approved', reason: o.reason ?? '', submitted_by: null, submitted_at: null,
    decided_by: null, decided_at: now, decision_note: '', change_request_id: null, version: 1, created_by: null, created_at: now, updated_at: now,
  };
  await db.insertInto('budget_versions').values(row).execute();
  return row;
}

/** A line (new stable id unless lineId is given) as one version says it, with its period amounts. */
export async function buildBudgetLine(
  db: Database,
  o: {
    budgetId: string; versionId: string; lineId?: string; code: string; category: string; totalMinor: number; amounts?: Record<string, number>;
    description?: string; resultNodeId?: string | null; activityId?: string | null; position?: number;
  },
) {
  const lineId = o.lineId ?? newId();
  if (!o.lineId) await db.insertInto('budget_lines').values({ id: lineId, budget_id: o.budgetId, created_at: nowIso() }).execute();
  await db
    .insertInto('budget_version_lines')
    .values({
      version_id: o.versionId, line_id: lineId, code: o.code, category: o.category, description: o.description ?? `Line ${o.code}`, unit: 'lump sum',
      quantity: '1', unit_cost_minor: o.totalMinor, total_minor: o.totalMinor, result_node_id: o.resultNodeId ?? null, activity_id: o.activityId ?? null,
      note: '', position: o.position ?? 0,
    })
    .execute();
  const amounts = Object.entries(o.amounts ?? {});
  if (amounts.length) {
    await db
      .insertInto('budget_line_amounts')
      .values(amounts.map(([period_key, amount_minor]) => ({ version_id: o.versionId, line_id: lineId, period_key, amount_minor })))
      .execute();
  }
  return lineId;
}

/** An expenditure, converted to the budget's currency with money.ts like the expenditures service does. */
export async function buildExpenditure(
  db: Database,
  o: {
    projectId: string; budgetId: string; lineId: string; date: string; amountMinor: number; currency?: string; rate?: string; budgetCurrency?: string;
    status?: string; rateSource?: string; rateDate?: string | null; submittedBy?: string | null;
  },
) {
  const now = nowIso();
  const currency = o.currency ?? 'USD';
  const rate = o.rate ?? '1';
  const row = {
    id: newId(), project_id: o.projectId, budget_id: o.budgetId, budget_line_id: o.lineId, expense_date: o.date, description: 'Expense', payee: 'Payee',
    invoice_ref: '', amount_minor: o.amountMinor, currency, exchange_rate: rate, rate_source: o.rateSource ?? '', rate_date: o.rateDate ?? null,
    amount_budget_minor: convertToBudget(o.amountMinor, currency, rate, o.budgetCurrency ?? 'USD'), status: o.status ?? 'approved', approvals_required: 1,
    submitted_by: o.submittedBy ?? null, submitted_at: now, first_approved_by: null, first_approved_at: null, approved_by: null,
    approved_at: o.status === undefined || o.status === 'approved' ? now : null, rejected_by: null, rejected_at: null, rejection_reason: '',
    attachment_name: null, attachment_type: null, attachment_size: null, attachment_sha256: null, version: 1, created_at: now, updated_at: now,
  };
  await db.insertInto('expenditures').values(row).execute();
  return row;
}
