import { describe, expect, it } from 'vitest';
import { printZoom } from './print-fit.js';

describe('printZoom', () => {
  it('leaves a table that fits the page as it is', () => {
    // 1,400 px on screen → about 980 px on paper, under the 1,047 px of an A4 landscape page.
    expect(printZoom(1400)).toBe(1);
  });

  it('zooms a wider table out to the page width, rounding down', () => {
    // 2,927 px on screen (CLM-KOL-01 by quarter) → 2,049 px on paper → 1,047 / 2,049 = 0.511 → 0.51.
    expect(printZoom(2927)).toBe(0.51);
    // 7,507 px (by month) → 5,255 px → 0.199 → 0.19.
    expect(printZoom(7507)).toBe(0.19);
  });

  it('does not zoom when the width is unknown', () => {
    expect(printZoom(0)).toBe(1);
    expect(printZoom(Number.NaN)).toBe(1);
  });
});
