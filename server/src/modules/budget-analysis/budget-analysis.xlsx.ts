import ExcelJS from 'exceljs';
import { minorDigits } from '@shared/domain/money.js';
import { type Locale, RTL_LOCALES } from '@shared/locales.js';
import type { BudgetAnalysis, BudgetAnalysisFigures } from '@shared/schemas/budget-analysis.js';
import { safeCell } from '../../lib/csv-safe.js';
import { styleHeader, writeCell } from '../framework-io/xlsx-cells.js';
import { BVA_LABELS, type BvaLabels, fill } from './budget-analysis.labels.js';

/**
 * Budget versus actual as a workbook: one sheet per table (by line, category, period, result, and
 * the exchange rates used). Money is written in major units as numbers (minor ÷ 10^digits is exact
 * for the figure shown) with a number format of the currency's digits; every cell is a value, never
 * a formula, and text from users is neutralised against formula injection. Two title lines, then
 * a frozen header row.
 */
export const HEADER_ROW = 4;

type Cell = string | number | null;
interface Column {
  label: string;
  kind: 'text' | 'money' | 'pct' | 'int' | 'number';
  width: number;
}

const moneyFormat = (digits: number) => (digits ? `#,##0.${'0'.repeat(digits)}` : '#,##0');
const PCT_FORMAT = '0.0"%"';

export async function budgetAnalysisWorkbook(a: BudgetAnalysis, locale: Locale): Promise<Buffer> {
  const L = BVA_LABELS[locale];
  const currency = a.budget.currency;
  const digits = minorDigits(currency);
  const major = (minor: number | null) => (minor === null ? null : minor / 10 ** digits);
  const category = (c: string) => L.categories[c] ?? c;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fieldbook';
  const rtl = RTL_LOCALES.has(locale);

  const sheet = (name: string, columns: Column[], rows: { cells: Cell[]; bold?: boolean }[], digitsOf: (row: number) => number = () => digits) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: HEADER_ROW, rightToLeft: rtl }] });
    ws.columns = columns.map((c) => ({ width: c.width }));
    writeCell(ws.getCell(1, 1), safeCell(fill(L.title, { title: a.budget.title, currency })));
    ws.getRow(1).font = { bold: true, size: 13 };
    writeCell(ws.getCell(2, 1), fill(L.asOf, { date: a.asOf }));
    columns.forEach((c, i) => writeCell(ws.getCell(HEADER_ROW, i + 1), c.label));
    styleHeader(ws, HEADER_ROW, columns.length, rtl);
    rows.forEach((r, index) => {
      const row = ws.getRow(HEADER_ROW + 1 + index);
      r.cells.forEach((value, i) => {
        const cell = row.getCell(i + 1);
        const column = columns[i]!;
        writeCell(cell, typeof value === 'string' ? safeCell(value) : value);
        if (typeof value === 'number') {
          cell.numFmt = column.kind === 'money' ? moneyFormat(digitsOf(index)) : column.kind === 'pct' ? PCT_FORMAT : column.kind === 'int' ? '#,##0' : '#,##0.####';
        }
      });
      if (r.bold) row.font = { bold: true };
    });
    return ws;
  };

  const figureColumns: Column[] = [
    { label: L.budget, kind: 'money', width: 15 },
    { label: L.original, kind: 'money', width: 15 },
    { label: L.plannedToDate, kind: 'money', width: 15 },
    { label: L.actual, kind: 'money', width: 15 },
    { label: L.pending, kind: 'money', width: 15 },
    { label: L.variance, kind: 'money', width: 15 },
    { label: L.variancePct, kind: 'pct', width: 11 },
    { label: L.remaining, kind: 'money', width: 15 },
    { label: L.burnPct, kind: 'pct', width: 11 },
    { label: L.forecast, kind: 'money', width: 16 },
    { label: L.flags, kind: 'text', width: 30 },
  ];
  const flags = (f: BudgetAnalysisFigures) => [f.overBudget ? L.overBudget : null, f.overThreshold ? L.overThreshold : null].filter(Boolean).join('; ');
  const figureCells = (f: BudgetAnalysisFigures): Cell[] => [
    major(f.budgetMinor), major(f.originalMinor), major(f.plannedToDateMinor), major(f.actualMinor), major(f.pendingMinor),
    major(f.varianceMinor), f.variancePct, major(f.remainingMinor), f.burnPct, major(f.forecastMinor), flags(f),
  ];

  sheet(
    L.sheets.lines,
    [{ label: L.code, kind: 'text', width: 10 }, { label: L.category, kind: 'text', width: 18 }, { label: L.description, kind: 'text', width: 40 }, ...figureColumns],
    [
      ...a.lines.map((l) => ({ cells: [l.code, category(l.category), l.description, ...figureCells(l)] })),
      { cells: [L.total, null, null, ...figureCells(a.total)], bold: true },
    ],
  );
  sheet(
    L.sheets.categories,
    [{ label: L.category, kind: 'text', width: 22 }, { label: L.lines, kind: 'int', width: 8 }, ...figureColumns],
    [
      ...a.categories.map((c) => ({ cells: [category(c.category), c.lineCount, ...figureCells(c)] })),
      { cells: [L.total, a.lines.length, ...figureCells(a.total)], bold: true },
    ],
  );
  sheet(
    L.sheets.periods,
    [
      { label: L.period, kind: 'text', width: 12 }, { label: L.start, kind: 'text', width: 12 }, { label: L.end, kind: 'text', width: 12 },
      { label: L.budget, kind: 'money', width: 15 }, { label: L.plannedToDate, kind: 'money', width: 15 }, { label: L.actual, kind: 'money', width: 15 },
      { label: L.pending, kind: 'money', width: 15 }, { label: L.variance, kind: 'money', width: 15 },
    ],
    a.periods.map((p) => ({ cells: [p.label, p.start, p.end, major(p.budgetMinor), major(p.plannedToDateMinor), major(p.actualMinor), major(p.pendingMinor), major(p.varianceMinor)] })),
  );
  const resultRows: { cells: Cell[]; bold?: boolean }[] = [];
  for (const r of a.results) {
    const name = r.resultNodeId ? [r.code, r.title].filter(Boolean).join(' ') : L.noResult;
    resultRows.push({ cells: [name, r.lineCodes.join(', '), ...figureCells(r), null, null, null, null], bold: true });
    for (const c of r.costPerOutput) {
      resultRows.push({ cells: [`${c.indicatorCode} ${c.indicatorName}`.trim(), null, ...figureColumns.map(() => null), c.unit, c.indicatorActual, major(c.costMinor), major(c.costPerUnitMinor)] });
    }
  }
  sheet(
    L.sheets.results,
    [
      { label: L.result, kind: 'text', width: 40 }, { label: L.lines, kind: 'text', width: 14 }, ...figureColumns,
      { label: L.unit, kind: 'text', width: 14 }, { label: L.indicatorActual, kind: 'number', width: 14 }, { label: L.actual, kind: 'money', width: 15 },
      { label: L.costPerUnit, kind: 'money', width: 15 },
    ],
    resultRows,
  );
  const rateDigits = a.rates.map((r) => minorDigits(r.currency));
  const ratesSheet = sheet(
    L.sheets.rates,
    [
      { label: L.currency, kind: 'text', width: 10 }, { label: L.rate, kind: 'text', width: 18 }, { label: L.rateSource, kind: 'text', width: 24 },
      { label: L.rateDate, kind: 'text', width: 12 }, { label: L.count, kind: 'int', width: 12 }, { label: L.amountPaid, kind: 'money', width: 18 },
      { label: `${L.amountBudget} (${currency})`, kind: 'money', width: 20 },
    ],
    a.rates.map((r, i) => ({ cells: [r.currency, r.rate, r.source, r.rateDate, r.count, r.amountPaidMinor / 10 ** rateDigits[i]!, major(r.amountBudgetMinor)] })),
  );
  // The amount paid is in each row's own currency: its own digits.
  a.rates.forEach((_, i) => {
    ratesSheet.getRow(HEADER_ROW + 1 + i).getCell(6).numFmt = moneyFormat(rateDigits[i]!);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type { BvaLabels };
