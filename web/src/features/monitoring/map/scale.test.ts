import { describe, expect, it } from 'vitest';
import { classBreaks, classColors, classIndex, legendClasses, niceStep } from './scale.js';

describe('niceStep', () => {
  it('rounds up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0.7, 1, 1.3, 2.2, 3, 7, 12, 180, 2600].map(niceStep)).toEqual([1, 1, 2, 2.5, 5, 10, 20, 200, 5000]);
  });
});

describe('classBreaks', () => {
  it('starts at zero and uses round steps for counts', () => {
    // 40..950 over five classes: raw step 182 → 200; from 0 it takes ceil(950/200) = 5 classes.
    expect(classBreaks([40, 310, 620, 950])).toEqual([0, 200, 400, 600, 800, 1000]);
  });

  it('keeps a lowest class above zero when starting at zero would need more classes', () => {
    // 900..1000: raw step 20 → 20; from 0 that would be 50 classes, so it starts at 900.
    expect(classBreaks([900, 950, 1000])).toEqual([900, 920, 940, 960, 980, 1000]);
  });

  it('widens the step until the classes fit', () => {
    // 0..130 in at most 3 classes: raw 43.3 → 50 gives 0, 50, 100, 150.
    expect(classBreaks([0, 130], 3)).toEqual([0, 50, 100, 150]);
    // 0..101 in at most 2 classes: 50.5 → 100 → 0, 100, 200.
    expect(classBreaks([0, 101], 2)).toEqual([0, 100, 200]);
  });

  it('handles percentages with decimals without floating-point noise', () => {
    expect(classBreaks([12.5, 47.3, 88.1])).toEqual([0, 20, 40, 60, 80, 100]);
    // 0.1..0.3: raw step 0.04 → 0.05; from 0 it would take 6 classes, so it starts at 0.1.
    expect(classBreaks([0.1, 0.3])).toEqual([0.1, 0.15, 0.2, 0.25, 0.3]);
  });

  it('covers negative values', () => {
    expect(classBreaks([-30, 45])).toEqual([-40, -20, 0, 20, 40, 60]);
  });

  it('gives one class for a single distinct value and none for no values', () => {
    expect(classBreaks([5, 5])).toEqual([5, 10]);
    expect(classBreaks([0])).toEqual([0, 1]);
    expect(classBreaks([37])).toEqual([0, 50]);
    expect(classBreaks([])).toEqual([]);
    expect(classBreaks([Number.NaN])).toEqual([]);
  });
});

describe('classIndex', () => {
  const breaks = [0, 200, 400, 600];
  it('puts a value in the class whose lower bound it reaches; the top class includes its upper bound', () => {
    expect([0, 199.9, 200, 450, 600].map((v) => classIndex(v, breaks))).toEqual([0, 0, 1, 2, 2]);
  });
  it('is -1 outside the breaks or without classes', () => {
    expect(classIndex(-1, breaks)).toBe(-1);
    expect(classIndex(601, breaks)).toBe(-1);
    expect(classIndex(5, [])).toBe(-1);
    expect(classIndex(Number.NaN, breaks)).toBe(-1);
  });
});

describe('classColors', () => {
  it('spreads the ramp light to dark and gives one colour per class', () => {
    const five = classColors(5);
    expect(new Set(five).size).toBe(5);
    expect(five[0]).toBe('#deebf7');
    expect(five[4]).toBe('#08519c');
    expect(classColors(2)).toEqual(['#c6dbef', '#08519c']);
    expect(classColors(1)).toHaveLength(1);
    expect(classColors(0)).toEqual([]);
  });

  it('pairs each legend class with its bounds', () => {
    expect(legendClasses([0, 50, 100]).map(({ from, to }) => [from, to])).toEqual([
      [0, 50],
      [50, 100],
    ]);
  });
});
