import { describe, expect, it } from 'vitest';
import type { ReportedValues } from './queries.js';
import { breakdownCount, pivotValues, WHOLE_PROJECT } from './reported-values.js';

type Value = ReportedValues['items'][number];
const org = (name: string) => ({ id: name, name, acronym: null });
const v = (over: Partial<Value>): Value => ({
  submissionId: 's1',
  roundId: 'r1',
  periodKey: '2026-Q1',
  periodStart: '2026-01-01',
  periodEnd: '2026-03-31',
  organisation: org('Alpha'),
  locationId: 'l1',
  optionIds: [],
  value: 1,
  numerator: null,
  denominator: null,
  text: null,
  status: 'approved',
  ...over,
});

describe('pivotValues', () => {
  it('makes one row per period and package, in calendar order, with totals by location', () => {
    const items = [
      v({ submissionId: 's2', periodKey: '2026-Q2', periodStart: '2026-04-01', periodEnd: '2026-06-30', locationId: 'l2', value: 7 }),
      v({ locationId: 'l2', value: 5 }),
      v({ locationId: 'l1', value: 3 }),
      v({ locationId: 'l1', optionIds: ['female'], value: 2 }),
      v({ submissionId: 's3', organisation: org('Beta'), locationId: null, value: 9, status: 'pending' }),
    ];
    const { columns, rows } = pivotValues(items, ['l1', 'l2']);
    expect(columns).toEqual([WHOLE_PROJECT, 'l1', 'l2']);
    expect(rows.map((r) => [r.periodKey, r.organisation.name, r.status, [...r.cells.entries()].map(([k, c]) => [k, c.value])])).toEqual([
      ['2026-Q1', 'Alpha', 'approved', [['l2', 5], ['l1', 3]]],
      ['2026-Q1', 'Beta', 'pending', [[WHOLE_PROJECT, 9]]],
      ['2026-Q2', 'Alpha', 'approved', [['l2', 7]]],
    ]);
    expect(breakdownCount(items)).toBe(1);
  });

  it('orders unknown locations after known ones', () => {
    const { columns } = pivotValues([v({ locationId: 'zz' }), v({ locationId: 'l2' })], ['l2']);
    expect(columns).toEqual(['l2', 'zz']);
  });

  it('is empty without values', () => {
    expect(pivotValues([], ['l1'])).toEqual({ columns: [], rows: [] });
  });
});
