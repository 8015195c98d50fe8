import type { Ctx } from '../../lib/context.js';
import { loadPackageFrame } from './import/package-frame.js';
import { packageValues } from './import/package-frame.repository.js';
import { loadSubmission } from './reporting-access.js';
import { templateWorkbook, valuesCsv } from './template.files.js';
import { templateRows } from './template.rows.js';

export interface Download {
  filename: string;
  content: Buffer;
}

async function rowsOf(ctx: Ctx, submissionId: string) {
  const { submission } = await loadSubmission(ctx, submissionId);
  const frame = await loadPackageFrame(ctx.db, submission, ctx.locale);
  const values = await packageValues(ctx.db, submission.id);
  const name = `values-${submission.round_period_key}-${submission.id.slice(0, 8)}`.replace(/[^A-Za-z0-9._-]+/g, '_');
  return { rows: templateRows(frame, values), name, submission };
}

/** The package's values template (XLSX), pre-filled with the current values, for anyone who may see the package. */
export async function valuesTemplate(ctx: Ctx, submissionId: string): Promise<Download> {
  const { rows, name, submission } = await rowsOf(ctx, submissionId);
  return { filename: `${name}.xlsx`, content: await templateWorkbook(rows, submission.id, ctx.locale) };
}

/** The same rows as CSV. */
export async function valuesCsvExport(ctx: Ctx, submissionId: string): Promise<Download> {
  const { rows, name } = await rowsOf(ctx, submissionId);
  return { filename: `${name}.csv`, content: valuesCsv(rows) };
}
