import { describe, expect, it } from 'vitest';
import { isWithin, nextDay, periodOf, periodsBetween } from './periods.js';

describe('periodOf', () => {
  it.each([
    // date, type, fiscal-year start, key, start, end — computed by hand
    ['2026-02-14', 'month', 1, '2026-02', '2026-02-01', '2026-02-28'],
    ['2024-02-29', 'month', 1, '2024-02', '2024-02-01', '2024-02-29'],
    ['2026-05-31', 'quarter', 1, '2026-Q2', '2026-04-01', '2026-06-30'],
    ['2026-12-31', 'semester', 1, '2026-H2', '2026-07-01', '2026-12-31'],
    ['2026-07-01', 'year', 1, '2026', '2026-01-01', '2026-12-31'],
    // October fiscal year (USAID): FY2026 = Oct 2025 – Sep 2026
    ['2025-10-01', 'quarter', 10, 'FY2026-Q1', '2025-10-01', '2025-12-31'],
    ['2026-09-30', 'quarter', 10, 'FY2026-Q4', '2026-07-01', '2026-09-30'],
    ['2026-01-15', 'semester', 10, 'FY2026-H1', '2025-10-01', '2026-03-31'],
    ['2025-09-30', 'year', 10, 'FY2025', '2024-10-01', '2025-09-30'],
    // April fiscal year (UK): FY2027 = Apr 2026 – Mar 2027
    ['2027-03-31', 'year', 4, 'FY2027', '2026-04-01', '2027-03-31'],
    ['2026-04-01', 'quarter', 4, 'FY2027-Q1', '2026-04-01', '2026-06-30'],
    ['2026-03-01', 'quarter', 4, 'FY2026-Q4', '2026-01-01', '2026-03-31'],
  ] as const)('%s as %s (FY start %i) is %s', (date, type, fy, key, start, end) => {
    expect(periodOf(date, type, fy)).toEqual({ type, key, start, end });
  });

  it('rejects dates that do not exist and fiscal starts outside 1–12', () => {
    expect(() => periodOf('2026-02-30', 'month')).toThrow(RangeError);
    expect(() => periodOf('2026-2-3', 'month')).toThrow(RangeError);
    expect(() => periodOf('2026-02-03', 'month', 13)).toThrow(RangeError);
  });
});

describe('periodsBetween', () => {
  it('covers a project that starts and ends mid-quarter with whole quarters', () => {
    expect(periodsBetween('2025-02-15', '2025-08-10', 'quarter').map((p) => p.key)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3']);
  });

  it('lists fiscal years across a calendar boundary', () => {
    expect(periodsBetween('2024-07-01', '2026-06-30', 'year', 7).map((p) => [p.key, p.start, p.end])).toEqual([
      ['FY2025', '2024-07-01', '2025-06-30'],
      ['FY2026', '2025-07-01', '2026-06-30'],
    ]);
  });

  it('gives 36 months for a three-year project and one life-of-project period', () => {
    expect(periodsBetween('2024-01-01', '2026-12-31', 'month')).toHaveLength(36);
    expect(periodsBetween('2024-01-01', '2026-12-31', 'lop')).toEqual([{ type: 'lop', key: 'LOP', start: '2024-01-01', end: '2026-12-31' }]);
  });

  it('is empty when the end is before the start', () => {
    expect(periodsBetween('2026-01-01', '2025-12-31', 'month')).toEqual([]);
  });
});

describe('helpers', () => {
  it('steps over month and leap-year ends', () => {
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(nextDay('2025-12-31')).toBe('2026-01-01');
  });
  it('knows a month lies within its quarter and not the next', () => {
    const march = periodOf('2026-03-10', 'month');
    expect(isWithin(march, periodOf('2026-03-10', 'quarter'))).toBe(true);
    expect(isWithin(march, periodOf('2026-04-10', 'quarter'))).toBe(false);
  });
});
