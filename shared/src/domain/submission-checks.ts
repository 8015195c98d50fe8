import type { EntryProblem } from '../schemas/reporting.js';
import { DisaggregationError, combinations, disaggregationKey, optionIdsOf } from './disaggregations.js';
import type { NarrativeSection } from './submission-status.js';

/**
 * Checks of a submission's values (issue 4), shared by the grid save, the file import and the web
 * grid so that all three say the same thing:
 *
 * - entry checks (errors, the change is refused): type and range, numerator and denominator,
 *   unknown indicator, place or option;
 * - consistency checks (warnings on save, errors on submit): breakdowns of counted indicators that
 *   do not add up to the total;
 * - submit checks (errors): every indicator × place needs a total or its full breakdown, and the
 *   achievements and challenges narratives must be written.
 *
 * Problems carry a reason and params; the message comes from shared/src/i18n/error-messages.ts.
 */

export type CheckProblem = Omit<EntryProblem, 'message'>;

export interface CheckCategory {
  id: string;
  code: string;
  options: { id: string; code: string }[];
}

export interface CheckIndicator {
  id: string;
  code: string;
  type: 'number' | 'percentage' | 'currency' | 'yes_no' | 'qualitative';
  /** In the indicator's order. */
  categories: CheckCategory[];
  /** When known: only indicators summed over time are checked for adding up. */
  timeAggregation?: string;
}

export interface CheckSetting {
  indicators: readonly CheckIndicator[];
  /** The package's places; empty = the package reports for the project as a whole (locationId null). */
  locations: readonly { id: string; pcode: string }[];
}

/** A change as the API receives it (ValueChangeSchema, defaults applied). */
export interface CellInput {
  indicatorId: string;
  locationId: string | null;
  optionIds: readonly string[];
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  text: string | null;
  comment: string;
}

/** A checked change: options reduced to the canonical key, percentage computed, empty text as null. */
export interface NormalisedCell extends Omit<CellInput, 'optionIds'> {
  optionIds: string[];
  disaggregationKey: string;
  /** Every field empty: the cell is cleared. */
  clear: boolean;
}

/** An entry problem of change N, with the field it concerns (`value`, `numerator`, `optionIds`…). */
export interface EntryCheckProblem extends CheckProblem {
  index: number;
  field: keyof CellInput;
}

/** Counted indicators: their breakdowns must add up to the total. */
export const isAdditive = (i: CheckIndicator) => (i.type === 'number' || i.type === 'currency') && (i.timeAggregation === undefined || i.timeAggregation === 'sum');

const NO_LOCATION = '—';
const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const emptyText = (t: string | null) => t === null || t.trim() === '';

/** Looks up indicators and places once for many checks. */
function indexSetting(s: CheckSetting) {
  return {
    indicators: new Map(s.indicators.map((i) => [i.id, i])),
    pcodes: new Map(s.locations.map((l) => [l.id, l.pcode])),
    locationIds: s.locations.length ? s.locations.map((l) => l.id as string | null) : [null],
    /** For membership tests: a package may have thousands of places. */
    locationSet: new Set<string | null>(s.locations.length ? s.locations.map((l) => l.id) : [null]),
  };
}

/**
 * The stored form of a valid change: percentage value = numerator ÷ denominator × 100 when both
 * are given, empty text as null, options in category order.
 */
export function normaliseCell(indicator: CheckIndicator, c: CellInput): NormalisedCell {
  const key = disaggregationKey(c.optionIds, indicator.categories);
  const text = emptyText(c.text) ? null : c.text!.trim();
  const value = indicator.type === 'percentage' && c.numerator !== null && c.denominator !== null && c.denominator > 0 ? (c.numerator / c.denominator) * 100 : c.value;
  const clear = value === null && c.numerator === null && c.denominator === null && text === null && c.comment === '';
  return { ...c, optionIds: optionIdsOf(key), disaggregationKey: key, value, text, clear };
}

/** The problems of one change's content, for its indicator's type (the indicator and options are known). */
function contentProblems(indicator: CheckIndicator, c: CellInput): { field: keyof CellInput; reason: string; params?: Record<string, string | number> }[] {
  const out: { field: keyof CellInput; reason: string; params?: Record<string, string | number> }[] = [];
  const numbers = c.value !== null || c.numerator !== null || c.denominator !== null;
  if (indicator.type === 'qualitative') {
    if (numbers) out.push({ field: c.value !== null ? 'value' : c.numerator !== null ? 'numerator' : 'denominator', reason: 'qualitative_text_only' });
    return out;
  }
  if (!emptyText(c.text)) out.push({ field: 'text', reason: 'text_not_allowed' });
  for (const field of ['value', 'numerator', 'denominator'] as const) {
    const v = c[field];
    if (v !== null && !Number.isFinite(v)) out.push({ field, reason: 'invalid_type', params: { expected: 'number' } });
  }
  if (out.length) return out;
  if (indicator.type !== 'percentage') {
    if (c.numerator !== null || c.denominator !== null) out.push({ field: c.numerator !== null ? 'numerator' : 'denominator', reason: 'ratio_only_for_percentage' });
    if (indicator.type === 'yes_no' && c.value !== null && c.value !== 0 && c.value !== 1) out.push({ field: 'value', reason: 'yes_no_value' });
    return out;
  }
  const { numerator: n, denominator: d } = c;
  if ((n === null) !== (d === null)) {
    out.push({ field: n === null ? 'numerator' : 'denominator', reason: 'numerator_denominator_pair' });
  } else if (n !== null && d !== null) {
    if (d <= 0) out.push({ field: 'denominator', reason: 'denominator_not_positive' });
    else if (n < 0) out.push({ field: 'numerator', reason: 'too_small', params: { minimum: 0 } });
    else if (n > d) out.push({ field: 'numerator', reason: 'numerator_above_denominator', params: { numerator: n, denominator: d } });
    return out;
  }
  if (c.value !== null && c.value < 0) out.push({ field: 'value', reason: 'too_small', params: { minimum: 0 } });
  if (c.value !== null && c.value > 100) out.push({ field: 'value', reason: 'too_big', params: { maximum: 100 } });
  return out;
}

/**
 * Entry checks of a list of changes. Returns the normalised cells of the valid changes and every
 * problem (errors) with the index and field of its change; callers refuse the whole list when
 * there is any problem. Params name the indicator code and the place's P-code.
 */
export function checkEntries(changes: readonly CellInput[], setting: CheckSetting): { cells: NormalisedCell[]; problems: EntryCheckProblem[] } {
  const s = indexSetting(setting);
  const cells: NormalisedCell[] = [];
  const problems: EntryCheckProblem[] = [];
  const seen = new Map<string, number>();
  changes.forEach((c, index) => {
    const cell = { indicatorId: c.indicatorId, locationId: c.locationId, optionIds: [...c.optionIds] };
    const indicator = s.indicators.get(c.indicatorId);
    const location = c.locationId === null ? NO_LOCATION : (s.pcodes.get(c.locationId) ?? c.locationId);
    const params = { indicator: indicator?.code ?? c.indicatorId, location };
    const add = (field: keyof CellInput, reason: string, extra: Record<string, string | number> = {}) =>
      problems.push({ index, field, cell, section: null, reason, severity: 'error', params: { ...params, ...extra } });
    if (!indicator) return add('indicatorId', 'indicator_not_in_round');
    const before = problems.length;
    if (!s.locationSet.has(c.locationId)) add('locationId', 'location_not_in_package');
    let key = '';
    try {
      key = disaggregationKey(c.optionIds, indicator.categories);
    } catch (e) {
      if (!(e instanceof DisaggregationError)) throw e;
      add('optionIds', e.reason);
    }
    for (const p of contentProblems(indicator, c)) add(p.field, p.reason, p.params);
    if (problems.length > before) return;
    const id = `${c.indicatorId}\u0000${c.locationId ?? ''}\u0000${key}`;
    const other = seen.get(id);
    if (other !== undefined) return add('optionIds', 'duplicate_cell', { other: other + 1 });
    seen.set(id, index);
    cells.push(normaliseCell(indicator, c));
  });
  return { cells, problems };
}

// ── Totals and consistency ───────────────────────────────────────────────────────────────

/** A stored value, as the consistency checks read it. */
export interface CheckCell {
  indicatorId: string;
  locationId: string | null;
  optionIds: readonly string[];
  value: number | null;
  text: string | null;
}

export interface BreakdownSums {
  /** The total as entered, or null. */
  total: number | null;
  /** Per category: the sum of the values of its single-option cells, how many are filled of how many options. */
  byCategory: { categoryId: string; code: string; sum: number; filled: number; expected: number }[];
  /** Full combinations of every category (only with two categories or more). */
  combinations: { sum: number; filled: number; expected: number } | null;
}

/**
 * What the breakdowns of one indicator at one place add up to, from its cells (any order; cells
 * of other indicators or places are ignored). The grid shows these as the reporter types.
 */
export function breakdownSums(indicator: CheckIndicator, locationId: string | null, cells: readonly CheckCell[]): BreakdownSums {
  const categoryOf = new Map(indicator.categories.flatMap((c, i) => c.options.map((o) => [o.id, i] as const)));
  const byCategory = indicator.categories.map((c) => ({ categoryId: c.id, code: c.code, sum: 0, filled: 0, expected: c.options.length }));
  const full = indicator.categories.length >= 2 ? { sum: 0, filled: 0, expected: combinations(indicator.categories).length } : null;
  let total: number | null = null;
  for (const c of cells) {
    if (c.indicatorId !== indicator.id || c.locationId !== locationId || c.value === null) continue;
    if (c.optionIds.length === 0) total = c.value;
    else if (c.optionIds.length === 1) {
      const b = byCategory[categoryOf.get(c.optionIds[0]!) ?? -1];
      if (b) {
        b.sum += c.value;
        b.filled++;
      }
    } else if (full && c.optionIds.length === indicator.categories.length) {
      full.sum += c.value;
      full.filled++;
    }
  }
  return { total, byCategory, combinations: full };
}

/** Whether a cell holds something (a number, or text for a qualitative indicator). */
const filled = (indicator: CheckIndicator, c: CheckCell) => (indicator.type === 'qualitative' ? !emptyText(c.text) : c.value !== null);

/**
 * Breakdowns that do not add up to the total, for counted indicators, per place: each category's
 * options given alone, and the full combinations. Warnings on save, errors on submit.
 */
export function checkConsistency(cells: readonly CheckCell[], setting: CheckSetting, severity: 'warning' | 'error'): CheckProblem[] {
  const s = indexSetting(setting);
  const grouped = groupCells(cells);
  const problems: CheckProblem[] = [];
  for (const indicator of setting.indicators) {
    if (!isAdditive(indicator) || indicator.categories.length === 0) continue;
    for (const locationId of s.locationIds) {
      const sums = breakdownSums(indicator, locationId, grouped.get(groupId(indicator.id, locationId)) ?? []);
      if (sums.total === null) continue;
      const total = sums.total;
      const params = { indicator: indicator.code, location: locationId === null ? NO_LOCATION : (s.pcodes.get(locationId) ?? locationId), total };
      const cell = { indicatorId: indicator.id, locationId, optionIds: [] };
      for (const b of sums.byCategory) {
        if (b.filled > 0 && !near(b.sum, total)) problems.push({ cell, section: null, reason: 'breakdown_sum_mismatch', severity, params: { ...params, category: b.code, sum: b.sum } });
      }
      const full = sums.combinations;
      if (full && full.filled > 0 && !near(full.sum, total)) problems.push({ cell, section: null, reason: 'combinations_sum_mismatch', severity, params: { ...params, sum: full.sum } });
    }
  }
  return problems;
}

const groupId = (indicatorId: string, locationId: string | null) => `${indicatorId}\u0000${locationId ?? ''}`;
function groupCells(cells: readonly CheckCell[]) {
  const out = new Map<string, CheckCell[]>();
  for (const c of cells) {
    const id = groupId(c.indicatorId, c.locationId);
    const list = out.get(id);
    if (list) list.push(c);
    else out.set(id, [c]);
  }
  return out;
}

/** A narrative section as the submit check reads it (package-level sections only count). */
export interface CheckNarrative {
  section: NarrativeSection;
  resultNodeId?: string | null;
  text: string;
}

export const REQUIRED_NARRATIVES: readonly NarrativeSection[] = ['achievements', 'challenges'];

/**
 * Everything that blocks submitting: a missing value (every indicator × place needs its total or
 * a complete breakdown — every full combination, or every option of one category), a missing
 * required narrative, and breakdowns that do not add up.
 */
export function checkSubmit(cells: readonly CheckCell[], narratives: readonly CheckNarrative[], setting: CheckSetting): CheckProblem[] {
  const s = indexSetting(setting);
  const grouped = groupCells(cells);
  const problems: CheckProblem[] = [];
  for (const indicator of setting.indicators) {
    for (const locationId of s.locationIds) {
      const own = (grouped.get(groupId(indicator.id, locationId)) ?? []).filter((c) => filled(indicator, c));
      if (isComplete(indicator, own)) continue;
      problems.push({
        cell: { indicatorId: indicator.id, locationId, optionIds: [] },
        section: null,
        reason: 'missing_value',
        severity: 'error',
        params: { indicator: indicator.code, location: locationId === null ? NO_LOCATION : (s.pcodes.get(locationId) ?? locationId) },
      });
    }
  }
  for (const section of REQUIRED_NARRATIVES) {
    const written = narratives.some((n) => n.section === section && (n.resultNodeId ?? null) === null && n.text.trim() !== '');
    if (!written) problems.push({ cell: null, section, reason: 'missing_narrative', severity: 'error', params: { section } });
  }
  problems.push(...checkConsistency(cells, setting, 'error'));
  return problems;
}

/** The cell's total is given, or can be computed from a complete breakdown. */
function isComplete(indicator: CheckIndicator, own: readonly CheckCell[]): boolean {
  if (own.some((c) => c.optionIds.length === 0)) return true;
  if (indicator.categories.length === 0) return false;
  const keys = new Set(own.map((c) => c.optionIds.join('|')));
  if (indicator.categories.some((cat) => cat.options.length > 0 && cat.options.every((o) => keys.has(o.id)))) return true;
  const combos = combinations(indicator.categories);
  return indicator.categories.length >= 2 && combos.every((combo) => keys.has(combo.join('|')));
}
