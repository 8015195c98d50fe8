import type { Locale } from '@shared/locales.js';
import type { Figure } from '@shared/schemas/monitoring.js';
import { PIVOT_TEXTS } from './pivot.labels.js';
import type { ComputedPivot } from './pivot.service.js';

/**
 * A pivot as the lines of a sheet, shared by the XLSX and CSV exports so both hold the numbers of
 * the JSON answer in the same places: one line per table row, a subtotal line after each member
 * of the first row dimension (when there are subtotals), the totals line last.
 */

export interface SheetValue {
  figure: Figure | null;
  /** The indicator type that formats it (null: indicators of several types, shown plainly). */
  type: string | null;
}

export interface SheetLine {
  kind: 'data' | 'subtotal' | 'total';
  labels: string[];
  values: SheetValue[];
}

export interface PivotSheet {
  /** Headings of the label columns (one per row dimension, at least one column). */
  labelHeadings: string[];
  /** Per column dimension: its heading and each table column's member label. */
  columnHeaders: { heading: string; labels: string[] }[];
  /** Whether a total column follows the table columns (not with one column: it would repeat it). */
  totalColumn: boolean;
  lines: SheetLine[];
}

export function pivotSheet(p: ComputedPivot, locale: Locale): PivotSheet {
  const t = PIVOT_TEXTS[locale];
  const { result: r, headings } = p;
  const typeById = new Map(r.indicators.map((i) => [i.id, i.type]));
  const types = new Set(typeById.values());
  const common = types.size === 1 ? [...types][0]! : null;
  const rowIndicatorAt = r.rows.findIndex((d) => d.type === 'indicator');
  const columnIndicatorAt = r.columns.findIndex((d) => d.type === 'indicator');
  const rowType = (i: number) => (rowIndicatorAt >= 0 ? (typeById.get(r.rowMembers[i]![rowIndicatorAt]!.key) ?? null) : null);
  const columnType = (j: number) => (columnIndicatorAt >= 0 ? (typeById.get(r.columnMembers[j]![columnIndicatorAt]!.key) ?? null) : null);
  const typeOf = (...candidates: (string | null)[]) => candidates.find((c) => c !== null) ?? common;

  const labelCount = Math.max(r.rows.length, 1);
  const pad = (labels: string[]) => [...labels, ...Array<string>(Math.max(0, labelCount - labels.length)).fill('')];
  const totalColumn = r.columns.length > 0;
  const columnCount = r.columnMembers.length;

  const lines: SheetLine[] = [];
  const subtotalsByKey = new Map(r.subtotals.map((s) => [s.member.key, s]));
  r.rowMembers.forEach((members, i) => {
    const values = r.cells[i]!.map((figure, j) => ({ figure, type: typeOf(rowType(i), columnType(j)) }));
    if (totalColumn) values.push({ figure: r.rowTotals[i] ?? null, type: typeOf(rowType(i)) });
    lines.push({ kind: 'data', labels: pad(r.rows.length ? members.map((m) => m.label) : [t.value]), values });
    const key = members[0]?.key;
    const next = r.rowMembers[i + 1]?.[0]?.key;
    const sub = key !== undefined && key !== next ? subtotalsByKey.get(key) : undefined;
    if (sub) {
      const subType = rowIndicatorAt === 0 ? (typeById.get(key!) ?? null) : null;
      const subValues = sub.cells.map((figure, j) => ({ figure, type: typeOf(subType, columnType(j)) }));
      if (totalColumn) subValues.push({ figure: sub.total, type: typeOf(subType) });
      lines.push({ kind: 'subtotal', labels: pad([sub.member.label, t.subtotal]), values: subValues });
    }
  });
  // With no row dimension the one table row is already the total of each column.
  if (r.rows.length > 0 && r.rowMembers.length > 0) {
    const values = r.columnTotals.map((figure, j) => ({ figure, type: typeOf(columnType(j)) }));
    if (totalColumn) values.push({ figure: r.grandTotal, type: common });
    lines.push({ kind: 'total', labels: pad([t.total]), values });
  }

  return {
    labelHeadings: r.rows.length ? headings.rows : [''],
    columnHeaders: r.columns.length
      ? r.columns.map((_, k) => ({ heading: headings.columns[k]!, labels: r.columnMembers.map((m) => m[k]!.label) }))
      : [{ heading: '', labels: Array<string>(columnCount).fill(t.value) }],
    totalColumn,
    lines,
  };
}
