import ExcelJS from 'exceljs';
import type { DetailInput } from '../../lib/errors.js';
import { type DataSheet, MAX_FILE_BYTES, MAX_ROWS_PER_SHEET, MAX_UNPACKED_BYTES, SHEET, SHEET_COLUMNS } from './framework-template.js';
import { type Plain, readCell } from './xlsx-cells.js';
import { checkZip } from './zip-guard.js';

/** One data row: its 1-based row number (the header is row 1) and its cells by column key; a column the file lacks is undefined. */
export interface RawRow {
  row: number;
  cells: Record<string, Plain | undefined>;
}
export type RawSheets = Record<DataSheet, RawRow[]>;

const normaliseHeader = (h: Plain) => (typeof h === 'string' ? h.trim().toLowerCase().replace(/[\s-]+/g, '_') : '');

/** Decodes and opens the file, then reads the three data sheets; every problem found is listed, none stops the others. */
export async function readWorkbook(base64: string): Promise<{ sheets: RawSheets; problems: DetailInput[] }> {
  const sheets: RawSheets = { [SHEET.results]: [], [SHEET.indicators]: [], [SHEET.targets]: [] };
  const buf = Buffer.from(base64, 'base64');
  if (buf.length === 0) return { sheets, problems: [{ reason: 'empty_file' }] };
  if (buf.length > MAX_FILE_BYTES) return { sheets, problems: [{ reason: 'file_too_large', params: { maximum: MAX_FILE_BYTES / 1024 / 1024 } }] };
  const zip = checkZip(buf, MAX_UNPACKED_BYTES);
  if (zip === 'not_zip') return { sheets, problems: [{ reason: 'unreadable_file', params: { format: 'XLSX' } }] };
  if (zip === 'too_large') return { sheets, problems: [{ reason: 'file_too_large', params: { maximum: MAX_FILE_BYTES / 1024 / 1024 } }] };

  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    return { sheets, problems: [{ reason: 'unreadable_file', params: { format: 'XLSX' } }] };
  }
  const problems: DetailInput[] = [];
  for (const name of [SHEET.results, SHEET.indicators, SHEET.targets] as const) {
    // Sheet names are matched without regard to case: "results" is the Results sheet.
    const ws = wb.worksheets.find((w) => w.name.trim().toLowerCase() === name.toLowerCase());
    if (!ws) {
      problems.push({ sheet: name, reason: 'missing_sheet', params: { sheet: name } });
      continue;
    }
    sheets[name] = readSheet(ws, name, problems);
  }
  return { sheets, problems };
}

function readSheet(ws: ExcelJS.Worksheet, sheet: DataSheet, problems: DetailInput[]): RawRow[] {
  if (ws.actualRowCount - 1 > MAX_ROWS_PER_SHEET) {
    problems.push({ sheet, reason: 'too_many_rows', params: { maximum: MAX_ROWS_PER_SHEET } });
    return [];
  }
  const columns = SHEET_COLUMNS[sheet];
  const known = new Set(columns.map((c) => c.key));
  const at = new Map<string, number>();
  ws.getRow(1).eachCell((cell, colNumber) => {
    const read = readCell(cell.value);
    const key = normaliseHeader(read.ok ? read.value : null);
    if (!known.has(key)) return; // extra columns (notes, helpers) are ignored
    if (at.has(key)) problems.push({ sheet, row: 1, column: key, reason: 'duplicate_column', params: { column: key } });
    else at.set(key, colNumber);
  });
  const missing = columns.filter((c) => c.required && !at.has(c.key));
  for (const c of missing) problems.push({ sheet, row: 1, column: c.key, reason: 'missing_column', params: { column: c.key } });
  if (missing.length) return [];

  const rows: RawRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: RawRow['cells'] = {};
    let filled = false;
    for (const c of columns) {
      const index = at.get(c.key);
      if (index === undefined) continue;
      const read = readCell(row.getCell(index).value);
      if (!read.ok) {
        problems.push({ sheet, row: rowNumber, column: c.key, reason: read.reason });
        cells[c.key] = null;
        filled = true;
        continue;
      }
      cells[c.key] = read.value;
      if (read.value !== null) filled = true;
    }
    if (filled) rows.push({ row: rowNumber, cells });
  });
  return rows;
}
