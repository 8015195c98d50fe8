import { type CategoryOptions, combinations, disaggregationKey } from '@shared/domain/disaggregations.js';
import type { IndicatorValue, SubmissionDetail, SubmissionIndicator, ValueChange } from '@shared/schemas/index.js';

/**
 * The submission grid's model, kept apart from React so it can be tested. A cell is one value:
 * (indicator, location — null for the project as a whole —, options). Its key joins the three with
 * tabs, the options as the disaggregation key (ids in the indicator's category order joined by `|`,
 * '' for the total), so the same cell always has the same key whatever order its options came in.
 */
export type CellKey = string;

/** What a cell holds; the fields of a value the reporter can change. */
export interface CellContent {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  text: string | null;
  comment: string;
}

export const EMPTY_CONTENT: CellContent = { value: null, numerator: null, denominator: null, text: null, comment: '' };

export const cellKey = (indicatorId: string, locationId: string | null, optionKey: string): CellKey =>
  `${indicatorId}\t${locationId ?? ''}\t${optionKey}`;

export function parseCellKey(key: CellKey): { indicatorId: string; locationId: string | null; optionIds: string[] } {
  const [indicatorId = '', location = '', options = ''] = key.split('\t');
  return { indicatorId, locationId: location || null, optionIds: options ? options.split('|') : [] };
}

/** The key of a cell named by the server (a value, a comment, a flag, a problem). */
export function keyOfCell(cell: { indicatorId: string; locationId: string | null; optionIds: string[] }, categories: CategoryOptions[] | undefined): CellKey {
  let options: string;
  try {
    options = categories ? disaggregationKey(cell.optionIds, categories) : cell.optionIds.join('|');
  } catch {
    // An option the indicator no longer has: keep it as sent, the cell just has no column.
    options = cell.optionIds.join('|');
  }
  return cellKey(cell.indicatorId, cell.locationId, options);
}

/** One column of an indicator's block: the total ('') or one full combination of its categories. */
export interface Column {
  key: string;
  optionIds: string[];
}

/** The total, then every full combination of the categories, first category varying slowest. */
export function columnsOf(categories: CategoryOptions[]): Column[] {
  const total: Column = { key: '', optionIds: [] };
  if (categories.length === 0) return [total];
  return [total, ...combinations(categories).map((optionIds) => ({ key: optionIds.join('|'), optionIds }))];
}

export type IndicatorCells = Record<CellKey, CellContent>;

/**
 * The server's values as cells, by indicator. The value objects themselves are the contents, so a
 * cell whose value did not change keeps the same object and its input does not render again.
 */
export function cellsByIndicator(values: IndicatorValue[], indicators: SubmissionIndicator[]): Record<string, IndicatorCells> {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const out: Record<string, IndicatorCells> = {};
  for (const i of indicators) out[i.id] = {};
  for (const v of values) {
    const cells = (out[v.indicatorId] ??= {});
    cells[keyOfCell(v, byId.get(v.indicatorId)?.categories)] = v;
  }
  return out;
}

/** A result node with its indicators, in the order the package lists them. */
export interface ResultGroup {
  node: SubmissionIndicator['resultNode'];
  indicators: SubmissionIndicator[];
}

export function groupByResult(indicators: SubmissionIndicator[]): ResultGroup[] {
  const groups = new Map<string, ResultGroup>();
  for (const i of indicators) {
    const g = groups.get(i.resultNode.id);
    if (g) g.indicators.push(i);
    else groups.set(i.resultNode.id, { node: i.resultNode, indicators: [i] });
  }
  return [...groups.values()];
}

export const isEmptyContent = (c: CellContent) => c.value === null && c.numerator === null && c.denominator === null && (c.text ?? '') === '' && c.comment === '';

export const sameContent = (a: CellContent, b: CellContent) =>
  a.value === b.value && a.numerator === b.numerator && a.denominator === b.denominator && (a.text ?? '') === (b.text ?? '') && a.comment === b.comment;

/** The content as the server takes it: a percentage's value follows from numerator and denominator. */
export function normalise(content: CellContent, type: SubmissionIndicator['type']): CellContent {
  // Only the fields of a cell: the server's value objects carry more, which neither the request nor the device needs.
  const c: CellContent = { value: content.value, numerator: content.numerator, denominator: content.denominator, text: content.text === '' ? null : content.text, comment: content.comment };
  if (type === 'percentage' && (c.numerator !== null || c.denominator !== null)) c.value = percentOf(c.numerator, c.denominator);
  return c;
}

/** numerator ÷ denominator × 100, or null when it cannot be computed. */
export function percentOf(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator <= 0) return null;
  return (numerator / denominator) * 100;
}

export function toChange(key: CellKey, content: CellContent): ValueChange {
  const { indicatorId, locationId, optionIds } = parseCellKey(key);
  return { indicatorId, locationId, optionIds, value: content.value, numerator: content.numerator, denominator: content.denominator, text: content.text, comment: content.comment };
}

/** What a row or column adds up to: a count, or for a percentage the summed numerators and denominators. */
export interface Sum {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

function add(sum: Sum, c: CellContent | undefined): Sum {
  if (!c) return sum;
  const plus = (a: number | null, b: number | null) => (b === null ? a : (a ?? 0) + b);
  return { value: plus(sum.value, c.value), numerator: plus(sum.numerator, c.numerator), denominator: plus(sum.denominator, c.denominator) };
}

const NO_SUM: Sum = { value: null, numerator: null, denominator: null };

/** The breakdown of one row (every combination column) added up; nulls when nothing is entered. */
export function breakdownSum(cells: IndicatorCells, indicatorId: string, locationId: string | null, columns: Column[]): Sum {
  return columns.slice(1).reduce((s, col) => add(s, cells[cellKey(indicatorId, locationId, col.key)]), NO_SUM);
}

/** One column added up over the rows (the "All locations" row). */
export function columnSum(cells: IndicatorCells, indicatorId: string, locationIds: (string | null)[], column: string): Sum {
  return locationIds.reduce((s, l) => add(s, cells[cellKey(indicatorId, l, column)]), NO_SUM);
}

/** The rows of a block: the package's locations, or the project as a whole when it names none. */
export const rowLocations = (locations: { id: string }[]): (string | null)[] => (locations.length ? locations.map((l) => l.id) : [null]);

/**
 * The package after a confirmed save, without asking the server again: each saved cell replaces its
 * value (or removes it when emptied); the others keep their objects.
 */
export function withSavedValues<T extends { values: IndicatorValue[]; indicators: SubmissionIndicator[] }>(
  detail: T,
  saved: Record<CellKey, CellContent>,
  at: string,
  by: { id: string; name: string },
): T {
  const byId = new Map(detail.indicators.map((i) => [i.id, i]));
  const rest = detail.values.filter((v) => !(keyOfCell(v, byId.get(v.indicatorId)?.categories) in saved));
  const added = Object.entries(saved)
    .filter(([, c]) => !isEmptyContent(c))
    .map(([key, c]): IndicatorValue => ({ ...parseCellKey(key), value: c.value, numerator: c.numerator, denominator: c.denominator, text: c.text, comment: c.comment, updatedAt: at, updatedBy: by }));
  return { ...detail, values: [...rest, ...added] };
}

/** The header's "N of M values filled" after a save, counted as the server counts it: indicator × place cells holding a value. */
export function withFilledCount(d: SubmissionDetail): SubmissionDetail {
  const places = new Set(d.locations.map((l) => l.id));
  const indicators = new Set(d.indicators.map((i) => i.id));
  const counted = d.values.filter((v) => indicators.has(v.indicatorId) && (v.locationId === null ? places.size === 0 : places.has(v.locationId)));
  const filledCount = new Set(counted.map((v) => `${v.indicatorId}|${v.locationId ?? ''}`)).size;
  return { ...d, submission: { ...d.submission, filledCount } };
}

/**
 * The cells the grid shows, by indicator: the server's, with the edits not yet confirmed on top. An
 * indicator whose cells did not change keeps its map from `previous`, so its block does not render again.
 */
export function effectiveCells(
  base: Record<string, IndicatorCells>,
  edits: Record<CellKey, CellContent>,
  previous: { base: Record<string, IndicatorCells>; edits: Record<string, IndicatorCells>; result: Record<string, IndicatorCells> } | null,
) {
  const editsByIndicator: Record<string, IndicatorCells> = {};
  for (const [key, c] of Object.entries(edits)) (editsByIndicator[parseCellKey(key).indicatorId] ??= {})[key] = c;
  const result: Record<string, IndicatorCells> = {};
  for (const id of new Set([...Object.keys(base), ...Object.keys(editsByIndicator)])) {
    const mine = editsByIndicator[id] ?? {};
    const before = previous?.edits[id] ?? {};
    const sameEdits = Object.keys(mine).length === Object.keys(before).length && Object.keys(mine).every((k) => mine[k] === before[k]);
    if (previous && previous.base[id] === base[id] && sameEdits && previous.result[id]) {
      result[id] = previous.result[id];
      editsByIndicator[id] = before;
    } else result[id] = Object.keys(mine).length ? { ...base[id], ...mine } : (base[id] ?? {});
  }
  return { base, edits: editsByIndicator, result };
}
