import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Figure, Iptt, IpttCell, IpttRow, PivotDefinitionInput, PivotResult } from '@shared/schemas/monitoring.js';
import { nowIso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { buildCategory, buildLocationTree, buildUser } from '../../test/factories.js';
import { buildReportingWorld, buildRound, buildValue } from '../../test/reporting-factories.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';
import { refreshSubmissionFacts } from './facts.js';

/**
 * The monitoring tables against numbers worked out by hand (issue 5, "Correctness"). One small
 * project, calendar year 2026, three places in three regions, four indicators:
 *
 * | code | what                     | time   | places | other                          |
 * |------|--------------------------|--------|--------|--------------------------------|
 * | OP1  | children reached         | sum    | sum    | cumulative, by sex (F, M)      |
 * | OP2  | functional child spaces  | latest | sum    | places report at different times |
 * | OC1  | % children re-enrolled   | sum    | sum    | percentage: Σnum ÷ Σden         |
 * | OC2  | children in mine work    | latest | sum    | decreasing, baseline 100        |
 *
 * Values (Q3 has no round at all: the missing period; Q4 has a round for OC2 only, which goes
 * through the real submit → approve API so the test also sees the approval arrive):
 *
 * |            | Q1 Kayes | Q1 Koulikoro | Q1 Sikasso | Q2 Kayes | Q2 Koulikoro | Q4 Kayes | Q4 Koulikoro |
 * |------------|----------|--------------|------------|----------|--------------|----------|--------------|
 * | OP1 total  | 10 (F6 M4) | 20 (F12 M8) |           | 5 (F3 M2) | 15 (F9 M6)  |          |              |
 * | OP2        | 3        | 4            | 9          | 5        | —            |          |              |
 * | OC1        | 30/60    | 10/40        |            | 20/50    | 45/50        |          |              |
 * | OC2        | 50       | 40           |            | 40       | 30           | 25       | 20           |
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const close = (actual: number | null | undefined, expected: number | null) => {
  if (expected === null) expect(actual ?? null).toBeNull();
  else expect(actual).toBeCloseTo(expected, 6);
};

async function setUp() {
  const w = await buildReportingWorld(t.db);
  await t.db.updateTable('projects').set({ start_date: '2026-01-01', end_date: '2026-12-31' }).where('id', '=', w.project.id).execute();
  await t.db.updateTable('organisations').set({ fiscal_year_start_month: 1 }).where('id', '=', w.lead.id).execute();
  // Three places, each an admin2 in its own region, named so that the expected order is by name.
  const places = [];
  for (const [region, district] of [['Kayes', 'Kita'], ['Koulikoro', 'Kati'], ['Sikasso', 'Bougouni']] as const) {
    const tree = await buildLocationTree(t.db);
    await t.db.updateTable('locations').set({ name: region }).where('id', '=', tree.admin1.id).execute();
    await t.db.updateTable('locations').set({ name: district }).where('id', '=', tree.admin2.id).execute();
    places.push({ region: tree.admin1, district: tree.admin2 });
  }
  await t.db.deleteFrom('project_locations').where('project_id', '=', w.project.id).execute();
  await t.db.insertInto('project_locations').values(places.map((p) => ({ project_id: w.project.id, location_id: p.district.id }))).execute();
  const [kayes, koulikoro, sikasso] = places.map((p) => p.district.id) as [string, string, string];

  // The framework: the world's two indicators become OP1 and OP2; OC1 and OC2 are added.
  const [reach, stock] = w.indicators;
  const now = nowIso();
  const extra = (code: string) => ({ ...reach!, id: newId(), code, created_at: now, updated_at: now });
  const pct = extra('OC1');
  const dec = extra('OC2');
  await t.db.insertInto('indicators').values([pct, dec]).execute();
  const set = (id: string, v: Record<string, unknown>) => t.db.updateTable('indicators').set(v).where('id', '=', id).execute();
  await set(reach!.id, { code: 'OP1', name: 'Children reached', cumulative: 1, lop_target: 120 });
  await set(stock!.id, { code: 'OP2', name: 'Functional child-friendly spaces', time_aggregation: 'latest', lop_target: 12 });
  await set(pct.id, { name: 'Children re-enrolled', type: 'percentage', unit: '%', lop_target: 60 });
  await set(dec.id, { name: 'Children found working in mines', direction: 'decrease', time_aggregation: 'latest', baseline_value: 100, lop_target: 40 });
  const sex = await buildCategory(t.db, { organisationId: w.lead.id, code: 'sex', options: ['F', 'M'] });
  await t.db.insertInto('indicator_disaggregations').values({ indicator_id: reach!.id, category_id: sex.id, position: 0 }).execute();
  const [F, M] = sex.options.map((o) => o.id) as [string, string];
  const target = (indicatorId: string, period: string, value: number) => ({
    id: newId(), indicator_id: indicatorId, period_key: period, location_id: null, disaggregation_key: '', value, created_at: now, updated_at: now,
  });
  await t.db
    .insertInto('indicator_targets')
    .values([
      ...['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'].map((q) => target(reach!.id, q, 30)),
      target(dec.id, '2026-Q1', 80),
      target(dec.id, '2026-Q2', 60),
      target(dec.id, '2026-Q4', 40),
    ])
    .execute();

  // Q1 and Q2: approved packages of the lead organisation, written the way the review writes them.
  const approvedQuarter = async (periodKey: string, locationIds: string[], values: { i: string; l: string; v?: number; n?: number; d?: number; key?: string }[]) => {
    const { submissions } = await buildRound(t.db, {
      projectId: w.project.id, periodKey, reporters: [{ organisationId: w.lead.id, locationIds, status: 'approved' }],
      indicatorIds: [reach!.id, stock!.id, pct.id, dec.id],
    });
    const s = submissions[0]!;
    for (const x of values) {
      const row = await buildValue(t.db, { submissionId: s.id, indicatorId: x.i, locationId: x.l, value: x.v ?? null, disaggregationKey: x.key ?? '' });
      if (x.n !== undefined) await t.db.updateTable('indicator_values').set({ numerator: x.n, denominator: x.d!, value: (100 * x.n) / x.d! }).where('id', '=', row.id).execute();
    }
    await refreshSubmissionFacts(t.db, s.id);
  };
  await approvedQuarter('2026-Q1', [kayes, koulikoro, sikasso], [
    { i: reach!.id, l: kayes, v: 10 }, { i: reach!.id, l: kayes, v: 6, key: F }, { i: reach!.id, l: kayes, v: 4, key: M },
    { i: reach!.id, l: koulikoro, v: 20 }, { i: reach!.id, l: koulikoro, v: 12, key: F }, { i: reach!.id, l: koulikoro, v: 8, key: M },
    { i: stock!.id, l: kayes, v: 3 }, { i: stock!.id, l: koulikoro, v: 4 }, { i: stock!.id, l: sikasso, v: 9 },
    { i: pct.id, l: kayes, n: 30, d: 60 }, { i: pct.id, l: koulikoro, n: 10, d: 40 },
    { i: dec.id, l: kayes, v: 50 }, { i: dec.id, l: koulikoro, v: 40 },
  ]);
  await approvedQuarter('2026-Q2', [kayes, koulikoro], [
    { i: reach!.id, l: kayes, v: 5 }, { i: reach!.id, l: kayes, v: 3, key: F }, { i: reach!.id, l: kayes, v: 2, key: M },
    { i: reach!.id, l: koulikoro, v: 15 }, { i: reach!.id, l: koulikoro, v: 9, key: F }, { i: reach!.id, l: koulikoro, v: 6, key: M },
    { i: stock!.id, l: kayes, v: 5 },
    { i: pct.id, l: kayes, n: 20, d: 50 }, { i: pct.id, l: koulikoro, n: 45, d: 50 },
    { i: dec.id, l: kayes, v: 40 }, { i: dec.id, l: koulikoro, v: 30 },
  ]);
  // Q4: a draft package of the partner for OC2 only; it goes through the API in the test.
  const q4 = await buildRound(t.db, {
    projectId: w.project.id, periodKey: '2026-Q4', reporters: [{ organisationId: w.partner.id, locationIds: [kayes, koulikoro] }], indicatorIds: [dec.id],
  });
  return { w, ids: { reach: reach!.id, stock: stock!.id, pct: pct.id, dec: dec.id }, places: { kayes, koulikoro, sikasso }, regions: places.map((p) => p.region.id), F, M, q4: q4.submissions[0]! };
}

type World = Awaited<ReturnType<typeof setUp>>;
let world: World;
let manager: Agent;
beforeAll(async () => {
  world = await setUp();
  manager = await t.as(world.w.users.manager.id);
});

const iptt = async (agent: Agent, query: string): Promise<Iptt> => {
  const res = await agent.get(`/api/iptt?scope=project&id=${world.w.project.id}&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Iptt;
};
const indicatorRow = (table: Iptt, code: string) => table.rows.find((r): r is Extract<IpttRow, { kind: 'indicator' }> => r.kind === 'indicator' && r.code === code)!;
const optionRow = (table: Iptt, indicatorId: string, optionId: string) =>
  table.rows.find((r): r is Extract<IpttRow, { kind: 'disaggregation' }> => r.kind === 'disaggregation' && r.indicatorId === indicatorId && r.optionId === optionId)!;
/** [target, actual, % met] of a cell. */
const triple = (c: IpttCell) => [c.target, c.actual?.value ?? null, c.percentMet];
const expectCells = (cells: IpttCell[], expected: [number | null, number | null, number | null][]) => {
  expect(cells.length).toBe(expected.length);
  cells.forEach((c, i) => triple(c).forEach((v, j) => close(v, expected[i]![j]!)));
};

describe('monitoring numbers, worked out by hand', () => {
  it('the quarterly IPTT: cumulative, latest, pooled percentage, decreasing, and a missing quarter', async () => {
    const table = await iptt(manager, 'granularity=quarter');
    expect(table.periods.map((p) => p.key)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);

    // OP1, cumulative: running totals of actuals (30, 50, then 50 carried) and of targets (30, 60, 90, 120).
    const op1 = indicatorRow(table, 'OP1');
    expectCells(op1.periods, [[30, 30, 100], [60, 50, 83.333333], [90, 50, 55.555556], [120, 50, 41.666667]]);
    expectCells([op1.lop], [[120, 50, 41.666667]]);
    // Its sex rows: girls 6+12, then +3+9; boys 4+8, then +2+6. No targets by sex.
    expectCells(optionRow(table, world.ids.reach, world.F).periods, [[null, 18, null], [null, 30, null], [null, 30, null], [null, 30, null]]);
    expectCells(optionRow(table, world.ids.reach, world.M).periods, [[null, 12, null], [null, 20, null], [null, 20, null], [null, 20, null]]);
    expectCells([optionRow(table, world.ids.reach, world.F).lop], [[null, 30, null]]);

    // OP2, latest per place then summed: Q1 3+4+9; Q2 only Kayes reported; life of project:
    // Kayes 5 (Q2), Koulikoro 4 and Sikasso 9 (both Q1) = 18 against 12.
    const op2 = indicatorRow(table, 'OP2');
    expectCells(op2.periods, [[null, 16, null], [null, 5, null], [null, null, null], [null, null, null]]);
    expectCells([op2.lop], [[12, 18, 150]]);

    // OC1: (30+10)/(60+40) = 40 %, not the 37.5 % mean of 50 % and 25 %; Q2 65/100; LOP 105/200.
    const oc1 = indicatorRow(table, 'OC1');
    expectCells(oc1.periods, [[null, 40, null], [null, 65, null], [null, null, null], [null, null, null]]);
    expect([oc1.periods[0]!.actual?.numerator, oc1.periods[0]!.actual?.denominator]).toEqual([40, 100]);
    expectCells([oc1.lop], [[60, 52.5, 87.5]]);

    // OC2, decreasing from a baseline of 100: Q1 90 against 80 → (100−90)/(100−80) = 50 %;
    // Q2 70 against 60 → 75 %; Q4 not yet approved.
    const oc2 = indicatorRow(table, 'OC2');
    expect(oc2.baseline).toBe(100);
    expectCells(oc2.periods, [[80, 90, 50], [60, 70, 75], [null, null, null], [40, null, null]]);
    expectCells([oc2.lop], [[40, 70, 50]]);
  });

  it('a pivot of two indicators by region and quarter, with totals and subtotals computed by the rules', async () => {
    const definition: PivotDefinitionInput = {
      indicatorIds: [world.ids.reach, world.ids.pct],
      rows: [{ type: 'indicator' }, { type: 'location', level: 'admin1' }],
      columns: [{ type: 'period', granularity: 'quarter' }],
    };
    const res = await manager.post('/api/pivot', definition);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as PivotResult;
    expect(p.columnMembers.map((m) => m.map((x) => x.key))).toEqual([['2026-Q1'], ['2026-Q2']]);
    // Indicators by code, then regions by name; Q3 and Q4 have no data for these two, so no columns.
    expect(p.rowMembers.map(([indicator, region]) => [indicator!.code, region!.label])).toEqual([
      ['OC1', 'Kayes'], ['OC1', 'Koulikoro'], ['OP1', 'Kayes'], ['OP1', 'Koulikoro'],
    ]);
    const v = (f: Figure | null) => f?.value ?? null;
    const cells = p.cells.map((row) => row.map(v));
    [[50, 40], [25, 90], [10, 5], [20, 15]].forEach((row, i) => row.forEach((x, j) => close(cells[i]![j], x)));
    [45.454545, 61.111111, 15, 35].forEach((x, i) => close(v(p.rowTotals[i]!), x));
    // Column totals would add a percentage to a number of children: there are none.
    expect(p.columnTotals.map(v)).toEqual([null, null]);
    expect(v(p.grandTotal)).toBeNull();
    // Subtotals by indicator: OC1 pooled (40 %, 65 %, 52.5 %), OP1 summed (30, 20, 50).
    const sub = (code: string) => p.subtotals.find((s) => s.member.code === code)!;
    [40, 65].forEach((x, j) => close(v(sub('OC1').cells[j]!), x));
    close(v(sub('OC1').total), 52.5);
    [30, 20].forEach((x, j) => close(v(sub('OP1').cells[j]!), x));
    close(v(sub('OP1').total), 50);
  });

  it('a pivot of a latest indicator by region: each place’s latest value, added up', async () => {
    const res = await manager.post('/api/pivot', { indicatorIds: [world.ids.stock], rows: [{ type: 'location', level: 'admin1' }], columns: [] });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as PivotResult;
    expect(p.rowMembers.map((m) => m[0]!.label)).toEqual(['Kayes', 'Koulikoro', 'Sikasso']);
    expect(p.rowTotals.map((f) => f?.value ?? null)).toEqual([5, 4, 9]);
    expect(p.grandTotal?.value).toBe(18);
  });

  it('a pivot by sex and year: the breakdown and the total agree', async () => {
    const res = await manager.post('/api/pivot', {
      indicatorIds: [world.ids.reach], rows: [{ type: 'period', granularity: 'year' }], columns: [{ type: 'category', categoryId: (await sexCategoryId()) }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as PivotResult;
    expect(p.rowMembers.map((m) => m[0]!.key)).toEqual(['2026']);
    expect(p.columnMembers.map((m) => m[0]!.key)).toEqual([world.F, world.M]);
    expect(p.cells[0]!.map((f) => f?.value ?? null)).toEqual([30, 20]);
    expect(p.rowTotals[0]?.value).toBe(50);
    expect(p.columnTotals.map((f) => f?.value ?? null)).toEqual([30, 20]);
    expect(p.grandTotal?.value).toBe(50);
  });

  it('an approval shows on the next request, pending values only for those who may see them, marked', async () => {
    const { w, q4, places, ids } = world;
    const partner = await t.as(w.users.partnerReporter.id);
    const save = await partner.request('PUT', `/api/submissions/${q4.id}/values`, {
      changes: [
        { indicatorId: ids.dec, locationId: places.kayes, value: 25 },
        { indicatorId: ids.dec, locationId: places.koulikoro, value: 20 },
      ],
    });
    expect(save.statusCode, save.body).toBe(200);
    await t.db
      .insertInto('narratives')
      .values(['achievements', 'challenges'].map((section) => ({ id: newId(), submission_id: q4.id, section, result_node_id: null, language: 'fr', text: `Nos ${section}.`, updated_by: w.users.partnerReporter.id, updated_at: nowIso() })))
      .execute();
    const submitted = await partner.post(`/api/submissions/${q4.id}/submit`, { version: 1 });
    expect(submitted.statusCode, submitted.body).toBe(200);

    // Submitted, not approved: absent by default; the manager may ask for it and sees it marked.
    expect(indicatorRow(await iptt(manager, 'granularity=quarter'), 'OC2').periods[3]!.actual).toBeNull();
    const withPending = await iptt(manager, 'granularity=quarter&includePending=true');
    expect(withPending.includesPending).toBe(true);
    const pendingCell = indicatorRow(withPending, 'OC2').periods[3]!;
    expect(pendingCell.actual).toMatchObject({ value: 45, pending: true });
    // A viewer asking for pending values gets approved ones only.
    const viewer = await t.as(w.users.viewer.id);
    const viewerTable = await iptt(viewer, 'granularity=quarter&includePending=true');
    expect(viewerTable.includesPending).toBe(false);
    expect(viewerTable.canIncludePending).toBe(false);
    expect(indicatorRow(viewerTable, 'OC2').periods[3]!.actual).toBeNull();

    const approved = await manager.post(`/api/submissions/${q4.id}/approve`, { version: 2 });
    expect(approved.statusCode, approved.body).toBe(200);
    const after = indicatorRow(await iptt(manager, 'granularity=quarter'), 'OC2');
    // Q4 45 against 40 from a baseline of 100: (100−45)/(100−40) = 91.67 %; the life of project is
    // each place's latest value: 25 + 20.
    expectCells([after.periods[3]!], [[40, 45, 91.666667]]);
    expect(after.periods[3]!.actual?.pending).toBe(false);
    expectCells([after.lop], [[40, 45, 91.666667]]);
  });

  it('a partner sees its own organisation’s figures only', async () => {
    const partner = await t.as(world.w.users.partnerReporter.id);
    const table = await iptt(partner, 'granularity=quarter');
    // The lead organisation's Q1 and Q2 packages are not the partner's; its own Q4 package is.
    const oc2 = indicatorRow(table, 'OC2');
    expect(oc2.periods.map((c) => c.actual?.value ?? null)).toEqual([null, null, null, 45]);
    expect(indicatorRow(table, 'OP1').lop.actual).toBeNull();
    const outsider = await buildUser(t.db, { organisationId: world.w.other.id, grants: [] });
    const res = await (await t.as(outsider.id)).get(`/api/iptt?scope=project&id=${world.w.project.id}`);
    expect(res.statusCode).toBe(404);
  });
});

async function sexCategoryId(): Promise<string> {
  const row = await t.db.selectFrom('indicator_disaggregations').select('category_id').where('indicator_id', '=', world.ids.reach).executeTakeFirstOrThrow();
  return row.category_id;
}
