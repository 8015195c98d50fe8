import type { PivotDefinition } from '@shared/schemas/monitoring.js';
import { nowIso } from '../../lib/clock.js';
import type { Ctx } from '../../lib/context.js';
import { pivotCsv } from './pivot.csv.js';
import { pivotSheet } from './pivot.lines.js';
import { computePivot } from './pivot.service.js';
import { pivotWorkbook } from './pivot.xlsx.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';

export interface PivotFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** The pivot the JSON route would answer, as a file: the same computation, so the same numbers. */
export async function exportPivot(ctx: Ctx, def: PivotDefinition, format: 'xlsx' | 'csv'): Promise<PivotFile> {
  const pivot = await computePivot(ctx, def);
  const sheet = pivotSheet(pivot, ctx.locale);
  const now = nowIso();
  const filename = `fieldbook-pivot-${now.slice(0, 10)}.${format}`;
  if (format === 'csv') return { filename, contentType: CSV_TYPE, content: pivotCsv(sheet, ctx.locale) };
  return { filename, contentType: XLSX_TYPE, content: await pivotWorkbook(pivot, sheet, ctx.locale, now) };
}
