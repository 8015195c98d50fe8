import type { GenerateReport, GeneratedReport, ReportFormat } from '@shared/schemas/reports.js';
import type { z } from 'zod';
import type { ReportHistoryQuery } from '@shared/schemas/reports.js';
import { nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { authorise, hasRole, organisationChain } from '../access/access.policy.js';
import { recordAudit } from '../audit/audit.repository.js';
import { enqueueJob, jobViews } from '../jobs/jobs.service.js';
import { loadTemplateVersion } from '../report-templates/report-templates.load.js';
import { getAgreement } from '../agreements/agreements.service.js';
import { periodKeyOf } from './report-period.js';
import { loadReportScope, READERS, type ReportScopeAccess } from './reports.access.js';
import { readReportFile } from './reports.files.js';
import { auditableReport, scopeOf, toGeneratedReport } from './reports.mapper.js';
import * as repo from './reports.repository.js';

/**
 * Donor reports: a manager asks for one (a template version applied to a scope, a period and a
 * language); the report is recorded as queued with a background job that assembles and renders it
 * (reports.job.ts). Readers list, open and download reports; managers regenerate and delete them.
 */
export const REPORT_JOB = 'report.generate';

interface NewReport {
  access: ReportScopeAccess;
  templateId: string;
  templateVersion: number;
  templateName: string;
  agreementId: string | null;
  periodStart: string;
  periodEnd: string;
  language: string;
  regeneratedFrom: string | null;
}

async function present(ctx: Ctx, rows: repo.ReportListRow[], scopeName: (r: repo.ReportListRow) => string): Promise<GeneratedReport[]> {
  const [jobs, files] = await Promise.all([
    jobViews(ctx, rows.flatMap((r) => (r.job_id ? [r.job_id] : []))),
    repo.filesOf(ctx.db, rows.map((r) => r.id)),
  ]);
  return rows.map((r) =>
    toGeneratedReport(r, { scopeName: scopeName(r), job: r.job_id ? (jobs.get(r.job_id) ?? null) : null, files: files.filter((f) => f.report_id === r.id) }),
  );
}

/** "Quarterly performance report — CLM-KOL-01 — 2026-Q3" */
async function titleOf(ctx: Ctx, r: NewReport): Promise<string> {
  const fy = await repo.fiscalYearStartOf(ctx.db, r.access.fyOrganisationId);
  const period = periodKeyOf(r.periodStart, r.periodEnd, fy) ?? `${r.periodStart} – ${r.periodEnd}`;
  return `${r.templateName} — ${r.access.code} — ${period}`;
}

async function createReport(ctx: Ctx, r: NewReport, action: 'report.generate' | 'report.regenerate'): Promise<GeneratedReport> {
  const title = await titleOf(ctx, r);
  const id = newId();
  const row = await inTransaction(ctx, async (tx) => {
    const jobId = await enqueueJob(tx, { kind: REPORT_JOB, payload: { reportId: id }, organisationId: r.access.organisationId });
    const row: repo.ReportRow = {
      id, scope_type: r.access.scope.type, scope_id: r.access.scope.id, organisation_id: r.access.organisationId, template_id: r.templateId,
      template_version: r.templateVersion, agreement_id: r.agreementId, period_start: r.periodStart, period_end: r.periodEnd, language: r.language,
      title, status: 'queued', job_id: jobId, data_json: null, regenerated_from: r.regeneratedFrom, created_by: ctx.actor.userId, created_at: nowIso(),
      finished_at: null,
    };
    await repo.insertReport(tx.db, row);
    await recordAudit(tx, { action, entityType: 'generated_report', entityId: id, organisationId: r.access.organisationId, after: auditableReport(row) });
    return row;
  });
  const stored = (await repo.findReport(ctx.db, row.id))!;
  return (await present(ctx, [stored], () => r.access.name))[0]!;
}

/** Queues a report: only the scope's managers, with a template of the scope's organisation (or, for a project, of an organisation taking part). */
export async function generateReport(ctx: Ctx, body: GenerateReport): Promise<GeneratedReport> {
  const access = await loadReportScope(ctx, body.scope);
  authorise(true, access.canManage);
  const owner = await repo.findTemplateOwner(ctx.db, body.templateId);
  const template = owner && owner.archived === 0 && access.templateOrganisationIds.includes(owner.organisation_id) ? await loadTemplateVersion(ctx.db, owner.id) : null;
  if (!template) throw invalid({ field: 'body.templateId', reason: 'unknown_reference' });
  if (body.agreementId) {
    const agreement = await getAgreement(ctx.db, body.agreementId);
    if (!agreement || body.scope.type !== 'project' || agreement.projectId !== body.scope.id) throw invalid({ field: 'body.agreementId', reason: 'unknown_reference' });
  }
  return createReport(
    ctx,
    {
      access, templateId: template.template.id, templateVersion: template.version, templateName: template.template.name, agreementId: body.agreementId,
      periodStart: body.periodStart, periodEnd: body.periodEnd, language: body.language, regeneratedFrom: null,
    },
    'report.generate',
  );
}

/** A report the reader may read, with the rights on its scope; 404 otherwise. */
async function loadReadable(ctx: Ctx, id: string) {
  const row = await repo.findReport(ctx.db, id);
  if (!row) throw notFound();
  const access = await loadReportScope(ctx, scopeOf(row), row.organisation_id);
  // Seeing the project or programme without the right to read its reports is 403, as for the list.
  // A country report belongs to one organisation; the list hides other organisations' ones, so does this.
  if (row.scope_type === 'country') authorise(access.canRead, true);
  else authorise(true, access.canRead);
  return { row, access };
}

export async function listReports(ctx: Ctx, q: z.infer<typeof ReportHistoryQuery>): Promise<{ items: GeneratedReport[] }> {
  if (q.scopeType === 'country' && !/^[A-Z]{3}$/.test(q.scopeId)) throw notFound();
  const access = await loadReportScope(ctx, { type: q.scopeType, id: q.scopeId } as Parameters<typeof loadReportScope>[1]);
  authorise(true, access.canRead);
  let rows = await repo.listReports(ctx.db, q.scopeType, q.scopeId);
  // A country's reports belong to organisations: each reader sees those of the organisations they read for.
  if (q.scopeType === 'country') rows = rows.filter((r) => hasRole(ctx.actor, READERS, organisationChain(r.organisation_id)));
  return { items: await present(ctx, rows, () => access.name) };
}

export async function getReport(ctx: Ctx, id: string): Promise<GeneratedReport> {
  const { row, access } = await loadReadable(ctx, id);
  return (await present(ctx, [row], () => access.name))[0]!;
}

/** A report's file as a download; every download is audited. */
export async function downloadReport(ctx: Ctx, id: string, format: ReportFormat) {
  const { row } = await loadReadable(ctx, id);
  const file = await readReportFile(ctx.db, id, format);
  if (!file) throw notFound();
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, { action: 'report.downloaded', entityType: 'generated_report', entityId: id, organisationId: row.organisation_id, after: { format, fileName: file.fileName, sha256: file.sha256 } }),
  );
  return file;
}

/** The same template version, scope, period, language and agreement again, as a new report that names the one it remakes. */
export async function regenerateReport(ctx: Ctx, id: string): Promise<GeneratedReport> {
  const { row, access } = await loadReadable(ctx, id);
  authorise(true, access.canManage);
  return createReport(
    ctx,
    {
      access, templateId: row.template_id, templateVersion: row.template_version, templateName: row.template_name, agreementId: row.agreement_id,
      periodStart: row.period_start, periodEnd: row.period_end, language: row.language, regeneratedFrom: row.id,
    },
    'report.regenerate',
  );
}

export async function deleteReport(ctx: Ctx, id: string): Promise<void> {
  const { row, access } = await loadReadable(ctx, id);
  authorise(true, access.canManage);
  await inTransaction(ctx, async (tx) => {
    await repo.deleteReport(tx.db, id);
    await recordAudit(tx, { action: 'report.delete', entityType: 'generated_report', entityId: id, organisationId: row.organisation_id, before: auditableReport(row) });
  });
}
