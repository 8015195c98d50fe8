import { describe, expect, it } from 'vitest';
import { boardOrder, newestFirst, percent, roundCounts } from './completeness.js';

describe('roundCounts', () => {
  it('counts submitted as waiting for review plus approved, and late apart', () => {
    const counts = roundCounts([
      { status: 'draft', late: true },
      { status: 'submitted', late: false },
      { status: 'submitted', late: false },
      { status: 'approved', late: false },
      { status: 'returned', late: true },
      { status: 'reopened', late: false },
    ]);
    expect(counts).toEqual({ total: 6, submitted: 3, waitingReview: 2, approved: 1, late: 2 });
  });

  it('is all zeros for a round without packages', () => {
    expect(roundCounts([])).toEqual({ total: 0, submitted: 0, waitingReview: 0, approved: 0, late: 0 });
  });
});

describe('percent', () => {
  it('rounds and caps at 100', () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(2, 3)).toBe(67);
    expect(percent(5, 4)).toBe(100);
  });
  it('is 0 when nothing is expected', () => {
    expect(percent(0, 0)).toBe(0);
    expect(percent(3, 0)).toBe(0);
  });
});

describe('newestFirst', () => {
  it('orders by period start, then end, then creation, newest first', () => {
    const r = (id: string, periodStart: string, periodEnd: string, createdAt = '2026-01-01T00:00:00Z') => ({ id, periodStart, periodEnd, createdAt });
    const sorted = newestFirst([
      r('q1', '2026-01-01', '2026-03-31'),
      r('q3', '2026-07-01', '2026-09-30'),
      r('jul', '2026-07-01', '2026-07-31'),
      r('h2', '2026-07-01', '2026-12-31'),
      r('q2', '2026-04-01', '2026-06-30'),
    ]);
    expect(sorted.map((x) => x.id)).toEqual(['h2', 'q3', 'jul', 'q2', 'q1']);
  });
});

describe('boardOrder', () => {
  it('puts packages waiting for review first, late ones before others of the same status, then by name', () => {
    const row = (name: string, status: 'draft' | 'submitted' | 'returned' | 'approved' | 'reopened', late = false) => ({ organisation: { name }, status, late });
    const sorted = boardOrder(
      [row('Zeta', 'approved'), row('Beta', 'draft'), row('Alpha', 'draft', true), row('Gamma', 'submitted'), row('Delta', 'returned', true)],
      'en',
    );
    expect(sorted.map((x) => x.organisation.name)).toEqual(['Gamma', 'Delta', 'Alpha', 'Beta', 'Zeta']);
  });
});
