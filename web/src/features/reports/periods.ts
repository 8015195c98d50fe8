import { periodOf } from '@shared/domain/periods.js';

/**
 * The report period choices of the generate dialog. Quarters and years follow the organisation's
 * fiscal year (shared/src/domain/periods.ts): with an October start, "last quarter" in November 2026
 * is FY2027-Q1's predecessor, July–September 2026 (FY2026-Q4).
 */
export const PERIOD_PRESETS = ['lastQuarter', 'lastMonth', 'thisYear', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export interface ReportPeriod {
  preset: PeriodPreset;
  /** The period's key when it is a whole one (`FY2026-Q4`, `2026-10`, `FY2027`); null for custom dates. */
  key: string | null;
  start: string;
  end: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real `YYYY-MM-DD` calendar day (not 2026-02-30). */
export function isCalendarDate(value: string | null | undefined): value is string {
  if (!value || !ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function previousDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The dates of a preset on a given day. "This year" runs from the start of the fiscal year to today:
 * a report is about what happened, and the rest of the year has not.
 */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, today: string, fyStartMonth = 1): ReportPeriod {
  if (preset === 'lastMonth') {
    const p = periodOf(previousDay(periodOf(today, 'month').start), 'month');
    return { preset, key: p.key, start: p.start, end: p.end };
  }
  if (preset === 'lastQuarter') {
    const p = periodOf(previousDay(periodOf(today, 'quarter', fyStartMonth).start), 'quarter', fyStartMonth);
    return { preset, key: p.key, start: p.start, end: p.end };
  }
  const year = periodOf(today, 'year', fyStartMonth);
  return { preset, key: year.key, start: year.start, end: today };
}

/** Which preset gives exactly these dates today, or custom. */
export function presetOf(start: string, end: string, today: string, fyStartMonth = 1): PeriodPreset {
  for (const preset of ['lastQuarter', 'lastMonth', 'thisYear'] as const) {
    const p = presetPeriod(preset, today, fyStartMonth);
    if (p.start === start && p.end === end) return preset;
  }
  return 'custom';
}

/**
 * The period the dialog opens with: the one in the address when the report calendar sent the user
 * here with valid dates (recognised as a preset when it is one), else last quarter.
 */
export function initialPeriod(query: { periodStart?: string | null; periodEnd?: string | null }, today: string, fyStartMonth = 1): ReportPeriod {
  const { periodStart: start, periodEnd: end } = query;
  if (isCalendarDate(start) && isCalendarDate(end) && start <= end) {
    const preset = presetOf(start, end, today, fyStartMonth);
    return preset === 'custom' ? { preset, key: null, start, end } : presetPeriod(preset, today, fyStartMonth);
  }
  return presetPeriod('lastQuarter', today, fyStartMonth);
}

/** Why custom dates cannot be sent, as a key of the `reports` namespace; null when they can. */
export function periodProblem(start: string, end: string): { field: 'periodStart' | 'periodEnd'; reason: 'required' | 'invalid' | 'endBeforeStart' } | null {
  if (!start) return { field: 'periodStart', reason: 'required' };
  if (!isCalendarDate(start)) return { field: 'periodStart', reason: 'invalid' };
  if (!end) return { field: 'periodEnd', reason: 'required' };
  if (!isCalendarDate(end)) return { field: 'periodEnd', reason: 'invalid' };
  if (end < start) return { field: 'periodEnd', reason: 'endBeforeStart' };
  return null;
}
