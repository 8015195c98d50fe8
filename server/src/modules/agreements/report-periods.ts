import { periodsBetween } from '@shared/domain/periods.js';
import { DUE_SOON_DAYS, type ReportDueStatus, type ReportFrequency } from '@shared/schemas/agreements.js';

/**
 * The reports an agreement asks for, worked out from its dates alone (no database, no clock).
 *
 * Periods are those of the project owner's fiscal year (the grid reporting rounds and the IPTT
 * use), cut to the agreement's dates: an agreement from 15 February with quarterly reports and a
 * January fiscal year reports first on 15 February – 31 March. A report is due `dueDays` days after
 * its (cut) period ends.
 */
export interface AgreementTerms {
  startDate: string;
  endDate: string;
  frequency: ReportFrequency;
  dueDays: number;
}

export interface ReportPeriod {
  key: string;
  start: string;
  end: string;
  dueDate: string;
}

/** `date` plus `days` calendar days (UTC, so never shifted by a time zone). */
export function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/**
 * The agreement's report periods, in order. With a window, only the reports whose span from
 * period start to due date meets [from, to]: a report is on the calendar while it is being
 * earned and until it is due.
 */
export function reportPeriods(terms: AgreementTerms, fyStartMonth: number, window?: { from: string; to: string }): ReportPeriod[] {
  if (terms.endDate < terms.startDate) return [];
  // A period whose due date is before `from` ended before from − dueDays: no need to walk it.
  const first = window ? later(terms.startDate, addDays(window.from, -terms.dueDays)) : terms.startDate;
  const last = window ? earlier(terms.endDate, window.to) : terms.endDate;
  return periodsBetween(first, last, terms.frequency, fyStartMonth).map((p) => {
    const start = later(p.start, terms.startDate);
    const end = earlier(p.end, terms.endDate);
    return { key: p.key, start, end, dueDate: addDays(end, terms.dueDays) };
  });
}

/** Whether a finished report covers the period (it may cover more, e.g. a semester report for a quarter). */
export const covers = (report: { periodStart: string; periodEnd: string }, period: Pick<ReportPeriod, 'start' | 'end'>) =>
  report.periodStart <= period.start && report.periodEnd >= period.end;

/** Submitted when a report exists; otherwise overdue after the due date, due soon within DUE_SOON_DAYS days (the due day included). */
export function dueStatus(dueDate: string, today: string, submitted: boolean): ReportDueStatus {
  if (submitted) return 'submitted';
  if (dueDate < today) return 'overdue';
  return dueDate <= addDays(today, DUE_SOON_DAYS) ? 'due_soon' : 'upcoming';
}
