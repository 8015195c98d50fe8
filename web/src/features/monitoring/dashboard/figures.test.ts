import { describe, expect, it } from 'vitest';
import { coverage, figureValue, formatIndicatorValue, formatPercent, formatTick, type NumberFormat } from './figures.js';

const en: NumberFormat = (n, o) => new Intl.NumberFormat('en', o).format(n);
const fr: NumberFormat = (n, o) => new Intl.NumberFormat('fr', o).format(n);
const yesNo = { yes: 'Yes', no: 'No' };

describe('formatIndicatorValue', () => {
  it('writes numbers, percentages and yes/no as the rest of the app does', () => {
    expect(formatIndicatorValue(1234.567, 'number', en)).toBe('1,234.57');
    expect(formatIndicatorValue(62.5, 'percentage', en)).toBe('62.5 %');
    expect(formatIndicatorValue(1, 'yes_no', en, yesNo)).toBe('Yes');
    expect(formatIndicatorValue(0, 'yes_no', en, yesNo)).toBe('No');
    expect(formatIndicatorValue(0, 'number', en)).toBe('0');
  });

  it('follows the language (French groups with a narrow space and uses a decimal comma)', () => {
    expect(formatIndicatorValue(1234.5, 'number', fr)).toBe('1\u202f234,5');
  });

  it('shows a dash for no value, never zero', () => {
    expect(formatIndicatorValue(null, 'number', en)).toBe('—');
    expect(formatIndicatorValue(undefined, 'percentage', en)).toBe('—');
    expect(formatIndicatorValue(Number.NaN, 'number', en)).toBe('—');
  });
});

describe('formatPercent and formatTick', () => {
  it('rounds % met to whole percent', () => {
    expect(formatPercent(66.666, en)).toBe('67 %');
    expect(formatPercent(null, en)).toBe('—');
  });
  it('shortens large axis ticks', () => {
    expect(formatTick(12_500, 'number', en)).toBe('12.5K');
    expect(formatTick(250, 'number', en)).toBe('250');
    expect(formatTick(40, 'percentage', en)).toBe('40 %');
  });
});

describe('figureValue and coverage', () => {
  it('reads a figure value, null when absent', () => {
    expect(figureValue({ value: 4, pending: false })).toBe(4);
    expect(figureValue({ value: null, pending: false })).toBeNull();
    expect(figureValue(null)).toBeNull();
  });
  it('divides actual by target, null without a usable target', () => {
    expect(coverage(320, 400)).toBe(80);
    expect(coverage(320, 0)).toBeNull();
    expect(coverage(null, 400)).toBeNull();
    expect(coverage(320, null)).toBeNull();
  });
});
