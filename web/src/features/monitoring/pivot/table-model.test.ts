import { describe, expect, it } from 'vitest';
import type { Figure, PivotMember, PivotResult } from '@shared/schemas/monitoring.js';
import { type BodyRow, buildTableModel, columnHeaderRows, formatFigure, rowSpans } from './table-model.js';

const m = (key: string, label = key): PivotMember => ({ key, label, code: null });
const f = (value: number | null, pending = false): Figure => ({ value, pending });
const en = (n: number, o?: Intl.NumberFormatOptions) => new Intl.NumberFormat('en', o).format(n);

const base: PivotResult = {
  rows: [],
  columns: [],
  rowMembers: [],
  columnMembers: [],
  cells: [],
  rowTotals: [],
  columnTotals: [],
  grandTotal: null,
  subtotals: [],
  indicators: [{ id: 'trained', code: '1.1', name: 'People trained', unit: 'people', type: 'number' }],
  includesPending: false,
};

describe('pivot table layout', () => {
  it('merges column headers level by level, never across a different parent', () => {
    // Year × sex: 2025 F, 2025 M, 2026 F, 2026 M, 2026 none.
    const cols = [
      [m('2025'), m('f')],
      [m('2025'), m('m')],
      [m('2026'), m('f')],
      [m('2026'), m('m')],
      [m('2026'), m('none')],
    ];
    const rows = columnHeaderRows(cols, 2);
    expect(rows[0]!.map((h) => [h.member.key, h.span])).toEqual([
      ['2025', 2],
      ['2026', 3],
    ]);
    expect(rows[1]!.map((h) => [h.member.key, h.span])).toEqual([
      ['f', 1],
      ['m', 1],
      ['f', 1],
      ['m', 1],
      ['none', 1],
    ]);
  });

  it('does not merge equal labels under different parents in the row labels', () => {
    const rows = [
      [m('kol'), m('f')],
      [m('kol'), m('m')],
      [m('lik'), m('f')],
      [m('lik'), m('f2')],
      [m('lik'), m('f2')],
    ];
    expect(rowSpans(rows, 2)).toEqual([
      [2, 1],
      [0, 1],
      [3, 1],
      [0, 2],
      [0, 0],
    ]);
  });

  it('places each subtotal under its group of several rows, covered by the group label, and the totals row last', () => {
    const result: PivotResult = {
      ...base,
      rows: [{ type: 'location', level: 'admin1' }, { type: 'category', categoryId: 'sex' }],
      columns: [{ type: 'period', granularity: 'year' }],
      rowMembers: [
        [m('kol', 'Kolwezi'), m('f', 'Female')],
        [m('kol', 'Kolwezi'), m('m', 'Male')],
        [m('lik', 'Likasi'), m('f', 'Female')],
      ],
      columnMembers: [[m('2025')], [m('2026')]],
      cells: [
        [f(10), f(20)],
        [f(5), null],
        [null, f(7, true)],
      ],
      rowTotals: [f(30), f(5), f(7, true)],
      columnTotals: [f(15), f(27, true)],
      grandTotal: f(42, true),
      subtotals: [
        { member: m('kol', 'Kolwezi'), cells: [f(15), f(20)], total: f(35) },
        { member: m('lik', 'Likasi'), cells: [null, f(7, true)], total: f(7, true) },
      ],
    };
    const model = buildTableModel(result);
    expect(model.labelColumns).toBe(2);
    expect(model.showTotalColumn).toBe(true);
    expect(model.hasPending).toBe(true);
    expect(model.headerRows.map((r) => r.map((h) => [h.member.key, h.span]))).toEqual([
      [
        ['2025', 1],
        ['2026', 1],
      ],
    ]);
    // Likasi has one row: its subtotal would repeat it, so it has none.
    expect(model.body.map((r) => r.kind)).toEqual(['data', 'data', 'subtotal', 'data']);
    const [kf, km, ks, lf] = model.body as [BodyRow, BodyRow, BodyRow, BodyRow];
    // Kolwezi covers its two rows and its subtotal.
    expect(kf!.kind === 'data' && kf.heads.map((h) => [h.depth, h.member.label, h.rowSpan])).toEqual([
      [0, 'Kolwezi', 3],
      [1, 'Female', 1],
    ]);
    expect(km!.kind === 'data' && km.heads.map((h) => [h.depth, h.member.label, h.rowSpan])).toEqual([[1, 'Male', 1]]);
    expect(lf!.kind === 'data' && lf.heads.map((h) => [h.depth, h.rowSpan])).toEqual([
      [0, 1],
      [1, 1],
    ]);
    expect(ks!.kind === 'subtotal' && [ks.member.key, ks.labelSpan, ks.cells.map((c) => c.figure?.value ?? null), ks.total.figure?.value]).toEqual([
      'kol',
      1,
      [15, 20],
      35,
    ]);
    expect(km!.cells.map((c) => c.figure)).toEqual([f(5), null]);
    expect(model.totals?.cells.map((c) => c.figure?.value)).toEqual([15, 27]);
    expect(model.totals?.total.figure?.value).toBe(42);
  });

  it('gives each cell the type of its indicator when indicators are columns, and none to mixed totals', () => {
    const result: PivotResult = {
      ...base,
      indicators: [
        { id: 'trained', code: '1.1', name: 'People trained', unit: 'people', type: 'number' },
        { id: 'share', code: '2.1', name: 'Share using', unit: '%', type: 'percentage' },
      ],
      rows: [{ type: 'project' }],
      columns: [{ type: 'indicator' }],
      rowMembers: [[m('p1')]],
      columnMembers: [[m('trained')], [m('share')]],
      cells: [[f(12), { value: 62.5, numerator: 5, denominator: 8, pending: false }]],
      rowTotals: [null],
      columnTotals: [f(12), { value: 62.5, numerator: 5, denominator: 8, pending: false }],
      grandTotal: null,
    };
    const model = buildTableModel(result);
    const row = model.body[0]!;
    expect(row.cells.map((c) => c.type)).toEqual(['number', 'percentage']);
    expect(row.cells.map((c) => formatFigure(c, en))).toEqual(['12', '62.5 %']);
    // Adding people trained to a share makes no sense: the server sends no row total, so none is drawn.
    expect(model.showTotalColumn).toBe(false);
    expect(formatFigure(row.total, en)).toBe('—');
    expect(model.totals?.cells.map((c) => c.type)).toEqual(['number', 'percentage']);
  });

  it('draws one value column without column dimensions, and no totals row without row dimensions', () => {
    const result: PivotResult = { ...base, rowMembers: [[]], columnMembers: [[]], cells: [[f(1234.5)]], rowTotals: [f(1234.5)], columnTotals: [f(1234.5)], grandTotal: f(1234.5) };
    const model = buildTableModel(result);
    expect(model.labelColumns).toBe(1);
    expect(model.headerRows).toEqual([]);
    expect(model.columns).toEqual([[]]);
    expect(model.body).toHaveLength(1);
    expect(model.totals).toBeNull();
    expect(model.showTotalColumn).toBe(false);
    expect(formatFigure(model.body[0]!.cells[0]!, en)).toBe('1,234.5');
  });

  it('writes no data as a dash, never as zero, and a zero as zero', () => {
    expect(formatFigure({ figure: null, type: 'number' }, en)).toBe('—');
    expect(formatFigure({ figure: f(null), type: 'number' }, en)).toBe('—');
    expect(formatFigure({ figure: f(0), type: 'number' }, en)).toBe('0');
    expect(formatFigure({ figure: f(1500), type: 'currency' }, en)).toBe('1,500');
    expect(formatFigure({ figure: f(1500.5), type: 'currency' }, en)).toBe('1,500.50');
  });
});
