import { periodOf } from '@shared/domain/periods.js';
import type { Granularity } from '@shared/schemas/monitoring.js';

/**
 * How a report's period is shown. The IPTT of a report uses quarter columns when the period is
 * made of whole quarters of the fiscal year (a quarterly, half-year or annual report), and month
 * columns otherwise (a monthly update, or a period that does not follow quarter boundaries), so
 * every column is a whole period with its own targets.
 */
export function reportGranularity(start: string, end: string, fyStartMonth: number): Granularity {
  const wholeQuarters = periodOf(start, 'quarter', fyStartMonth).start === start && periodOf(end, 'quarter', fyStartMonth).end === end;
  return wholeQuarters ? 'quarter' : 'month';
}

/** The period's own key when it is exactly one month, quarter, half-year or fiscal year (2026-Q3, FY2026), else null. */
export function periodKeyOf(start: string, end: string, fyStartMonth: number): string | null {
  for (const type of ['year', 'semester', 'quarter', 'month'] as const) {
    const p = periodOf(start, type, fyStartMonth);
    if (p.start === start && p.end === end) return p.key;
  }
  return null;
}

/** A short name of the period for titles and file names: its key, or its two dates. */
export const periodSlug = (start: string, end: string, fyStartMonth: number): string => periodKeyOf(start, end, fyStartMonth) ?? `${start}_${end}`;
