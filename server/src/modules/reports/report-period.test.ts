import { describe, expect, it } from 'vitest';
import { periodKeyOf, periodSlug, reportGranularity } from './report-period.js';

describe('report periods', () => {
  it('shows whole quarters in quarter columns and anything else in months', () => {
    expect(reportGranularity('2026-07-01', '2026-09-30', 1)).toBe('quarter');
    expect(reportGranularity('2026-01-01', '2026-12-31', 1)).toBe('quarter');
    expect(reportGranularity('2026-07-01', '2026-07-31', 1)).toBe('month');
    expect(reportGranularity('2026-08-01', '2026-10-31', 1)).toBe('month');
    // October fiscal year: July–September is Q4 of FY2026.
    expect(reportGranularity('2026-07-01', '2026-09-30', 10)).toBe('quarter');
    expect(reportGranularity('2026-01-01', '2026-06-30', 10)).toBe('quarter');
    expect(reportGranularity('2026-02-01', '2026-07-31', 10)).toBe('month');
  });

  it('names a period by its key when it is exactly one period of the fiscal year', () => {
    expect(periodKeyOf('2026-07-01', '2026-09-30', 1)).toBe('2026-Q3');
    expect(periodKeyOf('2026-01-01', '2026-06-30', 1)).toBe('2026-H1');
    expect(periodKeyOf('2026-01-01', '2026-12-31', 1)).toBe('2026');
    expect(periodKeyOf('2026-03-01', '2026-03-31', 1)).toBe('2026-03');
    expect(periodKeyOf('2025-10-01', '2026-09-30', 10)).toBe('FY2026');
    expect(periodKeyOf('2026-07-01', '2026-09-30', 10)).toBe('FY2026-Q4');
    expect(periodKeyOf('2026-07-01', '2026-10-31', 1)).toBeNull();
    expect(periodSlug('2026-07-01', '2026-10-31', 1)).toBe('2026-07-01_2026-10-31');
  });
});
