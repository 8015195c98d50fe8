import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorMap, Iptt, IpttCell, IpttRow } from '@shared/schemas/monitoring.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildIpttWorld, type IpttWorld } from './iptt.test-world.js';

/**
 * The IPTT against tables worked out by hand from the facts in iptt.test-world.ts (quarters of 2025):
 *
 *            | Q1 target/actual  | Q2            | Q3          | Q4          | LOP
 *   I1       | 200 / 150 (75 %)  | 300 / 145     | 250 / —     | 250 / 120   | 1000 / 415 (41.5 %)
 *     F      | 120 /  90 (75 %)  |  — /  85      |  — / —      |  — /  65    |  600 / 240 (40 %)
 *     M      |  80 /  60 (75 %)  |  — /  60      |  — / —      |  — /  55    |  400 / 175 (43.75 %)
 *   I2 cum.  | 100 /  50 (50 %)  | 200 / 120     | 300 / 120   | 400 / 180   |  400 / 180 (45 %)
 *   I3 decr. |  35 /  38 (40 %)  |  30 / 33 (70) |  25 / —     |  20 / 24 (80) | 20 / 24 (80 %), baseline 40
 *   I4 %     |  70 / 40 = 40/100 |  75 / 90      |  — / —      |  — / —      |   80 / 85/150 = 56.67 %
 */
let t: TestApp;
let w: IpttWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildIpttWorld(t.db);
});
afterAll(async () => t.close());

async function iptt(userId: string, query: Record<string, string>, expectStatus = 200): Promise<Iptt> {
  const agent = await t.as(userId);
  const res = await agent.get(`/api/iptt?${new URLSearchParams(query).toString()}`);
  expect(res.statusCode, res.body).toBe(expectStatus);
  return res.json() as Iptt;
}

type IndicatorRow = Extract<IpttRow, { kind: 'indicator' }>;
type OptionRow = Extract<IpttRow, { kind: 'disaggregation' }>;
const indicatorRow = (r: Iptt, id: string) => r.rows.find((x): x is IndicatorRow => x.kind === 'indicator' && x.indicatorId === id)!;
const optionRow = (r: Iptt, id: string, optionId: string) => r.rows.find((x): x is OptionRow => x.kind === 'disaggregation' && x.indicatorId === id && x.optionId === optionId)!;
const targets = (cells: IpttCell[]) => cells.map((c) => c.target);
const actuals = (cells: IpttCell[]) => cells.map((c) => c.actual?.value ?? null);
const percents = (cells: IpttCell[]) => cells.map((c) => (c.percentMet === null ? null : Number(c.percentMet.toFixed(4))));
const describeRow = (r: IpttRow) =>
  r.kind === 'project' ? `project ${r.code}` : r.kind === 'result' ? `result ${r.code}` : r.kind === 'indicator' ? `indicator ${r.code}` : `  ${r.optionLabel}`;

describe('GET /api/iptt for a project', () => {
  let r: Iptt;
  beforeAll(async () => {
    r = await iptt(w.users.manager.id, { scope: 'project', id: w.p1.id });
  });

  it('shows results in tree order, each followed by its indicators and their disaggregation rows', () => {
    expect(r.title).toBe(`${w.p1.code} — Water for Kolwezi`);
    expect(r.periods.map((p) => p.key)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    expect(r.rows.map(describeRow)).toEqual(['result G1', 'indicator I3', 'indicator I4', 'result O1', 'indicator I1', '  F', '  M', 'indicator I2', 'indicator I5']);
    expect(r.rows[0]).toMatchObject({ kind: 'result', level: 1, levelLabel: 'Goal', title: 'Healthier households' });
    expect(r.rows[3]).toMatchObject({ kind: 'result', level: 2, levelLabel: 'Outcome' });
  });

  it('gives each indicator its period targets, actuals and % met, a missing period empty rather than zero', () => {
    const i1 = indicatorRow(r, w.indicators.i1.id);
    expect(targets(i1.periods)).toEqual([200, 300, 250, 250]);
    expect(actuals(i1.periods)).toEqual([150, 145, null, 120]);
    expect(percents(i1.periods)).toEqual([75, 48.3333, null, 48]);
    expect(i1.lop).toMatchObject({ target: 1000, actual: { value: 415, pending: false }, percentMet: 41.5 });
  });

  it('breaks an indicator down by option, with targets summed from its breakdowns', () => {
    const f = optionRow(r, w.indicators.i1.id, w.F);
    expect(f).toMatchObject({ categoryId: w.sex.id, optionLabel: 'F' });
    expect(targets(f.periods)).toEqual([120, null, null, null]);
    expect(actuals(f.periods)).toEqual([90, 85, null, 65]);
    expect(percents(f.periods)).toEqual([75, null, null, null]);
    expect(f.lop).toMatchObject({ target: 600, actual: { value: 240 }, percentMet: 40 });
    const m = optionRow(r, w.indicators.i1.id, w.M);
    expect(actuals(m.periods)).toEqual([60, 60, null, 55]);
    expect(m.lop).toMatchObject({ target: 400, actual: { value: 175 }, percentMet: 43.75 });
  });

  it('shows a cumulative indicator as running totals of actuals and targets', () => {
    const i2 = indicatorRow(r, w.indicators.i2.id);
    expect(i2.cumulative).toBe(true);
    expect(targets(i2.periods)).toEqual([100, 200, 300, 400]);
    expect(actuals(i2.periods)).toEqual([50, 120, 120, 180]);
    expect(percents(i2.periods)).toEqual([50, 60, 40, 45]);
    expect(i2.lop).toMatchObject({ target: 400, actual: { value: 180 }, percentMet: 45 });
  });

  it('measures a decreasing indicator against its baseline', () => {
    const i3 = indicatorRow(r, w.indicators.i3.id);
    expect(i3).toMatchObject({ baseline: 40, direction: 'decrease' });
    expect(actuals(i3.periods)).toEqual([38, 33, null, 24]);
    expect(percents(i3.periods)).toEqual([40, 70, null, 80]);
    expect(i3.lop).toMatchObject({ target: 20, actual: { value: 24 }, percentMet: 80 });
  });

  it('pools numerators and denominators of a percentage across places, never averaging rates', () => {
    const i4 = indicatorRow(r, w.indicators.i4.id);
    expect(i4.periods[0]!.actual).toMatchObject({ value: 40, numerator: 40, denominator: 100 });
    expect(actuals(i4.periods)).toEqual([40, 90, null, null]);
    expect(targets(i4.periods)).toEqual([70, 75, null, null]);
    expect(percents(i4.periods)).toEqual([57.1429, 120, null, null]);
    expect(i4.lop.actual).toMatchObject({ numerator: 85, denominator: 150 });
    expect(i4.lop.actual!.value).toBeCloseTo(56.6667, 4);
    expect(i4.lop.percentMet).toBeCloseTo(70.8333, 4);
  });

  it('lists a qualitative indicator with empty cells', () => {
    const i5 = indicatorRow(r, w.indicators.i5.id);
    expect(i5.type).toBe('qualitative');
    expect(i5.lop).toEqual({ target: null, actual: null, percentMet: null });
    expect(i5.periods.every((c) => c.target === null && c.actual === null)).toBe(true);
  });

  it('offers the filters of the project', () => {
    expect(r.options.levels).toEqual([{ level: 1, label: 'Goal' }, { level: 2, label: 'Outcome' }]);
    expect(r.options.organisations.map((o) => o.acronym).sort()).toEqual(['ORG', 'PART']);
    expect(r.options.locations.map((l) => l.id)).toEqual(expect.arrayContaining([w.places.X.id, w.places.Y.id, w.places.mali.id]));
    expect(r.options.categories).toEqual([{ id: w.sex.id, name: w.sex.name }]);
    expect(r.options).toMatchObject({ start: '2025-01-01', end: '2025-12-31' });
    expect(r).toMatchObject({ includesPending: false, canIncludePending: true });
  });
});

describe('GET /api/iptt periods and filters', () => {
  it('adds quarters into the year: sums, running totals, the latest value; rates are not added up', async () => {
    const r = await iptt(w.users.manager.id, { scope: 'project', id: w.p1.id, granularity: 'year' });
    expect(r.periods).toEqual([{ key: '2025', start: '2025-01-01', end: '2025-12-31' }]);
    const year = (id: string) => indicatorRow(r, id).periods[0]!;
    expect(year(w.indicators.i1.id)).toMatchObject({ target: 1000, actual: { value: 415 }, percentMet: 41.5 });
    expect(year(w.indicators.i2.id)).toMatchObject({ target: 400, actual: { value: 180 }, percentMet: 45 });
    expect(year(w.indicators.i3.id)).toMatchObject({ target: 20, actual: { value: 24 }, percentMet: 80 });
    expect(year(w.indicators.i4.id).target).toBeNull();
  });

  it('gives months no target inside quarterly targets, and a month without values no actual', async () => {
    const r = await iptt(w.users.manager.id, { scope: 'project', id: w.p1.id, granularity: 'month' });
    expect(r.periods).toHaveLength(12);
    const i1 = indicatorRow(r, w.indicators.i1.id);
    expect(targets(i1.periods).every((v) => v === null)).toBe(true);
    // A quarterly package counts in the month its period starts in.
    expect(actuals(i1.periods).slice(0, 4)).toEqual([150, null, null, 145]);
  });

  it('shows only the periods within the dates asked, with running totals starting at the first', async () => {
    const r = await iptt(w.users.manager.id, { scope: 'project', id: w.p1.id, from: '2025-04-01', to: '2025-09-30' });
    expect(r.periods.map((p) => p.key)).toEqual(['2025-Q2', '2025-Q3']);
    const i2 = indicatorRow(r, w.indicators.i2.id);
    expect(actuals(i2.periods)).toEqual([70, 70]);
    expect(targets(i2.periods)).toEqual([100, 200]);
    expect(indicatorRow(r, w.indicators.i1.id).lop.actual!.value).toBe(145);
  });

  it('refuses an end date before the start date', async () => {
    const agent = await t.as(w.users.manager.id);
    const res = await agent.get(`/api/iptt?scope=project&id=${w.p1.id}&from=2025-06-01&to=2025-03-31`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'validation_failed', details: [{ field: 'querystring.to', reason: 'end_before_start' }] } });
  });

  it('keeps only the result levels asked for, still offering every level', async () => {
    const r = await iptt(w.users.manager.id, { scope: 'project', id: w.p1.id, levels: '2' });
    expect(r.rows.map(describeRow)).toEqual(['result O1', 'indicator I1', '  F', '  M', 'indicator I2', 'indicator I5']);
    expect(r.options.levels.map((l) => l.level)).toEqual([1, 2]);
  });

  it('shows disaggregation rows only for the categories asked for', async () => {
    const r = await iptt(w.users.manager.id, { scope: 'project', id: w.p1.id, categoryIds: w.places.X.id });
    expect(r.rows.some((x) => x.kind === 'disaggregation')).toBe(false);
  });

  it('counts only the places and organisations asked for', async () => {
    const byPlace = await iptt(w.users.manager.id, { scope: 'project', id: w.p1.id, locationIds: w.places.Y.id });
    expect(actuals(indicatorRow(byPlace, w.indicators.i1.id).periods)).toEqual([50, 25, null, 40]);
    const byOrganisation = await iptt(w.users.manager.id, { scope: 'project', id: w.p1.id, organisationIds: w.partner.id });
    expect(actuals(indicatorRow(byOrganisation, w.indicators.i1.id).periods)).toEqual([null, 25, null, null]);
  });
});

/**
 * Under a place filter the targets are the places' own (iptt.test-world.ts lists them), as the map
 * shows them, never the targets for all places together. Actuals as in the first table, X and Y apart:
 *
 *   X only        | Q1               | Q2              | Q3        | Q4             | LOP
 *   I1            | 120 / 100 (83.3) | 160 / 120 (75)  | 160 / —   | 160 / 80 (50)  | 600 / 300 (50 %)
 *     F           |  70 /  60 (85.7) |  — / 70         |  — / —    |  — / 40        | 350 / 170 (48.57 %)
 *     M           |  50 /  40 (80)   |  — / 50         |  — / —    |  — / 40        | 250 / 130 (52 %)
 *   I2 cum.       |  40 /  50 (125)  |  80 / 120 (150) |  80 / 120 (150) | 120 / 180 (150)| 150 / 180 (120 %)
 *   I3 decr.      |  — / 38          |  — / 33         |  — / —    |  25 / 24       |  25 / 24: 25 ÷ 24 = 104.17 %
 *   I4 %          |  70 / 75 (107.1) |  85 / 90 (105.9)|  — / —    |  — / —         |  80 / 75/90 = 83.33 (104.17 %)
 *
 * I3's baseline (40) is all places'; a place is measured against its target alone, like an option.
 *
 *   X and Y       | Q1               | Q2              | Q3        | Q4        | LOP
 *   I1 (sum)      | 180 / 150 (83.3) | 240 / 145 (60.4)|  — (Y has none) | — / 120 | 900 / 415 (46.11 %)
 *     F           |  — (Y has none)  |  —              |  —        |  —        | 530 / 240 (45.28 %)
 *     M           |  —               |  —              |  —        |  —        |  — (Y has none)
 *   I2, I3        | no target: Y has none of its own
 *   I4 %          | no target: rates set per place cannot be pooled without their numerators and denominators
 *
 *   Y only: I1 60 / 50 (83.3), 80 / 25 (31.25), — / —, — / 40; LOP 300 / 115 (38.33 %); I2 and I3 none.
 *   RX (X's region), alone or with X inside it: I1 LOP 650 / 300 (46.15 %), no period targets.
 */
describe('GET /api/iptt targets under a place filter', () => {
  const atPlaces = (...ids: string[]) => iptt(w.users.manager.id, { scope: 'project', id: w.p1.id, locationIds: ids.join(',') });
  async function mapArea(indicatorId: string, level: string, placeId: string) {
    const res = await (await t.as(w.users.manager.id)).get(`/api/indicators/${indicatorId}/map?level=${level}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as IndicatorMap).areas.find((a) => a.locationId === placeId)!;
  }

  it('shows one place’s own targets and % met, the figures the map shows for it', async () => {
    const r = await atPlaces(w.places.X.id);
    const i1 = indicatorRow(r, w.indicators.i1.id);
    expect(targets(i1.periods)).toEqual([120, 160, 160, 160]);
    expect(actuals(i1.periods)).toEqual([100, 120, null, 80]);
    expect(percents(i1.periods)).toEqual([83.3333, 75, null, 50]);
    expect(i1.lop).toMatchObject({ target: 600, actual: { value: 300 }, percentMet: 50 });
    const onMap = await mapArea(w.indicators.i1.id, 'admin2', w.places.X.id);
    expect([onMap.target, onMap.figure?.value]).toEqual([i1.lop.target, i1.lop.actual!.value]);

    const f = optionRow(r, w.indicators.i1.id, w.F);
    expect(targets(f.periods)).toEqual([70, null, null, null]);
    expect(percents(f.periods)).toEqual([85.7143, null, null, null]);
    expect(f.lop).toMatchObject({ target: 350, actual: { value: 170 } });
    expect(f.lop.percentMet).toBeCloseTo(48.5714, 4);
    const m = optionRow(r, w.indicators.i1.id, w.M);
    expect(targets(m.periods)).toEqual([50, null, null, null]);
    expect(m.lop).toMatchObject({ target: 250, actual: { value: 130 }, percentMet: 52 });

    const i2 = indicatorRow(r, w.indicators.i2.id);
    expect(targets(i2.periods)).toEqual([40, 80, 80, 120]);
    expect(percents(i2.periods)).toEqual([125, 150, 150, 150]);
    expect(i2.lop).toMatchObject({ target: 150, actual: { value: 180 }, percentMet: 120 });

    const i3 = indicatorRow(r, w.indicators.i3.id);
    expect(i3.baseline).toBe(40);
    expect(targets(i3.periods)).toEqual([null, null, null, 25]);
    expect(percents(i3.periods)).toEqual([null, null, null, 104.1667]);
    expect(i3.lop).toMatchObject({ target: 25, actual: { value: 24 } });
    expect(i3.lop.percentMet).toBeCloseTo(104.1667, 4);

    const i4 = indicatorRow(r, w.indicators.i4.id);
    expect(targets(i4.periods)).toEqual([70, 85, null, null]);
    expect(percents(i4.periods)).toEqual([107.1429, 105.8824, null, null]);
    expect(i4.lop.target).toBe(80);
    expect(i4.lop.actual!.value).toBeCloseTo(83.3333, 4);
    expect(i4.lop.percentMet).toBeCloseTo(104.1667, 4);
    const rateOnMap = await mapArea(w.indicators.i4.id, 'admin2', w.places.X.id);
    expect(rateOnMap.target).toBe(80);
    expect(rateOnMap.figure!.value).toBeCloseTo(i4.lop.actual!.value!, 9);
  });

  it('combines the targets of two places by the place rule, and gives none where a place has none or for a percentage', async () => {
    const r = await atPlaces(w.places.X.id, w.places.Y.id);
    const i1 = indicatorRow(r, w.indicators.i1.id);
    expect(targets(i1.periods)).toEqual([180, 240, null, null]);
    expect(actuals(i1.periods)).toEqual([150, 145, null, 120]);
    expect(percents(i1.periods)).toEqual([83.3333, 60.4167, null, null]);
    expect(i1.lop).toMatchObject({ target: 900, actual: { value: 415 } });
    expect(i1.lop.percentMet).toBeCloseTo(46.1111, 4);
    const [x, y] = [await mapArea(w.indicators.i1.id, 'admin2', w.places.X.id), await mapArea(w.indicators.i1.id, 'admin2', w.places.Y.id)];
    expect(x.target! + y.target!).toBe(i1.lop.target);

    const f = optionRow(r, w.indicators.i1.id, w.F);
    expect(targets(f.periods)).toEqual([null, null, null, null]);
    expect(f.lop).toMatchObject({ target: 530, actual: { value: 240 } });
    expect(f.lop.percentMet).toBeCloseTo(45.283, 3);
    expect(optionRow(r, w.indicators.i1.id, w.M).lop.target).toBeNull();

    for (const id of [w.indicators.i2.id, w.indicators.i3.id]) {
      const row = indicatorRow(r, id);
      expect([row.lop.target, ...targets(row.periods)]).toEqual([null, null, null, null, null]);
    }
    const i4 = indicatorRow(r, w.indicators.i4.id);
    expect([i4.lop.target, ...targets(i4.periods)]).toEqual([null, null, null, null, null]);
    expect(i4.periods[0]!.actual).toMatchObject({ value: 40, numerator: 40, denominator: 100 });
  });

  it('gives a place without a target of its own no target, not the one for all places', async () => {
    const r = await atPlaces(w.places.Y.id);
    const i1 = indicatorRow(r, w.indicators.i1.id);
    expect(targets(i1.periods)).toEqual([60, 80, null, null]);
    expect(percents(i1.periods)).toEqual([83.3333, 31.25, null, null]);
    expect(i1.lop).toMatchObject({ target: 300, actual: { value: 115 } });
    const i2 = indicatorRow(r, w.indicators.i2.id);
    expect([i2.lop.target, ...targets(i2.periods)]).toEqual([null, null, null, null, null]);
    expect(indicatorRow(r, w.indicators.i3.id).lop).toMatchObject({ target: null, percentMet: null });

    const programme = await iptt(w.users.manager.id, { scope: 'programme', id: w.programme.id, locationIds: w.places.X.id });
    const pi = indicatorRow(programme, w.indicators.pi.id);
    // I1 at X (300) and J1 at X (30), against no target: the programme's 2000 is for all places.
    expect(pi.lop).toMatchObject({ target: null, actual: { value: 330 }, percentMet: null });
    expect(targets(pi.periods)).toEqual([null, null, null, null]);
  });

  it('takes a region’s own target, not its districts’, and counts a place inside another one asked for once', async () => {
    for (const ids of [[w.places.RX.id], [w.places.RX.id, w.places.X.id]]) {
      const i1 = indicatorRow(await atPlaces(...ids), w.indicators.i1.id);
      expect(i1.lop).toMatchObject({ target: 650, actual: { value: 300 } });
      expect(i1.lop.percentMet).toBeCloseTo(46.1538, 4);
      expect(targets(i1.periods)).toEqual([null, null, null, null]);
    }
    const onMap = await mapArea(w.indicators.i1.id, 'admin1', w.places.RX.id);
    expect([onMap.target, onMap.figure?.value]).toEqual([650, 300]);
  });

  it('keeps the targets for all places when no place is asked for', async () => {
    const i1 = indicatorRow(await iptt(w.users.manager.id, { scope: 'project', id: w.p1.id }), w.indicators.i1.id);
    expect(i1.lop.target).toBe(1000);
    expect(targets(i1.periods)).toEqual([200, 300, 250, 250]);
  });
});

describe('GET /api/iptt access', () => {
  it('includes pending values, marked, when a manager asks', async () => {
    const r = await iptt(w.users.manager.id, { scope: 'project', id: w.p1.id, includePending: 'true' });
    expect(r.includesPending).toBe(true);
    const i1 = indicatorRow(r, w.indicators.i1.id);
    expect(i1.periods[2]).toMatchObject({ target: 250, actual: { value: 10, pending: true }, percentMet: 4 });
    expect(i1.periods[0]!.actual!.pending).toBe(false);
    expect(i1.lop.actual).toMatchObject({ value: 425, pending: true });
  });

  it('gives a viewer approved values only, even when pending ones are asked for', async () => {
    const r = await iptt(w.users.viewer.id, { scope: 'project', id: w.p1.id, includePending: 'true' });
    expect(r).toMatchObject({ includesPending: false, canIncludePending: false });
    const i1 = indicatorRow(r, w.indicators.i1.id);
    expect(actuals(i1.periods)).toEqual([150, 145, null, 120]);
    expect(i1.lop.actual).toMatchObject({ value: 415, pending: false });
  });

  it('shows a partner its own organisation’s figures only', async () => {
    const r = await iptt(w.users.partner.id, { scope: 'project', id: w.p1.id });
    const i1 = indicatorRow(r, w.indicators.i1.id);
    expect(actuals(i1.periods)).toEqual([null, 25, null, null]);
    expect(i1.lop.actual!.value).toBe(25);
    expect(actuals(optionRow(r, w.indicators.i1.id, w.F).periods)).toEqual([null, 15, null, null]);
    expect(indicatorRow(r, w.indicators.i4.id).lop.actual).toBeNull();
    expect(r.options.organisations.map((o) => o.id)).toEqual([w.partner.id]);
  });

  it('answers 404 for a project or programme the reader cannot see, and for unknown ids', async () => {
    await iptt(w.users.outsider.id, { scope: 'project', id: w.p1.id }, 404);
    await iptt(w.users.outsider.id, { scope: 'programme', id: w.programme.id }, 404);
    await iptt(w.users.manager.id, { scope: 'project', id: '00000000-0000-4000-8000-000000000000' }, 404);
    await iptt(w.users.manager.id, { scope: 'organisation', id: '00000000-0000-4000-8000-000000000000' }, 404);
    await iptt(w.users.manager.id, { scope: 'country', id: 'ZZZ' }, 404);
  });

  it('needs a session', async () => {
    const res = await t.anonymous().get(`/api/iptt?scope=project&id=${w.p1.id}`);
    expect(res.statusCode).toBe(401);
  });
});

describe('GET /api/iptt consolidated', () => {
  it('rolls a programme indicator up from its contributing project indicators, against its own targets', async () => {
    const r = await iptt(w.users.manager.id, { scope: 'programme', id: w.programme.id });
    expect(r.rows.map(describeRow)).toEqual(['result PG1', 'indicator PI']);
    const pi = indicatorRow(r, w.indicators.pi.id);
    // I1 (P1) plus J1 (P2: 30 in Mali and 7 in Senegal).
    expect(actuals(pi.periods)).toEqual([187, 145, null, 120]);
    expect(targets(pi.periods)).toEqual([500, null, null, null]);
    expect(pi.periods[0]!.percentMet).toBeCloseTo(37.4, 6);
    expect(pi.lop).toMatchObject({ target: 2000, actual: { value: 452 } });
    expect(pi.lop.percentMet).toBeCloseTo(22.6, 6);
  });

  it('lists every visible project of a country under its heading, counting places in that country only', async () => {
    const r = await iptt(w.users.manager.id, { scope: 'country', id: 'MLI' });
    const headings = r.rows.filter((x) => x.kind === 'project').map((x) => x.projectId);
    expect(headings).toEqual(expect.arrayContaining([w.p1.id, w.p2.id]));
    const p2At = r.rows.findIndex((x) => x.kind === 'project' && x.projectId === w.p2.id);
    expect(r.rows.slice(p2At, p2At + 3).map(describeRow)).toEqual([`project ${w.p2.code}`, 'result G1', 'indicator J1']);
    expect(indicatorRow(r, w.indicators.j1.id).lop.actual!.value).toBe(30);
    expect(indicatorRow(r, w.indicators.i1.id).lop.actual!.value).toBe(415);
    expect(r.options.locations.some((l) => l.id === w.places.Z.id)).toBe(false);
  });

  it('gathers the projects of an organisation’s programmes, narrowed by sector', async () => {
    const all = await iptt(w.users.manager.id, { scope: 'organisation', id: w.org.id });
    expect(all.rows.filter((x) => x.kind === 'project').map((x) => x.projectId).sort()).toEqual([w.p1.id, w.p2.id].sort());
    expect(indicatorRow(all, w.indicators.j1.id).lop.actual!.value).toBe(37);
    const water = await iptt(w.users.manager.id, { scope: 'organisation', id: w.org.id, sector: '14030' });
    expect(water.rows.filter((x) => x.kind === 'project').map((x) => x.projectId)).toEqual([w.p1.id]);
  });

  it('leaves out of a consolidated table the projects the reader cannot see', async () => {
    const r = await iptt(w.users.outsider.id, { scope: 'organisation', id: w.org.id });
    expect(r.rows).toEqual([]);
  });
});

describe('GET /api/iptt/export.xlsx', () => {
  async function workbook(userId: string, query: Record<string, string>, headers: Record<string, string> = {}) {
    const agent = await t.as(userId, headers);
    const res = await agent.get(`/api/iptt/export.xlsx?${new URLSearchParams(query).toString()}`);
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return { res, ws: wb.worksheets[0]! };
  }

  it('lays out the table with title lines, grouped headers, level rows, numbers and frozen panes', async () => {
    const { res, ws } = await workbook(w.users.manager.id, { scope: 'project', id: w.p1.id });
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="fieldbook-iptt-P1-[^"]+\.xlsx"$/);
    expect(ws.getCell('A1').value).toBe(`Indicator Performance Tracking Table — ${w.p1.code} — Water for Kolwezi`);
    expect(ws.getCell('A2').value).toBe('Periods: 2025-Q1 to 2025-Q4 (2025-01-01 – 2025-12-31)');
    expect(ws.getCell('A4').value).toBe('Approved values only');
    expect([1, 2, 3, 4, 5, 8].map((c) => ws.getRow(7).getCell(c).value)).toEqual(['Code', 'Result / indicator', 'Unit', 'Baseline', 'Life of project', '2025-Q1']);
    expect([5, 6, 7].map((c) => ws.getRow(8).getCell(c).value)).toEqual(['Target', 'Actual', '% met']);
    expect(ws.getCell('E7').isMerged && ws.getCell('G7').isMerged).toBe(true);

    const level = ws.getRow(9);
    expect([level.getCell(1).value, level.getCell(2).value]).toEqual(['G1', 'Goal: Healthier households']);
    expect(level.getCell(2).font?.bold).toBe(true);
    expect((level.getCell(2).fill as ExcelJS.FillPattern).pattern).toBe('solid');

    const i1 = ws.getRow(13);
    expect([i1.getCell(1).value, i1.getCell(3).value]).toEqual(['I1', 'people']);
    // LOP 1000 / 415 / 41.5; Q1 200 / 150 / 75; Q3 250 / empty / empty.
    expect([5, 6, 7, 8, 9, 10, 14, 15, 16].map((c) => i1.getCell(c).value)).toEqual([1000, 415, 41.5, 200, 150, 75, 250, null, null]);
    expect(i1.getCell(6).numFmt).toBe('#,##0');
    expect(i1.getCell(7).numFmt).toBe('0"%"');
    const female = ws.getRow(14);
    expect(female.getCell(2).value).toBe(`${w.sex.name}: F`);
    expect(female.getCell(2).alignment?.indent).toBe(2);
    expect(ws.getRow(11).getCell(6).numFmt).toBe('0.0"%"');

    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 8 });
  });

  it('writes the place’s own targets under a place filter, as the table shows them', async () => {
    const { ws } = await workbook(w.users.manager.id, { scope: 'project', id: w.p1.id, locationIds: w.places.X.id });
    // I1 at X: LOP 600 / 300 / 50; Q1 120 / 100 / 83.3.
    const i1 = ws.getRow(13);
    expect([5, 6, 7, 8, 9].map((c) => i1.getCell(c).value)).toEqual([600, 300, 50, 120, 100]);
    expect(i1.getCell(10).value).toBeCloseTo(83.3333, 4);
  });

  it('marks pending values in italics and says so in the title lines', async () => {
    const { ws } = await workbook(w.users.manager.id, { scope: 'project', id: w.p1.id, includePending: 'true' });
    expect(ws.getCell('A4').value).toBe('Includes pending values (not yet approved, shown in italics)');
    const q3Actual = ws.getRow(13).getCell(15);
    expect(q3Actual.value).toBe(10);
    expect(q3Actual.font?.italic).toBe(true);
    expect(ws.getRow(13).getCell(9).font?.italic).toBeFalsy();
  });

  it('writes the reader’s language, right to left in Arabic', async () => {
    const { ws } = await workbook(w.users.manager.id, { scope: 'project', id: w.p1.id }, { 'accept-language': 'ar' });
    expect(ws.getRow(8).getCell(5).value).toBe('المستهدف');
    expect(ws.views[0]).toMatchObject({ rightToLeft: true, xSplit: 3, ySplit: 8 });
  });

  it('keeps text a user typed from being read as a formula', async () => {
    await t.db.updateTable('indicators').set({ name: '=HYPERLINK("http://x","y")', names_json: '{}' }).where('id', '=', w.indicators.i5.id).execute();
    const { ws } = await workbook(w.users.manager.id, { scope: 'project', id: w.p1.id });
    expect(ws.getRow(17).getCell(2).value).toBe(`'=HYPERLINK("http://x","y")`);
  });
});
