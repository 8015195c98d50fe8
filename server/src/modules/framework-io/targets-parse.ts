import { disaggregationKey } from '@shared/domain/disaggregations.js';
import type { PeriodType } from '@shared/domain/periods.js';
import { LOP_PERIOD_KEY } from '@shared/schemas/index.js';
import type { DetailInput } from '../../lib/errors.js';
import { checkTargets } from '../results/targets.rules.js';
import type { IndicatorShape, ParseContext } from './framework-parse.js';
import { SHEET } from './framework-template.js';
import { RowReader } from './row-reader.js';
import type { RawRow } from './workbook-reader.js';

export interface PlannedTarget {
  row: number;
  indicatorCode: string;
  period: string;
  locationId: string | null;
  /** Options in the indicator's category order; empty = the total. */
  optionIds: string[];
  value: number;
}

/** The cell a target fills: one per indicator, period, location and combination. */
export const cellKey = (t: { period: string; locationId: string | null; optionIds: readonly string[] }) => `${t.period}|${t.locationId ?? ''}|${t.optionIds.join('+')}`;

/** Checks the Targets sheet against the indicators of the file (their frequency and categories) and the project. */
export function parseTargets(rows: RawRow[], ctx: ParseContext, shapes: Map<string, IndicatorShape>, problems: DetailInput[]): PlannedTarget[] {
  const periodSets = new Map<PeriodType, Set<string>>();
  const periodsOf = (f: PeriodType) => periodSets.get(f) ?? periodSets.set(f, new Set(ctx.periodKeys(f))).get(f)!;
  const seen = new Map<string, number>();
  const out: PlannedTarget[] = [];
  for (const raw of rows) {
    const r = new RowReader(SHEET.targets, raw, problems);
    const indicatorCode = r.text('indicator_code', 40, true) ?? '';
    const shape = shapes.get(indicatorCode);
    if (indicatorCode && !shape) r.fail('indicator_code', 'unknown_indicator', { code: indicatorCode });

    // Keys are upper case (2026-Q1, FY2026-H1, LOP); "2026-q1" typed by hand is the same period.
    const period = (r.text('period', 20, true) ?? '').toUpperCase();
    if (period && shape?.frequency && period !== LOP_PERIOD_KEY && !periodsOf(shape.frequency).has(period)) r.fail('period', 'unknown_period', { period });

    const pcode = r.text('location_pcode', 50) ?? '';
    const location = pcode ? (ctx.locations.find((l) => l.pcode === pcode) ?? ctx.locations.find((l) => l.pcode.toLowerCase() === pcode.toLowerCase())) : undefined;
    if (pcode && !location) r.fail('location_pcode', 'not_project_location', { pcode });

    const optionIds = shape?.categoryIds ? options(r, ctx, shape.categoryIds) : [];
    const value = r.number('value', true);
    if (!r.ok || !shape || value === null || value === undefined) continue;

    const target = { row: r.row, indicatorCode, period, locationId: location?.id ?? null, optionIds, value };
    const key = `${indicatorCode}|${cellKey(target)}`;
    const other = seen.get(key);
    if (other !== undefined) r.fail('period', 'duplicate_target', { otherRow: other });
    else {
      seen.set(key, r.row);
      out.push(target);
    }
  }
  return withTargetRules(out, ctx, shapes, periodsOf, problems);
}

const COLUMN_OF: Record<string, string> = { period: 'period', locationId: 'location_pcode', optionIds: 'disaggregation', value: 'value' };

/**
 * The rules putTargets applies (values by indicator type, the life-of-project total belonging on
 * the Indicators sheet), checked here too so that every problem is listed before anything is written.
 */
function withTargetRules(
  targets: PlannedTarget[],
  ctx: ParseContext,
  shapes: Map<string, IndicatorShape>,
  periodsOf: (f: PeriodType) => Set<string>,
  problems: DetailInput[],
): PlannedTarget[] {
  const byIndicator = new Map<string, PlannedTarget[]>();
  for (const t of targets) byIndicator.set(t.indicatorCode, [...(byIndicator.get(t.indicatorCode) ?? []), t]);
  const bad = new Set<PlannedTarget>();
  for (const [code, list] of byIndicator) {
    const shape = shapes.get(code)!;
    if (!shape.type || !shape.frequency || !shape.categoryIds) continue;
    const { details } = checkTargets(list, {
      type: shape.type,
      periodKeys: periodsOf(shape.frequency),
      locationIds: new Set(ctx.locations.map((l) => l.id)),
      categories: shape.categoryIds.flatMap((id) => ctx.categories.find((c) => c.id === id) ?? []),
    });
    for (const d of details) {
      const [, index, field] = /^body\.targets\.(\d+)\.(\w+)/.exec(d.field ?? '') ?? [];
      const target = list[Number(index)];
      if (!target) continue;
      bad.add(target);
      problems.push({ sheet: SHEET.targets, row: target.row, column: COLUMN_OF[field!] ?? 'value', reason: d.reason, ...(d.params && { params: d.params }) });
    }
  }
  return targets.filter((t) => !bad.has(t));
}

/** `sex=female; age=12-17` → option ids in the indicator's category order. */
function options(r: RowReader, ctx: ParseContext, categoryIds: string[]): string[] {
  const text = r.text('disaggregation', 500) ?? '';
  if (!text) return [];
  const indicatorCategories = categoryIds.flatMap((id) => ctx.categories.find((c) => c.id === id) ?? []);
  const chosen: string[] = [];
  const used = new Set<string>();
  for (const pair of text.split(';').map((p) => p.trim()).filter(Boolean)) {
    const match = /^([^=]+)=(.+)$/.exec(pair);
    if (!match) {
      r.fail('disaggregation', 'bad_disaggregation', { value: pair });
      continue;
    }
    const [categoryCode, optionCode] = [match[1]!.trim(), match[2]!.trim()];
    const category = indicatorCategories.find((c) => c.code.toLowerCase() === categoryCode.toLowerCase());
    if (!category) {
      const known = ctx.categories.some((c) => c.code.toLowerCase() === categoryCode.toLowerCase());
      r.fail('disaggregation', known ? 'category_not_on_indicator' : 'unknown_category', { code: categoryCode });
      continue;
    }
    if (used.has(category.id)) {
      r.fail('disaggregation', 'same_category_twice', { category: category.code });
      continue;
    }
    used.add(category.id);
    const option = category.options.find((o) => o.code === optionCode) ?? category.options.find((o) => o.code.toLowerCase() === optionCode.toLowerCase());
    if (!option) r.fail('disaggregation', 'unknown_option_code', { category: category.code, option: optionCode });
    else chosen.push(option.id);
  }
  // The canonical order (the indicator's categories), so the same cell always has the same key.
  return r.ok ? disaggregationKey(chosen, indicatorCategories).split('|').filter(Boolean) : [];
}
