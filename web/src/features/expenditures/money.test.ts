import { beforeAll, describe, expect, it, vi } from 'vitest';
import { amountForInput, amountToMinor, decimalForInput, formatMoney, normaliseDecimal, previewConversion, rateLabel, rateOf } from './money.js';

// The interface language, without a browser: English unless a test switches it.
const ui = vi.hoisted(() => ({ locale: 'en' }));
vi.mock('../../i18n/index.js', () => ({ currentLocale: () => ui.locale }));
beforeAll(() => vi.stubGlobal('navigator', { languages: ['en'] }));

describe('expenditure money on screen (English formatting)', () => {
  it('formats minor units with the currency digits', () => {
    expect(formatMoney(125050, 'USD')).toBe('1,250.50 USD');
    expect(formatMoney(655957, 'XOF')).toBe('655,957 XOF');
    expect(formatMoney(3430532, 'TND')).toBe('3,430.532 TND');
    expect(formatMoney(-5, 'GHS')).toBe('-0.05 GHS');
  });

  it('reads typed amounts exactly, refusing more decimals than the currency has', () => {
    expect(normaliseDecimal(' 1,250.5 ')).toBe('1250.5');
    expect(normaliseDecimal('')).toBeNull();
    expect(normaliseDecimal('12a')).toBe('');
    expect(amountToMinor('1,250.50', 'USD')).toBe(125050);
    expect(amountToMinor('0.1', 'USD')).toBe(10);
    expect(amountToMinor('655957', 'XOF')).toBe(655957);
    expect(amountToMinor('1.5', 'XOF')).toBeNull();
    expect(amountToMinor('0', 'USD')).toBeNull();
    expect(rateOf('605.5')).toBe('605.5');
    expect(rateOf('0')).toBeNull();
  });

  it('previews the conversion the server will make', () => {
    // 302,750 XOF at 605.5 per USD = USD 500.00; 1,000 XOF = USD 1.65.
    expect(previewConversion('302,750', 'XOF', '605.5', 'USD')).toBe(50000);
    expect(previewConversion('1000', 'XOF', '605.5', 'USD')).toBe(165);
    expect(previewConversion('12.34', 'USD', 'ignored', 'USD')).toBe(1234);
    expect(previewConversion('12', 'XOF', '', 'USD')).toBeNull();
    expect(rateLabel('1234.5', 'USD', 'CDF')).toBe('1 USD = 1,234.5 CDF');
  });

  it('puts a stored amount and rate back into the form as they would be typed, and reads them back unchanged', () => {
    expect(amountForInput(125050, 'USD')).toBe('1250.50');
    expect(amountForInput(655957, 'XOF')).toBe('655957');
    expect(amountForInput(3430532, 'TND')).toBe('3430.532');
    expect(decimalForInput('0.0645')).toBe('0.0645');
    for (const [minor, currency] of [[125050, 'USD'], [655957, 'XOF'], [3430532, 'TND'], [5, 'GHS']] as const) {
      expect(amountToMinor(amountForInput(minor, currency), currency)).toBe(minor);
    }
  });
});

describe('expenditure money in a French form', () => {
  it('uses the decimal comma for the values put back into the form', () => {
    ui.locale = 'fr';
    try {
      expect(amountForInput(125050, 'USD')).toBe('1250,50');
      expect(decimalForInput('2845.5')).toBe('2845,5');
      expect(amountToMinor(amountForInput(125050, 'USD'), 'USD')).toBe(125050);
    } finally {
      ui.locale = 'en';
    }
  });
});
