import { describe, expect, it } from 'vitest';
import { mean, outliersOf, sampleSd } from './outliers.js';

describe('outliersOf', () => {
  // History 10, 12, 14: mean 12; deviations −2, 0, 2 → squares 4 + 0 + 4 = 8; 8 ÷ 2 = 4; SD 2. 3 SD band: 6 … 18.
  const history = [10, 12, 14];

  it('computes mean and sample SD by hand', () => {
    expect(mean(history)).toBe(12);
    expect(sampleSd(history)).toBe(2);
    expect(sampleSd([5])).toBe(0);
  });

  it('flags a value beyond 3 SD of the history', () => {
    expect(outliersOf(18, history)).toEqual([]);
    expect(outliersOf(18.5, history)).toEqual([{ reason: 'beyond_3sd', value: 18.5, reference: 12 }]);
    // 5.5 is below 6 (beyond 3 SD) and below half of last period's 14 (7).
    expect(outliersOf(5.5, history)).toEqual([
      { reason: 'beyond_3sd', value: 5.5, reference: 12 },
      { reason: 'less_than_half', value: 5.5, reference: 14 },
    ]);
  });

  it('needs three history points and a spread for the SD test', () => {
    expect(outliersOf(19, [12, 14])).toEqual([]);
    expect(outliersOf(13, [12, 12, 12])).toEqual([]);
  });

  it('flags more than double or less than half of last period', () => {
    expect(outliersOf(29, [14])).toEqual([{ reason: 'more_than_double', value: 29, reference: 14 }]);
    expect(outliersOf(28, [14])).toEqual([]);
    expect(outliersOf(7, [14])).toEqual([]);
    expect(outliersOf(6.9, [14])).toEqual([{ reason: 'less_than_half', value: 6.9, reference: 14 }]);
    // Both tests at once: history 100, 100, 110, 90 (mean 100, SD √(0+0+100+100)/3 ≈ 8.165) and last 90; 250 > 180 and > 124.5.
    expect(outliersOf(250, [100, 100, 110, 90]).map((f) => [f.reason, f.reference])).toEqual([
      ['beyond_3sd', 100],
      ['more_than_double', 90],
    ]);
  });

  it('ignores last period when it is missing or 0', () => {
    expect(outliersOf(50, [])).toEqual([]);
    expect(outliersOf(50, [0])).toEqual([]);
  });
});
