import { describe, expect, it } from 'vitest';
import { PivotDefinitionSchema, type PivotDefinitionInput, type PivotDimension } from '@shared/schemas/monitoring.js';
import { AppError } from '../../lib/errors.js';
import type { EngineRow } from './engine.types.js';
import { assemble, collect, type MemberBook } from './pivot.assemble.js';
import { periodLabel } from './pivot.labels.js';
import { checkDefinition, dimensionId, engineQuery, groupingsOf, memberKeyOf, NONE, type PivotIndicator, separableIndicators } from './pivot.plan.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const SEX = '00000000-0000-4000-8000-0000000000f0';

const def = (d: Omit<PivotDefinitionInput, 'indicatorIds'> & { indicatorIds?: string[] }) => PivotDefinitionSchema.parse({ indicatorIds: [A], ...d });
const indicator = (id: string, resultNodeId: string, projectId: string | null = 'p1'): PivotIndicator => ({
  id, code: id.slice(-1), name: id, unit: '', type: 'number', rules: { type: 'number', time: 'sum', location: 'sum' },
  sourceIds: [id], resultNodeId, projectId, programmeId: 'g1', leadOrganisationId: 'o1',
});
const reason = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    return (e as AppError).details.map((d) => `${d.field}:${d.reason}`);
  }
  return [];
};

describe('pivot definitions', () => {
  it('needs the indicator dimension with several indicators, naming the rows field', () => {
    expect(reason(() => checkDefinition(def({ indicatorIds: [A, B], rows: [{ type: 'location', level: 'admin1' }], columns: [] })))).toEqual(['rows:indicator_dimension_required']);
    expect(reason(() => checkDefinition(def({ indicatorIds: [A, B], rows: [], columns: [{ type: 'indicator' }] })))).toEqual([]);
    // The same indicator twice is one indicator.
    expect(reason(() => checkDefinition(def({ indicatorIds: [A, A], rows: [], columns: [] })))).toEqual([]);
  });

  it('refuses two place levels, two period lengths or a dimension twice', () => {
    expect(reason(() => checkDefinition(def({ rows: [{ type: 'location', level: 'admin1' }], columns: [{ type: 'location', level: 'admin2' }] })))).toEqual(['columns:one_location_dimension']);
    expect(reason(() => checkDefinition(def({ rows: [{ type: 'period', granularity: 'year' }, { type: 'period', granularity: 'month' }], columns: [] })))).toEqual(['rows:one_period_dimension']);
    expect(reason(() => checkDefinition(def({ rows: [{ type: 'category', categoryId: SEX }], columns: [{ type: 'category', categoryId: SEX }] })))).toEqual(['columns:duplicate_dimension']);
  });
});

describe('which indicators a total may show', () => {
  const list = [indicator(A, 'n1'), indicator(B, 'n1'), indicator(C, 'n2', null)];
  it('all of them with the indicator dimension, a lone one without', () => {
    expect(separableIndicators([{ type: 'indicator' }], list).map((i) => i.id)).toEqual([A, B, C]);
    expect(separableIndicators([], list)).toEqual([]);
    expect(separableIndicators([], [list[0]!]).map((i) => i.id)).toEqual([A]);
  });
  it('those alone in their result or project', () => {
    expect(separableIndicators([{ type: 'resultNode' }, { type: 'period', granularity: 'year' }], list).map((i) => i.id)).toEqual([C]);
    expect(separableIndicators([{ type: 'project' }], list).map((i) => i.id)).toEqual([C]);
    expect(separableIndicators([{ type: 'programme' }], list)).toEqual([]);
  });
});

describe('engine questions', () => {
  it('group by what the dimensions need; result, project and programme follow from the indicator', () => {
    const d = def({
      rows: [{ type: 'resultNode' }, { type: 'location', level: 'admin2' }],
      columns: [{ type: 'category', categoryId: SEX }, { type: 'period', granularity: 'quarter' }, { type: 'organisation' }],
      filters: { from: '2025-01-01', options: { [SEX]: [A] } },
      includePending: true,
    });
    const q = engineQuery(groupingsOf(d).cells, [indicator(A, 'n1')], { scopes: [], def: d, fyStartMonth: 10 });
    expect(q.groupBy).toEqual({ location: 'admin2', categories: [SEX], period: { granularity: 'quarter', fyStartMonth: 10 }, organisation: true });
    expect(q).toMatchObject({ from: '2025-01-01', optionFilter: { [SEX]: [A] }, includePending: true });
    expect(q).not.toHaveProperty('to');
    expect(q).not.toHaveProperty('locationIds');
  });

  it('asks for subtotals only with two row dimensions', () => {
    expect(groupingsOf(def({ rows: [{ type: 'organisation' }], columns: [] })).subtotalCells).toBeNull();
    const g = groupingsOf(def({ rows: [{ type: 'organisation' }, { type: 'project' }], columns: [{ type: 'indicator' }] }));
    expect(g.subtotalCells?.map(dimensionId)).toEqual(['organisation', 'indicator']);
    expect(g.subtotalTotals?.map(dimensionId)).toEqual(['organisation']);
  });
});

describe('laying out the answers', () => {
  const rows: PivotDimension[] = [{ type: 'indicator' }, { type: 'category', categoryId: SEX }];
  const columns: PivotDimension[] = [{ type: 'period', granularity: 'year' }];
  const byId = new Map([A, B].map((id) => [id, indicator(id, 'n1')]));
  const fig = (value: number) => ({ value, pending: false });
  const row = (indicatorId: string, option: string | null, year: string, value: number): EngineRow => ({
    indicatorId, options: { [SEX]: option }, period: { key: year, start: `${year}-01-01`, end: `${year}-12-31` }, figure: fig(value),
  });
  const book = (): MemberBook => {
    const ranked = (keys: string[]) => new Map(keys.map((k, rank) => [k, { member: { key: k, label: `L${k}`, code: null }, rank }]));
    return new Map([
      ['indicator', ranked([B, A])],
      [`category:${SEX}`, ranked(['f', 'm', NONE])],
      ['period', ranked(['2025', '2026'])],
    ]);
  };

  it('orders members by their rank, leaves missing cells empty and reads each total from its own answer', () => {
    const rowKeys = rows.map((d) => memberKeyOf(d, byId));
    const columnKeys = columns.map((d) => memberKeyOf(d, byId));
    const cells = [row(A, 'm', '2026', 1), row(A, 'f', '2025', 2), row(B, null, '2025', 3)];
    const collected = collect(cells, rowKeys, columnKeys, [...rows, ...columns]);
    const out = assemble({
      rows, columns, rowKeys, columnKeys, collected, book: book(),
      answers: {
        rowTotals: [row(A, 'm', 'x', 10), row(A, 'f', 'x', 20), row(B, null, 'x', 30)],
        columnTotals: null,
        grand: null,
        subtotalCells: [row(A, null, '2025', 40), row(A, null, '2026', 41), row(B, null, '2025', 42)],
        subtotalTotals: [row(A, null, 'x', 50), row(B, null, 'x', 51)],
      },
    });
    expect(out.rowMembers.map((m) => m.map((x) => x.key))).toEqual([[B, NONE], [A, 'f'], [A, 'm']]);
    expect(out.columnMembers.map((m) => m.map((x) => x.key))).toEqual([['2025'], ['2026']]);
    expect(out.cells.map((r) => r.map((f) => f?.value ?? null))).toEqual([[3, null], [2, null], [null, 1]]);
    expect(out.rowTotals.map((f) => f?.value)).toEqual([30, 20, 10]);
    expect(out.columnTotals).toEqual([null, null]);
    expect(out.grandTotal).toBeNull();
    expect(out.subtotals.map((s) => [s.member.key, ...s.cells.map((f) => f?.value ?? null), s.total?.value])).toEqual([[B, 42, null, 51], [A, 40, 41, 50]]);
  });
});

describe('period labels', () => {
  it('say months, quarters, semesters and fiscal years in the reader’s language', () => {
    expect(periodLabel('2026-Q1', 'en')).toBe('Q1 2026');
    expect(periodLabel('FY2026-Q1', 'fr')).toBe('T1 AF2026');
    expect(periodLabel('2026-H2', 'es')).toBe('S2 2026');
    expect(periodLabel('2026', 'ar')).toBe('2026');
    expect(periodLabel('2026-03', 'en')).toBe('Mar 2026');
  });
});
