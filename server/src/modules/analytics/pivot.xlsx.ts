import ExcelJS from 'exceljs';
import type { Locale } from '@shared/locales.js';
import { RTL_LOCALES } from '@shared/locales.js';
import { safeCell } from '../../lib/csv-safe.js';
import { writeCell } from '../framework-io/xlsx-cells.js';
import { fill, PIVOT_TEXTS } from './pivot.labels.js';
import type { PivotSheet, SheetValue } from './pivot.lines.js';
import type { ComputedPivot } from './pivot.service.js';

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } } as const;
const HEADER_FONT = { bold: true, color: { argb: 'FFFFFFFF' } } as const;
const SUBTOTAL_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } } as const;

/** Percentages are stored 0–100, so the % sign is a literal: 45 shows as 45%, and the cell still holds 45 (as in the indicator plan). */
export function numberFormat(type: string | null, v: number): string {
  const digits = Number.isInteger(v) ? '#,##0' : '#,##0.0#';
  return type === 'percentage' ? `${digits}"%"` : digits;
}

/**
 * The pivot as a workbook: title lines, one header row per column dimension (members merged over
 * the columns they span) and a row naming the row dimensions, then the table with its figures as
 * numbers, subtotal lines in bold and the totals line and column. Text cells are user text, so
 * always plain strings made safe against formula injection; no cell is ever a formula.
 */
export async function pivotWorkbook(p: ComputedPivot, sheet: PivotSheet, locale: Locale, generatedAt: string): Promise<Buffer> {
  const t = PIVOT_TEXTS[locale];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fieldbook';
  const ws = wb.addWorksheet(t.sheet);
  const labelCount = sheet.labelHeadings.length;
  const valueCount = sheet.columnHeaders[0]!.labels.length + (sheet.totalColumn ? 1 : 0);
  ws.columns = [...Array(labelCount).fill({ width: 30 }), ...Array(valueCount).fill({ width: 14 })] as { width: number }[];

  const text = (row: number, col: number, v: string) => writeCell(ws.getCell(row, col), safeCell(v));
  text(1, 1, t.title);
  ws.getRow(1).font = { bold: true, size: 14 };
  text(2, 1, fill(t.indicators, { list: p.result.indicators.map((i) => `${i.code} ${i.name}`).join('; ') }));
  text(3, 1, fill(t.generated, { date: `${generatedAt.slice(0, 16).replace('T', ' ')} UTC` }));
  if (p.result.includesPending) text(4, 1, t.pending);

  // Header rows: one per column dimension, then the row dimensions' headings.
  const first = 6;
  const headerRows = sheet.columnHeaders.length + 1;
  sheet.columnHeaders.forEach((h, k) => {
    const row = first + k;
    text(row, labelCount, h.heading);
    h.labels.forEach((label, j) => text(row, labelCount + 1 + j, label));
    // Outer dimensions: one merged cell over the run of columns under the same members.
    if (k === sheet.columnHeaders.length - 1) return;
    const prefix = (j: number) => sheet.columnHeaders.slice(0, k + 1).map((outer) => outer.labels[j]).join('\u0001');
    let start = 0;
    for (let j = 1; j <= h.labels.length; j++) {
      if (j < h.labels.length && prefix(j) === prefix(start)) continue;
      if (j - 1 > start) ws.mergeCells(row, labelCount + 1 + start, row, labelCount + j);
      start = j;
    }
  });
  const headingRow = first + headerRows - 1;
  sheet.labelHeadings.forEach((h, i) => text(headingRow, i + 1, h));
  if (sheet.totalColumn) {
    const col = labelCount + valueCount;
    text(first, col, t.total);
    if (headerRows > 1) ws.mergeCells(first, col, headingRow, col);
  }
  for (let r = first; r <= headingRow; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= labelCount + valueCount; c++) {
      row.getCell(c).fill = HEADER_FILL;
      row.getCell(c).font = HEADER_FONT;
    }
    row.alignment = { vertical: 'middle', wrapText: true };
  }

  sheet.lines.forEach((line, n) => {
    const row = ws.getRow(headingRow + 1 + n);
    const bold = line.kind !== 'data';
    line.labels.forEach((label, i) => {
      text(row.number, i + 1, label);
      if (bold) row.getCell(i + 1).font = { bold };
    });
    line.values.forEach((v, j) => writeValue(row.getCell(labelCount + 1 + j), v, bold));
    for (let c = 1; c <= labelCount + valueCount; c++) {
      if (line.kind === 'subtotal') row.getCell(c).fill = SUBTOTAL_FILL;
      if (line.kind === 'total') row.getCell(c).border = { top: { style: 'thin' } };
    }
  });
  ws.views = [{ state: 'frozen', xSplit: labelCount, ySplit: headingRow, rightToLeft: RTL_LOCALES.has(locale) }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function writeValue(cell: ExcelJS.Cell, v: SheetValue, bold: boolean) {
  const value = v.figure?.value ?? null;
  writeCell(cell, value);
  // A figure that counts a package not yet approved is shown in italics, as the title line says.
  if (bold || v.figure?.pending) cell.font = { bold, italic: !!v.figure?.pending };
  if (value !== null) cell.numFmt = numberFormat(v.type, value);
}
