import { type CategoryOptions, DisaggregationError, disaggregationKey } from '@shared/domain/disaggregations.js';
import { LOP_PERIOD_KEY, type Target } from '@shared/schemas/index.js';
import type { DetailInput } from '../../lib/errors.js';

/** One target cell as stored: the options reduced to the canonical key. */
export interface TargetCell {
  period: string;
  locationId: string | null;
  key: string;
  value: number;
}

export interface TargetRules {
  type: string;
  /** The indicator's period keys; `LOP` is always allowed besides. */
  periodKeys: ReadonlySet<string>;
  locationIds: ReadonlySet<string>;
  categories: CategoryOptions[];
}

export const cellId = (c: Pick<TargetCell, 'period' | 'locationId' | 'key'>) => `${c.period}\u0000${c.locationId ?? ''}\u0000${c.key}`;

/** What a value must be for the indicator's type, or the reason it is not. */
function valueProblem(type: string, value: number): Omit<DetailInput, 'field'> | null {
  switch (type) {
    case 'qualitative':
      return { reason: 'not_numeric' };
    case 'percentage':
      if (value < 0) return { reason: 'too_small', params: { minimum: 0 } };
      return value > 100 ? { reason: 'too_big', params: { maximum: 100 } } : null;
    case 'yes_no':
      return value === 0 || value === 1 ? null : { reason: 'yes_no_value' };
    default:
      return value < 0 ? { reason: 'too_small', params: { minimum: 0 } } : null;
  }
}

/**
 * Checks a whole list of targets before anything is written and reports every problem, each
 * naming `body.targets.N.<field>`, so a form or an imported sheet can be corrected in one pass.
 */
export function checkTargets(targets: Target[], rules: TargetRules): { cells: TargetCell[]; details: DetailInput[] } {
  const details: DetailInput[] = [];
  const cells: TargetCell[] = [];
  const firstAt = new Map<string, number>();
  targets.forEach((t, i) => {
    const at = (field: string) => `body.targets.${i}.${field}`;
    const before = details.length;
    if (t.period !== LOP_PERIOD_KEY && !rules.periodKeys.has(t.period)) details.push({ field: at('period'), reason: 'unknown_period', params: { period: t.period } });
    if (t.locationId !== null && !rules.locationIds.has(t.locationId)) details.push({ field: at('locationId'), reason: 'not_project_location' });
    let key = '';
    try {
      key = disaggregationKey(t.optionIds, rules.categories);
    } catch (e) {
      if (!(e instanceof DisaggregationError)) throw e;
      details.push({ field: at('optionIds'), reason: e.reason });
    }
    // The life-of-project total is the indicator's own lopTarget, never a row here: one number, one place.
    if (t.period === LOP_PERIOD_KEY && t.locationId === null && key === '' && t.optionIds.length === 0) {
      details.push({ field: at('period'), reason: 'use_lop_target' });
    }
    const problem = valueProblem(rules.type, t.value);
    if (problem) details.push({ field: at('value'), ...problem });
    if (details.length > before) return;
    const cell = { period: t.period, locationId: t.locationId, key, value: t.value };
    if (firstAt.has(cellId(cell))) {
      details.push({ field: at('period'), reason: 'duplicate_target' });
      return;
    }
    firstAt.set(cellId(cell), i);
    cells.push(cell);
  });
  return { cells, details };
}
