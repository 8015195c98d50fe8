import ExcelJS from 'exceljs';
import { minorDigits, sumMinor } from '@shared/domain/money.js';
import { type Locale, RTL_LOCALES } from '@shared/locales.js';
import type { BudgetDetail } from '@shared/schemas/budgets.js';
import { safeCell } from '../../lib/csv-safe.js';
import { styleHeader, writeCell } from '../framework-io/xlsx-cells.js';

/**
 * One budget version as a workbook: lines × periods, grouped by category with subtotals, then the
 * grand total. Money is written as numbers in major units with the currency's digits; every cell is
 * a value, never a formula, and text typed by people is neutralised against formula injection.
 */
interface Labels {
  sheet: string;
  version: (n: number, status: string) => string;
  code: string;
  category: string;
  description: string;
  unit: string;
  quantity: string;
  unitCost: string;
  total: string;
  result: string;
  activity: string;
  note: string;
  subtotal: string;
  grandTotal: string;
  categories: Record<string, string>;
  statuses: Record<string, string>;
}

const en: Labels = {
  sheet: 'Budget',
  version: (n, s) => `${n === 1 ? 'Original' : `Revision ${n}`} (${s})`,
  code: 'Code', category: 'Category', description: 'Description', unit: 'Unit', quantity: 'Quantity', unitCost: 'Unit cost', total: 'Total',
  result: 'Result', activity: 'Activity', note: 'Note', subtotal: 'Subtotal', grandTotal: 'Grand total',
  categories: { personnel: 'Personnel', travel: 'Travel', equipment: 'Equipment', supplies: 'Supplies', contractual: 'Contractual', other_direct: 'Other direct costs', indirect: 'Indirect costs' },
  statuses: { draft: 'draft', submitted: 'submitted', approved: 'approved', rejected: 'rejected', superseded: 'superseded' },
};
const fr: Labels = {
  sheet: 'Budget',
  version: (n, s) => `${n === 1 ? 'Original' : `Révision ${n}`} (${s})`,
  code: 'Code', category: 'Catégorie', description: 'Description', unit: 'Unité', quantity: 'Quantité', unitCost: 'Coût unitaire', total: 'Total',
  result: 'Résultat', activity: 'Activité', note: 'Note', subtotal: 'Sous-total', grandTotal: 'Total général',
  categories: { personnel: 'Personnel', travel: 'Déplacements', equipment: 'Équipement', supplies: 'Fournitures', contractual: 'Services contractuels', other_direct: 'Autres coûts directs', indirect: 'Coûts indirects' },
  statuses: { draft: 'brouillon', submitted: 'soumis', approved: 'approuvé', rejected: 'rejeté', superseded: 'remplacé' },
};
const es: Labels = {
  sheet: 'Presupuesto',
  version: (n, s) => `${n === 1 ? 'Original' : `Revisión ${n}`} (${s})`,
  code: 'Código', category: 'Categoría', description: 'Descripción', unit: 'Unidad', quantity: 'Cantidad', unitCost: 'Costo unitario', total: 'Total',
  result: 'Resultado', activity: 'Actividad', note: 'Nota', subtotal: 'Subtotal', grandTotal: 'Total general',
  categories: { personnel: 'Personal', travel: 'Viajes', equipment: 'Equipos', supplies: 'Suministros', contractual: 'Servicios contractuales', other_direct: 'Otros costos directos', indirect: 'Costos indirectos' },
  statuses: { draft: 'borrador', submitted: 'enviado', approved: 'aprobado', rejected: 'rechazado', superseded: 'reemplazado' },
};
const ar: Labels = {
  sheet: 'الميزانية',
  version: (n, s) => `${n === 1 ? 'الأصلية' : `المراجعة ${n}`} (${s})`,
  code: 'الرمز', category: 'الفئة', description: 'الوصف', unit: 'الوحدة', quantity: 'الكمية', unitCost: 'تكلفة الوحدة', total: 'المجموع',
  result: 'النتيجة', activity: 'النشاط', note: 'ملاحظة', subtotal: 'المجموع الفرعي', grandTotal: 'المجموع الكلي',
  categories: { personnel: 'الموظفون', travel: 'السفر', equipment: 'المعدات', supplies: 'اللوازم', contractual: 'الخدمات التعاقدية', other_direct: 'تكاليف مباشرة أخرى', indirect: 'التكاليف غير المباشرة' },
  statuses: { draft: 'مسودة', submitted: 'مقدمة', approved: 'معتمدة', rejected: 'مرفوضة', superseded: 'مستبدلة' },
};
const LABELS: Record<Locale, Labels> = { en, fr, es, ar };

export const BUDGET_HEADER_ROW = 4;

export async function budgetWorkbook(d: BudgetDetail, locale: Locale): Promise<Buffer> {
  const L = LABELS[locale];
  const digits = minorDigits(d.budget.currency);
  const major = (minor: number) => minor / 10 ** digits;
  const moneyFormat = digits ? `#,##0.${'0'.repeat(digits)}` : '#,##0';
  const rtl = RTL_LOCALES.has(locale);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fieldbook';
  const ws = wb.addWorksheet(L.sheet, { views: [{ rightToLeft: rtl }] });

  const fixed = [L.code, L.category, L.description, L.unit, L.quantity, L.unitCost];
  const headers = [...fixed, ...d.periods.map((p) => p.label), L.total, L.result, L.activity, L.note];
  const firstPeriod = fixed.length + 1;
  const totalCol = firstPeriod + d.periods.length;
  ws.columns = headers.map((_, i) => ({ width: i === 2 ? 40 : i >= totalCol ? 24 : 14 }));

  writeCell(ws.getCell(1, 1), safeCell(`${d.budget.title} (${d.budget.currency})`));
  ws.getRow(1).font = { bold: true, size: 13 };
  writeCell(ws.getCell(2, 1), safeCell(`${L.version(d.selected.number, L.statuses[d.selected.status] ?? d.selected.status)} · ${d.budget.startDate} – ${d.budget.endDate}`));
  headers.forEach((h, i) => writeCell(ws.getCell(BUDGET_HEADER_ROW, i + 1), h));
  styleHeader(ws, BUDGET_HEADER_ROW, headers.length, rtl);

  let r = BUDGET_HEADER_ROW + 1;
  const money = (col: number, minor: number) => {
    const cell = ws.getCell(r, col);
    writeCell(cell, major(minor));
    cell.numFmt = moneyFormat;
  };
  const totalsRow = (label: string, byPeriod: Record<string, number>, total: number) => {
    writeCell(ws.getCell(r, 3), label);
    d.periods.forEach((p, i) => money(firstPeriod + i, byPeriod[p.key] ?? 0));
    money(totalCol, total);
    ws.getRow(r).font = { bold: true };
    r++;
  };

  for (const cat of d.totals.byCategory) {
    const lines = d.lines.filter((l) => l.category === cat.category);
    if (lines.length === 0) continue;
    for (const l of lines) {
      writeCell(ws.getCell(r, 1), safeCell(l.code));
      writeCell(ws.getCell(r, 2), L.categories[l.category] ?? l.category);
      writeCell(ws.getCell(r, 3), safeCell(l.description));
      writeCell(ws.getCell(r, 4), safeCell(l.unit));
      const q = ws.getCell(r, 5);
      writeCell(q, Number(l.quantity));
      q.numFmt = '#,##0.####';
      money(6, l.unitCostMinor);
      d.periods.forEach((p, i) => money(firstPeriod + i, l.amounts[p.key] ?? 0));
      money(totalCol, l.totalMinor);
      writeCell(ws.getCell(r, totalCol + 1), safeCell(l.resultNode ? `${l.resultNode.code} ${l.resultNode.title}` : ''));
      writeCell(ws.getCell(r, totalCol + 2), safeCell(l.activity ? `${l.activity.code} ${l.activity.title}` : ''));
      writeCell(ws.getCell(r, totalCol + 3), safeCell(l.note));
      r++;
    }
    const byPeriod: Record<string, number> = {};
    for (const p of d.periods) byPeriod[p.key] = sumMinor(lines.map((l) => l.amounts[p.key] ?? 0));
    totalsRow(`${L.subtotal}: ${L.categories[cat.category] ?? cat.category}`, byPeriod, cat.totalMinor);
  }
  totalsRow(L.grandTotal, Object.fromEntries(d.totals.byPeriod.map((p) => [p.periodKey, p.totalMinor])), d.totals.totalMinor);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
