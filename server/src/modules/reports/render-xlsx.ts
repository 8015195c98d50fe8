import ExcelJS from 'exceljs';
import type { Cell } from 'exceljs';
import { safeCell } from '../../lib/csv-safe.js';
import type { ReportBlock, ReportDocument, TableBlock } from './document.types.js';
import { cleanText, headerGroupCells, isSpanningLevelRow, labelColumn, untranslatedMarker, untranslatedSections } from './render-common.js';

/**
 * A ReportDocument as a workbook: a first sheet with the cover and the narrative, then one sheet per table with
 * its numbers stored as numbers (formatted, never as text), so a donor can re-use the figures. Nothing is ever a
 * formula: text goes in as plain strings, and text that a spreadsheet would read as one is neutralised.
 */

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } } as const;
const LEVEL_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } } as const;
const GREY = { argb: 'FF767676' };
const THIN = { style: 'thin', color: { argb: 'FFBFBFBF' } } as const;
const BORDER = { top: THIN, bottom: THIN, left: THIN, right: THIN };
const NUMBER_FORMATS = { integer: '#,##0', decimal: '#,##0.0#', percent: '0.0" %"' };
const SUMMARY_TEXT_WIDTH = 100;

/** Plain text for a cell: cleaned of characters XML cannot hold and neutralised against formulas. */
const text = (value: string) => safeCell(cleanText(value));

/**
 * Sheet names Excel accepts: without []:*?/\, not starting or ending with an apostrophe, at most 31 characters,
 * unique regardless of case.
 */
export function uniqueSheetName(wanted: string, taken: Set<string>, fallback: string): string {
  const base = cleanText(wanted).replace(/[[\]:*?/\\\n\t]/g, ' ').replace(/\s+/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31).trim() || fallback;
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()) || name.toLowerCase() === 'history'; n++) {
    const suffix = ` (${n})`;
    name = `${base.slice(0, 31 - suffix.length).trim()}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
}

/** Excel does not grow a wrapped row when it opens a file: the height is estimated from the text's length. */
function wrappedHeight(value: string, width: number): number {
  const lines = value.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / (width * 1.1))), 0);
  return Math.max(15, lines * 15);
}

function summarySheet(wb: ExcelJS.Workbook, doc: ReportDocument, name: string, tableSheets: Map<TableBlock, string>) {
  const rtl = doc.direction === 'rtl';
  const ws = wb.addWorksheet(name, { views: [{ rightToLeft: rtl, showGridLines: false }] });
  ws.columns = [{ width: 30 }, { width: SUMMARY_TEXT_WIDTH }];
  const alignment = { wrapText: true, vertical: 'top', horizontal: rtl ? 'right' : 'left', readingOrder: rtl ? 'rtl' : 'ltr' } as const;
  const add = (a: string | null, b: string | null, font: Partial<ExcelJS.Font> = {}) => {
    const row = ws.addRow([a === null ? null : text(a), b === null ? null : text(b)]);
    row.font = font;
    row.alignment = alignment;
    if (b) row.height = wrappedHeight(cleanText(b), SUMMARY_TEXT_WIDTH);
    return row;
  };

  add(doc.cover?.title ?? doc.title, null, { bold: true, size: 16 });
  if (doc.cover) {
    add(doc.cover.subtitle, null, { size: 12 });
    ws.addRow([]);
    for (const line of doc.cover.lines) add(line.label, line.value).getCell(1).font = { bold: true };
    if (doc.cover.statement) add(null, doc.cover.statement, { italic: true, color: GREY });
  }
  const blockRow = (block: ReportBlock) => {
    switch (block.type) {
      case 'heading':
        add(null, block.text, { bold: true, size: block.level === 2 ? 12 : 11 });
        break;
      case 'paragraph':
        if (block.style === 'untranslated') add(null, `${untranslatedMarker(block.language)} ${block.text}`, { italic: true, color: GREY });
        else add(null, block.text, block.style === 'fixed' ? { italic: true } : block.style === 'note' ? { size: 9, color: GREY } : {});
        break;
      case 'bullets':
        for (const item of block.items) add(null, `• ${item}`);
        break;
      case 'table':
        // The table is on its own sheet; the summary names it.
        add(null, `${block.caption ?? block.sheetName} → ${tableSheets.get(block) ?? ''}`, { color: { argb: 'FF1F4E79' } });
        break;
    }
  };
  for (const section of doc.sections) {
    ws.addRow([]);
    add(section.title, null, { bold: true, size: 13, color: { argb: 'FF1F4E79' } });
    section.blocks.forEach(blockRow);
  }
  const untranslated = untranslatedSections(doc);
  if (untranslated.length > 0) {
    ws.addRow([]);
    add(doc.labels.untranslated, untranslated.join('\n'), { italic: true });
  }
}

function tableSheet(wb: ExcelJS.Workbook, doc: ReportDocument, table: TableBlock, name: string) {
  const rtl = doc.direction === 'rtl';
  const n = table.columns.length;
  const ws = wb.addWorksheet(name);
  const title = ws.addRow([text(table.caption ?? table.sheetName)]);
  title.font = { bold: true, size: 13 };
  ws.addRow([]);

  const styleHeader = (cells: Cell[]) => {
    for (const cell of cells) {
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.border = BORDER;
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    }
  };
  if (table.headerGroups?.length) {
    const groups = headerGroupCells(table.headerGroups, n);
    const row = ws.addRow(groups.flatMap((g) => [text(g.label), ...Array<null>(g.span - 1).fill(null)]));
    let col = 1;
    for (const g of groups) {
      if (g.span > 1) ws.mergeCells(row.number, col, row.number, col + g.span - 1);
      col += g.span;
    }
    styleHeader(Array.from({ length: n }, (_, i) => row.getCell(i + 1)));
  }
  const header = ws.addRow(table.columns.map((c) => text(c.label)));
  styleHeader(Array.from({ length: n }, (_, i) => header.getCell(i + 1)));
  header.height = 30;

  const label = labelColumn(table.columns);
  const widths = table.columns.map((c) => Math.min(14, Math.max(8, cleanText(c.label).length + 2)));
  for (const r of table.rows) {
    const spanning = isSpanningLevelRow(r.cells, r.emphasis);
    const row = ws.addRow(
      table.columns.map((c, i) => {
        const v = r.cells[i] ?? null;
        if (v === null) return null;
        if (typeof v === 'number') return Number.isFinite(v) ? v : null;
        const value = r.pending && i === label ? `${v} ${doc.labels.pendingMark}` : v;
        if (c.kind === 'text' && !spanning) widths[i] = Math.max(widths[i] ?? 0, Math.min(60, cleanText(value).length + 2));
        return text(value);
      }),
    );
    if (spanning && n > 1) ws.mergeCells(row.number, 1, row.number, n);
    table.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.border = BORDER;
      if (typeof cell.value === 'number') {
        cell.numFmt = c.kind === 'percent' ? NUMBER_FORMATS.percent : c.digits !== undefined ? (c.digits ? `#,##0.${'0'.repeat(c.digits)}` : '#,##0') : Number.isInteger(cell.value) ? NUMBER_FORMATS.integer : NUMBER_FORMATS.decimal;
      } else {
        cell.alignment = { wrapText: true, vertical: 'top', ...(r.emphasis === 'sub' && i === 0 ? { indent: 1 } : {}) };
      }
      if (r.emphasis === 'level' || r.emphasis === 'total') cell.font = { bold: true };
      if (r.emphasis === 'level') cell.fill = LEVEL_FILL;
    });
  }
  ws.columns.forEach((col, i) => {
    col.width = widths[i] ?? 10;
  });
  // Freeze the header rows, and on wide tables the leading text columns (the indicator's code and name).
  const leading = table.columns.findIndex((c) => c.kind !== 'text');
  const xSplit = n > 8 && leading > 0 && leading <= 3 ? leading : 0;
  ws.views = [{ state: 'frozen', ySplit: header.number, xSplit, rightToLeft: rtl }];
  ws.autoFilter = { from: { row: header.number, column: 1 }, to: { row: header.number, column: n } };
}

export async function renderXlsx(doc: ReportDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = cleanText(doc.organisationName);
  wb.lastModifiedBy = 'Fieldbook';
  wb.title = cleanText(doc.title);
  wb.created = new Date();

  const taken = new Set<string>();
  const summaryName = uniqueSheetName(doc.labels.contents, taken, 'Summary');
  const tables = doc.sections.flatMap((s) => s.blocks.filter((b): b is TableBlock => b.type === 'table' && b.columns.length > 0));
  const names = new Map(tables.map((t, i) => [t, uniqueSheetName(t.sheetName, taken, `Table ${i + 1}`)]));
  summarySheet(wb, doc, summaryName, names);
  for (const t of tables) tableSheet(wb, doc, t, names.get(t)!);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
