import { describe, expect, it } from 'vitest';
import { safeCell } from './csv-safe.js';

describe('safeCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("https://evil.example","x")', `'=HYPERLINK("https://evil.example","x")`],
    ['+SUM(A1:A2)', "'+SUM(A1:A2)"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\r=cmd', "'\r=cmd"],
  ])('prefixes %j with an apostrophe so spreadsheets show it as text', (input, expected) => {
    expect(safeCell(input)).toBe(expected);
  });

  it.each([
    ['plain text', 'plain text'],
    ['a=b', 'a=b'],
    ['', ''],
    ["'already quoted", "'already quoted"],
    ['2025-03-01T08:00:00.000Z', '2025-03-01T08:00:00.000Z'],
    ['موبتي', 'موبتي'],
  ])('leaves %j as it is', (input, expected) => {
    expect(safeCell(input)).toBe(expected);
  });

  it('writes nothing for null and undefined', () => {
    expect(safeCell(null)).toBe('');
    expect(safeCell(undefined)).toBe('');
  });

  it('writes numbers and booleans as text, neutralising a negative number', () => {
    expect(safeCell(42)).toBe('42');
    expect(safeCell(-5)).toBe("'-5");
    expect(safeCell(false)).toBe('false');
  });

  it('writes objects as JSON', () => {
    expect(safeCell({ name: '=cmd' })).toBe('{"name":"=cmd"}');
    expect(safeCell(['=a'])).toBe('["=a"]');
  });
});
