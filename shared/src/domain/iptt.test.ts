import { describe, expect, it } from 'vitest';
import type { AggregationRules } from './aggregation.js';
import { type DateRange, bucketTargets, carryForward, displayPeriods, optionTargets, periodOfKey, type PeriodRollUp, periodRollUp, placesTarget, rollUp, type TargetPeriod, wholePeriodBuckets } from './iptt.js';
import type { PeriodType } from './periods.js';
import { periodsBetween } from './periods.js';

const quarters2026: TargetPeriod[] = [
  { start: '2026-01-01', end: '2026-03-31', value: 100 },
  { start: '2026-04-01', end: '2026-06-30', value: 150 },
  { start: '2026-07-01', end: '2026-09-30', value: 120 },
  { start: '2026-10-01', end: '2026-12-31', value: 130 },
];

describe('periodRollUp', () => {
  it('follows the time rule, except for rates summed over time and for yes/no and qualitative', () => {
    expect(periodRollUp({ type: 'number', timeAggregation: 'sum' })).toBe('sum');
    expect(periodRollUp({ type: 'currency', timeAggregation: 'max' })).toBe('max');
    expect(periodRollUp({ type: 'percentage', timeAggregation: 'sum' })).toBeNull();
    expect(periodRollUp({ type: 'percentage', timeAggregation: 'latest' })).toBe('latest');
    expect(periodRollUp({ type: 'yes_no', timeAggregation: 'latest' })).toBeNull();
    expect(periodRollUp({ type: 'qualitative', timeAggregation: 'sum' })).toBeNull();
  });

  it('rolls up values in time order', () => {
    expect(rollUp([3, 9, 6], 'sum')).toBe(18);
    expect(rollUp([3, 9, 6], 'latest')).toBe(6);
    expect(rollUp([3, 9, 6], 'max')).toBe(9);
    expect(rollUp([3, 9, 6], 'average')).toBe(6);
    expect(rollUp([], 'sum')).toBeNull();
  });
});

describe('displayPeriods', () => {
  it('takes every period overlapping the scope dates when the reader picked none', () => {
    const p = displayPeriods({}, { start: '2025-01-15', end: '2025-08-10' }, 'quarter', 1);
    expect(p.map((x) => x.key)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3']);
  });

  it('keeps only whole periods inside dates the reader picked', () => {
    const p = displayPeriods({ from: '2025-02-01', to: '2025-12-31' }, { start: '2025-01-01', end: '2026-12-31' }, 'quarter', 1);
    expect(p.map((x) => x.key)).toEqual(['2025-Q2', '2025-Q3', '2025-Q4']);
  });

  it('names fiscal periods of the lead organisation (October start)', () => {
    const p = displayPeriods({}, { start: '2025-10-01', end: '2026-09-30' }, 'semester', 10);
    expect(p).toEqual([
      { type: 'semester', key: 'FY2026-H1', start: '2025-10-01', end: '2026-03-31' },
      { type: 'semester', key: 'FY2026-H2', start: '2026-04-01', end: '2026-09-30' },
    ]);
  });

  it('has no periods without dates', () => {
    expect(displayPeriods({}, { start: null, end: null }, 'year', 1)).toEqual([]);
  });
});

describe('periodOfKey', () => {
  it('reads calendar keys', () => {
    expect(periodOfKey('2026-03', 'month', 1)).toMatchObject({ start: '2026-03-01', end: '2026-03-31' });
    expect(periodOfKey('2026-Q2', 'quarter', 1)).toMatchObject({ start: '2026-04-01', end: '2026-06-30' });
    expect(periodOfKey('2026-H2', 'semester', 1)).toMatchObject({ start: '2026-07-01', end: '2026-12-31' });
    expect(periodOfKey('2026', 'year', 1)).toMatchObject({ start: '2026-01-01', end: '2026-12-31' });
  });

  it('reads fiscal keys named after the year they end in (October start)', () => {
    expect(periodOfKey('FY2026-Q1', 'quarter', 10)).toMatchObject({ start: '2025-10-01', end: '2025-12-31' });
    expect(periodOfKey('FY2026-H2', 'semester', 10)).toMatchObject({ start: '2026-04-01', end: '2026-09-30' });
    expect(periodOfKey('FY2026', 'year', 10)).toMatchObject({ start: '2025-10-01', end: '2026-09-30' });
  });

  it('refuses keys of another type or fiscal year', () => {
    expect(periodOfKey('2026-Q1', 'quarter', 10)).toBeNull();
    expect(periodOfKey('FY2026-Q1', 'quarter', 1)).toBeNull();
    expect(periodOfKey('2026-Q1', 'semester', 1)).toBeNull();
    expect(periodOfKey('2026-13', 'month', 1)).toBeNull();
    expect(periodOfKey('LOP', 'year', 1)).toBeNull();
  });
});

describe('bucketTargets', () => {
  const q = periodsBetween('2026-01-01', '2026-12-31', 'quarter');
  const h = periodsBetween('2026-01-01', '2026-12-31', 'semester');
  const y = periodsBetween('2026-01-01', '2026-12-31', 'year');
  const m = periodsBetween('2026-01-01', '2026-03-31', 'month');
  /** Targets of a frequency in some buckets, by the rule. */
  const inBuckets = (targets: TargetPeriod[], buckets: DateRange[], frequency: PeriodType, fyStartMonth: number, rule: PeriodRollUp | null, cumulative = false, since?: string) =>
    bucketTargets(targets, buckets, wholePeriodBuckets(buckets, frequency, fyStartMonth), { rule, cumulative, since });
  const quarterly = (targets: TargetPeriod[], buckets: DateRange[], rule: PeriodRollUp | null, cumulative = false, since?: string) =>
    inBuckets(targets, buckets, 'quarter', 1, rule, cumulative, since);

  // Quarterly targets 100, 150, 120, 130. Hand table:
  //   quarters: 100 150 120 130 | semesters: 250 250 | year: 500 | running quarters: 100 250 370 500
  it('shows quarterly targets in quarters and sums them into semesters and the year', () => {
    expect(quarterly(quarters2026, q, 'sum')).toEqual([100, 150, 120, 130]);
    expect(quarterly(quarters2026, h, 'sum')).toEqual([250, 250]);
    expect(quarterly(quarters2026, y, 'sum')).toEqual([500]);
  });

  it('gives months no target when the target is set for the quarter, even the month ending it', () => {
    expect(quarterly(quarters2026, m, 'sum')).toEqual([null, null, null]);
    expect(quarterly(quarters2026, m, 'sum', true)).toEqual([null, null, null]);
  });

  it('shows running totals for cumulative indicators', () => {
    expect(quarterly(quarters2026, q, 'sum', true)).toEqual([100, 250, 370, 500]);
    expect(quarterly(quarters2026, h, 'sum', true)).toEqual([250, 500]);
  });

  it('starts running totals at the first shown period', () => {
    expect(quarterly(quarters2026, q.slice(2), 'sum', true, '2026-07-01')).toEqual([120, 250]);
  });

  it('leaves a quarter without a target empty; a semester holding it sums the quarter it has; a running total keeps its level', () => {
    const gap = quarters2026.filter((t) => t.start !== '2026-04-01');
    expect(quarterly(gap, q, 'sum')).toEqual([100, null, 120, 130]);
    expect(quarterly(gap, h, 'sum')).toEqual([100, 250]);
    expect(quarterly(gap, q, 'sum', true)).toEqual([100, 100, 220, 350]);
  });

  it('does not add up rates over time but shows each period its own rate target', () => {
    const rates = quarters2026.map((t, i) => ({ ...t, value: 40 + i * 5 }));
    expect(quarterly(rates, q, null)).toEqual([40, 45, 50, 55]);
    expect(quarterly(rates, h, null)).toEqual([null, null]);
    expect(quarterly(rates, h, 'latest')).toEqual([45, 55]);
    expect(quarterly(rates, y, 'max')).toEqual([55]);
  });

  it('gives no target to a bucket cut across by a target period (fiscal quarters from February in calendar periods)', () => {
    const fiscal: TargetPeriod[] = [
      { start: '2026-02-01', end: '2026-04-30', value: 10 },
      { start: '2026-05-01', end: '2026-07-31', value: 20 },
    ];
    expect(inBuckets(fiscal, q.slice(0, 3), 'quarter', 2, 'sum')).toEqual([null, null, null]);
    expect(inBuckets(fiscal, y, 'quarter', 2, 'sum')).toEqual([null]);
    expect(inBuckets(fiscal, [{ start: '2026-02-01', end: '2026-07-31' }], 'quarter', 2, 'sum')).toEqual([30]);
  });

  it('rolls monthly targets up into quarters by the rule', () => {
    const months = ['2026-01', '2026-02', '2026-03'].map((k, i) => ({ ...periodOfKey(k, 'month', 1)!, value: i + 1 }));
    expect(inBuckets(months, q.slice(0, 2), 'month', 1, 'sum')).toEqual([6, null]);
    expect(inBuckets(months, q.slice(0, 1), 'month', 1, 'average')).toEqual([2]);
  });

  it('has no period targets for an indicator reported over the life of the project only', () => {
    expect(inBuckets(quarters2026, q, 'lop', 1, 'sum')).toEqual([null, null, null, null]);
  });
});

describe('optionTargets', () => {
  // Categories: sex (0) = F, M; age (1) = Y (young), O (old).
  const categoryOf = new Map([['F', 0], ['M', 0], ['Y', 1], ['O', 1]]);
  const of = (entries: { key: string; value: number }[], type: 'number' | 'percentage' = 'number', categories = categoryOf) =>
    Object.fromEntries(optionTargets(entries, categories, type));

  it('uses a target set for the option alone', () => {
    const entries = [{ key: '', value: 100 }, { key: 'F', value: 60 }, { key: 'F|Y', value: 10 }, { key: 'F|O', value: 20 }];
    expect(of(entries)).toEqual({ F: 60, Y: 10, O: 20 });
  });

  it('sums an option over the other categories when it has no target of its own', () => {
    const entries = [{ key: 'F|Y', value: 10 }, { key: 'F|O', value: 20 }, { key: 'M|Y', value: 5 }, { key: 'M|O', value: 7 }];
    expect(of(entries)).toEqual({ F: 30, M: 12, Y: 15, O: 27 });
  });

  it('leaves out options nothing was set for', () => {
    expect(of([{ key: 'F', value: 3 }])).toEqual({ F: 3 });
    expect(of([{ key: '', value: 3 }])).toEqual({});
  });

  it('never adds up rates', () => {
    const entries = [{ key: 'F|Y', value: 40 }, { key: 'F|O', value: 60 }];
    expect(of(entries, 'percentage')).toEqual({});
    expect(of([...entries, { key: 'F', value: 50 }], 'percentage')).toEqual({ F: 50 });
  });

  it('takes the coarsest breakdown so two breakdowns of the same people are not added together', () => {
    const categories = new Map([...categoryOf, ['D', 2], ['N', 2]]);
    const entries = [{ key: 'F|Y|D', value: 1 }, { key: 'F|Y|N', value: 2 }, { key: 'F|Y', value: 5 }, { key: 'F|O', value: 4 }, { key: 'F|D', value: 7 }];
    // Breakdowns holding F: sex×age (5 + 4 = 9), sex×disability (7), sex×age×disability (3). Coarsest first, then by category order.
    // Y: sex×age (5) before sex×age×disability (3). D: sex×disability (7).
    expect(of(entries, 'number', categories)).toMatchObject({ F: 9, Y: 5, O: 4, D: 7, N: 2 });
  });
});

describe('placesTarget', () => {
  const rules = (type: AggregationRules['type'], location: AggregationRules['location']): AggregationRules => ({ type, time: 'sum', location });

  it('keeps one place’s own target as set, whatever the type or rule', () => {
    expect(placesTarget([600], rules('number', 'sum'))).toBe(600);
    expect(placesTarget([80], rules('percentage', 'sum'))).toBe(80);
    expect(placesTarget([7], rules('number', 'none'))).toBe(7);
    expect(placesTarget([null], rules('number', 'sum'))).toBeNull();
  });

  it('combines several places by the place rule, like their actuals: 600 and 300 → 900, 600, 450', () => {
    expect(placesTarget([600, 300], rules('number', 'sum'))).toBe(900);
    expect(placesTarget([600, 300], rules('currency', 'max'))).toBe(600);
    expect(placesTarget([600, 300], rules('number', 'average'))).toBe(450);
    // "Not at all": a figure only for exactly one place.
    expect(placesTarget([600, 300], rules('number', 'none'))).toBeNull();
  });

  it('gives none when a place has no target, when nothing is asked, and for rates of several places', () => {
    expect(placesTarget([600, null], rules('number', 'sum'))).toBeNull();
    expect(placesTarget([], rules('number', 'sum'))).toBeNull();
    // 80 % and 40 % are not 60 %: without numerators and denominators rates cannot be pooled.
    expect(placesTarget([80, 40], rules('percentage', 'sum'))).toBeNull();
    expect(placesTarget([80, 40], rules('percentage', 'max'))).toBeNull();
  });
});

describe('carryForward', () => {
  it('keeps the total to date through buckets with nothing new, and stays empty before the first value', () => {
    const totals = new Map([['Q2', 10], ['Q4', 25]]);
    expect(carryForward(['Q1', 'Q2', 'Q3', 'Q4', 'Q5'], (k) => totals.get(k) ?? null)).toEqual([null, 10, 10, 25, 25]);
  });
});
