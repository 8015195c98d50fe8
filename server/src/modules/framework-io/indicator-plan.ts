import ExcelJS from 'exceljs';
import { PERIOD_TYPES, type Period } from '@shared/domain/periods.js';
import type { Locale } from '@shared/locales.js';
import { RTL_LOCALES } from '@shared/locales.js';
import type { Indicator } from '@shared/schemas/index.js';
import type { FrameworkSnapshot } from './framework-snapshot.js';
import { PLAN_LABELS, type PlanColumn } from './plan-labels.js';
import { styleHeader, type Writable, writeCell } from './xlsx-cells.js';

export interface PlanExtras {
  organisations: string[];
  /** Library entry codes and programme indicators (code and name) by id. */
  libraryCodes: Map<string, string>;
  contributesTo: Map<string, { code: string; name: string; names_json: string }>;
  locale: Locale;
  today: string;
}

type Column = { key: PlanColumn | string; label: string; width: number; numeric?: boolean };

const HEADER_ROW = 6;
const tr = (m: Record<string, string>, locale: Locale, fallback: string) => m[locale] || fallback;

/**
 * The performance monitoring plan: one row per indicator with its reference-sheet fields, baseline,
 * life-of-project target and period targets (totals only). The life-of-project target is its own
 * column, never the sum of the periods.
 */
export async function indicatorPlanWorkbook(s: FrameworkSnapshot, x: PlanExtras): Promise<Buffer> {
  const L = PLAN_LABELS[x.locale];
  const periods = periodColumns(s);
  const before: Column[] = [
    { key: 'level', label: L.columns.level, width: 18 },
    { key: 'resultCode', label: L.columns.resultCode, width: 10 },
    { key: 'result', label: L.columns.result, width: 40 },
    { key: 'code', label: L.columns.code, width: 12 },
    { key: 'name', label: L.columns.name, width: 45 },
    { key: 'definition', label: L.columns.definition, width: 45 },
    { key: 'unit', label: L.columns.unit, width: 14 },
    { key: 'type', label: L.columns.type, width: 14 },
    { key: 'direction', label: L.columns.direction, width: 18 },
    { key: 'timeAggregation', label: L.columns.timeAggregation, width: 14 },
    { key: 'locationAggregation', label: L.columns.locationAggregation, width: 14 },
    { key: 'cumulative', label: L.columns.cumulative, width: 10 },
    { key: 'disaggregations', label: L.columns.disaggregations, width: 22 },
    { key: 'baselineValue', label: L.columns.baselineValue, width: 12, numeric: true },
    { key: 'baselineDate', label: L.columns.baselineDate, width: 12 },
    { key: 'lopTarget', label: L.columns.lopTarget, width: 14, numeric: true },
  ];
  const after: Column[] = [
    { key: 'meansOfVerification', label: L.columns.meansOfVerification, width: 30 },
    { key: 'dataSource', label: L.columns.dataSource, width: 24 },
    { key: 'collectionMethod', label: L.columns.collectionMethod, width: 24 },
    { key: 'frequency', label: L.columns.frequency, width: 16 },
    { key: 'responsible', label: L.columns.responsible, width: 20 },
    { key: 'libraryCode', label: L.columns.libraryCode, width: 14 },
    { key: 'contributesTo', label: L.columns.contributesTo, width: 30 },
  ];
  const columns = [...before, ...periods.map((p): Column => ({ key: `period:${p.key}`, label: p.key, width: 11, numeric: true })), ...after];

  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fieldbook';
  const ws = wb.addWorksheet(L.sheet);
  ws.columns = columns.map((c) => ({ width: c.width }));
  writeCell(ws.getCell(1, 1), L.title);
  ws.getRow(1).font = { bold: true, size: 14 };
  writeCell(ws.getCell(2, 1), `${s.project.code} — ${s.project.title}`);
  ws.getRow(2).font = { bold: true };
  writeCell(ws.getCell(3, 1), L.organisation.replace('{names}', x.organisations.join(', ')));
  writeCell(ws.getCell(4, 1), L.generated.replace('{date}', x.today));
  columns.forEach((c, i) => writeCell(ws.getCell(HEADER_ROW, i + 1), c.label));

  const nodeById = new Map(s.nodes.map((n) => [n.id, n]));
  const categoryById = new Map(s.categories.map((c) => [c.id, c]));
  s.indicators.forEach((i, n) => {
    const node = nodeById.get(i.resultNodeId)!;
    const totals = new Map((s.targets.get(i.id) ?? []).filter((t) => t.locationId === null && t.optionIds.length === 0).map((t) => [t.period, t.value]));
    const ref = i.contributesToId ? x.contributesTo.get(i.contributesToId) : undefined;
    const refName = ref ? tr(JSON.parse(ref.names_json) as Record<string, string>, x.locale, ref.name) : '';
    const values: Record<string, Writable> = {
      level: s.levels[node.level]?.[x.locale] ?? String(node.level),
      resultCode: node.code,
      result: tr(node.titles, x.locale, node.title),
      code: i.code,
      name: tr(i.names, x.locale, i.name),
      definition: tr(i.definitions, x.locale, i.definition),
      unit: i.unit,
      type: L.types[i.type] ?? i.type,
      direction: L.directions[i.direction] ?? i.direction,
      timeAggregation: L.timeAggregations[i.timeAggregation] ?? i.timeAggregation,
      locationAggregation: L.locationAggregations[i.locationAggregation] ?? i.locationAggregation,
      cumulative: i.cumulative ? L.yes : L.no,
      disaggregations: i.categoryIds.map((id) => categoryById.get(id)).filter((c) => !!c).map((c) => tr(c.names, x.locale, c.name)).join(', '),
      baselineValue: i.baselineValue,
      baselineDate: i.baselineDate,
      lopTarget: i.lopTarget,
      meansOfVerification: i.meansOfVerification,
      dataSource: i.dataSource,
      collectionMethod: i.collectionMethod,
      frequency: L.frequencies[i.frequency] ?? i.frequency,
      responsible: i.responsible,
      libraryCode: i.libraryIndicatorId ? (x.libraryCodes.get(i.libraryIndicatorId) ?? '') : '',
      contributesTo: ref ? `${ref.code} — ${refName}` : '',
      ...Object.fromEntries(periods.map((p) => [`period:${p.key}`, totals.get(p.key) ?? null])),
    };
    const row = ws.getRow(HEADER_ROW + 1 + n);
    columns.forEach((c, col) => {
      const cell = row.getCell(col + 1);
      const v = values[c.key] ?? null;
      writeCell(cell, v);
      if (c.numeric && typeof v === 'number') cell.numFmt = numberFormat(i, v);
    });
    row.alignment = { vertical: 'top', wrapText: true };
  });
  styleHeader(ws, HEADER_ROW, columns.length, RTL_LOCALES.has(x.locale));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Percentages are stored 0–100, so the % sign is a literal: 45 shows as 45%, and the cell still holds 45. */
function numberFormat(i: Indicator, v: number) {
  const digits = Number.isInteger(v) ? '#,##0' : '#,##0.0#';
  return i.type === 'percentage' ? `${digits}"%"` : digits;
}

/** Every period that holds a total target, in time order: shorter periods before the longer ones ending with them (2026-03, 2026-Q1). */
function periodColumns(s: FrameworkSnapshot): Pick<Period, 'key' | 'start' | 'end'>[] {
  const known = new Map(PERIOD_TYPES.flatMap((f) => s.periods(f)).map((p) => [p.key, p]));
  const used = new Set(s.indicators.flatMap((i) => (s.targets.get(i.id) ?? []).filter((t) => t.locationId === null && t.optionIds.length === 0).map((t) => t.period)));
  used.delete('LOP');
  const out = [...used].map((key) => known.get(key) ?? { key, start: '9999', end: '9999' });
  return out.sort((a, b) => a.end.localeCompare(b.end) || b.start.localeCompare(a.start) || a.key.localeCompare(b.key));
}
