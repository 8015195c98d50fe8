import { describe, expect, it } from 'vitest';
import type { MyReporting } from '@shared/schemas/index.js';
import { hasReportingWork, managedRoundsByUrgency } from './reporting-work.js';

const round = (roundId: string, dueDate: string, total: number, approved: number, late = 0) => ({
  roundId,
  projectId: 'p',
  projectCode: 'P',
  periodKey: roundId,
  dueDate,
  total,
  submitted: approved,
  approved,
  late,
});

describe('managedRoundsByUrgency', () => {
  it('puts unfinished rounds first (late ones, then earliest due) and finished ones last, newest first', () => {
    const sorted = managedRoundsByUrgency([
      round('doneOld', '2025-10-20', 1, 1),
      round('open', '2026-12-04', 2, 0),
      round('doneNew', '2026-07-20', 1, 1),
      round('late', '2026-10-20', 3, 1, 2),
      round('soon', '2026-11-30', 1, 0),
    ]);
    expect(sorted.map((r) => r.roundId)).toEqual(['late', 'soon', 'open', 'doneNew', 'doneOld']);
  });
});

describe('hasReportingWork', () => {
  const empty: MyReporting = { due: [], overdue: [], returned: [], toReview: [], rounds: [], reminders: [] };
  it('is false when every list is empty and true with a reminder alone', () => {
    expect(hasReportingWork(empty)).toBe(false);
    expect(hasReportingWork({ ...empty, reminders: [{ roundId: 'r', projectCode: 'P', periodKey: '2026-Q1', kind: 'overdue', sentAt: '2026-01-01T00:00:00Z' }] })).toBe(true);
  });
});
