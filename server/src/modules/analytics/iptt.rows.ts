import { type Direction, percentMet } from '@shared/domain/aggregation.js';
import { carryForward } from '@shared/domain/iptt.js';
import type { Period } from '@shared/domain/periods.js';
import type { Figure, IpttCell, IpttRow } from '@shared/schemas/monitoring.js';
import { type FigureTable, LOP_COLUMN } from './iptt.figures.js';
import type { Outline, OutlineIndicator } from './iptt.outline.js';
import type { TargetRow } from './iptt.repository.js';
import { Alignment, type RowTargets, rowTargets } from './iptt.targets.js';

/** Puts figures and targets into the outline's rows, in display order. */
export interface RowInputs {
  outline: Outline;
  periods: readonly Period[];
  figures: FigureTable;
  targets: ReadonlyMap<string, TargetRow[]>;
  /**
   * Null: targets for all places together. Under a place filter, the places whose own targets
   * count (`targets` holds theirs): those asked for, less any inside another one asked for.
   */
  targetPlaces: readonly string[] | null;
  /** Categories whose rows are shown (empty: every category of each indicator). */
  categoryIds: readonly string[];
}

const EMPTY: IpttCell = { target: null, actual: null, percentMet: null };

export const isQuantitative = (i: OutlineIndicator) => i.row.type !== 'qualitative';

/** The categories an indicator gets rows for: its own, narrowed to those asked for. */
export const shownCategories = (i: OutlineIndicator, asked: readonly string[]) =>
  isQuantitative(i) ? i.categoryIds.filter((id) => asked.length === 0 || asked.includes(id)) : [];

function cells(i: OutlineIndicator, inputs: RowInputs, targets: RowTargets, optionId: string | null, baseline: number | null) {
  const direction = i.row.direction as Direction;
  const cell = (target: number | null, actual: Figure | null): IpttCell => ({ target, actual, percentMet: percentMet(actual?.value, target, direction, baseline) });
  const keys = inputs.periods.map((p) => p.key);
  const byKey = (key: string) => inputs.figures.get(i.row.id, key, optionId);
  // Running totals: a period with nothing new keeps the total so far (see carryForward).
  const actuals = i.row.cumulative === 1 ? carryForward(keys, byKey) : keys.map(byKey);
  return {
    lop: cell(targets.lop, inputs.figures.get(i.row.id, LOP_COLUMN, optionId)),
    periods: actuals.map((a, n) => cell(targets.periods[n] ?? null, a)),
  };
}

function indicatorRows(i: OutlineIndicator, inputs: RowInputs, alignment: Alignment): IpttRow[] {
  const facts = {
    indicatorId: i.row.id, code: i.row.code, name: i.name, unit: i.row.unit, type: i.rules.type,
    direction: i.row.direction as Direction, cumulative: i.row.cumulative === 1,
  };
  const baseline = i.row.baseline_value === null ? null : Number(i.row.baseline_value);
  if (!isQuantitative(i)) return [{ kind: 'indicator', ...facts, baseline, lop: EMPTY, periods: inputs.periods.map(() => EMPTY) }];
  const targets = rowTargets(i, inputs.targets.get(i.row.id) ?? [], inputs.targetPlaces, inputs.outline.categories, inputs.periods, alignment);
  // The baseline is all places'; some places are measured against their targets alone, like an option.
  const rows: IpttRow[] = [{ kind: 'indicator', ...facts, baseline, ...cells(i, inputs, targets.total(), null, inputs.targetPlaces ? null : baseline) }];
  for (const categoryId of shownCategories(i, inputs.categoryIds)) {
    const category = inputs.outline.categories.get(categoryId);
    for (const option of category?.options ?? []) {
      rows.push({
        kind: 'disaggregation', indicatorId: i.row.id, categoryId, categoryName: category!.name, optionId: option.id, optionLabel: option.label,
        // The baseline is the whole population's; a part is measured against its target alone.
        ...cells(i, inputs, targets.option(option.id), option.id, null),
      });
    }
  }
  return rows;
}

export function buildRows(inputs: RowInputs): IpttRow[] {
  const rows: IpttRow[] = [];
  const alignment = new Alignment(inputs.periods);
  for (const section of inputs.outline.sections) {
    if (section.project) rows.push({ kind: 'project', projectId: section.project.id, code: section.project.code, title: section.project.title });
    for (const r of section.results) {
      rows.push({ kind: 'result', resultNodeId: r.id, level: r.level, levelLabel: r.levelLabel, code: r.code, title: r.title });
      for (const i of r.indicators) rows.push(...indicatorRows(i, inputs, alignment));
    }
  }
  return rows;
}
