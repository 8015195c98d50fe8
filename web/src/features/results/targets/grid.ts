import { type CategoryOptions, combinations, disaggregationKey } from '@shared/domain/disaggregations.js';
import { type PeriodRollUp } from '@shared/domain/iptt.js';
import { LOP_PERIOD_KEY, type Target } from '@shared/schemas/index.js';

/**
 * The targets table's model, kept apart from React so it can be tested. A cell is one target:
 * a period (or `LOP`), a place (null = all the project's places together) and a disaggregation key
 * (the option ids in category order joined by `|`; '' is the total).
 */
export type ColumnMode = 'combinations' | 'categories';

export interface Column {
  /** Disaggregation key; '' is the total. */
  key: string;
  optionIds: string[];
}

/** The total, then either every full combination of the categories or each category's options on their own. */
export function columnsFor(categories: CategoryOptions[], mode: ColumnMode): Column[] {
  const total: Column = { key: '', optionIds: [] };
  if (categories.length === 0) return [total];
  const split =
    mode === 'combinations' || categories.length === 1
      ? combinations(categories)
      : categories.flatMap((c) => c.options.map((o) => [o.id]));
  return [total, ...split.map((optionIds) => ({ key: optionIds.join('|'), optionIds }))];
}

/** Where a cell sits; tabs cannot occur in periods or ids. */
export const cellKey = (period: string, locationId: string | null, key: string) => `${period}\t${locationId ?? ''}\t${key}`;

export function parseCellKey(cell: string): { period: string; locationId: string | null; optionIds: string[] } {
  const [period = '', location = '', key = ''] = cell.split('\t');
  return { period, locationId: location || null, optionIds: key ? key.split('|') : [] };
}

export type Cells = Record<string, number>;

/**
 * The server's targets as cells. Option ids are put in category order, so a cell always has one key
 * whatever order they came in; a target naming an option the indicator no longer has keeps its ids
 * as sent, so saving the table sends it back untouched and the server decides.
 */
export function cellsFromTargets(targets: Target[], categories: CategoryOptions[]): Cells {
  const cells: Cells = {};
  for (const t of targets) {
    let key: string;
    try {
      key = disaggregationKey(t.optionIds, categories);
    } catch {
      key = t.optionIds.join('|');
    }
    cells[cellKey(t.period, t.locationId, key)] = t.value;
  }
  return cells;
}

/** Every cell as a target, in a stable order (the order the server's error fields refer to). */
export function targetsFromCells(cells: Cells): { targets: Target[]; order: string[] } {
  const order = Object.keys(cells).sort();
  return { targets: order.map((k) => ({ ...parseCellKey(k), value: cells[k]! })), order };
}

/** Whether two tables hold the same targets. */
export function sameCells(a: Cells, b: Cells): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => b[k] === a[k]);
}

/**
 * Places the server's problems on cells: `targets.3.value` (after the `body.` prefix is dropped)
 * is about the fourth target sent, so `order` from `targetsFromCells` names its cell. Problems
 * that name no target come back as `other`.
 */
export function problemsByCell(problems: { field: string; message: string }[], order: string[]) {
  const byCell: Record<string, string> = {};
  const other: { field: string; message: string }[] = [];
  for (const p of problems) {
    const m = /^targets\.(\d+)(\.|$)/.exec(p.field);
    const cell = m ? order[Number(m[1])] : undefined;
    if (!cell) {
      other.push(p);
      continue;
    }
    byCell[cell] = byCell[cell] ? `${byCell[cell]} ${p.message}` : p.message;
  }
  return { byCell, other };
}

// How period targets roll up is the IPTT's rule too, so it lives in shared/ (one rule, two screens).
export { type PeriodRollUp, periodRollUp } from '@shared/domain/iptt.js';

/** The period targets of one column rolled up by the rule; null when no period has a target. */
export function rollUpPeriods(cells: Cells, periods: string[], locationId: string | null, key: string, rule: PeriodRollUp): number | null {
  const values = periods.map((p) => cells[cellKey(p, locationId, key)]).filter((v): v is number => v !== undefined);
  if (values.length === 0) return null;
  if (rule === 'latest') {
    const last = [...periods].reverse().find((p) => cells[cellKey(p, locationId, key)] !== undefined);
    return last === undefined ? null : cells[cellKey(last, locationId, key)]!;
  }
  if (rule === 'max') return Math.max(...values);
  const sum = values.reduce((a, b) => a + b, 0);
  return rule === 'sum' ? sum : sum / values.length;
}

/** How many targets each place has (key '' = all places together), for the place picker. */
export function countByLocation(cells: Cells): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of Object.keys(cells)) {
    const { locationId } = parseCellKey(k);
    counts.set(locationId ?? '', (counts.get(locationId ?? '') ?? 0) + 1);
  }
  return counts;
}

export { LOP_PERIOD_KEY };
