import { describe, expect, it } from 'vitest';
import type { PivotCatalogue, PivotDefinition } from '@shared/schemas/monitoring.js';
import {
  addableDimensions,
  addDimension,
  addIndicatorRows,
  categoriesOf,
  emptyDefinition,
  moveDimension,
  removeDimension,
  replaceDimension,
  requestBody,
  sameDefinition,
  setIndicators,
  setOptionFilter,
  swapAxes,
  switchAxis,
  validateDefinition,
} from './definition.js';

const programme = { id: 'prog', code: 'CLM', name: 'Climate' };
const project = { id: 'proj', code: 'CLM-KOL-01', title: 'Kolwezi' };
const catalogue: PivotCatalogue = {
  indicators: [
    { id: 'trained', code: '1.1', name: 'People trained', unit: 'people', type: 'number', project, programme, categoryIds: ['sex', 'age'] },
    { id: 'wells', code: '1.2', name: 'Wells built', unit: 'wells', type: 'number', project, programme, categoryIds: [] },
    { id: 'share', code: '2.1', name: 'Share using', unit: '%', type: 'percentage', project: null, programme, categoryIds: ['sex'] },
  ],
  categories: [
    { id: 'sex', name: 'Sex', options: [{ id: 'f', label: 'Female' }, { id: 'm', label: 'Male' }] },
    { id: 'age', name: 'Age', options: [{ id: 'a1', label: '0–17' }] },
    { id: 'disability', name: 'Disability', options: [] },
  ],
};

const def = (patch: Partial<PivotDefinition>): PivotDefinition => ({ ...emptyDefinition(), ...patch });
const codes = (d: PivotDefinition) => validateDefinition(d, catalogue).map((p) => p.code);

describe('pivot definition', () => {
  it('offers the categories of the chosen indicators only, in catalogue order', () => {
    expect(categoriesOf(catalogue, ['share']).map((c) => c.id)).toEqual(['sex']);
    expect(categoriesOf(catalogue, ['share', 'trained']).map((c) => c.id)).toEqual(['sex', 'age']);
    expect(categoriesOf(catalogue, ['wells'])).toEqual([]);
  });

  it('offers every dimension not yet used, a place or period once whatever its level', () => {
    const d = def({ indicatorIds: ['trained'], rows: [{ type: 'location', level: 'admin2' }], columns: [{ type: 'category', categoryId: 'sex' }] });
    expect(addableDimensions(d, catalogue)).toEqual([
      { type: 'indicator' },
      { type: 'resultNode' },
      { type: 'project' },
      { type: 'programme' },
      { type: 'organisation' },
      { type: 'period', granularity: 'quarter' },
      { type: 'category', categoryId: 'age' },
    ]);
  });

  it('adds to an axis until its limit, and never the same dimension twice', () => {
    let d = def({ indicatorIds: ['trained'] });
    d = addDimension(d, 'columns', { type: 'period', granularity: 'month' });
    expect(addDimension(d, 'rows', { type: 'period', granularity: 'year' })).toBe(d);
    d = addDimension(d, 'columns', { type: 'project' });
    d = addDimension(d, 'columns', { type: 'programme' });
    expect(addDimension(d, 'columns', { type: 'organisation' })).toBe(d);
    expect(d.columns.map((x) => x.type)).toEqual(['period', 'project', 'programme']);
  });

  it('moves, removes, switches and replaces dimensions', () => {
    let d = def({ rows: [{ type: 'indicator' }, { type: 'project' }, { type: 'organisation' }] });
    d = moveDimension(d, 'rows', 2, -1);
    expect(d.rows.map((x) => x.type)).toEqual(['indicator', 'organisation', 'project']);
    expect(moveDimension(d, 'rows', 0, -1)).toBe(d);
    expect(moveDimension(d, 'rows', 2, 1)).toBe(d);
    d = switchAxis(d, 'rows', 0);
    expect(d.rows.map((x) => x.type)).toEqual(['organisation', 'project']);
    expect(d.columns).toEqual([{ type: 'indicator' }]);
    d = removeDimension(d, 'rows', 1);
    expect(d.rows).toEqual([{ type: 'organisation' }]);
    d = addDimension(d, 'rows', { type: 'location', level: 'admin1' });
    d = replaceDimension(d, 'rows', 1, { type: 'location', level: 'admin3' });
    expect(d.rows[1]).toEqual({ type: 'location', level: 'admin3' });
    d = swapAxes(d);
    expect(d.rows).toEqual([{ type: 'indicator' }]);
    expect(d.columns.map((x) => x.type)).toEqual(['organisation', 'location']);
  });

  it('refuses to switch into a full list, and to swap four rows into three columns', () => {
    const full = def({ rows: [{ type: 'project' }], columns: [{ type: 'indicator' }, { type: 'programme' }, { type: 'organisation' }] });
    expect(switchAxis(full, 'rows', 0)).toBe(full);
    const four = def({ rows: [{ type: 'indicator' }, { type: 'project' }, { type: 'programme' }, { type: 'organisation' }] });
    expect(swapAxes(four)).toBe(four);
  });

  it('drops the categories and option filters no chosen indicator has any more', () => {
    let d = def({ indicatorIds: ['trained', 'share'], rows: [{ type: 'indicator' }, { type: 'category', categoryId: 'age' }], columns: [{ type: 'category', categoryId: 'sex' }] });
    d = setOptionFilter(d, 'age', ['a1']);
    d = setOptionFilter(d, 'sex', ['f']);
    d = setIndicators(d, catalogue, ['share']);
    expect(d.rows).toEqual([{ type: 'indicator' }]);
    expect(d.columns).toEqual([{ type: 'category', categoryId: 'sex' }]);
    expect(d.filters.options).toEqual({ sex: ['f'] });
    expect(setOptionFilter(d, 'sex', []).filters.options).toEqual({});
  });

  it('accepts one indicator without the indicator dimension', () => {
    expect(codes(def({ indicatorIds: ['trained'], columns: [{ type: 'period', granularity: 'quarter' }] }))).toEqual([]);
  });

  it('asks for the indicator dimension when there are several indicators, and fixes it on the rows', () => {
    const d = def({ indicatorIds: ['trained', 'wells'], columns: [{ type: 'period', granularity: 'quarter' }] });
    expect(codes(d)).toEqual(['indicatorDimensionNeeded']);
    const fixed = addIndicatorRows(d);
    expect(fixed.rows).toEqual([{ type: 'indicator' }]);
    expect(codes(fixed)).toEqual([]);
  });

  it('explains an empty pivot, reversed dates, unknown categories and over-long lists', () => {
    expect(codes(emptyDefinition())).toEqual(['noIndicator']);
    expect(codes(def({ indicatorIds: ['wells'], filters: { from: '2026-06-01', to: '2026-01-31', locationIds: [], organisationIds: [], options: {} } }))).toEqual([
      'datesReversed',
    ]);
    expect(codes(def({ indicatorIds: ['wells'], rows: [{ type: 'category', categoryId: 'disability' }] }))).toEqual(['unknownCategory']);
    const many = Array.from({ length: 26 }, (_, i) => `i${i}`);
    expect(codes(def({ indicatorIds: many, rows: [{ type: 'indicator' }] }))).toEqual(['tooManyIndicators']);
    const rows = [{ type: 'indicator' }, { type: 'project' }, { type: 'programme' }, { type: 'organisation' }, { type: 'resultNode' }] as const;
    expect(codes(def({ indicatorIds: ['wells'], rows: [...rows] }))).toEqual(['tooManyRows']);
    expect(codes(def({ indicatorIds: ['wells'], rows: [{ type: 'project' }], columns: [{ type: 'project' }] }))).toEqual(['duplicateDimension']);
  });

  it('leaves cleared dates out of the request', () => {
    const d = def({ indicatorIds: ['wells'], filters: { from: '', to: '2026-12-31', locationIds: [], organisationIds: [], options: {} } });
    expect(requestBody(d).filters).toEqual({ to: '2026-12-31', locationIds: [], organisationIds: [], options: {} });
  });

  it('sees a saved definition with its keys in another order, or a cleared date, as unchanged', () => {
    const a = def({ indicatorIds: ['wells'], rows: [{ type: 'location', level: 'admin1' }] });
    const b: PivotDefinition = { includePending: false, filters: { options: {}, organisationIds: [], locationIds: [], from: '' }, columns: [], rows: [{ level: 'admin1', type: 'location' }], indicatorIds: ['wells'] };
    expect(sameDefinition(a, b)).toBe(true);
    expect(sameDefinition(a, { ...b, includePending: true })).toBe(false);
    expect(sameDefinition(a, { ...b, rows: [{ type: 'location', level: 'admin2' }] })).toBe(false);
  });
});
