import type { Locale } from '@shared/locales.js';
import { safeCell } from '../../lib/csv-safe.js';
import { PIVOT_TEXTS } from './pivot.labels.js';
import type { PivotSheet } from './pivot.lines.js';

const field = (v: string | number | null): string => {
  if (v === null) return '';
  const text = typeof v === 'number' ? String(v) : safeCell(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The pivot as CSV: UTF-8 with a BOM (so Excel reads accents and Arabic), one header line (a table
 * column's heading is its members joined by " / "), the figures as plain numbers with a dot, as
 * in the JSON answer, and every text cell neutralised against formula injection.
 */
export function pivotCsv(sheet: PivotSheet, locale: Locale): Buffer {
  const t = PIVOT_TEXTS[locale];
  const columnLabels = sheet.columnHeaders[0]!.labels.map((_, j) => sheet.columnHeaders.map((h) => h.labels[j]).join(' / '));
  const header = [...sheet.labelHeadings, ...columnLabels, ...(sheet.totalColumn ? [t.total] : [])];
  const lines = [`\uFEFF${header.map(field).join(',')}`];
  for (const line of sheet.lines) lines.push([...line.labels.map(field), ...line.values.map((v) => field(v.figure?.value ?? null))].join(','));
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}
