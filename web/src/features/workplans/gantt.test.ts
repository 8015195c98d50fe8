import { describe, expect, it } from 'vitest';
import { actualRange, completeFraction, dayNumber, groupByNode, isOverdue, monthColumns, offsetOf, pointOf, quarterRange, quartersRange, spanOf, windowDays } from './gantt.js';

/** The 2026 plan's window: 365 days, so one day is 100/365 ≈ 0.274 % of the chart. */
const Y2026 = { start: '2026-01-01', end: '2026-12-31' };

describe('gantt arithmetic', () => {
  it('counts days in UTC, leap years included', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(windowDays(Y2026)).toBe(365);
    expect(windowDays({ start: '2028-01-01', end: '2028-12-31' })).toBe(366);
    expect(() => dayNumber('2026-1-1')).toThrow();
  });

  it('places the start of a day as a share of the window, clamped to its edges', () => {
    expect(offsetOf('2026-01-01', Y2026)).toBe(0);
    // 31 days of January: 31 / 365 = 8.4931… %
    expect(offsetOf('2026-02-01', Y2026)).toBe(8.493);
    // Jan + Feb + Mar = 90 days: 24.6575… %
    expect(offsetOf('2026-04-01', Y2026)).toBe(24.658);
    expect(offsetOf('2025-12-01', Y2026)).toBe(0);
    expect(offsetOf('2027-03-01', Y2026)).toBe(100);
  });

  it('puts a marker in the middle of its day, and nowhere outside the window', () => {
    // 24 November is day 327 from 1 January (304 days to the end of October + 23): (327 + 0.5) / 365 = 89.7260… %
    expect(pointOf('2026-11-24', Y2026)).toBe(89.726);
    expect(pointOf('2026-01-01', Y2026)).toBe(0.137);
    expect(pointOf('2027-01-01', Y2026)).toBeNull();
    expect(pointOf('2025-12-31', Y2026)).toBeNull();
  });

  it('draws an inclusive range as a bar, cut where it leaves the window', () => {
    // Q2: starts after 90 days, lasts 91 (April 30 + May 31 + June 30): ends at 181 / 365 = 49.589 %
    expect(spanOf('2026-04-01', '2026-06-30', Y2026)).toEqual({ start: 24.658, width: 24.931, cutStart: false, cutEnd: false });
    // A one-day task is one day wide: 1 / 365 = 0.274 %
    expect(spanOf('2026-01-01', '2026-01-01', Y2026)).toEqual({ start: 0, width: 0.274, cutStart: false, cutEnd: false });
    // From November 2025 to February 2026: cut at the start, ends after 59 days (16.164 %)
    expect(spanOf('2025-11-01', '2026-02-28', Y2026)).toEqual({ start: 0, width: 16.164, cutStart: true, cutEnd: false });
    // December 2026 into 2027: starts after 334 days (91.507 %) and runs to the edge
    expect(spanOf('2026-12-01', '2027-01-31', Y2026)).toEqual({ start: 91.507, width: 8.493, cutStart: false, cutEnd: true });
    expect(spanOf('2025-01-01', '2025-12-31', Y2026)).toBeNull();
    expect(spanOf('2026-05-01', '2026-04-01', Y2026)).toBeNull();
  });

  it('runs the actual bar to today while an activity is under way', () => {
    expect(actualRange(null, null, '2026-11-24')).toBeNull();
    expect(actualRange('2026-03-02', null, '2026-11-24')).toEqual({ from: '2026-03-02', to: '2026-11-24', ongoing: true });
    expect(actualRange('2026-03-02', '2026-05-15', '2026-11-24')).toEqual({ from: '2026-03-02', to: '2026-05-15', ongoing: false });
    expect(actualRange('2026-12-01', null, '2026-11-24')).toEqual({ from: '2026-12-01', to: '2026-12-01', ongoing: true });
    expect(actualRange('2026-05-15', '2026-05-01', '2026-11-24')).toEqual({ from: '2026-05-15', to: '2026-05-15', ongoing: false });
  });

  it('lays out the twelve months of a year end to end', () => {
    const months = monthColumns(Y2026);
    expect(months.map((m) => m.key)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(months[0]).toEqual({ key: '2026-01', start: 0, width: 8.493 });
    // February 2026 has 28 days: 28 / 365 = 7.671 %
    expect(months[1]).toEqual({ key: '2026-02', start: 8.493, width: 7.671 });
    expect(months[11]).toEqual({ key: '2026-12', start: 91.507, width: 8.493 });
    // A window starting mid-month begins with the rest of that month.
    expect(monthColumns({ start: '2026-07-16', end: '2026-09-30' }).map((m) => m.key)).toEqual(['2026-07', '2026-08', '2026-09']);
  });

  it('calls an activity overdue once its planned end has passed, unless done or cancelled', () => {
    const today = '2026-11-24';
    expect(isOverdue({ plannedEnd: '2026-11-23', status: 'on_track' }, today)).toBe(true);
    expect(isOverdue({ plannedEnd: '2026-11-23', status: 'delayed' }, today)).toBe(true);
    expect(isOverdue({ plannedEnd: '2026-11-24', status: 'not_started' }, today)).toBe(false);
    expect(isOverdue({ plannedEnd: '2026-06-30', status: 'done' }, today)).toBe(false);
    expect(isOverdue({ plannedEnd: '2026-06-30', status: 'cancelled' }, today)).toBe(false);
  });

  it('turns quarters into planned dates', () => {
    expect(quarterRange(2026, 1)).toEqual({ start: '2026-01-01', end: '2026-03-31' });
    expect(quarterRange(2028, 1).end).toBe('2028-03-31');
    expect(quarterRange(2026, 4)).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(quartersRange(2026, 2, 3)).toEqual({ start: '2026-04-01', end: '2026-09-30' });
    expect(quartersRange(2026, 3, 2)).toEqual({ start: '2026-04-01', end: '2026-09-30' });
  });

  it('clamps the completion fill and groups rows by result node, unlinked rows last', () => {
    expect(completeFraction(45.6)).toBe(46);
    expect(completeFraction(140)).toBe(100);
    expect(completeFraction(-3)).toBe(0);
    const rows = [
      { id: 'a', resultNodeId: null },
      { id: 'b', resultNodeId: 'n2' },
      { id: 'c', resultNodeId: 'n1' },
      { id: 'd', resultNodeId: 'n2' },
    ];
    expect(groupByNode(rows).map((g) => [g.nodeId, g.rows.map((r) => r.id)])).toEqual([
      ['n2', ['b', 'd']],
      ['n1', ['c']],
      [null, ['a']],
    ]);
  });
});
