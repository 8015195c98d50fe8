import { describe, expect, it } from 'vitest';
import {
  cellKey,
  cellsFromTargets,
  columnsFor,
  countByLocation,
  parseCellKey,
  periodRollUp,
  problemsByCell,
  rollUpPeriods,
  sameCells,
  targetsFromCells,
} from './grid.js';

const sex = { id: 'sex', options: [{ id: 'f' }, { id: 'm' }] };
const age = { id: 'age', options: [{ id: 'a1' }, { id: 'a2' }, { id: 'a3' }] };

describe('targets grid', () => {
  it('lists the total then every combination, first category varying slowest', () => {
    expect(columnsFor([sex, age], 'combinations').map((c) => c.key)).toEqual(['', 'f|a1', 'f|a2', 'f|a3', 'm|a1', 'm|a2', 'm|a3']);
  });

  it('lists the total then each category option on its own by category', () => {
    expect(columnsFor([sex, age], 'categories').map((c) => c.key)).toEqual(['', 'f', 'm', 'a1', 'a2', 'a3']);
  });

  it('has only the total without categories, and the same columns either way with one category', () => {
    expect(columnsFor([], 'combinations').map((c) => c.key)).toEqual(['']);
    expect(columnsFor([sex], 'categories')).toEqual(columnsFor([sex], 'combinations'));
  });

  it('keys cells by period, place and options in category order whatever order the server sent', () => {
    const cells = cellsFromTargets(
      [
        { period: '2026-Q1', locationId: null, optionIds: ['a2', 'm'], value: 40 },
        { period: 'LOP', locationId: 'loc1', optionIds: [], value: 900 },
      ],
      [sex, age],
    );
    expect(cells).toEqual({ [cellKey('2026-Q1', null, 'm|a2')]: 40, [cellKey('LOP', 'loc1', '')]: 900 });
  });

  it('keeps a target naming an unknown option as sent, so saving sends it back for the server to judge', () => {
    const cells = cellsFromTargets([{ period: '2026-Q1', locationId: null, optionIds: ['gone'], value: 5 }], [sex]);
    expect(targetsFromCells(cells).targets).toEqual([{ period: '2026-Q1', locationId: null, optionIds: ['gone'], value: 5 }]);
  });

  it('turns cells back into targets in a stable order that names each cell', () => {
    const cells = { [cellKey('2026-Q2', null, '')]: 2, [cellKey('2026-Q1', 'loc', 'f')]: 1 };
    const { targets, order } = targetsFromCells(cells);
    expect(order).toEqual([cellKey('2026-Q1', 'loc', 'f'), cellKey('2026-Q2', null, '')]);
    expect(targets).toEqual([
      { period: '2026-Q1', locationId: 'loc', optionIds: ['f'], value: 1 },
      { period: '2026-Q2', locationId: null, optionIds: [], value: 2 },
    ]);
    expect(parseCellKey(order[0]!)).toEqual({ period: '2026-Q1', locationId: 'loc', optionIds: ['f'] });
  });

  it('places the server problems on the cells they name and keeps the rest apart', () => {
    const order = [cellKey('2026-Q1', null, ''), cellKey('2026-Q2', null, '')];
    const { byCell, other } = problemsByCell(
      [
        { field: 'targets.1.value', message: 'Too high.' },
        { field: 'targets.1.optionIds', message: 'Unknown option.' },
        { field: 'why.note', message: 'Required.' },
        { field: 'targets.9.value', message: 'Out of range.' },
      ],
      order,
    );
    expect(byCell).toEqual({ [order[1]!]: 'Too high. Unknown option.' });
    expect(other.map((p) => p.field)).toEqual(['why.note', 'targets.9.value']);
  });

  it('rolls up period targets by the indicator time rule', () => {
    const periods = ['2026-Q1', '2026-Q2', '2026-Q3'];
    const cells = { [cellKey('2026-Q1', null, '')]: 100, [cellKey('2026-Q2', null, '')]: 250 };
    expect(rollUpPeriods(cells, periods, null, '', 'sum')).toBe(350);
    expect(rollUpPeriods(cells, periods, null, '', 'latest')).toBe(250);
    expect(rollUpPeriods(cells, periods, null, '', 'max')).toBe(250);
    expect(rollUpPeriods(cells, periods, null, '', 'average')).toBe(175);
    expect(rollUpPeriods(cells, periods, 'elsewhere', '', 'sum')).toBeNull();
  });

  it('rolls period targets up by the time rule, cumulative or not, and never sums rates', () => {
    expect(periodRollUp({ type: 'number', timeAggregation: 'sum' })).toBe('sum');
    expect(periodRollUp({ type: 'currency', timeAggregation: 'max' })).toBe('max');
    expect(periodRollUp({ type: 'percentage', timeAggregation: 'sum' })).toBeNull();
    expect(periodRollUp({ type: 'percentage', timeAggregation: 'latest' })).toBe('latest');
    expect(periodRollUp({ type: 'yes_no', timeAggregation: 'latest' })).toBeNull();
  });

  it('counts targets per place and compares tables', () => {
    const a = { [cellKey('LOP', null, '')]: 1, [cellKey('LOP', 'x', '')]: 2, [cellKey('2026-Q1', 'x', 'f')]: 3 };
    expect(countByLocation(a)).toEqual(new Map([['', 1], ['x', 2]]));
    expect(sameCells(a, { ...a })).toBe(true);
    expect(sameCells(a, { ...a, [cellKey('LOP', null, '')]: 9 })).toBe(false);
  });
});
