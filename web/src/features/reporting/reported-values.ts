import type { ReportedValues } from './queries.js';

type Value = ReportedValues['items'][number];

/** One row of the reported-values table: an organisation's package for a period, its totals by location. */
export interface ValuesRow {
  key: string;
  submissionId: string;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  organisation: Value['organisation'];
  status: Value['status'];
  /** Location id (or `''` for the project as a whole) → the value. */
  cells: Map<string, Value>;
}

export const WHOLE_PROJECT = '';

/**
 * Totals only (no breakdown options), one row per period and organisation, periods in calendar order;
 * columns are the locations that carry a value, in the order given (the project's), the project as a
 * whole first when reported. A row is pending as soon as one of its values is.
 */
export function pivotValues(items: readonly Value[], locationOrder: readonly string[]): { columns: string[]; rows: ValuesRow[] } {
  const rows = new Map<string, ValuesRow>();
  const used = new Set<string>();
  for (const v of items) {
    if (v.optionIds.length > 0) continue;
    const key = `${v.periodStart}|${v.periodKey}|${v.organisation.name}|${v.submissionId}`;
    let row = rows.get(key);
    if (!row) {
      row = { key, submissionId: v.submissionId, periodKey: v.periodKey, periodStart: v.periodStart, periodEnd: v.periodEnd, organisation: v.organisation, status: 'approved', cells: new Map() };
      rows.set(key, row);
    }
    const column = v.locationId ?? WHOLE_PROJECT;
    row.cells.set(column, v);
    if (v.status === 'pending') row.status = 'pending';
    used.add(column);
  }
  const rank = new Map(locationOrder.map((id, i) => [id, i]));
  const columns = [...used].sort((a, b) => (a === WHOLE_PROJECT ? -1 : b === WHOLE_PROJECT ? 1 : (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || a.localeCompare(b)));
  return { columns, rows: [...rows.values()].sort((a, b) => a.key.localeCompare(b.key)) };
}

/** How many values were left out of the table because they are breakdowns (shown as a note). */
export const breakdownCount = (items: readonly Value[]) => items.filter((v) => v.optionIds.length > 0).length;
