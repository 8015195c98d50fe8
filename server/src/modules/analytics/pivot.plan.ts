import type { AggregationRules } from '@shared/domain/aggregation.js';
import type { PivotDefinition, PivotDimension } from '@shared/schemas/monitoring.js';
import { invalid } from '../../lib/errors.js';
import type { EngineQuery, EngineRow, FactScope } from './engine.types.js';

/**
 * What a pivot asks the engine, worked out before any figure is read. A pivot's cells, row and
 * column totals, grand total and subtotals are each one engine question with fewer groupings —
 * never sums of cells, since a percentage or a `latest` total is not the sum of its parts.
 */

/** An indicator of the pivot with what its derived dimensions (result, project, programme) read. */
export interface PivotIndicator {
  id: string;
  code: string;
  /** In the reader's language. */
  name: string;
  unit: string;
  type: string;
  rules: AggregationRules;
  /** Itself for a project indicator; the contributing project indicators for a programme indicator. */
  sourceIds: string[];
  resultNodeId: string;
  /** Null for a programme indicator: its figures are the programme's, not one project's. */
  projectId: string | null;
  programmeId: string;
  /** The programme's organisation: whose fiscal year periods follow. */
  leadOrganisationId: string;
}

/** A dimension's identity: two dimensions with the same id group by the same thing. */
export const dimensionId = (d: PivotDimension): string => (d.type === 'category' ? `category:${d.categoryId}` : d.type);

/** The `none` member key: "not disaggregated", "whole project / no place", "programme level". */
export const NONE = 'none';

/**
 * Refuses definitions that cannot give one meaningful figure per cell: several indicators with
 * no indicator dimension (indicators never add up), a dimension twice, two place levels or two
 * period granularities (a value would sit in two members of the same row).
 */
export function checkDefinition(def: PivotDefinition): void {
  const seen = new Set<string>();
  let location = false;
  let period = false;
  for (const [axis, dims] of [['rows', def.rows], ['columns', def.columns]] as const) {
    for (const d of dims) {
      const id = dimensionId(d);
      if (seen.has(id) && d.type !== 'location' && d.type !== 'period') throw invalid({ field: axis, reason: 'duplicate_dimension' });
      seen.add(id);
      if (d.type === 'location') {
        if (location) throw invalid({ field: axis, reason: 'one_location_dimension' });
        location = true;
      }
      if (d.type === 'period') {
        if (period) throw invalid({ field: axis, reason: 'one_period_dimension' });
        period = true;
      }
    }
  }
  if (new Set(def.indicatorIds).size > 1 && !seen.has('indicator')) throw invalid({ field: 'rows', reason: 'indicator_dimension_required' });
}

/** The member key of a row of the answer on a dimension. Result, project and programme follow from the indicator. */
export type MemberKeyOf = (row: EngineRow) => string;

export function memberKeyOf(d: PivotDimension, byId: ReadonlyMap<string, PivotIndicator>): MemberKeyOf {
  switch (d.type) {
    case 'indicator':
      return (r) => r.indicatorId;
    case 'resultNode':
      return (r) => byId.get(r.indicatorId)!.resultNodeId;
    case 'project':
      return (r) => byId.get(r.indicatorId)!.projectId ?? NONE;
    case 'programme':
      return (r) => byId.get(r.indicatorId)!.programmeId;
    case 'organisation':
      return (r) => r.organisationId ?? NONE;
    case 'location':
      return (r) => r.locationId ?? NONE;
    case 'period':
      return (r) => r.period!.key;
    case 'category':
      return (r) => r.options?.[d.categoryId] ?? NONE;
  }
}

const INDICATOR_BOUND = new Set(['indicator', 'resultNode', 'project', 'programme']);

/**
 * The indicators whose figures a grouping can show without adding up different indicators: with
 * the indicator dimension, all of them; otherwise those alone in their result / project /
 * programme member (with none of those dimensions: only a lone indicator). The others' totals are null.
 */
export function separableIndicators(dims: readonly PivotDimension[], indicators: readonly PivotIndicator[]): PivotIndicator[] {
  if (dims.some((d) => d.type === 'indicator')) return [...indicators];
  const bound = dims.filter((d) => INDICATOR_BOUND.has(d.type));
  const tupleOf = (i: PivotIndicator) =>
    bound.map((d) => (d.type === 'resultNode' ? i.resultNodeId : d.type === 'project' ? (i.projectId ?? NONE) : i.programmeId)).join('\u0001');
  const counts = new Map<string, number>();
  for (const i of indicators) counts.set(tupleOf(i), (counts.get(tupleOf(i)) ?? 0) + 1);
  return indicators.filter((i) => counts.get(tupleOf(i)) === 1);
}

/** What every engine question of one pivot shares. */
export interface QueryBase {
  scopes: FactScope[];
  def: PivotDefinition;
  fyStartMonth: number;
}

/** The engine question for one grouping of the pivot's dimensions, over some of its indicators. */
export function engineQuery(dims: readonly PivotDimension[], indicators: readonly PivotIndicator[], base: QueryBase): EngineQuery {
  const { def } = base;
  const groupBy: EngineQuery['groupBy'] = {};
  const categories: string[] = [];
  for (const d of dims) {
    if (d.type === 'location') groupBy.location = d.level;
    else if (d.type === 'period') groupBy.period = { granularity: d.granularity, fyStartMonth: base.fyStartMonth };
    else if (d.type === 'organisation') groupBy.organisation = true;
    else if (d.type === 'category') categories.push(d.categoryId);
  }
  if (categories.length) groupBy.categories = categories;
  const optionFilter = Object.keys(def.filters.options).length ? def.filters.options : undefined;
  return {
    indicators: indicators.map((i) => ({ id: i.id, sourceIds: i.sourceIds, rules: i.rules })),
    scopes: base.scopes,
    ...(def.filters.from && { from: def.filters.from }),
    ...(def.filters.to && { to: def.filters.to }),
    ...(def.filters.locationIds.length && { locationIds: def.filters.locationIds }),
    ...(def.filters.organisationIds.length && { organisationIds: def.filters.organisationIds }),
    ...(optionFilter && { optionFilter }),
    includePending: def.includePending,
    groupBy,
  };
}

/** The groupings a pivot needs; `null` where the figure cannot exist (no total without rows, subtotals need two row dimensions). */
export interface PivotGroupings {
  cells: PivotDimension[];
  rowTotals: PivotDimension[];
  columnTotals: PivotDimension[];
  grand: PivotDimension[];
  subtotalCells: PivotDimension[] | null;
  subtotalTotals: PivotDimension[] | null;
}

export function groupingsOf(def: PivotDefinition): PivotGroupings {
  const sub = def.rows.length >= 2;
  return {
    cells: [...def.rows, ...def.columns],
    rowTotals: def.rows,
    columnTotals: def.columns,
    grand: [],
    subtotalCells: sub ? [def.rows[0]!, ...def.columns] : null,
    subtotalTotals: sub ? [def.rows[0]!] : null,
  };
}

/** Same grouping over the same indicators: one engine call serves both (e.g. no columns: row totals are the cells). */
export const groupingSignature = (dims: readonly PivotDimension[], indicators: readonly PivotIndicator[]) =>
  `${dims.map(dimensionId).sort().join(',')}|${indicators.map((i) => i.id).sort().join(',')}`;
