import { describe, expect, it } from 'vitest';
import type { Figure } from '@shared/schemas/monitoring.js';
import { elapsedShare, rankAreas } from './dashboard.rules.js';

const fig = (value: number | null): Figure => ({ value, pending: false });

describe('elapsedShare', () => {
  it('is the share of days from start to end already past, held within 0–100', () => {
    // 2026-01-01 → 2026-12-31 is 364 days; 2026-04-02 is 91 days in: 25 %.
    expect(elapsedShare('2026-01-01', '2026-12-31', '2026-04-02')).toBeCloseTo(25, 9);
    expect(elapsedShare('2026-01-01', '2026-12-31', '2025-06-01')).toBe(0);
    expect(elapsedShare('2026-01-01', '2026-12-31', '2027-06-01')).toBe(100);
    expect(elapsedShare(null, '2026-12-31', '2026-06-01')).toBeNull();
  });
});

describe('rankAreas', () => {
  const area = (name: string, value: number | null) => ({ locationId: name, name, pcode: name, figure: fig(value) });
  it('ranks by value both ways, ties by name, leaving areas without a value out', () => {
    const areas = [area('Mopti', 15), area('Kayes', 15), area('Koulikoro', 20), area('Sikasso', null), area('Gao', 3)];
    const { top, bottom } = rankAreas(areas, 2);
    expect(top.map((a) => a.name)).toEqual(['Koulikoro', 'Kayes']);
    expect(bottom.map((a) => a.name)).toEqual(['Gao', 'Kayes']);
    expect(rankAreas(areas, 10).top.map((a) => a.name)).toEqual(['Koulikoro', 'Kayes', 'Mopti', 'Gao']);
  });
});
