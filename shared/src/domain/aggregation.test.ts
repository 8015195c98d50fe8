import { describe, expect, it } from 'vitest';
import { aggregate, type AggregationRules, type Observation, percentMet, series } from './aggregation.js';
import { periodsBetween } from './periods.js';

const n = (locationId: string, date: string, value: number): Observation => ({ locationId, date, value });
const pct = (locationId: string, date: string, numerator: number, denominator: number): Observation => ({ locationId, date, numerator, denominator });
const rules = (time: AggregationRules['time'], location: AggregationRules['location'], type: AggregationRules['type'] = 'number'): AggregationRules => ({ type, time, location });

// Children enrolled, reported monthly by two sites (Kolwezi KZ, Lubudi LB), Q1 2026. Hand table:
//            Jan  Feb  Mar | sum  latest  max  avg
//   KZ        40   35   50 | 125    50     50   41.667
//   LB        10    —   20 |  30    20     20   15
const q1: Observation[] = [n('KZ', '2026-01-01', 40), n('KZ', '2026-02-01', 35), n('KZ', '2026-03-01', 50), n('LB', '2026-01-01', 10), n('LB', '2026-03-01', 20)];

describe('aggregate: numbers', () => {
  it.each([
    ['sum', 'sum', 155],
    ['latest', 'sum', 70],
    ['max', 'sum', 70],
    ['average', 'sum', 125 / 3 + 15],
    ['sum', 'max', 125],
    ['sum', 'average', 77.5],
    ['latest', 'max', 50],
  ] as const)('time %s then location %s gives %d', (time, location, expected) => {
    expect(aggregate(q1, rules(time, location))!.value).toBeCloseTo(expected, 9);
  });

  it('takes each location’s own latest report even when they reported in different months', () => {
    const stock = [n('KZ', '2026-03-01', 12), n('LB', '2026-01-01', 7)];
    expect(aggregate(stock, rules('latest', 'sum'))!.value).toBe(19);
  });

  it('refuses to add up locations when the rule is none, but gives a single location its value', () => {
    expect(aggregate(q1, rules('sum', 'none'))).toBeNull();
    expect(aggregate(q1.filter((o) => o.locationId === 'LB'), rules('sum', 'none'))!.value).toBe(30);
  });

  it('has no total when nothing was reported — null, not zero', () => {
    expect(aggregate([], rules('sum', 'sum'))).toBeNull();
    expect(aggregate([{ locationId: 'KZ', date: '2026-01-01', value: null }], rules('sum', 'sum'))).toBeNull();
  });

  it('gives qualitative indicators no total', () => {
    expect(aggregate(q1, rules('latest', 'sum', 'qualitative'))).toBeNull();
  });

  it('counts the locations answering yes for a yes/no indicator summed over locations', () => {
    const policy = [n('KZ', '2026-01-01', 1), n('LB', '2026-01-01', 0), n('MB', '2026-01-01', 1)];
    expect(aggregate(policy, rules('latest', 'sum', 'yes_no'))!.value).toBe(2);
    expect(aggregate(policy, rules('latest', 'max', 'yes_no'))!.value).toBe(1);
  });
});

describe('aggregate: percentages from numerator and denominator', () => {
  // Girls passing the end-of-year exam; denominators differ by location. Hand table:
  //   Bandiagara  45 / 50  = 90 %
  //   Douentza   300 / 600 = 50 %
  //   pooled     345 / 650 = 53.0769… %   (the average of percentages, 70 %, would be wrong)
  const exam = [pct('BDG', '2026-06-01', 45, 50), pct('DTZ', '2026-06-01', 300, 600)];

  it('pools numerators and denominators across locations, never averaging the percentages', () => {
    const m = aggregate(exam, rules('sum', 'sum', 'percentage'))!;
    expect(m.numerator).toBe(345);
    expect(m.denominator).toBe(650);
    expect(m.value).toBeCloseTo(53.076923, 5);
    expect(aggregate(exam, rules('sum', 'average', 'percentage'))!.value).toBeCloseTo(53.076923, 5);
  });

  it('takes the highest location percentage for max', () => {
    expect(aggregate(exam, rules('sum', 'max', 'percentage'))!.value).toBe(90);
  });

  it('pools over time for sum and takes the last period for latest', () => {
    const twoTerms = [pct('BDG', '2026-01-01', 30, 50), pct('BDG', '2026-06-01', 45, 50)];
    expect(aggregate(twoTerms, rules('sum', 'sum', 'percentage'))!.value).toBe(75); // 75 / 100
    expect(aggregate(twoTerms, rules('latest', 'sum', 'percentage'))!.value).toBe(90);
  });

  it('has no value when every denominator is zero', () => {
    expect(aggregate([pct('BDG', '2026-01-01', 0, 0)], rules('sum', 'sum', 'percentage'))!.value).toBeNull();
  });
});

describe('series', () => {
  const months = periodsBetween('2026-01-01', '2026-04-30', 'month');

  it('keeps the running total through a month with no report (cumulative, sum)', () => {
    // Households with increased income, new each month: Jan 10, Feb —, Mar 5, Apr 8.
    const obs = [n('KZ', '2026-01-01', 10), n('KZ', '2026-03-01', 5), n('KZ', '2026-04-01', 8)];
    const s = series(obs, months, rules('sum', 'sum'));
    expect(s.map((p) => p.actual?.value ?? null)).toEqual([10, null, 5, 8]);
    expect(s.map((p) => p.toDate?.value ?? null)).toEqual([10, 10, 15, 23]);
  });

  it('has nothing to date before the first report', () => {
    const s = series([n('KZ', '2026-03-01', 5)], months, rules('sum', 'sum'));
    expect(s.map((p) => p.toDate?.value ?? null)).toEqual([null, null, 5, 5]);
  });

  it('rolls months into quarters with the time rule', () => {
    const quarters = periodsBetween('2026-01-01', '2026-06-30', 'quarter');
    const s = series(q1, quarters, rules('latest', 'sum'));
    expect(s.map((p) => [p.key, p.actual?.value ?? null])).toEqual([
      ['2026-Q1', 70],
      ['2026-Q2', null],
    ]);
  });
});

describe('percentMet', () => {
  it.each([
    // actual, target, direction, baseline, expected — by hand
    [150, 200, 'increase', null, 75],
    [250, 200, 'increase', 0, 125],
    [30, 20, 'decrease', 40, 50], // halfway from 40 % to 20 %
    [15, 20, 'decrease', 40, 125], // beyond the planned reduction
    [40, 20, 'decrease', 40, 0], // no change from baseline
    [25, 20, 'decrease', null, 80], // no baseline: target ÷ actual
    [0, 20, 'decrease', null, 100],
  ] as const)('actual %d against target %d (%s, baseline %s) is %d %%', (actual, target, direction, baseline, expected) => {
    expect(percentMet(actual, target, direction, baseline)).toBeCloseTo(expected, 9);
  });

  it('is undefined without an actual, without a target, or against a zero target on an increase', () => {
    expect(percentMet(null, 10, 'increase')).toBeNull();
    expect(percentMet(5, null, 'increase')).toBeNull();
    expect(percentMet(5, 0, 'increase')).toBeNull();
  });
});
