import { once } from 'node:events';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { safeCell } from '../../lib/csv-safe.js';
import type { Cell, SheetLabels, ValueRow } from './values.columns.js';

/**
 * The values export written out: CSV (with or without the HXL hashtag row) and XLSX, both streamed
 * row by row. Text cells are neutralised against formula injection in both; numbers stay numbers.
 */

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8';

/** How often the writers report progress, in rows. */
export const PROGRESS_EVERY = 5000;
const YIELD_EVERY = 250;

const safe = (c: Cell): Cell => (typeof c === 'string' ? safeCell(c) : c);

/**
 * CSV in UTF-8 with a byte-order mark (so Excel reads accents and Arabic), quoted by csv-stringify,
 * CRLF line ends. `hxl`: the second line holds the hashtags. Rows are written as the consumer reads
 * them (back-pressure), so a large file never sits whole in memory.
 */
export function valuesCsvStream(rows: AsyncIterable<ValueRow>, labels: SheetLabels, hxl: boolean, onProgress?: (rows: number) => void | Promise<void>): Readable {
  const csv = stringify({ bom: true, record_delimiter: 'windows', cast: { number: (n) => String(n) } });
  void (async () => {
    try {
      const write = async (cells: readonly Cell[]) => {
        if (!csv.write(cells.map(safe))) await new Promise((resolve) => csv.once('drain', resolve));
      };
      await write(labels.headings);
      if (hxl) await write(labels.hashtags);
      let n = 0;
      for await (const row of rows) {
        await write(row);
        if (++n % PROGRESS_EVERY === 0) await onProgress?.(n);
      }
      csv.end();
    } catch (err) {
      csv.destroy(err as Error);
    }
  })();
  return csv;
}

/**
 * The rows as one worksheet, through ExcelJS's streaming writer: each row is committed (turned into
 * XML and zipped) as soon as it is added, and shared strings are off (they would keep every text in
 * memory). Styles are off too: resolving a style for every cell doubled the time, so the header rows
 * are plain, kept in view by a frozen pane instead of bold. First row: readable headings; second:
 * the HXL hashtags (HXL tools read tagged XLSX too). Returns how many value rows it wrote.
 */
export async function writeValuesXlsx(
  rows: AsyncIterable<ValueRow>,
  out: Writable,
  labels: SheetLabels,
  onProgress?: (rows: number) => void | Promise<void>,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(labels.sheet, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = labels.headings.map((h) => ({ width: Math.min(40, Math.max(10, h.length + 2)) }));
  sheet.addRow(labels.headings).commit();
  sheet.addRow(labels.hashtags).commit();
  let n = 0;
  for await (const row of rows) {
    sheet.addRow(row.map(safe)).commit();
    if (++n % PROGRESS_EVERY === 0) await onProgress?.(n);
    if (n % YIELD_EVERY === 0) await compressorCaughtUp(sheet);
  }
  sheet.commit();
  await workbook.commit();
  return n;
}

type ZipInput = Writable & { _writableState?: { needDrain: boolean } };

/**
 * Rows become XML at once but are compressed asynchronously, and ExcelJS hands the sheet's XML to
 * the zip without back-pressure (its StreamBuf ignores what write() answers). Unchecked, the whole
 * sheet's XML would pile up in memory while the compressor lags behind, so every few hundred rows
 * this waits until the zip entry's input has drained. Yielding also lets the server answer other
 * requests meanwhile.
 */
async function compressorCaughtUp(sheet: ExcelJS.Worksheet): Promise<void> {
  const buffer = (sheet as unknown as { stream?: { pipes?: ZipInput[] } }).stream;
  // The zip's input is a readable-stream 2 PassThrough (archiver's): its state has no public getter.
  for (const next of buffer?.pipes ?? []) if (next.writableNeedDrain ?? next._writableState?.needDrain) await once(next, 'drain');
  await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Everything a stream gives, as one buffer (the job stores its file whole). */
export function collect(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.once('end', () => resolve(Buffer.concat(chunks)));
    stream.once('error', reject);
  });
}

/** A writable whose bytes are collected; `done` resolves with them once it finishes. */
export function bufferSink(): { sink: PassThrough; done: Promise<Buffer> } {
  const sink = new PassThrough();
  return { sink, done: collect(sink) };
}
