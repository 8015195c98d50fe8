import { describe, expect, it } from 'vitest';
import { addDays, covers, dueStatus, reportPeriods } from './report-periods.js';

// Every expected date below was counted by hand on a calendar.
const rows = (periods: ReturnType<typeof reportPeriods>) => periods.map((p) => [p.key, p.start, p.end, p.dueDate]);

describe('report periods of an agreement', () => {
  it('gives calendar quarters with a January fiscal year, due 30 days after each quarter', () => {
    expect(rows(reportPeriods({ startDate: '2026-01-01', endDate: '2026-12-31', frequency: 'quarter', dueDays: 30 }, 1))).toEqual([
      ['2026-Q1', '2026-01-01', '2026-03-31', '2026-04-30'],
      ['2026-Q2', '2026-04-01', '2026-06-30', '2026-07-30'],
      ['2026-Q3', '2026-07-01', '2026-09-30', '2026-10-30'],
      ['2026-Q4', '2026-10-01', '2026-12-31', '2027-01-30'],
    ]);
  });

  it('cuts the first and last quarters of an October fiscal year to an agreement starting mid-quarter', () => {
    expect(rows(reportPeriods({ startDate: '2025-11-15', endDate: '2026-08-20', frequency: 'quarter', dueDays: 30 }, 10))).toEqual([
      ['FY2026-Q1', '2025-11-15', '2025-12-31', '2026-01-30'],
      ['FY2026-Q2', '2026-01-01', '2026-03-31', '2026-04-30'],
      ['FY2026-Q3', '2026-04-01', '2026-06-30', '2026-07-30'],
      // Due 30 days after the agreement ends, not after the quarter would have.
      ['FY2026-Q4', '2026-07-01', '2026-08-20', '2026-09-19'],
    ]);
  });

  it('gives April–September and October–March semesters with an April fiscal year, across a leap-free February', () => {
    expect(rows(reportPeriods({ startDate: '2025-02-10', endDate: '2027-01-31', frequency: 'semester', dueDays: 60 }, 4))).toEqual([
      ['FY2025-H2', '2025-02-10', '2025-03-31', '2025-05-30'],
      ['FY2026-H1', '2025-04-01', '2025-09-30', '2025-11-29'],
      ['FY2026-H2', '2025-10-01', '2026-03-31', '2026-05-30'],
      ['FY2027-H1', '2026-04-01', '2026-09-30', '2026-11-29'],
      ['FY2027-H2', '2026-10-01', '2027-01-31', '2027-04-01'],
    ]);
  });

  it('gives fiscal years running July to June, due 90 days after', () => {
    expect(rows(reportPeriods({ startDate: '2024-07-01', endDate: '2026-06-30', frequency: 'year', dueDays: 90 }, 7))).toEqual([
      ['FY2025', '2024-07-01', '2025-06-30', '2025-09-28'],
      ['FY2026', '2025-07-01', '2026-06-30', '2026-09-28'],
    ]);
  });

  it('keeps months whole whatever the fiscal year, and a report due on the last day of a leap February', () => {
    expect(rows(reportPeriods({ startDate: '2028-01-20', endDate: '2028-03-05', frequency: 'month', dueDays: 0 }, 4))).toEqual([
      ['2028-01', '2028-01-20', '2028-01-31', '2028-01-31'],
      ['2028-02', '2028-02-01', '2028-02-29', '2028-02-29'],
      ['2028-03', '2028-03-01', '2028-03-05', '2028-03-05'],
    ]);
  });

  it('keeps, in a window, the reports being earned or awaited in it (period start to due date)', () => {
    const terms = { startDate: '2026-01-01', endDate: '2026-12-31', frequency: 'month' as const, dueDays: 15 };
    // April is due on 15 May, before the window; May is due on 15 June, inside it; August starts after it.
    expect(reportPeriods(terms, 1, { from: '2026-06-10', to: '2026-07-31' }).map((p) => p.key)).toEqual(['2026-05', '2026-06', '2026-07']);
    expect(reportPeriods(terms, 1, { from: '2027-02-01', to: '2027-03-31' })).toEqual([]);
    expect(reportPeriods(terms, 1, { from: '2025-01-01', to: '2025-12-31' })).toEqual([]);
  });

  it('has no periods when the end is before the start', () => {
    expect(reportPeriods({ startDate: '2026-05-01', endDate: '2026-04-30', frequency: 'quarter', dueDays: 30 }, 1)).toEqual([]);
  });
});

describe('report due status', () => {
  const today = '2026-11-24';
  it('is overdue after the due date, due soon from the due day to 14 days ahead, upcoming after that', () => {
    expect(dueStatus('2026-11-23', today, false)).toBe('overdue');
    expect(dueStatus('2026-11-24', today, false)).toBe('due_soon');
    expect(dueStatus('2026-12-08', today, false)).toBe('due_soon');
    expect(dueStatus('2026-12-09', today, false)).toBe('upcoming');
  });

  it('is submitted once a report exists, even a late one', () => {
    expect(dueStatus('2026-01-30', today, true)).toBe('submitted');
    expect(dueStatus('2027-01-30', today, true)).toBe('submitted');
  });

  it('counts a report as covering a period inside its own', () => {
    const q = { start: '2026-04-01', end: '2026-06-30' };
    expect(covers({ periodStart: '2026-04-01', periodEnd: '2026-06-30' }, q)).toBe(true);
    expect(covers({ periodStart: '2026-01-01', periodEnd: '2026-06-30' }, q)).toBe(true);
    expect(covers({ periodStart: '2026-04-01', periodEnd: '2026-05-31' }, q)).toBe(false);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-31', 60)).toBe('2027-04-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
