import type { ValueColumn } from './import/columns.js';
import { type FrameIndicator, type FrameLocation, type FrameOption, type PackageFrame, codesOf, expectedCells } from './import/package-frame.js';
import { cellKeyOf } from './values.writer.js';

export type TemplateCell = string | number | null;
export type TemplateRow = Record<ValueColumn, TemplateCell>;

export interface StoredValue {
  indicator_id: string;
  location_id: string | null;
  disaggregation_key: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  text_value: string | null;
  comment: string;
}

function row(indicator: FrameIndicator, location: FrameLocation | null, options: FrameOption[], codes: string, v: StoredValue | undefined): TemplateRow {
  return {
    indicator_code: indicator.code, indicator: indicator.name, result: `${indicator.resultCode} ${indicator.resultTitle}`.trim(),
    location_pcode: location?.pcode ?? null, location: location?.name ?? null,
    disaggregation: options.map((o) => o.label).join(' · ') || null, disaggregation_codes: codes || null,
    value: v?.value ?? null, numerator: v?.numerator ?? null, denominator: v?.denominator ?? null, text: v?.text_value ?? null, comment: v?.comment || null,
  };
}

/**
 * The rows of the template and the CSV export: every cell the package asks for (indicator × place ×
 * total and full breakdowns) with its current value, then any other stored value (a breakdown by one
 * category only), so that the export holds everything and importing it again changes nothing.
 */
export function* templateRows(frame: PackageFrame, values: StoredValue[]): Generator<TemplateRow> {
  const stored = new Map(values.map((v) => [cellKeyOf(v.indicator_id, v.location_id, v.disaggregation_key), v]));
  for (const c of expectedCells(frame)) {
    const key = cellKeyOf(c.indicator.id, c.location?.id ?? null, c.key);
    yield row(c.indicator, c.location, c.options, c.codes, stored.get(key));
    stored.delete(key);
  }
  if (stored.size === 0) return;
  const indicators = new Map(frame.indicators.map((i) => [i.id, i]));
  const locations = new Map(frame.locations.map((l) => [l.id, l]));
  const rest = [...stored.values()].sort((a, b) => a.indicator_id.localeCompare(b.indicator_id) || (a.location_id ?? '').localeCompare(b.location_id ?? '') || a.disaggregation_key.localeCompare(b.disaggregation_key));
  for (const v of rest) {
    const indicator = indicators.get(v.indicator_id);
    if (!indicator) continue; // an indicator since removed from the round
    const location = v.location_id === null ? null : (locations.get(v.location_id) ?? null);
    if (v.location_id !== null && !location) continue;
    const ids = v.disaggregation_key === '' ? [] : v.disaggregation_key.split('|');
    const categories = ids.map((id) => indicator.categories.find((c) => c.options.some((o) => o.id === id)));
    if (categories.some((c) => !c)) continue;
    const options = ids.map((id, i) => categories[i]!.options.find((o) => o.id === id)!);
    yield row(indicator, location, options, codesOf(categories as NonNullable<(typeof categories)[number]>[], options), v);
  }
}
