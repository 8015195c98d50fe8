import { describe, expect, it } from 'vitest';
import { convertToBudget, fromMinor, isValidQuantity, isValidRate, lineTotal, minorDigits, roundDiv, splitEvenly, sumMinor, toMinor } from './money.js';

describe('money', () => {
  it('knows each currency’s minor unit', () => {
    expect([minorDigits('USD'), minorDigits('XOF'), minorDigits('TND'), minorDigits('CDF'), minorDigits('GHS')]).toEqual([2, 0, 3, 2, 2]);
    expect(() => minorDigits('??')).toThrow(RangeError);
  });

  it('reads typed amounts exactly and refuses extra decimals', () => {
    expect(toMinor('1250.5', 'USD')).toBe(125050);
    expect(toMinor('0.1', 'USD')).toBe(10);
    expect(toMinor('655957', 'XOF')).toBe(655957);
    expect(toMinor('12.345', 'TND')).toBe(12345);
    expect(toMinor('10.5', 'XOF')).toBeNull();
    expect(toMinor('1.001', 'USD')).toBeNull();
    expect(toMinor('1,5', 'USD')).toBeNull();
    expect(toMinor('-3.20', 'USD')).toBe(-320);
  });

  it('writes minor units back as decimals', () => {
    expect(fromMinor(125050, 'USD')).toBe('1250.50');
    expect(fromMinor(5, 'USD')).toBe('0.05');
    expect(fromMinor(-320, 'USD')).toBe('-3.20');
    expect(fromMinor(655957, 'XOF')).toBe('655957');
    expect(fromMinor(12345, 'TND')).toBe('12.345');
  });

  it('rounds half away from zero', () => {
    expect(roundDiv(5n, 2n)).toBe(3n);
    expect(roundDiv(-5n, 2n)).toBe(-3n);
    expect(roundDiv(7n, 3n)).toBe(2n);
    expect(roundDiv(8n, 3n)).toBe(3n);
  });

  it('multiplies quantity by unit cost exactly', () => {
    // 2.5 person-months at USD 3,333.33 = 8,333.325 → 8,333.33
    expect(lineTotal('2.5', 333333)).toBe(833333);
    // 0.1 + 0.2 style traps do not apply: 3 × 0.10
    expect(lineTotal('3', 10)).toBe(30);
    expect(lineTotal('12', 45000000)).toBe(540000000);
  });

  it('converts expenses to the budget currency with the rate given', () => {
    // USD budget: 1,000,000 CDF at 2,850 CDF per USD = 350.877… USD → 350.88
    expect(convertToBudget(100_000_000, 'CDF', '2850', 'USD')).toBe(35088);
    // 655,957 XOF at 655.957 XOF per EUR = exactly 1,000.00 EUR
    expect(convertToBudget(655957, 'XOF', '655.957', 'EUR')).toBe(100000);
    // 605,500 XOF at 605.5 XOF per USD = 1,000.00 USD
    expect(convertToBudget(605500, 'XOF', '605.5', 'USD')).toBe(100000);
    // Same currency
    expect(convertToBudget(12345, 'TND', '1', 'TND')).toBe(12345);
    // A GHS budget paid in USD at 0.0645 USD per GHS: 100.00 USD = 1,550.39 GHS
    expect(convertToBudget(10000, 'USD', '0.0645', 'GHS')).toBe(155039);
    expect(() => convertToBudget(1, 'USD', '0', 'GHS')).toThrow(RangeError);
  });

  it('checks rates and quantities', () => {
    expect(isValidRate('605.5')).toBe(true);
    expect(isValidRate('0')).toBe(false);
    expect(isValidRate('-1')).toBe(false);
    expect(isValidRate('1.12345678901')).toBe(false);
    expect(isValidQuantity('2.5')).toBe(true);
    expect(isValidQuantity('-1')).toBe(false);
    expect(isValidQuantity('1.23456')).toBe(false);
  });

  it('sums and splits without losing a unit', () => {
    expect(sumMinor([10, 20, 30])).toBe(60);
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(splitEvenly(100, 3)).toEqual([34, 33, 33]);
    expect(splitEvenly(-100, 3)).toEqual([-34, -33, -33]);
    expect(sumMinor(splitEvenly(1_000_001, 12))).toBe(1_000_001);
  });
});
