import { describe, expect, it } from 'vitest';
import type { ReportCalendarItem } from '@shared/schemas/index.js';
import { addDays, byDueMonth, daysFromTo, defaultWindow, monthEnd, reportsLink, shiftMonth, statusCounts } from './calendar.js';

const item = (dueDate: string, status: ReportCalendarItem['status'] = 'upcoming', id = dueDate): ReportCalendarItem => ({
  periodKey: 'FY2027-Q2', periodStart: '2026-07-01', periodEnd: '2026-09-30', dueDate, status, report: null,
  agreementId: `a-${id}`, agreementNumber: '72068823CA00012', agreementTitle: '', reportFrequency: 'quarter',
  donor: { id: 'd', name: 'USAID', acronym: 'USAID' }, project: { id: 'p1', code: 'LASI-GH-04', title: 'Focal cities' }, canManage: true,
});

describe('report calendar helpers', () => {
  it('counts days across months and years, negative when late', () => {
    expect(daysFromTo('2026-11-24', '2026-12-08')).toBe(14);
    expect(daysFromTo('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysFromTo('2026-11-24', '2026-10-30')).toBe(-25);
    expect(addDays('2026-09-01', -1)).toBe('2026-08-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('works out month ends, leap Februaries included, and months before and after', () => {
    expect(monthEnd('2026-02')).toBe('2026-02-28');
    expect(monthEnd('2028-02')).toBe('2028-02-29');
    expect(monthEnd('2026-12')).toBe('2026-12-31');
    expect(shiftMonth('2026-11-24', -2)).toBe('2026-09');
    expect(shiftMonth('2026-11-24', 9)).toBe('2027-08');
    expect(shiftMonth('2026-01-31', -1)).toBe('2025-12');
    expect(defaultWindow('2026-11-24')).toEqual({ from: '2026-09', to: '2027-08' });
  });

  it('groups reports by the month they are due in, in order', () => {
    const groups = byDueMonth([item('2027-01-30', 'upcoming', 'x'), item('2026-11-30', 'due_soon'), item('2026-11-14', 'overdue'), item('2027-01-30', 'upcoming', 'y')]);
    expect(groups.map((g) => [g.month, g.items.map((i) => i.dueDate)])).toEqual([
      ['2026-11', ['2026-11-14', '2026-11-30']],
      ['2027-01', ['2027-01-30', '2027-01-30']],
    ]);
  });

  it('counts each status', () => {
    expect(statusCounts([item('2026-11-14', 'overdue'), item('2026-11-15', 'overdue'), item('2026-12-01', 'submitted')])).toEqual({ overdue: 2, due_soon: 0, upcoming: 0, submitted: 1 });
  });

  it('links managers to the reports page with the agreement and period, others and submitted reports to the history', () => {
    expect(reportsLink(item('2026-10-30', 'overdue', 'a1'))).toBe('/projects/p1/reports?agreementId=a-a1&periodStart=2026-07-01&periodEnd=2026-09-30');
    expect(reportsLink(item('2026-10-30', 'submitted'))).toBe('/projects/p1/reports');
    expect(reportsLink({ ...item('2026-10-30', 'overdue'), canManage: false })).toBe('/projects/p1/reports');
  });
});
