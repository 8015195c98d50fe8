import type { ReportFormat } from '@shared/schemas/reports.js';
import type { Database } from '../../db/database.js';
import * as repo from './reports.repository.js';

export const REPORT_MEDIA_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** A name any file system and any Content-Disposition reader accepts (letters, digits, dot, dash, underscore). */
const safeName = (text: string) => text.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'report';

/** e.g. CLM-KOL-01_2026-Q3_report_en.docx */
export const reportFileName = (code: string, periodSlug: string, language: string, format: ReportFormat) =>
  `${safeName(code)}_${safeName(periodSlug)}_report_${language}.${format}`;

export const reportFileUrl = (reportId: string, format: ReportFormat) => `/api/reports/${reportId}/files/${format}`;

/**
 * A generated report's file, or null when the report or that file does not exist. No access check
 * and no audit: the caller decides who may have it and records the access (the report routes, a
 * share link).
 */
export async function readReportFile(
  db: Database,
  reportId: string,
  format: ReportFormat,
): Promise<{ fileName: string; mediaType: string; content: Buffer; size: number; sha256: string } | null> {
  const file = await repo.findFile(db, reportId, format);
  if (!file) return null;
  return { fileName: file.file_name, mediaType: REPORT_MEDIA_TYPES[format], content: Buffer.from(file.content), size: Number(file.size), sha256: file.sha256 };
}
