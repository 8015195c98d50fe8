import type { Job } from '@shared/schemas/jobs.js';
import type { Locale } from '@shared/locales.js';
import type { GeneratedReport, ReportFormat, ReportScope } from '@shared/schemas/reports.js';
import { REPORT_FORMATS } from '@shared/schemas/reports.js';
import { reportFileUrl } from './reports.files.js';
import type { ReportListRow, ReportRow } from './reports.repository.js';

export const scopeOf = (r: Pick<ReportRow, 'scope_type' | 'scope_id'>): ReportScope => ({ type: r.scope_type as ReportScope['type'], id: r.scope_id });

export interface ReportExtras {
  scopeName: string;
  job: Job | null;
  files: { format: string; file_name: string; size: number }[];
}

const formatRank = (f: string) => REPORT_FORMATS.indexOf(f as ReportFormat);

export const toGeneratedReport = (r: ReportListRow, x: ReportExtras): GeneratedReport => ({
  id: r.id,
  scope: scopeOf(r),
  scopeName: x.scopeName,
  title: r.title,
  templateId: r.template_id,
  templateName: r.template_name,
  templateVersion: r.template_version,
  agreementId: r.agreement_id,
  agreementNumber: r.agreement_number,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  language: r.language as Locale,
  status: r.status as GeneratedReport['status'],
  job: x.job,
  files: [...x.files]
    .sort((a, b) => formatRank(a.format) - formatRank(b.format))
    .map((f) => ({ format: f.format as ReportFormat, fileName: f.file_name, size: Number(f.size), downloadUrl: reportFileUrl(r.id, f.format as ReportFormat) })),
  // Counted when the report was made; kept in the job's result.
  untranslatedCount: Number(x.job?.result?.untranslatedCount ?? 0),
  regeneratedFrom: r.regenerated_from,
  createdByName: r.created_by_name,
  createdAt: r.created_at,
  finishedAt: r.finished_at,
});

/** What the audit log keeps of a report: what it was made from, not its figures. */
export const auditableReport = (r: Pick<ReportRow, 'scope_type' | 'scope_id' | 'template_id' | 'template_version' | 'agreement_id' | 'period_start' | 'period_end' | 'language' | 'title' | 'regenerated_from'>) => ({
  scope: scopeOf(r),
  templateId: r.template_id,
  templateVersion: r.template_version,
  agreementId: r.agreement_id,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  language: r.language,
  title: r.title,
  regeneratedFrom: r.regenerated_from,
});
