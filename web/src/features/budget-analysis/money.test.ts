import { beforeAll, describe, expect, it, vi } from 'vitest';
import { digitsOf, formatAmount, formatMoney, formatPct, toMajor } from './money.js';

// English as the interface language, without a browser.
beforeAll(() => vi.stubGlobal('navigator', { languages: ['en'] }));

describe('budget vs actual figures on screen', () => {
  it('writes money with the currency digits and never a floating-point artefact', () => {
    expect(formatAmount(125_050, 'USD')).toBe('1,250.50');
    expect(formatAmount(1_211_000, 'XOF')).toBe('1,211,000');
    expect(formatAmount(3_430_532, 'TND')).toBe('3,430.532');
    // 0.1 + 0.2 in floating point is 0.30000000000000004; in minor units it is 30 cents.
    expect(formatMoney(10 + 20, 'USD')).toBe('0.30 USD');
    expect(formatAmount(-345_550, 'GHS')).toBe('-3,455.50');
    expect(formatMoney(null, 'USD')).toBe('—');
    expect(digitsOf('XYZ-not-a-code')).toBe(2);
  });

  it('writes percentages with one decimal and a dash when there is none', () => {
    expect(formatPct(41.7)).toBe('41.7 %');
    expect(formatPct(100)).toBe('100.0 %');
    expect(formatPct(null)).toBe('—');
  });

  it('gives charts major units', () => {
    expect(toMajor(125_050, 'USD')).toBe(1250.5);
    expect(toMajor(1_211_000, 'XOF')).toBe(1_211_000);
  });
});
