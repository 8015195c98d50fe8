import type { LevelLabel } from '@shared/domain/framework-templates.js';
import { LEVEL_COUNT } from '@shared/domain/framework-templates.js';
import { PERIOD_TYPES, type PeriodType } from '@shared/domain/periods.js';
import { DIRECTIONS, INDICATOR_TYPES, LOCATION_AGGREGATIONS, TIME_AGGREGATIONS } from '@shared/schemas/index.js';
import type { DetailInput } from '../../lib/errors.js';
import { parseTargets, type PlannedTarget } from './targets-parse.js';
import { SHEET } from './framework-template.js';
import { RowReader } from './row-reader.js';
import type { RawSheets } from './workbook-reader.js';

/** What the file is checked against: the framework's level names and what the project and organisation offer. */
export interface ParseContext {
  levels: LevelLabel[];
  /** The organisation's disaggregation categories with their options (codes and ids). */
  categories: { id: string; code: string; options: { id: string; code: string }[] }[];
  /** The project's own locations: targets may be set for these. */
  locations: { id: string; pcode: string }[];
  /** Period keys of a frequency over the project's dates, in order (without LOP). */
  periodKeys(frequency: PeriodType): string[];
  /** Stored results by code: an existing result cannot change level. */
  existingNodes: Map<string, { level: number }>;
  /** Stored indicators by code, for their frequency and categories when the file has no column for them. */
  existingIndicators: Map<string, { type: string; frequency: PeriodType; categoryIds: string[] }>;
}

type Translations = Partial<Record<'fr' | 'es' | 'ar', string>>;

export interface PlannedNode {
  row: number;
  code: string;
  level: number;
  parentCode: string | null;
  title: string;
  titles?: Translations;
  description?: string;
}

/** Fields in API names; a field is absent when the file has no column for it. */
export interface PlannedIndicator {
  row: number;
  resultCode: string;
  code: string;
  fields: {
    name: string;
    names?: Translations;
    definition?: string;
    unit?: string;
    type: (typeof INDICATOR_TYPES)[number];
    direction?: (typeof DIRECTIONS)[number];
    timeAggregation?: (typeof TIME_AGGREGATIONS)[number];
    locationAggregation?: (typeof LOCATION_AGGREGATIONS)[number];
    cumulative?: boolean;
    baselineValue?: number | null;
    baselineDate?: string | null;
    lopTarget?: number | null;
    meansOfVerification?: string;
    dataSource?: string;
    collectionMethod?: string;
    frequency?: PeriodType;
    responsible?: string;
    categoryIds?: string[];
  };
}

export interface FrameworkPlan {
  nodes: PlannedNode[];
  indicators: PlannedIndicator[];
  targets: PlannedTarget[];
}

const MAX_CATEGORIES = 4;

/** What the Targets sheet is checked against for one indicator; null when its own cell could not be read. */
export interface IndicatorShape {
  type: string | null;
  frequency: PeriodType | null;
  categoryIds: string[] | null;
}

/** Checks the whole workbook and lists every problem; the plan is only to be applied when there are none. */
export function parseFramework(sheets: RawSheets, ctx: ParseContext): { plan: FrameworkPlan; problems: DetailInput[] } {
  const problems: DetailInput[] = [];
  const nodes = parseResults(sheets, ctx, problems);
  const { indicators, shapes } = parseIndicators(sheets, ctx, new Set(nodes.map((n) => n.code)), problems);
  const targets = parseTargets(sheets[SHEET.targets], ctx, shapes, problems);
  return { plan: { nodes, indicators, targets }, problems };
}

function translations(r: RowReader, prefix: string, max: number): Translations | undefined {
  const keys = (['fr', 'es', 'ar'] as const).filter((l) => r.has(`${prefix}_${l}`));
  if (!keys.length) return undefined;
  const out: Translations = {};
  for (const l of keys) {
    const v = r.text(`${prefix}_${l}`, max);
    if (v) out[l] = v;
  }
  return out;
}

/** 0–3, or a level name in any language (case and spacing ignored). */
function level(r: RowReader, levels: LevelLabel[]): number | undefined {
  const raw = r.text('level', 200, true);
  if (!raw) return undefined;
  if (/^\d+(\.0+)?$/.test(raw) && Number(raw) < LEVEL_COUNT) return Number(raw);
  const wanted = raw.toLowerCase().replace(/\s+/g, ' ');
  const i = levels.findIndex((l) => Object.values(l).some((name) => name.toLowerCase().replace(/\s+/g, ' ') === wanted));
  if (i >= 0) return i;
  r.fail('level', 'unknown_result_level', { level: raw, names: levels.map((l, n) => `${n} ${l.en}`).join(', ') });
  return undefined;
}

/** Remembers the first row of each code and reports the later ones. */
function firstOfCode(r: RowReader, code: string, seen: Map<string, number>) {
  const other = seen.get(code);
  if (other !== undefined) {
    r.fail('code', 'duplicate_code', { code, otherRow: other });
    return false;
  }
  seen.set(code, r.row);
  return true;
}

function parseResults(sheets: RawSheets, ctx: ParseContext, problems: DetailInput[]): PlannedNode[] {
  const seen = new Map<string, number>();
  const read = sheets[SHEET.results].map((raw) => {
    const r = new RowReader(SHEET.results, raw, problems);
    const code = r.text('code', 20, true) ?? '';
    const node = {
      row: r.row,
      code,
      level: level(r, ctx.levels),
      parentCode: r.text('parent_code', 20) || null,
      title: r.text('title', 1_000, true) ?? '',
      titles: translations(r, 'title', 500),
      description: r.text('description', 10_000),
    };
    const unique = code !== '' && firstOfCode(r, code, seen);
    return { r, node, unique };
  });
  const byCode = new Map(read.filter((x) => x.unique).map((x) => [x.node.code, x.node]));
  const out: PlannedNode[] = [];
  for (const { r, node, unique } of read) {
    if (node.parentCode !== null) {
      const parent = byCode.get(node.parentCode);
      if (!parent) r.fail('parent_code', 'unknown_result', { code: node.parentCode });
      else if (node.level !== undefined && parent.level !== undefined && parent.level !== node.level - 1) r.fail('parent_code', 'wrong_parent_level');
    }
    const stored = ctx.existingNodes.get(node.code);
    if (unique && stored && node.level !== undefined && stored.level !== node.level) {
      r.fail('level', 'level_changed', { code: node.code, before: stored.level, after: node.level });
    }
    if (unique && node.level !== undefined) out.push(dropUndefined({ ...node, level: node.level }));
  }
  return out;
}

/** The categories' ids in the file's order; null when a code could not be used. */
function categoryIds(r: RowReader, ctx: ParseContext): string[] | null | undefined {
  const raw = r.text('disaggregations', 500);
  if (raw === undefined) return undefined;
  let ok = true;
  const fail = (reason: string, params: Record<string, string | number>) => {
    ok = false;
    r.fail('disaggregations', reason, params);
  };
  const codes = raw.split(/[,;]/).map((c) => c.trim()).filter(Boolean);
  const ids: string[] = [];
  for (const code of codes) {
    const category = ctx.categories.find((c) => c.code === code) ?? ctx.categories.find((c) => c.code.toLowerCase() === code.toLowerCase());
    if (!category) fail('unknown_category', { code });
    else if (ids.includes(category.id)) fail('same_category_twice', { category: code });
    else ids.push(category.id);
  }
  if (ids.length > MAX_CATEGORIES) fail('too_many_categories', { maximum: MAX_CATEGORIES });
  return ok ? ids : null;
}

function parseIndicators(sheets: RawSheets, ctx: ParseContext, resultCodes: Set<string>, problems: DetailInput[]) {
  const seen = new Map<string, number>();
  const out: PlannedIndicator[] = [];
  const shapes = new Map<string, IndicatorShape>();
  for (const raw of sheets[SHEET.indicators]) {
    const r = new RowReader(SHEET.indicators, raw, problems);
    const resultCode = r.text('result_code', 20, true) ?? '';
    if (resultCode && !resultCodes.has(resultCode)) r.fail('result_code', 'unknown_result', { code: resultCode });
    const code = r.text('code', 40, true) ?? '';
    const type = r.choice('type', INDICATOR_TYPES);
    const fields: PlannedIndicator['fields'] = {
      name: r.text('name', 500, true) ?? '',
      names: translations(r, 'name', 500),
      definition: r.text('definition', 10_000),
      unit: r.text('unit', 100),
      type: type ?? 'number',
      direction: r.choice('direction', DIRECTIONS, 'increase'),
      timeAggregation: r.choice('time_aggregation', TIME_AGGREGATIONS, 'sum'),
      locationAggregation: r.choice('location_aggregation', LOCATION_AGGREGATIONS, 'sum'),
      cumulative: r.yesNo('cumulative'),
      baselineValue: r.number('baseline_value'),
      baselineDate: r.date('baseline_date'),
      lopTarget: r.number('lop_target'),
      meansOfVerification: r.text('means_of_verification', 5_000),
      dataSource: r.text('data_source', 2_000),
      collectionMethod: r.text('collection_method', 2_000),
      frequency: r.choice('frequency', PERIOD_TYPES, 'quarter'),
      responsible: r.text('responsible', 200),
    };
    const categories = categoryIds(r, ctx);
    if (categories) fields.categoryIds = categories;
    const unique = code !== '' && firstOfCode(r, code, seen);
    if (!unique) continue;
    out.push({ row: r.row, resultCode, code, fields: dropUndefined(fields) });
    // A row with problems still counts as present; its targets are checked against what it says, where that could be read.
    const stored = ctx.existingIndicators.get(code);
    shapes.set(code, {
      type: type ?? null,
      frequency: r.has('frequency') ? (fields.frequency ?? null) : (stored?.frequency ?? 'quarter'),
      categoryIds: categories === undefined ? (stored?.categoryIds ?? []) : categories,
    });
  }
  return { indicators: out, shapes };
}

const dropUndefined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
