import { describe, expect, it } from 'vitest';
import { parseNumber } from './numbers.js';
import { sniffSeparator } from './sniff.js';

describe('numbers as English, French and Spanish spreadsheets write them', () => {
  it('reads point decimals with comma thousands', () => {
    expect(parseNumber('1234.5', '.')).toBe(1234.5);
    expect(parseNumber('1,234.5', '.')).toBe(1234.5);
    expect(parseNumber('-0.25', '.')).toBe(-0.25);
    expect(parseNumber('1,2', '.')).toBeUndefined();
  });
  it('reads comma decimals with space, no-break space, narrow no-break space or point thousands', () => {
    expect(parseNumber('1 234,5', ',')).toBe(1234.5);
    expect(parseNumber('1\u00a0234,5', ',')).toBe(1234.5);
    expect(parseNumber('12\u202f345\u202f678', ',')).toBe(12345678);
    expect(parseNumber('1.234.567,25', ',')).toBe(1234567.25);
    expect(parseNumber('0,5', ',')).toBe(0.5);
    expect(parseNumber('1.5', ',')).toBeUndefined();
  });
  it('tries both in auto mode; empty is null; words are not numbers', () => {
    expect(parseNumber('2,75', 'auto')).toBe(2.75);
    expect(parseNumber('2.75', 'auto')).toBe(2.75);
    expect(parseNumber('  ', 'auto')).toBeNull();
    expect(parseNumber(null, 'auto')).toBeNull();
    expect(parseNumber('douze', 'auto')).toBeUndefined();
    expect(parseNumber('12abc', ',')).toBeUndefined();
    expect(parseNumber(Number.NaN, 'auto')).toBeUndefined();
  });
  it('sniffs the separator from the header line, ignoring quoted text', () => {
    expect(sniffSeparator('a,b,c')).toBe(',');
    expect(sniffSeparator('a;b;"x,y,z"')).toBe(';');
    expect(sniffSeparator('a\tb\tc')).toBe('\t');
  });
});
