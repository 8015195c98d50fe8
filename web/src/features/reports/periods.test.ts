import { describe, expect, it } from 'vitest';
import { initialPeriod, isCalendarDate, periodProblem, presetOf, presetPeriod, previousDay } from './periods.js';

describe('report period presets', () => {
  it('gives the calendar quarter, month and year to date with a January fiscal year', () => {
    expect(presetPeriod('lastQuarter', '2026-11-27')).toEqual({ preset: 'lastQuarter', key: '2026-Q3', start: '2026-07-01', end: '2026-09-30' });
    expect(presetPeriod('lastMonth', '2026-11-27')).toEqual({ preset: 'lastMonth', key: '2026-10', start: '2026-10-01', end: '2026-10-31' });
    expect(presetPeriod('thisYear', '2026-11-27')).toEqual({ preset: 'thisYear', key: '2026', start: '2026-01-01', end: '2026-11-27' });
  });

  it('crosses into the previous year in January', () => {
    expect(presetPeriod('lastQuarter', '2026-01-05')).toMatchObject({ key: '2025-Q4', start: '2025-10-01', end: '2025-12-31' });
    expect(presetPeriod('lastMonth', '2026-01-05')).toMatchObject({ key: '2025-12', start: '2025-12-01', end: '2025-12-31' });
  });

  it('follows an October fiscal year: FY2027 starts on 1 October 2026', () => {
    expect(presetPeriod('lastQuarter', '2026-11-27', 10)).toMatchObject({ key: 'FY2026-Q4', start: '2026-07-01', end: '2026-09-30' });
    expect(presetPeriod('thisYear', '2026-11-27', 10)).toMatchObject({ key: 'FY2027', start: '2026-10-01', end: '2026-11-27' });
    // Months do not depend on the fiscal year.
    expect(presetPeriod('lastMonth', '2026-11-27', 10)).toMatchObject({ key: '2026-10' });
  });

  it('counts quarters from a fiscal year that starts in February', () => {
    // FY2027 runs February 2026 – January 2027; Q4 is November 2026 – January 2027, Q3 August – October 2026.
    expect(presetPeriod('lastQuarter', '2026-12-10', 2)).toMatchObject({ key: 'FY2027-Q3', start: '2026-08-01', end: '2026-10-31' });
    expect(presetPeriod('thisYear', '2026-12-10', 2)).toMatchObject({ key: 'FY2027', start: '2026-02-01', end: '2026-12-10' });
  });

  it('handles the end of February in leap and common years', () => {
    expect(presetPeriod('lastMonth', '2028-03-01')).toMatchObject({ start: '2028-02-01', end: '2028-02-29' });
    expect(presetPeriod('lastMonth', '2027-03-31')).toMatchObject({ start: '2027-02-01', end: '2027-02-28' });
  });

  it('recognises a preset from its dates, and anything else as custom', () => {
    expect(presetOf('2026-07-01', '2026-09-30', '2026-11-27')).toBe('lastQuarter');
    expect(presetOf('2026-10-01', '2026-10-31', '2026-11-27')).toBe('lastMonth');
    expect(presetOf('2026-10-01', '2026-11-27', '2026-11-27', 10)).toBe('thisYear');
    expect(presetOf('2026-04-01', '2026-06-30', '2026-11-27')).toBe('custom');
  });
});

describe('the period the dialog opens with', () => {
  it('takes the dates the report calendar put in the address', () => {
    expect(initialPeriod({ periodStart: '2026-04-01', periodEnd: '2026-06-30' }, '2026-11-27')).toEqual({
      preset: 'custom',
      key: null,
      start: '2026-04-01',
      end: '2026-06-30',
    });
    expect(initialPeriod({ periodStart: '2026-07-01', periodEnd: '2026-09-30' }, '2026-11-27')).toMatchObject({ preset: 'lastQuarter', key: '2026-Q3' });
  });

  it('falls back to last quarter when the address has no period, a broken date or dates in the wrong order', () => {
    const lastQuarter = { preset: 'lastQuarter', start: '2026-07-01', end: '2026-09-30' };
    expect(initialPeriod({}, '2026-11-27')).toMatchObject(lastQuarter);
    expect(initialPeriod({ periodStart: '2026-02-30', periodEnd: '2026-03-31' }, '2026-11-27')).toMatchObject(lastQuarter);
    expect(initialPeriod({ periodStart: '2026-06-30', periodEnd: '2026-04-01' }, '2026-11-27')).toMatchObject(lastQuarter);
    expect(initialPeriod({ periodStart: '2026-04-01', periodEnd: null }, '2026-11-27')).toMatchObject(lastQuarter);
  });
});

describe('custom dates', () => {
  it('checks that both are real days in order', () => {
    expect(periodProblem('', '2026-06-30')).toEqual({ field: 'periodStart', reason: 'required' });
    expect(periodProblem('2026-04-31', '2026-06-30')).toEqual({ field: 'periodStart', reason: 'invalid' });
    expect(periodProblem('2026-04-01', '')).toEqual({ field: 'periodEnd', reason: 'required' });
    expect(periodProblem('2026-04-01', '2026-03-31')).toEqual({ field: 'periodEnd', reason: 'endBeforeStart' });
    expect(periodProblem('2026-04-01', '2026-04-01')).toBeNull();
  });

  it('knows calendar days', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('27/11/2026')).toBe(false);
    expect(previousDay('2026-03-01')).toBe('2026-02-28');
  });
});
