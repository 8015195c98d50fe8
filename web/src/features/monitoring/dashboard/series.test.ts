import { describe, expect, it } from 'vitest';
import type { AreaRanking, Trend } from '@shared/schemas/index.js';
import { hasTrendData, rankingRows, trendRows } from './series.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('trendRows', () => {
  const trend: Trend = {
    indicatorId: id(1),
    cumulative: true,
    points: [
      { key: '2026-Q1', start: '2026-01-01', end: '2026-03-31', actual: { value: 120, pending: false }, target: 100 },
      { key: '2026-Q2', start: '2026-04-01', end: '2026-06-30', actual: { value: 150, pending: true }, target: 200 },
      { key: '2026-Q3', start: '2026-07-01', end: '2026-09-30', actual: null, target: 300 },
    ],
  };

  it('puts actual and target side by side; a period without values has no point (not zero)', () => {
    expect(trendRows(trend, '2026-11-24').map((r) => [r.key, r.actual, r.target, r.pending])).toEqual([
      ['2026-Q1', 120, 100, false],
      ['2026-Q2', 150, 200, true],
      ['2026-Q3', null, 300, false],
    ]);
  });

  it('draws no actual for a period that has not started, only its target', () => {
    const future = { ...trend, points: [{ ...trend.points[1]!, start: '2027-01-01', end: '2027-03-31' }] };
    expect(trendRows(future, '2026-11-24').map((r) => [r.actual, r.target])).toEqual([[null, 200]]);
    expect(trendRows(future, '2027-01-01').map((r) => [r.actual, r.target])).toEqual([[150, 200]]);
  });

  it('knows when there is nothing to draw', () => {
    expect(hasTrendData(trendRows(trend))).toBe(true);
    expect(hasTrendData(trendRows({ ...trend, points: [{ ...trend.points[2]!, target: null }] }))).toBe(false);
  });
});

describe('rankingRows', () => {
  const place = (n: number, value: number | null) => ({ locationId: id(n), name: `Place ${n}`, pcode: `P${n}`, figure: { value, pending: false } });

  it('orders the highest down and the lowest up, without showing a place twice or a place without a value', () => {
    const ranking: AreaRanking = {
      indicatorId: id(1),
      level: 'admin1',
      top: [place(1, 90), place(2, 300), place(3, 120)],
      bottom: [place(3, 120), place(4, 10), place(5, null), place(6, 40)],
    };
    const { top, bottom } = rankingRows(ranking);
    expect(top.map((r) => [r.name, r.value])).toEqual([
      ['Place 2', 300],
      ['Place 3', 120],
      ['Place 1', 90],
    ]);
    expect(bottom.map((r) => [r.name, r.value])).toEqual([
      ['Place 4', 10],
      ['Place 6', 40],
    ]);
  });
});
