import { describe, expect, it } from 'vitest';
import { completenessRows, type RoundCompleteness } from './completeness.js';

const round = (periodKey: string, periodStart: string, expected: number, submitted: number, approved: number, onTime: number): RoundCompleteness => ({
  periodKey,
  periodStart,
  dueDate: periodStart,
  expected,
  submitted,
  approved,
  onTime,
});

describe('completenessRows', () => {
  it('splits each period into approved, awaiting review and missing, oldest first', () => {
    const rows = completenessRows([round('2026-Q2', '2026-04-01', 4, 3, 1, 2), round('2026-Q1', '2026-01-01', 4, 4, 4, 3)]);
    expect(rows.map((r) => [r.periodKey, r.approved, r.awaiting, r.missing, r.onTimePercent, r.completePercent])).toEqual([
      ['2026-Q1', 4, 0, 0, 75, 100],
      ['2026-Q2', 1, 2, 1, 50, 75],
    ]);
  });

  it('always adds up to what was expected, even from inconsistent counts', () => {
    const r = completenessRows([round('2026-Q1', '2026-01-01', 3, 2, 5, 9)])[0]!;
    expect(r.approved + r.awaiting + r.missing).toBe(3);
    expect([r.approved, r.awaiting, r.missing, r.onTimePercent]).toEqual([3, 0, 0, 100]);
  });

  it('has no percentages when nothing was expected', () => {
    const r = completenessRows([round('2026-Q1', '2026-01-01', 0, 0, 0, 0)])[0]!;
    expect([r.onTimePercent, r.completePercent]).toEqual([null, null]);
  });
});
