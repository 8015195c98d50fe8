import type { LocationLevel } from '@shared/schemas/locations.js';
import type { Granularity, PivotCatalogue, PivotDefinition, PivotDimension } from '@shared/schemas/monitoring.js';

/**
 * The pivot builder's state is the definition the API takes, edited by pure functions so the page
 * stays a thin view and the rules (which dimensions may be added, what makes a definition
 * sendable) are tested without a browser.
 */

export type Axis = 'rows' | 'columns';
/** The contract's limits (PivotDefinitionSchema), checked here so the page explains them before sending. */
export const MAX_ROWS = 4;
export const MAX_COLUMNS = 3;
export const MAX_INDICATORS = 25;
export const axisLimit = (axis: Axis) => (axis === 'rows' ? MAX_ROWS : MAX_COLUMNS);

export const DEFAULT_LEVEL: LocationLevel = 'admin1';
export const DEFAULT_GRANULARITY: Granularity = 'quarter';

export const emptyDefinition = (): PivotDefinition => ({
  indicatorIds: [],
  rows: [],
  columns: [],
  filters: { locationIds: [], organisationIds: [], options: {} },
  includePending: false,
});

/**
 * What makes two dimensions the same for "already used": a place or a period appears once,
 * whatever its level or granularity (two levels of places would split the same values twice).
 */
export function dimensionKey(d: PivotDimension): string {
  return d.type === 'category' ? `category:${d.categoryId}` : d.type;
}

/** The categories any chosen indicator is broken down by, in the catalogue's order. */
export function categoriesOf(catalogue: PivotCatalogue, indicatorIds: readonly string[]): PivotCatalogue['categories'] {
  const chosen = new Set(indicatorIds);
  const used = new Set(catalogue.indicators.filter((i) => chosen.has(i.id)).flatMap((i) => i.categoryIds));
  return catalogue.categories.filter((c) => used.has(c.id));
}

/** Every dimension a pivot of these indicators can use, with a default level and granularity. */
export function allDimensions(catalogue: PivotCatalogue, indicatorIds: readonly string[]): PivotDimension[] {
  return [
    { type: 'indicator' },
    { type: 'resultNode' },
    { type: 'project' },
    { type: 'programme' },
    { type: 'organisation' },
    { type: 'location', level: DEFAULT_LEVEL },
    { type: 'period', granularity: DEFAULT_GRANULARITY },
    ...categoriesOf(catalogue, indicatorIds).map((c): PivotDimension => ({ type: 'category', categoryId: c.id })),
  ];
}

/** The dimensions not yet on either axis: what the "Add" menus offer. */
export function addableDimensions(def: PivotDefinition, catalogue: PivotCatalogue): PivotDimension[] {
  const used = new Set([...def.rows, ...def.columns].map(dimensionKey));
  return allDimensions(catalogue, def.indicatorIds).filter((d) => !used.has(dimensionKey(d)));
}

export function addDimension(def: PivotDefinition, axis: Axis, dim: PivotDimension): PivotDefinition {
  const used = [...def.rows, ...def.columns].some((d) => dimensionKey(d) === dimensionKey(dim));
  if (used || def[axis].length >= axisLimit(axis)) return def;
  return { ...def, [axis]: [...def[axis], dim] };
}

export function removeDimension(def: PivotDefinition, axis: Axis, index: number): PivotDefinition {
  return { ...def, [axis]: def[axis].filter((_, i) => i !== index) };
}

/** Moves one step up (-1) or down (+1) within its list; at either end nothing changes. */
export function moveDimension(def: PivotDefinition, axis: Axis, index: number, step: -1 | 1): PivotDefinition {
  const target = index + step;
  const list = [...def[axis]];
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return def;
  [list[index], list[target]] = [list[target]!, list[index]!];
  return { ...def, [axis]: list };
}

/** Moves a dimension to the end of the other list (refused when that list is full). */
export function switchAxis(def: PivotDefinition, axis: Axis, index: number): PivotDefinition {
  const other: Axis = axis === 'rows' ? 'columns' : 'rows';
  const dim = def[axis][index];
  if (!dim || def[other].length >= axisLimit(other)) return def;
  return { ...def, [axis]: def[axis].filter((_, i) => i !== index), [other]: [...def[other], dim] };
}

/** Changes a place's level or a period's granularity in place. */
export function replaceDimension(def: PivotDefinition, axis: Axis, index: number, dim: PivotDimension): PivotDefinition {
  if (!def[axis][index]) return def;
  return { ...def, [axis]: def[axis].map((d, i) => (i === index ? dim : d)) };
}

/** Rows become columns and columns rows, when both fit. */
export function swapAxes(def: PivotDefinition): PivotDefinition {
  if (def.rows.length > MAX_COLUMNS) return def;
  return { ...def, rows: def.columns, columns: def.rows };
}

/**
 * Chooses the indicators. Categories no chosen indicator has are dropped from the axes and the
 * option filters, since the server would refuse them (and they would split nothing).
 */
export function setIndicators(def: PivotDefinition, catalogue: PivotCatalogue, indicatorIds: string[]): PivotDefinition {
  const ids = [...new Set(indicatorIds)];
  const kept = new Set(categoriesOf(catalogue, ids).map((c) => c.id));
  const keep = (d: PivotDimension) => d.type !== 'category' || kept.has(d.categoryId);
  const options = Object.fromEntries(Object.entries(def.filters.options).filter(([categoryId]) => kept.has(categoryId)));
  return { ...def, indicatorIds: ids, rows: def.rows.filter(keep), columns: def.columns.filter(keep), filters: { ...def.filters, options } };
}

export function setOptionFilter(def: PivotDefinition, categoryId: string, optionIds: string[]): PivotDefinition {
  const options = { ...def.filters.options };
  if (optionIds.length) options[categoryId] = optionIds;
  else delete options[categoryId];
  return { ...def, filters: { ...def.filters, options } };
}

/** How many filters are set, for the "Filters (2)" toggle. */
export function activeFilterCount(def: PivotDefinition): number {
  const f = def.filters;
  return [f.from, f.to].filter(Boolean).length + (f.locationIds.length ? 1 : 0) + (f.organisationIds.length ? 1 : 0) + Object.keys(f.options).length;
}

export type PivotProblem =
  | { code: 'noIndicator' }
  | { code: 'tooManyIndicators'; max: number }
  | { code: 'indicatorDimensionNeeded' }
  | { code: 'tooManyRows'; max: number }
  | { code: 'tooManyColumns'; max: number }
  | { code: 'duplicateDimension' }
  | { code: 'unknownCategory' }
  | { code: 'datesReversed' };

/**
 * Why a definition cannot be sent yet, in the order a user would fix them; empty when it can. The
 * server checks the same rules; this only saves a round trip and explains them in words.
 */
export function validateDefinition(def: PivotDefinition, catalogue?: PivotCatalogue): PivotProblem[] {
  const problems: PivotProblem[] = [];
  const dims = [...def.rows, ...def.columns];
  if (def.indicatorIds.length === 0) problems.push({ code: 'noIndicator' });
  if (def.indicatorIds.length > MAX_INDICATORS) problems.push({ code: 'tooManyIndicators', max: MAX_INDICATORS });
  // Different indicators never add up (people trained + wells built), so each needs its own row or column.
  if (def.indicatorIds.length > 1 && !dims.some((d) => d.type === 'indicator')) problems.push({ code: 'indicatorDimensionNeeded' });
  if (def.rows.length > MAX_ROWS) problems.push({ code: 'tooManyRows', max: MAX_ROWS });
  if (def.columns.length > MAX_COLUMNS) problems.push({ code: 'tooManyColumns', max: MAX_COLUMNS });
  if (new Set(dims.map(dimensionKey)).size !== dims.length) problems.push({ code: 'duplicateDimension' });
  if (catalogue) {
    const known = new Set(categoriesOf(catalogue, def.indicatorIds).map((c) => c.id));
    if (dims.some((d) => d.type === 'category' && !known.has(d.categoryId))) problems.push({ code: 'unknownCategory' });
  }
  const { from, to } = def.filters;
  if (from && to && from > to) problems.push({ code: 'datesReversed' });
  return problems;
}

/** Puts the indicators first on the rows: the one-click fix for `indicatorDimensionNeeded`. */
export function addIndicatorRows(def: PivotDefinition): PivotDefinition {
  if ([...def.rows, ...def.columns].some((d) => d.type === 'indicator')) return def;
  if (def.rows.length < MAX_ROWS) return { ...def, rows: [{ type: 'indicator' }, ...def.rows] };
  if (def.columns.length < MAX_COLUMNS) return { ...def, columns: [{ type: 'indicator' }, ...def.columns] };
  return def;
}

/**
 * The definition as sent: empty dates left out (a cleared date input gives ""), so that the same
 * pivot always has the same request and the result cache is reused.
 */
export function requestBody(def: PivotDefinition): PivotDefinition {
  const { from, to, ...rest } = def.filters;
  return { ...def, filters: { ...rest, ...(from ? { from } : {}), ...(to ? { to } : {}) } };
}

/** Same definition whatever the order of object keys (a saved one comes back from the server re-ordered). */
export function sameDefinition(a: PivotDefinition, b: PivotDefinition): boolean {
  return canonical(requestBody(a)) === canonical(requestBody(b));
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A new pivot for the chosen indicators: indicators (when several) down, quarters across — a useful first table. */
export function starterDefinition(indicatorIds: string[]): PivotDefinition {
  return {
    ...emptyDefinition(),
    indicatorIds,
    rows: indicatorIds.length > 1 ? [{ type: 'indicator' }] : [],
    columns: [{ type: 'period', granularity: DEFAULT_GRANULARITY }],
  };
}
