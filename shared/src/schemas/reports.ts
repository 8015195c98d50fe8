import { z } from 'zod';
import { LOCALES } from '../locales.js';
import { IdSchema, IsoDateSchema, TimestampSchema } from './common.js';
import { JobSchema } from './jobs.js';

/**
 * Generated donor reports (issue 6): a template version applied to a project (or a programme or
 * country, consolidated) for a period, in one language, rendered to DOCX, XLSX and PDF, stored with
 * the data it used, listed in the report history and regenerable.
 */
export const REPORT_FORMATS = ['docx', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_SCOPE_TYPES = ['project', 'programme', 'country'] as const;
export type ReportScopeType = (typeof REPORT_SCOPE_TYPES)[number];

export const ReportScopeSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('project'), id: IdSchema }),
  z.strictObject({ type: z.literal('programme'), id: IdSchema }),
  /** ISO 3166-1 alpha-3, consolidated over the reader's projects in that country. */
  z.strictObject({ type: z.literal('country'), id: z.string().regex(/^[A-Z]{3}$/) }),
]);
export type ReportScope = z.infer<typeof ReportScopeSchema>;

export const GenerateReportSchema = z
  .strictObject({
    scope: ReportScopeSchema,
    templateId: IdSchema,
    periodStart: IsoDateSchema,
    periodEnd: IsoDateSchema,
    language: z.enum(LOCALES),
    /** The agreement whose number and donor go on the cover (a project's own agreement). */
    agreementId: IdSchema.nullable().default(null),
  })
  .refine((r) => r.periodStart <= r.periodEnd, { message: 'period_end_before_start', path: ['periodEnd'] });
export type GenerateReport = z.infer<typeof GenerateReportSchema>;

export const REPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

export const ReportFileSchema = z.object({
  format: z.enum(REPORT_FORMATS),
  fileName: z.string(),
  size: z.number().int(),
  downloadUrl: z.string(),
});

export const GeneratedReportSchema = z.object({
  id: IdSchema,
  scope: ReportScopeSchema,
  scopeName: z.string(),
  title: z.string(),
  templateId: IdSchema,
  templateName: z.string(),
  templateVersion: z.number().int(),
  agreementId: IdSchema.nullable(),
  agreementNumber: z.string().nullable(),
  periodStart: IsoDateSchema,
  periodEnd: IsoDateSchema,
  language: z.enum(LOCALES),
  status: z.enum(REPORT_STATUSES),
  job: JobSchema.nullable(),
  files: z.array(ReportFileSchema),
  /** Passages printed in another language than the report's because no approved translation exists. */
  untranslatedCount: z.number().int(),
  regeneratedFrom: IdSchema.nullable(),
  createdByName: z.string().nullable(),
  createdAt: TimestampSchema,
  finishedAt: TimestampSchema.nullable(),
});
export type GeneratedReport = z.infer<typeof GeneratedReportSchema>;

export const ReportHistoryQuery = z.object({
  scopeType: z.enum(REPORT_SCOPE_TYPES),
  scopeId: z.string().min(1).max(64),
});
