import ExcelJS, { type Cell, type Fill, type Row } from 'exceljs';
import { type Locale, RTL_LOCALES } from '@shared/locales.js';
import type { Iptt, IpttCell, IpttRow } from '@shared/schemas/monitoring.js';
import { safeCell } from '../../lib/csv-safe.js';
import { writeCell } from '../framework-io/xlsx-cells.js';
import { fill, IPTT_LABELS } from './iptt.labels.js';

/**
 * The IPTT as a workbook with the screen's layout: title lines, two header rows (baseline, life of
 * project and each period grouped over target, actual and % met), project and result rows, then
 * indicators with their disaggregation rows indented. Panes are frozen below the headers and right
 * of the indicator columns. Every cell is a value, never a formula; text from users is escaped
 * so a spreadsheet never reads it as one. Pending figures are in italics, as the title lines say.
 */
export const HEADER_ROWS = [7, 8] as const;
/** Code, result or indicator, unit: the columns kept in view when scrolling sideways. */
export const FROZEN_COLUMNS = 3;
const FIRST_FIGURE_COLUMN = 5;

const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const HEADER_FILL = solid('FF1F4E79');
const PROJECT_FILL = solid('FFBDD7EE');
const RESULT_FILL = solid('FFDDEBF7');
const thin = { style: 'thin', color: { argb: 'FFB4C6E7' } } as const;

/** Percentages (0–100) keep their number; the % sign is a literal, as in the indicator plan. */
const valueFormat = (type: string, v: number) => (type === 'percentage' ? '0.0"%"' : Number.isInteger(v) ? '#,##0' : '#,##0.0#');
const PERCENT_MET_FORMAT = '0"%"';

const text = (v: string) => safeCell(v);

export async function ipttWorkbook(iptt: Iptt, locale: Locale): Promise<Buffer> {
  const L = IPTT_LABELS[locale];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fieldbook';
  const ws = wb.addWorksheet(L.sheet);
  const groups = [L.lifeOfProject, ...iptt.periods.map((p) => p.key)];
  const columnCount = FIRST_FIGURE_COLUMN - 1 + groups.length * 3;
  ws.columns = [{ width: 14 }, { width: 55 }, { width: 12 }, { width: 11 }, ...groups.flatMap(() => [{ width: 11 }, { width: 11 }, { width: 9 }])];

  const first = iptt.periods[0];
  const last = iptt.periods.at(-1);
  const titles = [
    text(fill(L.title, { scope: iptt.title })),
    first && last ? fill(L.periods, { first: first.key, last: last.key, start: first.start, end: last.end }) : L.noPeriods,
    fill(L.granularity, { granularity: L.granularities[iptt.granularity] }),
    iptt.includesPending ? L.withPending : L.approvedOnly,
    fill(L.generated, { at: iptt.generatedAt.slice(0, 16).replace('T', ' ') }),
  ];
  titles.forEach((t, i) => writeCell(ws.getCell(i + 1, 1), t));
  ws.getRow(1).font = { bold: true, size: 14 };
  if (iptt.includesPending) ws.getRow(4).font = { italic: true, bold: true };

  writeHeaders(ws, groups, columnCount, L);
  let at = HEADER_ROWS[1] + 1;
  const typeOf = new Map<string, string>();
  for (const row of iptt.rows) {
    if (row.kind === 'indicator') typeOf.set(row.indicatorId, row.type);
    writeRow(ws.getRow(at++), row, columnCount, typeOf);
  }
  ws.views = [{ state: 'frozen', xSplit: FROZEN_COLUMNS, ySplit: HEADER_ROWS[1], rightToLeft: RTL_LOCALES.has(locale) }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function writeHeaders(ws: ExcelJS.Worksheet, groups: string[], columnCount: number, L: (typeof IPTT_LABELS)[Locale]) {
  const [top, bottom] = HEADER_ROWS;
  [L.code, L.indicator, L.unit, L.baseline].forEach((label, i) => {
    writeCell(ws.getCell(top, i + 1), label);
    ws.mergeCells(top, i + 1, bottom, i + 1);
  });
  groups.forEach((label, g) => {
    const col = FIRST_FIGURE_COLUMN + g * 3;
    writeCell(ws.getCell(top, col), label);
    ws.mergeCells(top, col, top, col + 2);
    [L.target, L.actual, L.percentMet].forEach((sub, i) => writeCell(ws.getCell(bottom, col + i), sub));
  });
  for (const r of HEADER_ROWS) {
    const row = ws.getRow(r);
    row.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    for (let c = 1; c <= columnCount; c++) {
      row.getCell(c).fill = HEADER_FILL;
      row.getCell(c).border = { top: thin, bottom: thin, left: thin, right: thin };
    }
  }
}

function writeRow(row: Row, r: IpttRow, columnCount: number, typeOf: Map<string, string>) {
  const band = (f: Fill) => {
    for (let c = 1; c <= columnCount; c++) row.getCell(c).fill = f;
  };
  switch (r.kind) {
    case 'project':
      writeCell(row.getCell(1), text(r.code));
      writeCell(row.getCell(2), text(r.title));
      row.font = { bold: true, size: 12 };
      band(PROJECT_FILL);
      return;
    case 'result':
      writeCell(row.getCell(1), text(r.code));
      writeCell(row.getCell(2), text(`${r.levelLabel}: ${r.title}`));
      row.font = { bold: true };
      band(RESULT_FILL);
      return;
    case 'indicator':
      writeCell(row.getCell(1), text(r.code));
      writeCell(row.getCell(2), text(r.name));
      writeCell(row.getCell(3), text(r.unit));
      writeNumber(row.getCell(4), r.baseline, r.type);
      writeCells(row, [r.lop, ...r.periods], r.type);
      row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
      return;
    case 'disaggregation':
      writeCell(row.getCell(2), text(`${r.categoryName}: ${r.optionLabel}`));
      row.getCell(2).alignment = { indent: 2 };
      writeCells(row, [r.lop, ...r.periods], typeOf.get(r.indicatorId) ?? 'number');
      return;
  }
}

function writeNumber(cell: Cell, value: number | null | undefined, type: string, format?: string) {
  writeCell(cell, value ?? null);
  if (typeof value === 'number') cell.numFmt = format ?? valueFormat(type, value);
}

/** Target, actual and % met of each column group; a pending actual and its % met in italics. */
function writeCells(row: Row, cells: IpttCell[], type: string) {
  cells.forEach((c, g) => {
    const col = FIRST_FIGURE_COLUMN + g * 3;
    writeNumber(row.getCell(col), c.target, type);
    writeNumber(row.getCell(col + 1), c.actual?.value, type);
    writeNumber(row.getCell(col + 2), c.percentMet, type, PERCENT_MET_FORMAT);
    if (c.actual?.pending) for (const i of [1, 2]) row.getCell(col + i).font = { italic: true };
  });
}
