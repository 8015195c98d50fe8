import type { Locale } from '@shared/locales.js';
import type { Database } from '../../../db/database.js';
import { frameworkNodes } from '../submissions.repository.js';
import { treeOrder } from '../submissions.service.js';
import { indicatorCategoryOptions, packageLocations, roundIndicators } from './package-frame.repository.js';

/**
 * What a package asks for, in the shape the template, the CSV export and the import all read:
 * its indicators (with categories and options, in the indicator's category order) and its places.
 * Names are in the reader's language where one is stored.
 */
export interface FrameOption {
  id: string;
  code: string;
  label: string;
}
export interface FrameCategory {
  id: string;
  code: string;
  options: FrameOption[];
}
export interface FrameIndicator {
  id: string;
  code: string;
  name: string;
  type: 'number' | 'percentage' | 'currency' | 'yes_no' | 'qualitative';
  timeAggregation: string;
  resultCode: string;
  resultTitle: string;
  categories: FrameCategory[];
}
export interface FrameLocation {
  id: string;
  pcode: string;
  name: string;
}
export interface PackageFrame {
  indicators: FrameIndicator[];
  /** Empty: the package reports for the project as a whole (location null). */
  locations: FrameLocation[];
}

const localized = (fallback: string, json: string, locale: Locale): string => {
  try {
    const names = JSON.parse(json) as Record<string, string>;
    return names[locale]?.trim() || fallback;
  } catch {
    return fallback;
  }
};

export async function loadPackageFrame(db: Database, s: { id: string; round_id: string }, locale: Locale): Promise<PackageFrame> {
  const unordered = await roundIndicators(db, s.round_id);
  // The grid's order: each result, then the results below it; stable, so a result's indicators keep theirs.
  const order = treeOrder(await frameworkNodes(db, [...new Set(unordered.map((r) => r.framework_id))]));
  const rows = [...unordered].sort((a, b) => (order.get(a.node_id) ?? 0) - (order.get(b.node_id) ?? 0));
  const options = await indicatorCategoryOptions(db, rows.map((r) => r.id));
  const categoriesOf = new Map<string, FrameCategory[]>();
  for (const o of options) {
    const list = categoriesOf.get(o.indicator_id) ?? [];
    if (!categoriesOf.has(o.indicator_id)) categoriesOf.set(o.indicator_id, list);
    let category = list.at(-1);
    if (category?.id !== o.category_id) {
      category = { id: o.category_id, code: o.category_code, options: [] };
      list.push(category);
    }
    category.options.push({ id: o.option_id, code: o.option_code, label: localized(o.label, o.labels_json, locale) });
  }
  const indicators = rows.map((r) => ({
    id: r.id, code: r.code, name: localized(r.name, r.names_json, locale), type: r.type as FrameIndicator['type'], timeAggregation: r.time_aggregation,
    resultCode: r.node_code, resultTitle: localized(r.node_title, r.node_titles_json, locale), categories: categoriesOf.get(r.id) ?? [],
  }));
  const locations = (await packageLocations(db, s.id)).map((l) => ({ id: l.id, pcode: l.pcode, name: localized(l.name, l.names_json, locale) }));
  return { indicators, locations };
}

/** One cell the package asks for: the total, or one full combination of the indicator's options. */
export interface ExpectedCell {
  indicator: FrameIndicator;
  location: FrameLocation | null;
  options: FrameOption[];
  /** `category=option` pairs joined by `|`; '' = the total. */
  codes: string;
  /** Option ids joined by `|` in the category order: the stored disaggregation key. */
  key: string;
}

/** Every full combination of the categories' options (the cartesian product), in category order. */
export function combinations(categories: FrameCategory[]): FrameOption[][] {
  let result: FrameOption[][] = [[]];
  for (const c of categories) result = result.flatMap((prefix) => c.options.map((o) => [...prefix, o]));
  return categories.length === 0 ? [] : result;
}

export function codesOf(categories: FrameCategory[], options: FrameOption[]): string {
  return options.map((o, i) => `${categories[i]!.code}=${o.code}`).join('|');
}

/** The package's cells in template order: indicator, then place, then the total before its breakdown. */
export function* expectedCells(frame: PackageFrame): Generator<ExpectedCell> {
  const places: (FrameLocation | null)[] = frame.locations.length ? frame.locations : [null];
  for (const indicator of frame.indicators) {
    const combos = [[], ...combinations(indicator.categories)];
    for (const location of places) {
      for (const options of combos) {
        yield { indicator, location, options, codes: codesOf(indicator.categories, options), key: options.map((o) => o.id).join('|') };
      }
    }
  }
}
