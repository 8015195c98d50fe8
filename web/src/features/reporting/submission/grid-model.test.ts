import { describe, expect, it } from 'vitest';
import type { IndicatorValue, SubmissionIndicator } from '@shared/schemas/index.js';
import {
  breakdownSum,
  type CellContent,
  cellKey,
  cellsByIndicator,
  columnsOf,
  columnSum,
  groupByResult,
  isEmptyContent,
  keyOfCell,
  normalise,
  parseCellKey,
  percentOf,
  rowLocations,
  sameContent,
  effectiveCells,
  withFilledCount,
  withSavedValues,
} from './grid-model.js';

const sex = { id: 'sex', options: [{ id: 'f' }, { id: 'm' }] };
const age = { id: 'age', options: [{ id: 'a1' }, { id: 'a2' }, { id: 'a3' }] };
const c = (value: number | null, extra: Partial<CellContent> = {}): CellContent => ({ value, numerator: null, denominator: null, text: null, comment: '', ...extra });

function indicator(id: string, node: string, extra: Partial<SubmissionIndicator> = {}): SubmissionIndicator {
  return {
    id,
    code: id.toUpperCase(),
    name: id,
    unit: '',
    type: 'number',
    direction: 'increase',
    resultNode: { id: node, code: node, title: node, level: 2 },
    categories: [],
    ...extra,
  };
}

describe('submission grid model', () => {
  it('has the total then every full combination, first category varying slowest', () => {
    expect(columnsOf([sex, age]).map((col) => col.key)).toEqual(['', 'f|a1', 'f|a2', 'f|a3', 'm|a1', 'm|a2', 'm|a3']);
    expect(columnsOf([]).map((col) => col.key)).toEqual(['']);
  });

  it('keys a cell the same way whatever order its options come in', () => {
    expect(keyOfCell({ indicatorId: 'i', locationId: 'l', optionIds: ['a2', 'm'] }, [sex, age])).toBe(cellKey('i', 'l', 'm|a2'));
    expect(keyOfCell({ indicatorId: 'i', locationId: null, optionIds: [] }, [sex])).toBe('i\t\t');
    // An option the indicator no longer has keeps the ids as sent.
    expect(keyOfCell({ indicatorId: 'i', locationId: null, optionIds: ['zz'] }, [sex])).toBe(cellKey('i', null, 'zz'));
    expect(parseCellKey(cellKey('i', 'l', 'm|a2'))).toEqual({ indicatorId: 'i', locationId: 'l', optionIds: ['m', 'a2'] });
    expect(parseCellKey(cellKey('i', null, ''))).toEqual({ indicatorId: 'i', locationId: null, optionIds: [] });
  });

  it('puts the server values on their cells by indicator, keeping the value objects', () => {
    const ind = indicator('i', 'n', { categories: [sex as never] });
    const value = { indicatorId: 'i', locationId: 'l', optionIds: ['m'], value: 3, numerator: null, denominator: null, text: null, comment: '', updatedAt: '', updatedBy: { id: 'u', name: 'U' } } as IndicatorValue;
    const cells = cellsByIndicator([value], [ind, indicator('j', 'n')]);
    expect(cells.i![cellKey('i', 'l', 'm')]).toBe(value);
    expect(cells.j).toEqual({});
  });

  it('groups indicators under their result in the order they come', () => {
    const groups = groupByResult([indicator('a', 'n1'), indicator('b', 'n2'), indicator('c', 'n1')]);
    expect(groups.map((g) => [g.node.id, g.indicators.map((i) => i.id)])).toEqual([
      ['n1', ['a', 'c']],
      ['n2', ['b']],
    ]);
  });

  it('adds up a row breakdown and a column over places, leaving nothing entered as null', () => {
    const cols = columnsOf([sex]);
    const cells = { [cellKey('i', 'l1', '')]: c(10), [cellKey('i', 'l1', 'f')]: c(4), [cellKey('i', 'l1', 'm')]: c(5), [cellKey('i', 'l2', '')]: c(2.5) };
    expect(breakdownSum(cells, 'i', 'l1', cols).value).toBe(9);
    expect(breakdownSum(cells, 'i', 'l2', cols).value).toBeNull();
    expect(columnSum(cells, 'i', ['l1', 'l2', 'l3'], '').value).toBe(12.5);
    expect(columnSum(cells, 'i', ['l1', 'l2'], 'm').value).toBe(5);
    expect(columnSum(cells, 'i', ['l3'], '').value).toBeNull();
  });

  it('computes a percentage from numerator and denominator', () => {
    expect(percentOf(3, 4)).toBe(75);
    expect(percentOf(3, 0)).toBeNull();
    expect(percentOf(null, 4)).toBeNull();
    expect(normalise(c(null, { numerator: 1, denominator: 8 }), 'percentage').value).toBe(12.5);
    expect(normalise(c(null, { numerator: 1 }), 'percentage').value).toBeNull();
    expect(normalise(c(null, { text: '' }), 'qualitative').text).toBeNull();
    expect(normalise(c(7), 'number')).toEqual(c(7));
  });

  it('tells empty and equal contents', () => {
    expect(isEmptyContent(c(null))).toBe(true);
    expect(isEmptyContent(c(null, { comment: 'why' }))).toBe(false);
    expect(isEmptyContent(c(0))).toBe(false);
    expect(sameContent(c(1, { text: null }), c(1, { text: '' }))).toBe(true);
    expect(sameContent(c(1), c(2))).toBe(false);
  });

  it('has one row for the project as a whole when the package names no place', () => {
    expect(rowLocations([])).toEqual([null]);
    expect(rowLocations([{ id: 'a' }, { id: 'b' }])).toEqual(['a', 'b']);
  });
});

describe('cells shown and saved', () => {
  const ind = indicator('i', 'n', { categories: [sex as never] });
  const by = { id: 'u', name: 'U' };
  const value = (optionIds: string[], v: number) => ({ indicatorId: 'i', locationId: 'l', optionIds, value: v, numerator: null, denominator: null, text: null, comment: '', updatedAt: 'then', updatedBy: by }) as IndicatorValue;

  it('replaces saved cells, removes emptied ones and keeps the others', () => {
    const total = value([], 10);
    const female = value(['f'], 4);
    const male = value(['m'], 6);
    const next = withSavedValues({ values: [total, female, male], indicators: [ind] }, { [cellKey('i', 'l', '')]: c(11), [cellKey('i', 'l', 'f')]: c(null), [cellKey('i', null, '')]: c(1, { comment: 'x' }) }, 'now', by);
    expect(next.values).toContain(male);
    expect(next.values).toHaveLength(3);
    expect(next.values.find((v) => v.locationId === 'l' && v.optionIds.length === 0)).toMatchObject({ value: 11, updatedAt: 'now' });
    expect(next.values.find((v) => v.locationId === null)).toMatchObject({ value: 1, comment: 'x', optionIds: [] });
  });

  it('lays edits over the server cells and keeps untouched indicators as they were', () => {
    const base = { i: { [cellKey('i', 'l', '')]: c(1) }, j: { [cellKey('j', 'l', '')]: c(2) } };
    const first = effectiveCells(base, { [cellKey('i', 'l', '')]: c(5) }, null);
    expect(first.result.i![cellKey('i', 'l', '')]).toEqual(c(5));
    expect(first.result.j).toBe(base.j);
    const edit = c(6);
    const second = effectiveCells(base, { [cellKey('i', 'l', '')]: edit }, first);
    expect(second.result.j).toBe(first.result.j);
    expect(second.result.i![cellKey('i', 'l', '')]).toBe(edit);
    const third = effectiveCells(base, { [cellKey('i', 'l', '')]: edit }, second);
    expect(third.result.i).toBe(second.result.i);
  });
});

describe('filled count after a save', () => {
  it('counts indicator × place cells holding a value, ignoring breakdowns of a counted cell and places outside the package', () => {
    const by = { id: 'u', name: 'U' };
    const v = (indicatorId: string, locationId: string | null, optionIds: string[] = []): IndicatorValue => ({
      indicatorId, locationId, optionIds, value: 1, numerator: null, denominator: null, text: null, comment: '', updatedAt: 't', updatedBy: by,
    });
    const detail = {
      indicators: [indicator('i1', 'n'), indicator('i2', 'n')],
      locations: [{ id: 'kolwezi', pcode: 'CD7201', name: 'Kolwezi', level: 'admin2' }, { id: 'lubudi', pcode: 'CD7203', name: 'Lubudi', level: 'admin2' }],
      // i1 at Kolwezi twice (total and a breakdown), i2 at Lubudi, and a stray value elsewhere: 2 cells.
      values: [v('i1', 'kolwezi'), v('i1', 'kolwezi', ['f']), v('i2', 'lubudi'), v('i2', 'elsewhere')],
      submission: { filledCount: 0 },
    } as unknown as Parameters<typeof withFilledCount>[0];
    expect(withFilledCount(detail).submission.filledCount).toBe(2);
  });
});
