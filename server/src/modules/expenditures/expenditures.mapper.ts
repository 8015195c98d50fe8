import type { Expenditure, ExpenditureStatus } from '@shared/schemas/expenditures.js';
import type { ExpenditureRow } from './expenditures.repository.js';

/** What the reader may do with one expenditure now; computed by the service from their roles. */
export interface ExpenditureRights {
  canApprove: boolean;
  canEdit: boolean;
  canAttach: boolean;
}

const person = (id: string | null, name: string | null | undefined) => (id ? { id, name: name ?? '' } : null);

export function toExpenditure(r: ExpenditureRow, rights: ExpenditureRights): Expenditure {
  return {
    id: r.id,
    projectId: r.project_id,
    budget: { id: r.budget_id, title: r.budget_title, currency: r.budget_currency },
    line: { id: r.budget_line_id, code: r.line_code ?? '', description: r.line_description ?? '' },
    expenseDate: r.expense_date,
    description: r.description,
    payee: r.payee,
    invoiceRef: r.invoice_ref,
    amount: { amountMinor: Number(r.amount_minor), currency: r.currency },
    exchangeRate: r.exchange_rate,
    rateSource: r.rate_source,
    rateDate: r.rate_date,
    amountBudget: { amountMinor: Number(r.amount_budget_minor), currency: r.budget_currency },
    status: r.status as ExpenditureStatus,
    approvalsRequired: r.approvals_required,
    submittedBy: person(r.submitted_by, r.submitted_by_name),
    submittedAt: r.submitted_at,
    firstApprovedBy: person(r.first_approved_by, r.first_approved_by_name),
    firstApprovedAt: r.first_approved_at,
    approvedBy: person(r.approved_by, r.approved_by_name),
    approvedAt: r.approved_at,
    rejectedBy: person(r.rejected_by, r.rejected_by_name),
    rejectedAt: r.rejected_at,
    rejectionReason: r.rejection_reason,
    attachment: r.attachment_name ? { fileName: r.attachment_name, contentType: r.attachment_type ?? '', sizeBytes: r.attachment_size ?? 0 } : null,
    version: r.version,
    ...rights,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** What the audit log keeps of an expenditure (never the receipt's bytes). */
export function auditableExpenditure(r: {
  budget_id: string; budget_line_id: string; expense_date: string; description: string; payee: string; invoice_ref: string; amount_minor: number;
  currency: string; exchange_rate: string; rate_source: string; rate_date: string | null; amount_budget_minor: number; status: string;
  approvals_required: number; version: number; attachment_name?: string | null; attachment_sha256?: string | null;
}) {
  return {
    budgetId: r.budget_id,
    budgetLineId: r.budget_line_id,
    expenseDate: r.expense_date,
    description: r.description,
    payee: r.payee,
    invoiceRef: r.invoice_ref,
    amountMinor: Number(r.amount_minor),
    currency: r.currency,
    exchangeRate: r.exchange_rate,
    rateSource: r.rate_source,
    rateDate: r.rate_date,
    amountBudgetMinor: Number(r.amount_budget_minor),
    status: r.status,
    approvalsRequired: r.approvals_required,
    version: r.version,
    attachmentName: r.attachment_name ?? null,
    attachmentSha256: r.attachment_sha256 ?? null,
  };
}
