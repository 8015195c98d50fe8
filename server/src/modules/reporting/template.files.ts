import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Locale } from '@shared/locales.js';
import { RTL_LOCALES } from '@shared/locales.js';
import { safeCell } from '../../lib/csv-safe.js';
import { ABOUT_SHEET, INSTRUCTIONS_SHEET, VALUES_SHEET, VALUE_COLUMNS, type ValueColumn } from './import/columns.js';
import type { TemplateRow } from './template.rows.js';
import { TEMPLATE_TEXTS } from './template.texts.js';

const NUMBER_COLUMNS: ReadonlySet<ValueColumn> = new Set(['value', 'numerator', 'denominator']);
const WIDTHS: Record<ValueColumn, number> = {
  indicator_code: 16, indicator: 40, result: 30, location_pcode: 16, location: 24, disaggregation: 28, disaggregation_codes: 30,
  value: 14, numerator: 14, denominator: 14, text: 40, comment: 30,
};
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } } as const;

/** Text neutralised against formula injection; numbers stay numbers. */
const cellValue = (column: ValueColumn, v: string | number | null) => (v === null ? null : NUMBER_COLUMNS.has(column) ? v : safeCell(v));

/**
 * The package's values template, written with ExcelJS's streaming writer (a large package never sits
 * in memory as cell objects): the Values sheet, the Instructions in the reader's language, and a
 * hidden "about" sheet naming the package, so a template of another package is refused on import.
 */
export async function templateWorkbook(rows: Iterable<TemplateRow>, submissionId: string, locale: Locale): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Fieldbook';
  const texts = TEMPLATE_TEXTS[locale];
  const rtl = RTL_LOCALES.has(locale);

  const ws = wb.addWorksheet(VALUES_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0, rightToLeft: rtl }] });
  ws.columns = VALUE_COLUMNS.map((c) => ({ key: c, width: WIDTHS[c], style: NUMBER_COLUMNS.has(c) ? { numFmt: 'General' } : { numFmt: '@' } }));
  const header = ws.addRow([...VALUE_COLUMNS]);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  VALUE_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = HEADER_FILL;
    // The machine-read header stays English; the note says what the column holds in the reader's language.
    cell.note = texts.columns[c] ?? '';
  });
  header.commit();
  for (const r of rows) ws.addRow(VALUE_COLUMNS.map((c) => cellValue(c, r[c]))).commit();
  ws.commit();

  const help = wb.addWorksheet(INSTRUCTIONS_SHEET, { views: [{ rightToLeft: rtl }] });
  help.columns = [{ width: 26 }, { width: 100 }];
  const title = help.addRow([texts.title]);
  title.font = { bold: true, size: 14 };
  title.commit();
  for (const line of texts.intro) {
    const r = help.addRow([null, line]);
    r.alignment = { wrapText: true, vertical: 'top' };
    r.height = 48;
    r.commit();
  }
  help.addRow([]).commit();
  const h = help.addRow(texts.columnHeader);
  h.font = { bold: true };
  h.commit();
  for (const c of VALUE_COLUMNS) help.addRow([c, texts.columns[c] ?? '']).commit();
  help.commit();

  const about = wb.addWorksheet(ABOUT_SHEET, { state: 'hidden' });
  about.addRow(['submission_id', submissionId]).commit();
  about.commit();
  await wb.commit();
  await done;
  return Buffer.concat(parts);
}

const csvField = (v: string | number | null): string => {
  if (v === null) return '';
  const text = typeof v === 'number' ? String(v) : safeCell(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The same columns as CSV: UTF-8 with BOM (so Excel reads accents), comma-separated, text neutralised against formula injection. */
export function valuesCsv(rows: Iterable<TemplateRow>): Buffer {
  const lines = [`\uFEFF${VALUE_COLUMNS.join(',')}`];
  for (const r of rows) lines.push(VALUE_COLUMNS.map((c) => csvField(NUMBER_COLUMNS.has(c) ? r[c] : r[c] === null ? null : String(r[c]))).join(','));
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}
