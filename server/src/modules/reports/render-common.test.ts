import { describe, expect, it } from 'vitest';
import type { TableBlock } from './document.types.js';
import { cleanText, headerGroupCells, numberFormats, pageLabelParts, splitWideTable } from './render-common.js';
import { largeReportDocument } from './render.fixtures.js';

describe('numbers in the report language', () => {
  it('writes thousands separators and decimals only when the figure has some', () => {
    const en = numberFormats('en');
    expect(en.cell(25170, 'number')).toBe('25,170');
    expect(en.cell(12.5, 'number')).toBe('12.5');
    expect(en.cell(85.3, 'percent')).toBe('85.3\u00a0%');
    expect(en.cell(100, 'percent')).toBe('100\u00a0%');
  });

  it('follows French and Spanish conventions', () => {
    expect(numberFormats('fr').cell(25170.5, 'number')).toBe('25\u202f170,5');
    expect(numberFormats('fr').cell(85.3, 'percent')).toBe('85,3\u00a0%');
    expect(numberFormats('es').cell(85.25, 'percent')).toBe('85,3\u00a0%');
  });

  it('keeps Latin digits in Arabic reports', () => {
    expect(numberFormats('ar').cell(1234.5, 'number')).toBe('1,234.5');
    expect(numberFormats('ar').cell(1234.5, 'number')).not.toMatch(/[٠-٩]/);
  });

  it('leaves empty cells and non-finite figures blank and cleans text', () => {
    const en = numberFormats('en');
    expect(en.cell(null, 'number')).toBe('');
    expect(en.cell(Number.NaN, 'number')).toBe('');
    expect(en.cell('a\u0000b\r\nc', 'text')).toBe('ab\nc');
  });
});

describe('cleanText', () => {
  it('removes characters XML cannot hold and keeps tabs, line breaks and emoji', () => {
    expect(cleanText('x\u0001\u0008\u000b\u000c\u001f\ufffey')).toBe('xy');
    expect(cleanText('a\tb\nc😀')).toBe('a\tb\nc😀');
    expect(cleanText('lone \ud800 surrogate')).toBe('lone  surrogate');
  });
});

describe('page labels', () => {
  it('cuts "Page {n} of {total}" around its fields, in any order', () => {
    expect(pageLabelParts('Page {n} of {total}')).toEqual([{ text: 'Page ' }, { field: 'n' }, { text: ' of ' }, { field: 'total' }]);
    expect(pageLabelParts('{n}/{total}')).toEqual([{ field: 'n' }, { text: '/' }, { field: 'total' }]);
  });
});

describe('header groups', () => {
  it('pads groups that do not cover the table and cuts those that overflow it', () => {
    expect(headerGroupCells([{ label: 'Q1', span: 2 }], 4)).toEqual([{ label: 'Q1', span: 2 }, { label: '', span: 2 }]);
    expect(headerGroupCells([{ label: 'A', span: 3 }, { label: 'B', span: 3 }], 4)).toEqual([{ label: 'A', span: 3 }, { label: 'B', span: 1 }]);
  });
});

describe('splitWideTable', () => {
  const iptt = largeReportDocument(3, 12).sections.find((s) => s.key === 'iptt')!.blocks[0] as TableBlock;

  it('cuts a monthly IPTT into tables that repeat the indicator columns and keep each period whole', () => {
    expect(iptt.columns).toHaveLength(4 + 13 * 3);
    const parts = splitWideTable(iptt, 16);
    expect(parts.map((p) => p.columns.length)).toEqual([16, 16, 16, 7]);
    for (const p of parts) {
      expect(p.columns.slice(0, 4).map((c) => c.label)).toEqual(['Code', 'Result / indicator', 'Baseline', 'LoP target']);
      expect(p.headerGroups?.reduce((s, g) => s + g.span, 0)).toBe(p.columns.length);
      expect(p.rows.every((r) => r.cells.length === p.columns.length)).toBe(true);
    }
    expect(parts[3]!.headerGroups!.map((g) => g.label)).toEqual(['', 'Year 2026']);
    // The cells follow their columns: the year total of the first indicator.
    const yearActual = parts[3]!.rows[1]!.cells[5];
    expect(yearActual).toBe(iptt.rows[1]!.cells[4 + 12 * 3 + 1]);
    expect(parts[0]!.caption).toMatch(/\(1\/4\)$/);
  });

  it('leaves a table that fits alone', () => {
    expect(splitWideTable(iptt, 100)).toEqual([iptt]);
  });
});
