import type { BudgetCategory, BudgetPeriodType, BudgetSummary, BudgetVersion, BudgetVersionStatus } from '@shared/schemas/budgets.js';
import type { BudgetRow, VersionRow } from './budgets.repository.js';

type AgreementRef = { id: string; agreement_number: string; title: string };

export const toAgreementRef = (a: AgreementRef) => ({ id: a.id, agreementNumber: a.agreement_number, title: a.title });

export function toVersion(v: VersionRow, currentVersion: number | null, totalMinor: number): BudgetVersion {
  return {
    id: v.id,
    number: v.number,
    kind: v.number === 1 ? 'original' : 'revision',
    status: v.status as BudgetVersionStatus,
    inForce: currentVersion === v.number,
    reason: v.reason,
    submittedBy: v.submitted_by ? { id: v.submitted_by, name: v.submitted_by_name ?? '' } : null,
    submittedAt: v.submitted_at,
    decidedBy: v.decided_by ? { id: v.decided_by, name: v.decided_by_name ?? '' } : null,
    decidedAt: v.decided_at,
    decisionNote: v.decision_note,
    changeRequestId: v.change_request_id,
    totalMinor,
    version: v.version,
    createdAt: v.created_at,
  };
}

export function toSummary(b: Omit<BudgetRow, 'fy_start_month'>, versions: VersionRow[], totals: Map<string, number>, agreements: AgreementRef[]): BudgetSummary {
  const own = versions.filter((v) => v.budget_id === b.id);
  const latest = own[own.length - 1]!;
  const shown = own.find((v) => v.number === b.current_version) ?? latest;
  const agreement = agreements.find((a) => a.id === b.agreement_id);
  return {
    id: b.id,
    projectId: b.project_id,
    agreement: agreement ? toAgreementRef(agreement) : null,
    title: b.title,
    currency: b.currency,
    startDate: b.start_date,
    endDate: b.end_date,
    periodType: b.period_type as BudgetPeriodType,
    secondApprovalThresholdMinor: b.second_approval_threshold_minor,
    varianceThresholdPct: b.variance_threshold_pct,
    currentVersion: b.current_version,
    totalMinor: totals.get(shown.id) ?? 0,
    latestVersion: { id: latest.id, number: latest.number, status: latest.status as BudgetVersionStatus },
    version: b.version,
    createdAt: b.created_at,
    updatedAt: b.updated_at,
  };
}

/** What the audit log keeps of a budget's settings. */
export const auditableBudget = (b: Omit<BudgetRow, 'fy_start_month'>) => ({
  title: b.title,
  currency: b.currency,
  startDate: b.start_date,
  endDate: b.end_date,
  periodType: b.period_type,
  agreementId: b.agreement_id,
  secondApprovalThresholdMinor: b.second_approval_threshold_minor,
  varianceThresholdPct: b.variance_threshold_pct,
});

export const asCategory = (c: string) => c as BudgetCategory;
