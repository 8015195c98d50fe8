import { describe, expect, it } from 'vitest';
import { type IndicatorProgress, PROGRESS_CAP, progressRows, progressStatus, statusCounts } from './progress.js';

const indicator = (code: string, percentMet: number | null, extra: Partial<IndicatorProgress> = {}): IndicatorProgress => ({
  indicatorId: `00000000-0000-4000-8000-0000000000${code.slice(-2)}`,
  code,
  name: `Indicator ${code}`,
  unit: 'people',
  type: 'number',
  direction: 'increase',
  cumulative: true,
  resultCode: '1.1',
  baseline: null,
  target: 100,
  actual: { value: percentMet, pending: false },
  percentMet,
  ...extra,
});

describe('progressStatus', () => {
  it('calls an indicator met at 100 % or more', () => {
    expect(progressStatus(100, false, 50)).toBe('met');
    expect(progressStatus(180, true, 10)).toBe('met');
  });
  it('calls a cumulative indicator on track when it has reached the share of time elapsed', () => {
    expect(progressStatus(60, true, 55)).toBe('onTrack');
    expect(progressStatus(50, true, 55)).toBe('behind');
  });
  it('measures a rate or a latest value against its target only, whatever the time', () => {
    expect(progressStatus(60, false, 10)).toBe('behind');
  });
  it('has no status without % met', () => {
    expect(progressStatus(null, true, 50)).toBe('none');
  });
});

describe('progressRows', () => {
  const rows = progressRows(
    [
      indicator('A01', 45),
      indicator('A02', 240),
      indicator('A03', -20, { direction: 'decrease', cumulative: false }),
      indicator('A04', null),
      indicator('A05', null, { type: 'qualitative' }),
    ],
    40,
  );

  it('keeps framework order and leaves out qualitative indicators', () => {
    expect(rows.map((r) => r.code)).toEqual(['A01', 'A02', 'A03', 'A04']);
  });

  it('caps the bar between 0 and the cap but keeps the real % met', () => {
    expect(rows.map((r) => [r.percentMet, r.bar, r.capped])).toEqual([
      [45, 45, false],
      [240, PROGRESS_CAP, true],
      [-20, 0, true], // a decrease that went the wrong way
      [null, null, false],
    ]);
  });

  it('gives each row its status and colour', () => {
    expect(rows.map((r) => r.status)).toEqual(['onTrack', 'met', 'behind', 'none']);
    expect(statusCounts(rows)).toEqual({ met: 1, onTrack: 1, behind: 1, none: 1 });
    expect(rows[1]!.color).toBe('teal.6');
  });
});
