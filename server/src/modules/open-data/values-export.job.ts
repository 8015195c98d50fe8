import { VALUES_EXPORT_JOB, type ValuesExportFormat, ValuesExportPayloadSchema } from '@shared/schemas/open-data.js';
import { registerJobHandler, type RunningJob } from '../jobs/jobs.service.js';
import { fill, OPEN_DATA_TEXTS } from './open-data.labels.js';
import { bufferSink, collect, CSV_MEDIA_TYPE, valuesCsvStream, writeValuesXlsx, XLSX_MEDIA_TYPE } from './values.files.js';
import { prepareValuesExport } from './values.rows.js';
import { valuesFileName, valuesPlan } from './values.service.js';

const EXTENSIONS: Record<ValuesExportFormat, string> = { xlsx: 'xlsx', csv: 'csv', hxl: 'hxl.csv' };

/**
 * The `values.export` job: a project's values as XLSX, CSV or HXL CSV, however many there are.
 * Access is decided again as the job's creator when it runs (a role taken away in between counts).
 * Rows are read page by page and streamed into the writer; only the finished (compressed) file is
 * held whole, because the job stores it in one piece. Progress: 1 % once counted, then by rows
 * written, every few thousand rows.
 */
export async function runValuesExport(job: RunningJob) {
  const payload = ValuesExportPayloadSchema.parse(job.payload);
  const t = OPEN_DATA_TEXTS[job.ctx.locale];
  const plan = await valuesPlan(job.ctx, payload.projectId, payload, 'body');
  const values = await prepareValuesExport(job.ctx.db, plan);
  await job.progress(0, t.progress.counting);
  const total = await values.count();
  const format = new Intl.NumberFormat(job.ctx.locale);
  await job.progress(1, fill(t.progress.writing, { done: format.format(0), total: format.format(total) }));
  const onProgress = (n: number) =>
    job.progress(Math.min(98, 1 + Math.floor((97 * n) / Math.max(total, 1))), fill(t.progress.writing, { done: format.format(n), total: format.format(total) }));

  let content: Buffer;
  if (payload.format === 'xlsx') {
    const { sink, done } = bufferSink();
    await writeValuesXlsx(values.rows(), sink, values.labels, onProgress);
    content = await done;
  } else {
    content = await collect(valuesCsvStream(values.rows(), values.labels, payload.format === 'hxl', onProgress));
  }
  await job.progress(99, t.progress.saving);
  return {
    result: { rows: total, format: payload.format },
    file: {
      fileName: valuesFileName(plan.projectCode, EXTENSIONS[payload.format], new Date().toISOString().slice(0, 10)),
      mediaType: payload.format === 'xlsx' ? XLSX_MEDIA_TYPE : CSV_MEDIA_TYPE,
      content,
    },
  };
}

registerJobHandler(VALUES_EXPORT_JOB, runValuesExport);
