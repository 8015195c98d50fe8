import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Figure, PivotCatalogue, PivotDefinitionInput, PivotResult } from '@shared/schemas/monitoring.js';
import { nowIso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { buildUser } from '../../test/factories.js';
import { buildProgrammeNode } from '../../test/results-factories.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';
import { buildPivotWorld, type PivotWorld } from './pivot.test-world.js';

/** Pivot tables against the hand-computed numbers of pivot.test-world.ts. */
let t: TestApp;
let w: PivotWorld;
let manager: Agent;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildPivotWorld(t.db);
  manager = await t.as(w.users.manager.id);
});
afterAll(() => t.close());

const pivot = async (agent: Agent, def: PivotDefinitionInput): Promise<PivotResult> => {
  const res = await agent.post('/api/pivot', def);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PivotResult;
};
const v = (f: Figure | null | undefined) => (f ? (f.value === null ? null : Math.round(f.value * 1e6) / 1e6) : null);
const table = (p: PivotResult) => p.cells.map((row) => row.map(v));
const labels = (members: PivotResult['rowMembers']) => members.map((m) => m.map((x) => x.label));
const byRegion = { type: 'location', level: 'admin1' } as const;
const byQuarter = { type: 'period', granularity: 'quarter' } as const;

describe('pivot tables, by hand', () => {
  it('adds up a sum indicator by region and quarter, each total asked of the engine', async () => {
    const p = await pivot(manager, { indicatorIds: [w.ids.reach], rows: [byRegion], columns: [byQuarter] });
    expect(labels(p.rowMembers)).toEqual([['Alpha'], ['Beta']]);
    expect(p.columnMembers.map((m) => m.map((x) => [x.key, x.label]))).toEqual([[['2025-Q1', 'Q1 2025']], [['2025-Q2', 'Q2 2025']]]);
    expect(table(p)).toEqual([[15, 7], [7, 6]]);
    expect(p.rowTotals.map(v)).toEqual([22, 13]);
    expect(p.columnTotals.map(v)).toEqual([22, 13]);
    expect(v(p.grandTotal)).toBe(35);
    expect(p.subtotals).toEqual([]);
    expect(p.includesPending).toBe(false);
    expect(p.indicators).toEqual([{ id: w.ids.reach, code: 'IND-1', name: 'People reached', unit: '', type: 'number' }]);
  });

  it('pools a percentage by sex: totals are Σnumerator ÷ Σdenominator, not averages', async () => {
    const p = await pivot(manager, { indicatorIds: [w.ids.pct], rows: [byRegion], columns: [{ type: 'category', categoryId: w.sex.id }] });
    expect(p.columnMembers.map((m) => m[0]!.key)).toEqual([w.sex.F, w.sex.M]);
    // Alpha F 20/30, M 10/30; Beta F 6/20, M 4/20.
    expect(table(p)).toEqual([[66.666667, 33.333333], [30, 20]]);
    // Row totals read each place's total: 30/60 and 10/40.
    expect(p.rowTotals.map(v)).toEqual([50, 25]);
    // Columns: F 26/50, M 14/50; everything 40/100 — not 37.5, the mean of 50 % and 25 %.
    expect(p.columnTotals.map(v)).toEqual([52, 28]);
    expect(p.grandTotal).toMatchObject({ value: 40, numerator: 40, denominator: 100, pending: false });
  });

  it('totals a latest indicator by each place’s latest value, not by adding the quarters', async () => {
    const p = await pivot(manager, { indicatorIds: [w.ids.stock], rows: [byQuarter], columns: [] });
    expect(p.rowMembers.map((m) => m[0]!.key)).toEqual(['2025-Q1', '2025-Q2']);
    expect(p.columnMembers).toEqual([[]]);
    // Q1 3 + 4 + 9; Q2 only Delta (5) and Echo (6) reported.
    expect(table(p)).toEqual([[16], [11]]);
    expect(p.rowTotals.map(v)).toEqual([16, 11]);
    // Delta 5, Echo 6, Foxtrot 9 (its Q1 value is still its latest) = 20, not 16 + 11.
    expect(v(p.grandTotal)).toBe(20);
    expect(p.columnTotals.map(v)).toEqual([20]);
  });

  it('shows two indicators with the indicator dimension, subtotals per indicator, no totals across indicators', async () => {
    const p = await pivot(manager, { indicatorIds: [w.ids.stock, w.ids.reach], rows: [{ type: 'indicator' }, byRegion], columns: [byQuarter] });
    expect(labels(p.rowMembers)).toEqual([
      ['IND-1 People reached', 'Alpha'], ['IND-1 People reached', 'Beta'], ['IND-3 Open centres', 'Alpha'], ['IND-3 Open centres', 'Beta'],
    ]);
    expect(table(p)).toEqual([[15, 7], [7, 6], [7, 11], [9, null]]);
    // IND-3 in Alpha: Delta's latest 5 + Echo's latest 6.
    expect(p.rowTotals.map(v)).toEqual([22, 13, 11, 9]);
    expect(p.columnTotals.map(v)).toEqual([null, null]);
    expect(p.grandTotal).toBeNull();
    expect(p.subtotals.map((s) => [s.member.key, ...s.cells.map(v), v(s.total)])).toEqual([
      [w.ids.reach, 22, 13, 35],
      [w.ids.stock, 16, 11, 20],
    ]);
    expect(p.indicators.map((i) => i.code)).toEqual(['IND-1', 'IND-3']);
  });

  it('puts values of an indicator not broken down by a category under “not disaggregated”, last', async () => {
    const p = await pivot(manager, { indicatorIds: [w.ids.reach, w.ids.stock], rows: [{ type: 'indicator' }], columns: [{ type: 'category', categoryId: w.sex.id }] });
    expect(p.columnMembers.map((m) => [m[0]!.key, m[0]!.label])).toEqual([[w.sex.F, 'F'], [w.sex.M, 'M'], ['none', 'Not disaggregated']]);
    // Girls 6+3+4+2+3+1, boys 4+2+3+2+3+2.
    expect(table(p)).toEqual([[19, 16, null], [null, null, 20]]);
    expect(p.rowTotals.map(v)).toEqual([35, 20]);
    expect(p.columnTotals.map(v)).toEqual([null, null, null]);
  });

  it('speaks the reader’s language', async () => {
    const french = await t.as(w.users.manager.id, { 'accept-language': 'fr' });
    const p = await pivot(french, { indicatorIds: [w.ids.reach, w.ids.stock], rows: [{ type: 'indicator' }], columns: [{ type: 'category', categoryId: w.sex.id }, byQuarter] });
    expect(p.rowMembers[0]![0]!.label).toBe('IND-1 Personnes atteintes');
    expect(p.columnMembers.map((m) => m.map((x) => x.label))).toEqual([['Femmes', 'T1 2025'], ['Femmes', 'T2 2025'], ['M', 'T1 2025'], ['M', 'T2 2025'], ['Non ventilé', 'T1 2025'], ['Non ventilé', 'T2 2025']]);
  });

  it('refuses several indicators without the indicator dimension, naming the field', async () => {
    const res = await manager.post('/api/pivot', { indicatorIds: [w.ids.reach, w.ids.stock], rows: [byRegion], columns: [byQuarter] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'validation_failed', details: [{ field: 'rows', reason: 'indicator_dimension_required' }] } });
    const twoPeriods = await manager.post('/api/pivot', { indicatorIds: [w.ids.reach], rows: [byQuarter], columns: [{ type: 'period', granularity: 'year' }] });
    expect(twoPeriods.json()).toMatchObject({ error: { code: 'validation_failed', details: [{ field: 'columns', reason: 'one_period_dimension' }] } });
    const twoPlaces = await manager.post('/api/pivot', { indicatorIds: [w.ids.reach], rows: [byRegion, { type: 'location', level: 'admin2' }], columns: [] });
    expect(twoPlaces.json()).toMatchObject({ error: { code: 'validation_failed', details: [{ field: 'rows', reason: 'one_location_dimension' }] } });
  });

  it('answers 404 for an indicator or category the reader cannot see or that does not exist', async () => {
    expect((await manager.post('/api/pivot', { indicatorIds: [newId()], rows: [], columns: [] })).statusCode).toBe(404);
    expect((await manager.post('/api/pivot', { indicatorIds: [w.ids.reach], rows: [{ type: 'category', categoryId: newId() }], columns: [] })).statusCode).toBe(404);
    const outsider = await buildUser(t.db, { organisationId: w.other.id, grants: [] });
    const res = await (await t.as(outsider.id)).post('/api/pivot', { indicatorIds: [w.ids.reach], rows: [], columns: [] });
    expect(res.statusCode).toBe(404);
  });
});

describe('who sees which figures', () => {
  const def = (includePending: boolean): PivotDefinitionInput => ({ indicatorIds: [w.ids.reach], rows: [byRegion], columns: [byQuarter], includePending });

  it('a manager may add pending values, marked', async () => {
    const p = await pivot(manager, def(true));
    expect(p.includesPending).toBe(true);
    expect(p.columnMembers.map((m) => m[0]!.key)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3']);
    expect(table(p)).toEqual([[15, 7, 100], [7, 6, null]]);
    expect(p.cells[0]!.map((f) => f?.pending)).toEqual([false, false, true]);
    expect(p.rowTotals[0]).toMatchObject({ value: 122, pending: true });
    expect(p.grandTotal).toMatchObject({ value: 135, pending: true });
  });

  it('a viewer asking for pending values gets approved ones only', async () => {
    const p = await pivot(await t.as(w.users.viewer.id), def(true));
    expect(p.includesPending).toBe(false);
    expect(table(p)).toEqual([[15, 7], [7, 6]]);
    expect(v(p.grandTotal)).toBe(35);
  });

  it('a partner sees its own organisation’s figures, its own pending ones on request', async () => {
    const partner = await t.as(w.users.partnerReporter.id);
    const approved = await pivot(partner, def(false));
    // Only Echo in Q2 (3) is the partner's approved package.
    expect(labels(approved.rowMembers)).toEqual([['Alpha']]);
    expect(table(approved)).toEqual([[3]]);
    expect(v(approved.grandTotal)).toBe(3);
    const pending = await pivot(partner, def(true));
    expect(pending.includesPending).toBe(true);
    expect(table(pending)).toEqual([[3, 100]]);
    expect(v(pending.grandTotal)).toBe(103);
  });
});

describe('programme indicators and fiscal years', () => {
  it('rolls a programme indicator up from its project indicators; its project member is the programme level', async () => {
    const node = await buildProgrammeNode(t.db, { programmeId: w.programme.id });
    const now = nowIso();
    const programmeIndicator = {
      id: newId(), framework_id: node.framework_id, result_node_id: node.id, position: 0, code: 'PRG-1', name: 'People reached (programme)', names_json: '{}',
      definition: '', definitions_json: '{}', unit: '', type: 'number', direction: 'increase', time_aggregation: 'sum', location_aggregation: 'sum', cumulative: 0,
      baseline_value: null, baseline_date: null, lop_target: null, means_of_verification: '', data_source: '', collection_method: '', frequency: 'quarter',
      responsible: '', library_indicator_id: null, contributes_to_id: null, created_at: now, updated_at: now,
    };
    await t.db.insertInto('indicators').values(programmeIndicator).execute();
    await t.db.updateTable('indicators').set({ contributes_to_id: programmeIndicator.id }).where('id', '=', w.ids.reach).execute();
    const p = await pivot(manager, { indicatorIds: [programmeIndicator.id], rows: [byRegion], columns: [{ type: 'project' }] });
    expect(table(p)).toEqual([[22], [13]]);
    expect(p.columnMembers).toEqual([[{ key: 'none', label: 'Programme level (no project)', code: null }]]);
    expect(v(p.grandTotal)).toBe(35);
    await t.db.updateTable('indicators').set({ contributes_to_id: null }).where('id', '=', w.ids.reach).execute();
  });

  it('counts periods in the lead organisation’s fiscal year', async () => {
    await t.db.updateTable('organisations').set({ fiscal_year_start_month: 7 }).where('id', '=', w.lead.id).execute();
    try {
      const p = await pivot(manager, { indicatorIds: [w.ids.reach], rows: [], columns: [byQuarter] });
      // FY2025 runs July 2024 – June 2025: January–March is its third quarter.
      expect(p.columnMembers.map((m) => [m[0]!.key, m[0]!.label])).toEqual([['FY2025-Q3', 'Q3 FY2025'], ['FY2025-Q4', 'Q4 FY2025']]);
      expect(table(p)).toEqual([[22, 13]]);
    } finally {
      await t.db.updateTable('organisations').set({ fiscal_year_start_month: 1 }).where('id', '=', w.lead.id).execute();
    }
  });
});

describe('the catalogue', () => {
  it('lists the indicators of visible frameworks with their categories, in the reader’s language', async () => {
    const french = await t.as(w.users.manager.id, { 'accept-language': 'fr' });
    const res = await french.get('/api/pivot/catalogue');
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as PivotCatalogue;
    const reach = c.indicators.find((i) => i.id === w.ids.reach)!;
    expect(reach).toMatchObject({
      code: 'IND-1', name: 'Personnes atteintes', categoryIds: [w.sex.id],
      project: { id: w.project.id, code: w.project.code }, programme: { id: w.programme.id, code: w.programme.code },
    });
    expect(c.indicators.find((i) => i.id === w.ids.stock)!.categoryIds).toEqual([]);
    expect(c.categories).toEqual([{ id: w.sex.id, name: 'sex', options: [{ id: w.sex.F, label: 'Femmes' }, { id: w.sex.M, label: 'M' }] }]);
    expect(c.canIncludePending).toBe(true);
  });

  it('shows nothing of projects the reader cannot see, and pending only to those allowed', async () => {
    const outsider = await buildUser(t.db, { organisationId: w.other.id, grants: [] });
    const none = (await (await t.as(outsider.id)).get('/api/pivot/catalogue')).json() as PivotCatalogue;
    expect(none.indicators).toEqual([]);
    expect(none.canIncludePending).toBe(false);
    const viewer = (await (await t.as(w.users.viewer.id)).get('/api/pivot/catalogue')).json() as PivotCatalogue;
    expect(viewer.indicators.map((i) => i.code)).toEqual(expect.arrayContaining(['IND-1', 'IND-2', 'IND-3']));
    expect(viewer.canIncludePending).toBe(false);
  });
});
