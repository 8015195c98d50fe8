import type { ReportCalendarItem, ReportDueStatus } from '@shared/schemas/index.js';

/** Pure helpers of the report calendar page: windows, months, counts and links. Dates are UTC calendar days. */

const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export const daysFromTo = (from: string, to: string) => Math.round((utc(to) - utc(from)) / 86_400_000);

/** `date` plus `days` calendar days. */
export const addDays = (date: string, days: number) => iso(utc(date) + days * 86_400_000);

/** `2026-11` → `2026-11-01`. */
export const monthStart = (month: string) => `${month}-01`;
/** `2026-02` → `2026-02-28`. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return iso(Date.UTC(y, m, 0));
}
/** The month `months` after (or before) the month of `date`, as `YYYY-MM`. */
export function shiftMonth(date: string, months: number): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return iso(Date.UTC(y, m - 1 + months, 1)).slice(0, 7);
}

/** Two months back (overdue reports stay in sight) to nine months ahead. */
export const defaultWindow = (today: string) => ({ from: shiftMonth(today, -2), to: shiftMonth(today, 9) });

/** Items by the month they are due in, months in order, each month's items in due-date order. */
export function byDueMonth(items: readonly ReportCalendarItem[]): { month: string; items: ReportCalendarItem[] }[] {
  const months = new Map<string, ReportCalendarItem[]>();
  for (const item of [...items].sort((a, b) => a.dueDate.localeCompare(b.dueDate))) {
    const key = item.dueDate.slice(0, 7);
    months.set(key, [...(months.get(key) ?? []), item]);
  }
  return [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, list]) => ({ month, items: list }));
}

export const statusCounts = (items: readonly Pick<ReportCalendarItem, 'status'>[]): Record<ReportDueStatus, number> => {
  const counts: Record<ReportDueStatus, number> = { overdue: 0, due_soon: 0, upcoming: 0, submitted: 0 };
  for (const i of items) counts[i.status] += 1;
  return counts;
};

/**
 * The project's reports page, with the generate dialog opened on this agreement and period for
 * those who prepare reports; the history for a submitted report or a reader who only reads.
 */
export function reportsLink(item: Pick<ReportCalendarItem, 'project' | 'agreementId' | 'periodStart' | 'periodEnd' | 'status' | 'canManage'>): string {
  const base = `/projects/${item.project.id}/reports`;
  if (item.status === 'submitted' || !item.canManage) return base;
  const q = new URLSearchParams({ agreementId: item.agreementId, periodStart: item.periodStart, periodEnd: item.periodEnd });
  return `${base}?${q.toString()}`;
}
