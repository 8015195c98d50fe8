import { createHash } from 'node:crypto';
import { isLocale } from '@shared/locales.js';
import type { ReportFormat } from '@shared/schemas/reports.js';
import type { GeneratedReportFilesTable } from '../../db/schema.js';
import { nowIso } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import { registerJobHandler } from '../jobs/jobs.registry.js';
import type { RunningJob } from '../jobs/jobs.types.js';
import { loadTemplateVersion } from '../report-templates/report-templates.load.js';
import { renderInWorker } from './render-pool.js';
import { assembleReport } from './report-assembly.js';
import { periodSlug } from './report-period.js';
import { loadReportScope } from './reports.access.js';
import { reportFileName } from './reports.files.js';
import { scopeOf } from './reports.mapper.js';
import * as repo from './reports.repository.js';
import { REPORT_TEXTS } from './report.texts.js';
import { REPORT_JOB } from './reports.service.js';

/**
 * The background job that makes a report: assemble the document as the person who asked for it,
 * render it to DOCX, XLSX and PDF, and store the three files with the data they were made from.
 * The renderers run on a worker thread (render-pool.ts): seconds of CPU for a large report, which
 * on this thread would hold up every other request the server is answering.
 * The files, the report's status and its audit entry are written in the transaction that marks
 * the job done, so a report is never half stored.
 */

const RENDERERS: [ReportFormat, keyof (typeof REPORT_TEXTS)['en']['progress'], number][] = [
  ['docx', 'docx', 50],
  ['xlsx', 'xlsx', 70],
  ['pdf', 'pdf', 82],
];

async function generate(job: RunningJob) {
  const { reportId } = job.payload as { reportId: string };
  const db = job.ctx.db;
  const T = REPORT_TEXTS[job.ctx.locale].progress;
  const report = await repo.findReport(db, reportId);
  // Deleted while it waited: nothing to make.
  if (!report) throw new AppError('not_found');
  await repo.updateReport(db, reportId, { status: 'running' });
  await job.progress(5, T.loading);

  const [template, access, fy] = await Promise.all([
    loadTemplateVersion(db, report.template_id, report.template_version),
    loadReportScope(job.ctx, scopeOf(report), report.organisation_id),
    repo.fiscalYearStartOf(db, report.organisation_id),
  ]);
  if (!template) throw new AppError('not_found');
  const language = isLocale(report.language) ? report.language : 'en';
  const { document, data } = await assembleReport({
    ctx: job.ctx,
    scope: scopeOf(report),
    periodStart: report.period_start,
    periodEnd: report.period_end,
    language,
    sections: template.sections,
    templateName: template.template.name,
    title: report.title,
    organisationId: report.organisation_id,
    agreementId: report.agreement_id,
    generatedAt: nowIso(),
    onStep: (step) => job.progress(step === 'figures' ? 15 : 35, T[step]),
  });

  const files: GeneratedReportFilesTable[] = [];
  for (const [format, note, percent] of RENDERERS) {
    await job.progress(percent, T[note]);
    const content = await renderInWorker(format, document);
    files.push({
      report_id: reportId,
      format,
      file_name: reportFileName(access.code, periodSlug(report.period_start, report.period_end, fy), language, format),
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
    });
  }
  await job.progress(95, T.saving);
  return {
    result: { reportId, untranslatedCount: data.untranslatedCount },
    commit: async (tx: typeof job.ctx) => {
      // A runner that died after rendering leaves nothing behind, but be sure a retry starts clean.
      await repo.deleteFiles(tx.db, reportId);
      await repo.insertFiles(tx.db, files);
      await repo.updateReport(tx.db, reportId, { status: 'done', data_json: JSON.stringify(data), finished_at: nowIso() });
      await recordAudit(tx, {
        action: 'report.generated', entityType: 'generated_report', entityId: reportId, organisationId: report.organisation_id,
        after: { files: files.map((f) => ({ format: f.format, fileName: f.file_name, size: f.size, sha256: f.sha256 })), untranslatedCount: data.untranslatedCount },
      });
    },
  };
}

registerJobHandler(REPORT_JOB, generate, {
  onFailed: async (tx, job) => {
    const { reportId } = job.payload as { reportId: string };
    await repo.updateReport(tx.db, reportId, { status: 'failed', finished_at: nowIso() });
  },
});
