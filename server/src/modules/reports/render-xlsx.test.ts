import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TableBlock } from './document.types.js';
import { renderXlsx, uniqueSheetName } from './render-xlsx.js';
import { HOSTILE_TEXTS, maliNutritionReportArabic, maliNutritionReportWithHostileText } from './render.fixtures.js';

async function load(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

const tableOf = (doc: ReturnType<typeof maliNutritionReportWithHostileText>, key: string) => doc.sections.find((s) => s.key === key)!.blocks.find((b): b is TableBlock => b.type === 'table')!;

describe('renderXlsx', () => {
  const doc = maliNutritionReportWithHostileText();
  let buffer: Buffer;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    buffer = await renderXlsx(doc);
    wb = await load(buffer);
  });

  it('opens with the summary sheet, then one sheet per table with Excel-safe unique names', () => {
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Contents', 'IPTT Q3 2026', 'Reach by sex and age', 'Attachments list 2026 Q3']);
  });

  it('puts the cover, the sections and their paragraphs on the summary sheet', () => {
    const ws = wb.getWorksheet('Contents')!;
    const values = ws.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.filter((v) => v !== null && v !== undefined) : []));
    expect(values).toEqual(expect.arrayContaining(['Quarterly performance report', 'Agreement number', 'NFCC-2025-MLI-0147', 'Executive summary', 'Indicator performance tracking table']));
    expect(values.find((v) => typeof v === 'string' && v.startsWith('[FR] '))).toContain('Konna');
    expect(values).toContain('• Screening coverage above target in two of three months');
    expect(values).toContain(`${doc.labels.untranslated}`);
  });

  it('writes the grouped header row as merged cells above the column labels', () => {
    const ws = wb.getWorksheet('IPTT Q3 2026')!;
    const iptt = tableOf(doc, 'iptt');
    expect(ws.getCell('A1').value).toBe(iptt.caption);
    expect(ws.getRow(4).values).toEqual([undefined, ...iptt.columns.map((c) => c.label)]);
    expect(ws.getCell('E3').value).toBe('July 2026');
    expect(ws.getCell('G3').isMerged && ws.getCell('G3').master.address).toBe('E3');
    expect(ws.getCell('H3').value).toBe('August 2026');
    expect(ws.getCell('E3').font?.bold).toBe(true);
  });

  it('stores every figure as the fixture number, with a number format', () => {
    const ws = wb.getWorksheet('IPTT Q3 2026')!;
    const iptt = tableOf(doc, 'iptt');
    iptt.rows.forEach((row, r) => {
      row.cells.forEach((value, c) => {
        const cell = ws.getRow(5 + r).getCell(c + 1);
        if (typeof value === 'number') {
          expect(cell.value).toBe(value);
          expect(cell.numFmt).toBe(iptt.columns[c]!.kind === 'percent' ? '0.0" %"' : '#,##0');
        }
      });
    });
    const disaggregation = wb.getWorksheet('Reach by sex and age')!;
    expect(disaggregation.getRow(8).values).toEqual([undefined, 'Total', 11711, 11459, 23170, 100]);
    expect(disaggregation.getCell('B8').font?.bold).toBe(true);
  });

  it('marks pending rows, spans and shades level rows', () => {
    const ws = wb.getWorksheet('IPTT Q3 2026')!;
    expect(ws.getCell('B8').value).toBe('Children discharged cured from outpatient treatment (pending approval)');
    expect(ws.getCell('B7').value).not.toContain('pending');
    expect(ws.getCell('A5').value).toMatch(/^Outcome 1:/);
    expect(ws.getCell('P5').isMerged && ws.getCell('P5').master.address).toBe('A5');
    expect(ws.getCell('A5').font?.bold).toBe(true);
    expect(ws.getCell('A5').fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFEDEDED' } });
  });

  it('freezes the panes below the header and beside the indicator names', () => {
    const [view] = wb.getWorksheet('IPTT Q3 2026')!.views;
    expect(view).toMatchObject({ state: 'frozen', ySplit: 4, xSplit: 2, rightToLeft: false });
    expect(wb.getWorksheet('Reach by sex and age')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 3, xSplit: 0 });
    expect(wb.getWorksheet('IPTT Q3 2026')!.getColumn(2).width).toBeGreaterThan(30);
  });

  it('never writes a formula: typed text that looks like one is neutralised', async () => {
    const ws = wb.getWorksheet('Attachments list 2026 Q3')!;
    expect(ws.getRow(4).values).toEqual([undefined, "'=1+1", `'${HOSTILE_TEXTS.hyperlink}`, 3]);
    expect(ws.getRow(5).values).toEqual([undefined, HOSTILE_TEXTS.markup, "'@SUM(A1:A2)", 12]);
    expect(ws.getRow(6).values).toEqual([undefined, "'+22376000000", "'-5"]);
    wb.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula).toBeFalsy();
        }),
      ),
    );
    // And in the file itself: no formula element in any sheet, no invalid character.
    const zip = await JSZip.loadAsync(buffer);
    for (const name of Object.keys(zip.files).filter((n) => n.startsWith('xl/') && n.endsWith('.xml'))) {
      const xml = await zip.file(name)!.async('string');
      expect(xml.includes('<f>') || xml.includes('<f ')).toBe(false);
      // eslint-disable-next-line no-control-regex -- the characters the renderers must remove
      expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(xml)).toBe(false);
    }
  });

  it('sets the title and the organisation as the file properties', () => {
    expect(wb.title).toBe('Quarterly performance report — Q3 2026');
    expect(wb.creator).toBe('Sahel Action International');
  });

  it('shows the sheets of a right-to-left report right to left', async () => {
    const ar = await load(await renderXlsx(maliNutritionReportArabic()));
    expect(ar.worksheets.map((ws) => ws.name)).toEqual(['المحتويات', 'مؤشرات الربع الثالث']);
    for (const ws of ar.worksheets) expect(ws.views[0]?.rightToLeft).toBe(true);
    expect(ar.getWorksheet('مؤشرات الربع الثالث')!.getCell('F6').value).toBe(8412);
  });
});

describe('uniqueSheetName', () => {
  it('removes the characters Excel refuses and cuts to 31 characters', () => {
    const taken = new Set<string>();
    expect(uniqueSheetName('IPTT [Q3]: 2026/27?*\\', taken, 'Table 1')).toBe('IPTT Q3 2026 27');
    const long = uniqueSheetName('People reached by sex, age and disability status', taken, 'Table 2');
    expect(long).toBe('People reached by sex, age and');
    expect(long.length).toBeLessThanOrEqual(31);
  });

  it('numbers repeated names, regardless of case, and still fits 31 characters', () => {
    const taken = new Set<string>();
    expect(uniqueSheetName('IPTT', taken, 'x')).toBe('IPTT');
    expect(uniqueSheetName('iptt', taken, 'x')).toBe('iptt (2)');
    const base = 'A very long sheet name that is cut';
    const first = uniqueSheetName(base, taken, 'x');
    const second = uniqueSheetName(base, taken, 'x');
    expect(second).not.toBe(first);
    expect(second.length).toBeLessThanOrEqual(31);
    expect(second.endsWith(' (2)')).toBe(true);
  });

  it('falls back when nothing is left, and avoids the reserved "History" and edge apostrophes', () => {
    const taken = new Set<string>();
    expect(uniqueSheetName('[]:*?/\\', taken, 'Table 3')).toBe('Table 3');
    expect(uniqueSheetName("'Quoted'", taken, 'x')).toBe('Quoted');
    expect(uniqueSheetName('History', taken, 'x')).toBe('History (2)');
  });
});
