import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PivotDefinitionInput, PivotResult } from '@shared/schemas/monitoring.js';
import { readCell } from '../framework-io/xlsx-cells.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';
import { buildPivotWorld, type PivotWorld } from './pivot.test-world.js';

/** The exports hold the JSON answer's numbers in the JSON answer's places, read back with csv-parse and ExcelJS. */
let t: TestApp;
let w: PivotWorld;
let manager: Agent;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildPivotWorld(t.db);
  manager = await t.as(w.users.manager.id);
});
afterAll(() => t.close());

const byRegion = { type: 'location', level: 'admin1' } as const;
const byQuarter = { type: 'period', granularity: 'quarter' } as const;
const twoIndicators = (): PivotDefinitionInput => ({ indicatorIds: [w.ids.reach, w.ids.stock], rows: [{ type: 'indicator' }, byRegion], columns: [byQuarter] });

/** The JSON answer as the lines an export should hold: table rows with subtotals after each indicator, totals last. */
function expectedLines(p: PivotResult): (string | number | null)[][] {
  const lines: (string | number | null)[][] = [];
  p.rowMembers.forEach((members, i) => {
    lines.push([...members.map((m) => m.label), ...p.cells[i]!.map((f) => f?.value ?? null), p.rowTotals[i]?.value ?? null]);
    if (members[0]!.key !== p.rowMembers[i + 1]?.[0]?.key) {
      const s = p.subtotals.find((x) => x.member.key === members[0]!.key)!;
      lines.push([s.member.label, 'Subtotal', ...s.cells.map((f) => f?.value ?? null), s.total?.value ?? null]);
    }
  });
  lines.push(['Total', null, ...p.columnTotals.map((f) => f?.value ?? null), p.grandTotal?.value ?? null]);
  return lines;
}

const download = async (format: 'csv' | 'xlsx', def: PivotDefinitionInput, agent = manager) => {
  const res = await agent.post(`/api/pivot/export?format=${format}`, def);
  expect(res.statusCode, res.body).toBe(200);
  return res;
};

describe('pivot exports', () => {
  it('CSV: UTF-8 with a BOM, one header line, the JSON numbers', async () => {
    const json = (await manager.post('/api/pivot', twoIndicators())).json() as PivotResult;
    const res = await download('csv', twoIndicators());
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="fieldbook-pivot-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(res.rawPayload.toString('utf8'), { bom: true }) as string[][];
    expect(rows[0]).toEqual(['Indicator', 'Place (admin 1)', 'Q1 2025', 'Q2 2025', 'Total']);
    const asCsv = (x: string | number | null) => (x === null ? '' : String(x));
    expect(rows.slice(1)).toEqual(expectedLines(json).map((line) => line.map(asCsv)));
    // And the hand-computed figures themselves.
    expect(rows.slice(1).map((r) => r.slice(2))).toEqual([
      ['15', '7', '22'], ['7', '6', '13'], ['22', '13', '35'], ['7', '11', '11'], ['9', '', '9'], ['16', '11', '20'], ['', '', ''],
    ]);
  });

  it('CSV: text that looks like a formula stays text', async () => {
    await t.db.updateTable('locations').set({ name: '=HYPERLINK("x")' }).where('id', '=', w.regions.beta).execute();
    try {
      const res = await download('csv', { indicatorIds: [w.ids.reach], rows: [byRegion], columns: [] });
      const rows = parse(res.rawPayload.toString('utf8'), { bom: true }) as string[][];
      // Places are ordered by name: the renamed one now comes first.
      expect(rows.map((r) => r[0])).toEqual(['Place (admin 1)', `'=HYPERLINK("x")`, 'Alpha', 'Total']);
      // One table column: no total column beside it.
      expect(rows[0]).toEqual(['Place (admin 1)', 'Value']);
    } finally {
      await t.db.updateTable('locations').set({ name: 'Beta' }).where('id', '=', w.regions.beta).execute();
    }
  });

  it('XLSX: title lines, a header row per column dimension, numbers with formats, bold subtotals, totals', async () => {
    const json = (await manager.post('/api/pivot', twoIndicators())).json() as PivotResult;
    const res = await download('xlsx', twoIndicators());
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    const value = (r: number, c: number) => {
      const read = readCell(ws.getCell(r, c).value);
      return read.ok ? read.value : 'error';
    };
    expect(value(1, 1)).toBe('Pivot table');
    expect(value(2, 1)).toBe('Indicators: IND-1 People reached; IND-3 Open centres');
    // Header: the quarter row (with the dimension's heading beside it), then the row dimensions' headings.
    expect([value(6, 2), value(6, 3), value(6, 4), value(6, 5)]).toEqual(['Period (quarter)', 'Q1 2025', 'Q2 2025', 'Total']);
    expect([value(7, 1), value(7, 2)]).toEqual(['Indicator', 'Place (admin 1)']);
    const lines = expectedLines(json);
    lines.forEach((line, n) => {
      const r = 8 + n;
      expect([1, 2, 3, 4, 5].map((c) => value(r, c)), `line ${n}`).toEqual(line);
    });
    expect(value(8 + lines.length, 1)).toBeNull();
    // Figures are numbers with a number format; subtotal and total lines are bold.
    expect(typeof ws.getCell(8, 3).value).toBe('number');
    expect(ws.getCell(8, 3).numFmt).toBe('#,##0');
    const subtotal = ws.getRow(10);
    expect(subtotal.getCell(2).value).toBe('Subtotal');
    expect(subtotal.getCell(3).font?.bold).toBe(true);
    expect(ws.getRow(8).getCell(3).font?.bold).toBeFalsy();
    expect(ws.getRow(8 + lines.length - 1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 7 });
  });

  it('XLSX: percentages keep their value with a % format, and two column dimensions merge the outer members', async () => {
    const def: PivotDefinitionInput = { indicatorIds: [w.ids.pct], rows: [byRegion], columns: [{ type: 'category', categoryId: w.sex.id }, byQuarter] };
    const json = (await manager.post('/api/pivot', def)).json() as PivotResult;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download('xlsx', def)).rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    // Only Q1 has values: the header is sex (F, M), then quarter, then the row headings.
    expect(json.columnMembers.map((m) => m.map((x) => x.label))).toEqual([['F', 'Q1 2025'], ['M', 'Q1 2025']]);
    expect([ws.getCell(6, 2).value, ws.getCell(7, 2).value, ws.getCell(7, 3).value]).toEqual(['F', 'Q1 2025', 'Q1 2025']);
    const cell = ws.getCell(9, 2);
    expect(cell.value).toBeCloseTo(json.cells[0]![0]!.value!, 9);
    expect(cell.value).toBeCloseTo(66.666667, 5);
    expect(cell.numFmt).toBe('#,##0.0#"%"');
    // Grand total 40/100.
    expect(ws.getCell(11, 4).value).toBe(40);

    // People reached by sex and quarter: F over Q1 and Q2 is one merged heading.
    const byBoth = new ExcelJS.Workbook();
    await byBoth.xlsx.load((await download('xlsx', { ...def, indicatorIds: [w.ids.reach] })).rawPayload as unknown as ExcelJS.Buffer);
    const sheet = byBoth.worksheets[0]!;
    expect([2, 3, 4, 5].map((c) => sheet.getCell(7, c).value)).toEqual(['Q1 2025', 'Q2 2025', 'Q1 2025', 'Q2 2025']);
    expect(sheet.getCell(6, 3).isMerged).toBe(true);
    expect(sheet.getCell(6, 3).master.address).toBe('B6');
    expect(sheet.getCell(6, 4).master.address).toBe('D6');
    expect([sheet.getCell(6, 2).value, sheet.getCell(6, 4).value]).toEqual(['F', 'M']);
    // Alpha: girls 6+3 then 2+1, boys 4+2 then 2+2; total 22.
    expect([2, 3, 4, 5, 6].map((c) => sheet.getCell(9, c).value)).toEqual([9, 3, 6, 4, 22]);
  });

  it('exports only what the reader may see', async () => {
    const partner = await t.as(w.users.partnerReporter.id);
    const res = await download('csv', { indicatorIds: [w.ids.reach], rows: [byRegion], columns: [byQuarter] }, partner);
    const rows = parse(res.rawPayload.toString('utf8'), { bom: true }) as string[][];
    expect(rows).toEqual([['Place (admin 1)', 'Q2 2025', 'Total'], ['Alpha', '3', '3'], ['Total', '3', '3']]);
    const refused = await manager.post('/api/pivot/export?format=csv', { indicatorIds: [w.ids.reach, w.ids.stock], rows: [], columns: [] });
    expect(refused.statusCode).toBe(400);
  });
});
