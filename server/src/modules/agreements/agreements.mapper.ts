import type { Locale } from '@shared/locales.js';
import type { Agreement, ReportCalendarItem, ReportDue, ReportFrequency } from '@shared/schemas/agreements.js';
import type { AgreementsTable } from '../../db/schema.js';
import type { AgreementRow, FinishedReport } from './agreements.repository.js';
import { covers, dueStatus, type ReportPeriod, reportPeriods } from './report-periods.js';

export const termsOf = (r: AgreementRow) => ({
  startDate: r.start_date,
  endDate: r.end_date,
  frequency: r.report_frequency as ReportFrequency,
  dueDays: r.report_due_days,
});

/** A period with its status: the latest finished report of the agreement that covers it, if any. */
export function toReportDue(p: ReportPeriod, reports: FinishedReport[], today: string): ReportDue {
  const report = reports.find((r) => covers({ periodStart: r.period_start, periodEnd: r.period_end }, p));
  return {
    periodKey: p.key,
    periodStart: p.start,
    periodEnd: p.end,
    dueDate: p.dueDate,
    status: dueStatus(p.dueDate, today, !!report),
    report: report ? { id: report.id, generatedAt: report.generated_at } : null,
  };
}

/** `reports`: this agreement's finished reports, latest first. */
export function toAgreement(r: AgreementRow, reports: FinishedReport[], today: string): Agreement {
  const due = reportPeriods(termsOf(r), r.fy_start_month).map((p) => toReportDue(p, reports, today));
  return {
    id: r.id,
    projectId: r.project_id,
    donor: { id: r.donor_organisation_id, name: r.donor_name, acronym: r.donor_acronym },
    agreementNumber: r.agreement_number,
    title: r.title,
    startDate: r.start_date,
    endDate: r.end_date,
    reportFrequency: r.report_frequency as ReportFrequency,
    reportDueDays: r.report_due_days,
    templateId: r.template_id,
    templateName: r.template_name,
    reportLanguage: r.report_language as Locale,
    nextReport: due.find((d) => d.status !== 'submitted') ?? null,
    overdueCount: due.filter((d) => d.status === 'overdue').length,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export const toCalendarItem = (r: AgreementRow, due: ReportDue, canManage: boolean): ReportCalendarItem => ({
  ...due,
  agreementId: r.id,
  agreementNumber: r.agreement_number,
  agreementTitle: r.title,
  reportFrequency: r.report_frequency as ReportFrequency,
  donor: { id: r.donor_organisation_id, name: r.donor_name, acronym: r.donor_acronym },
  project: { id: r.project_id, code: r.project_code, title: r.project_title },
  canManage,
});

/** What the audit log keeps of an agreement: its stored facts, without display names. */
export const auditableAgreement = (r: AgreementsTable) => ({
  projectId: r.project_id,
  donorOrganisationId: r.donor_organisation_id,
  agreementNumber: r.agreement_number,
  title: r.title,
  startDate: r.start_date,
  endDate: r.end_date,
  reportFrequency: r.report_frequency,
  reportDueDays: r.report_due_days,
  templateId: r.template_id,
  reportLanguage: r.report_language,
});
