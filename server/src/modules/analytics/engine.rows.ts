import type { Figure } from '@shared/schemas/monitoring.js';
import { type Buckets, periodOfBucket } from './engine.buckets.js';
import type { GroupRow } from './engine.groups.js';
import type { EngineIndicator, EngineRow } from './engine.types.js';

/**
 * From the SQL's integer rows to the engine's answer: running totals filled in over the buckets,
 * numbers turned back into ids, percentages computed from their sums.
 */

/**
 * Running totals ("to date") for every bucket from a group's first value up to `last`. `cumulate`:
 * the rows are each bucket's own sums, added up here (plain sums); otherwise they are already
 * cumulative up to the last bucket with data and only carried forward (a bucket without new
 * reports keeps the previous total).
 */
export function runningRows(rows: GroupRow[], last: number, cumulate: boolean): GroupRow[] {
  const groups = new Map<string, GroupRow[]>();
  for (const r of rows) {
    const id = `${r.g}/${r.a}/${r.og}/${r.pj}/${r.o.join(',')}`;
    const list = groups.get(id);
    if (list) list.push(r);
    else groups.set(id, [r]);
  }
  const out: GroupRow[] = [];
  for (const list of groups.values()) {
    list.sort((a, b) => a.b - b.b);
    let at = 0;
    let state: GroupRow | undefined;
    for (let b = list[0]!.b; b <= last; b++) {
      const own = list[at]?.b === b ? list[at++] : undefined;
      if (own && cumulate && state) {
        state = { ...state, b, x: state.x + own.x, n: state.n + own.n, d: state.d + own.d, ap: Math.min(state.ap, own.ap) };
      } else state = own ? { ...own } : { ...state!, b };
      // Under the location rule "none" a figure exists only while one place has reported.
      if (state.c === 1) out.push(state);
    }
  }
  return out;
}

export interface RowDecoder {
  indicators: EngineIndicator[];
  percentage: boolean;
  buckets: Buckets | null;
  /** Area number − 1 → location id; null when not grouping by location. */
  areaIds: string[] | null;
  categories: { id: string; optionIds: string[] }[] | null;
  organisationIds: Map<number, string> | null;
  projectIds: Map<number, string> | null;
}

export function toEngineRows(rows: GroupRow[], d: RowDecoder): EngineRow[] {
  const periods: EngineRow['period'][] = [];
  const categories = d.categories ?? [];
  const out = new Array<EngineRow>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const row: EngineRow = { indicatorId: d.indicators[r.g]!.id, figure: figureOf(r, d.percentage) };
    if (d.areaIds) row.locationId = r.a ? d.areaIds[r.a - 1]! : null;
    if (d.buckets) row.period = periods[r.b] ??= periodOfBucket(d.buckets, r.b);
    if (d.organisationIds) row.organisationId = d.organisationIds.get(r.og)!;
    if (d.projectIds) row.projectId = d.projectIds.get(r.pj)!;
    if (d.categories) {
      const options: Record<string, string | null> = {};
      for (let j = 0; j < categories.length; j++) {
        const option = r.o[j]!;
        options[categories[j]!.id] = option ? categories[j]!.optionIds[option - 1]! : null;
      }
      row.options = options;
    }
    out[i] = row;
  }
  return out;
}

function figureOf(r: GroupRow, percentage: boolean): Figure {
  const pending = r.ap !== 1;
  if (!percentage) return { value: r.x, pending };
  // The same expression as shared/src/domain/aggregation.ts, so both give the very same double.
  return { value: r.d === 0 ? null : (100 * r.n) / r.d, numerator: r.n, denominator: r.d, pending };
}
