import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.js';
import { aggregateFacts } from './engine.js';
import { buildEngineWorld, buildRuledIndicator, type EngineWorld, type FactInput, insertFacts, type RuledIndicatorInput, rowTable } from './engine.test-helpers.js';
import type { EngineIndicator, EngineQuery, EngineRow } from './engine.types.js';

/**
 * The engine against tables computed by hand, one rule at a time. The randomized comparison with
 * shared/src/domain/aggregation.ts is in engine.reference.db.test.ts; scopes, programmes, areas and
 * disaggregations in engine.groups.db.test.ts.
 */
let t: TestDatabase;
let db: Database;
beforeAll(async () => {
  t = await createTestDatabase();
  db = t.handle.db;
});
afterAll(() => t.drop());

type Indicator = Awaited<ReturnType<typeof buildRuledIndicator>>;
const asked = (i: Indicator): EngineIndicator => ({ id: i.id, sourceIds: [i.id], rules: i.rules });
const table = (rows: EngineRow[], w: EngineWorld) => rowTable(rows, w);
const everything = (w: EngineWorld) => [w.projectA, w.projectB].map((p) => ({ projectId: p.id, organisationId: null, pendingAllowed: true }));

async function setup(rules: Omit<RuledIndicatorInput, 'nodeId'>) {
  const w = await buildEngineWorld(db);
  const indicator = await buildRuledIndicator(db, { nodeId: w.nodeA.id, ...rules });
  const facts = (list: Omit<FactInput, 'indicatorId' | 'projectId' | 'organisationId'>[]) =>
    insertFacts(db, list.map((f) => ({ indicatorId: indicator.id, projectId: w.projectA.id, organisationId: w.lead.id, ...f })));
  const run = (over: Partial<EngineQuery> = {}) =>
    aggregateFacts(db, { indicators: [asked(indicator)], scopes: everything(w), includePending: false, groupBy: {}, ...over });
  return { w, indicator, facts, run };
}

const quarterly = { period: { granularity: 'quarter' as const, fyStartMonth: 1 } };
const monthly = { period: { granularity: 'month' as const, fyStartMonth: 1 } };

describe('aggregation engine: rules', () => {
  it('adds up a summed indicator over places and months', async () => {
    const { w, facts, run } = await setup({ time: 'sum', location: 'sum' });
    const p = w.places;
    await facts([
      { locationId: p.s111.id, month: '2026-01', value: 10 },
      { locationId: p.s111.id, month: '2026-02', value: 5 },
      { locationId: p.s121.id, month: '2026-01', value: 7 },
      { locationId: p.s211.id, month: '2026-04', value: 4 },
    ]);
    expect(table(await run(), w)).toEqual(['all: 26']);
    expect(table(await run({ groupBy: quarterly }), w)).toEqual(['2026-Q1: 22', '2026-Q2: 4']);
    // No report in March: no row, never a zero.
    expect(table(await run({ groupBy: monthly }), w)).toEqual(['2026-01: 17', '2026-02: 5', '2026-04: 4']);
    expect(table(await run({ groupBy: { location: 'admin1' } }), w)).toEqual(['all R1: 22', 'all R2: 4']);
    expect(table(await run({ from: '2026-02-01', to: '2026-03-31' }), w)).toEqual(['all: 5']);
  });

  it('takes each place’s latest report, even when places reported in different months, then adds places up', async () => {
    const { w, facts, run } = await setup({ time: 'latest', location: 'sum' });
    const p = w.places;
    await facts([
      { locationId: p.s111.id, month: '2026-01', value: 100 },
      { locationId: p.s111.id, month: '2026-03', value: 80 },
      { locationId: p.s121.id, month: '2026-02', value: 50 },
    ]);
    // Q1: s111's March 80 + s121's February 50.
    expect(table(await run({ groupBy: quarterly }), w)).toEqual(['2026-Q1: 130']);
    expect(table(await run({ groupBy: monthly }), w)).toEqual(['2026-01: 100', '2026-02: 50', '2026-03: 80']);
    expect(table(await run({ groupBy: { ...quarterly, location: 'admin2' } }), w)).toEqual(['2026-Q1 D11: 80', '2026-Q1 D12: 50']);
  });

  it('takes the largest period per place, then the largest place or their sum', async () => {
    const { w, facts, run } = await setup({ time: 'max', location: 'sum' });
    const p = w.places;
    await facts([
      { locationId: p.s111.id, month: '2026-01', value: 3 },
      { locationId: p.s111.id, month: '2026-02', value: 9 },
      { locationId: p.s121.id, month: '2026-01', value: 7 },
    ]);
    expect(table(await run(), w)).toEqual(['all: 16']); // 9 + 7

    const maxPlace = await setup({ time: 'sum', location: 'max' });
    const q = maxPlace.w.places;
    await maxPlace.facts([
      { locationId: q.s111.id, month: '2026-01', value: 3 },
      { locationId: q.s111.id, month: '2026-02', value: 9 },
      { locationId: q.s121.id, month: '2026-01', value: 7 },
      { locationId: q.s211.id, month: '2026-01', value: 11 },
    ]);
    expect(table(await maxPlace.run(), maxPlace.w)).toEqual(['all: 12']); // s111 3 + 9 beats 7 and 11
    expect(table(await maxPlace.run({ groupBy: monthly }), maxPlace.w)).toEqual(['2026-01: 11', '2026-02: 9']);
    expect(table(await maxPlace.run({ groupBy: { location: 'admin1' } }), maxPlace.w)).toEqual(['all R1: 12', 'all R2: 11']);
  });

  it('averages over periods per place, then over places', async () => {
    const { w, facts, run } = await setup({ time: 'average', location: 'average' });
    const p = w.places;
    await facts([
      { locationId: p.s111.id, month: '2026-01', value: 10 },
      { locationId: p.s111.id, month: '2026-02', value: 20 },
      { locationId: p.s121.id, month: '2026-03', value: 6 },
    ]);
    expect(table(await run(), w)).toEqual(['all: 10.5']); // (15 + 6) / 2
    expect(table(await run({ groupBy: monthly }), w)).toEqual(['2026-01: 10', '2026-02: 20', '2026-03: 6']);
  });

  it('gives a figure under the location rule "none" only where a single place reported', async () => {
    const { w, facts, run } = await setup({ time: 'sum', location: 'none' });
    const p = w.places;
    await facts([
      { locationId: p.s111.id, month: '2026-01', value: 10 },
      { locationId: p.s111.id, month: '2026-02', value: 1 },
      { locationId: p.s121.id, month: '2026-01', value: 6 },
    ]);
    expect(table(await run(), w)).toEqual([]);
    expect(table(await run({ groupBy: { location: 'admin2' } }), w)).toEqual(['all D11: 11', 'all D12: 6']);
    expect(table(await run({ groupBy: monthly }), w)).toEqual(['2026-02: 1']);
  });

  it('pools numerators and denominators of a percentage across places (40 %, not the 41.7 % mean)', async () => {
    const { w, facts, run } = await setup({ type: 'percentage', time: 'sum', location: 'sum' });
    const p = w.places;
    await facts([
      { locationId: p.s111.id, month: '2026-01', numerator: 30, denominator: 60 },
      { locationId: p.s121.id, month: '2026-01', numerator: 10, denominator: 40 },
      { locationId: p.s211.id, month: '2026-02', numerator: 0, denominator: 0 },
    ]);
    expect(table(await run({ to: '2026-01-31' }), w)).toEqual(['all: 40 (40/100)']);
    expect(table(await run({ groupBy: { location: 'admin2' } }), w)).toEqual(['all D11: 50 (30/60)', 'all D12: 25 (10/40)', 'all D21: null (0/0)']);
  });

  it('keeps the largest ratio of a percentage under max, with its own numerator and denominator', async () => {
    const { w, facts, run } = await setup({ type: 'percentage', time: 'latest', location: 'max' });
    const p = w.places;
    await facts([
      { locationId: p.s111.id, month: '2026-01', numerator: 9, denominator: 10 },
      { locationId: p.s111.id, month: '2026-02', numerator: 30, denominator: 60 },
      { locationId: p.s121.id, month: '2026-01', numerator: 10, denominator: 40 },
      { locationId: p.s211.id, month: '2026-01', numerator: 5, denominator: 0 },
    ]);
    expect(table(await run(), w)).toEqual(['all: 50 (30/60)']);
  });

  it('counts the places answering yes for a yes/no indicator', async () => {
    const { w, facts, run } = await setup({ type: 'yes_no', time: 'latest', location: 'sum' });
    const p = w.places;
    await facts([
      { locationId: p.s111.id, month: '2026-01', value: 0 },
      { locationId: p.s111.id, month: '2026-02', value: 1 },
      { locationId: p.s121.id, month: '2026-01', value: 0 },
      { locationId: p.s211.id, month: '2026-03', value: 1 },
    ]);
    expect(table(await run(), w)).toEqual(['all: 2']);
  });

  it('runs totals to date for a cumulative indicator, carrying them over months without reports', async () => {
    const { w, facts, run } = await setup({ time: 'sum', location: 'sum' });
    const p = w.places;
    await facts([
      { locationId: p.s111.id, month: '2026-01', value: 10 },
      { locationId: p.s121.id, month: '2026-03', value: 5 },
      { locationId: p.s121.id, month: '2026-03', value: 2, approved: false, submission: 'another package' },
    ]);
    const running = { period: { granularity: 'month' as const, fyStartMonth: 1, running: true } };
    expect(table(await run({ groupBy: running, to: '2026-04-30' }), w)).toEqual(['2026-01: 10', '2026-02: 10', '2026-03: 15', '2026-04: 15']);
    expect(table(await run({ groupBy: running, includePending: true }), w)).toEqual(['2026-01: 10', '2026-02: 10', '2026-03: 17 pending']);
    expect(table(await run({ groupBy: { ...running, location: 'admin2' } }), w)).toEqual([
      '2026-01 D11: 10', '2026-02 D11: 10', '2026-03 D11: 10', '2026-03 D12: 5',
    ]);
  });

  it('runs the latest stock to date per place', async () => {
    const { w, facts, run } = await setup({ time: 'latest', location: 'sum' });
    const p = w.places;
    await facts([
      { locationId: p.s111.id, month: '2026-01', value: 100 },
      { locationId: p.s121.id, month: '2026-02', value: 50 },
      { locationId: p.s111.id, month: '2026-03', value: 80 },
    ]);
    const running = { period: { granularity: 'month' as const, fyStartMonth: 1, running: true } };
    expect(table(await run({ groupBy: running, to: '2026-05-31' }), w)).toEqual(['2026-01: 100', '2026-02: 150', '2026-03: 130', '2026-04: 130', '2026-05: 130']);
    const quarterRunning = { period: { granularity: 'quarter' as const, fyStartMonth: 1, running: true } };
    expect(table(await run({ groupBy: quarterRunning, to: '2026-06-30' }), w)).toEqual(['2026-Q1: 130', '2026-Q2: 130']);
  });

  it('names buckets by the fiscal year', async () => {
    const { w, facts, run } = await setup({ time: 'sum', location: 'sum' });
    await facts([
      { locationId: w.places.s111.id, month: '2025-09', value: 1 },
      { locationId: w.places.s111.id, month: '2025-10', value: 2 },
      { locationId: w.places.s111.id, month: '2026-09', value: 4 },
    ]);
    const rows = await run({ groupBy: { period: { granularity: 'year', fyStartMonth: 10 } } });
    expect(rows.map((r) => [r.period, r.figure.value]).sort()).toEqual([
      [{ key: 'FY2025', start: '2024-10-01', end: '2025-09-30' }, 1],
      [{ key: 'FY2026', start: '2025-10-01', end: '2026-09-30' }, 6],
    ]);
  });

  it('reads nothing for a qualitative indicator', async () => {
    const { w, facts, run } = await setup({ type: 'qualitative' });
    await facts([{ locationId: w.places.s111.id, month: '2026-01', value: 1 }]);
    expect(await run()).toEqual([]);
  });
});
