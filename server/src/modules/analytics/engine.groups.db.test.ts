import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.js';
import { aggregateFacts } from './engine.js';
import { buildEngineWorld, buildRuledIndicator, type EngineWorld, insertFacts, rowTable } from './engine.test-helpers.js';
import type { EngineIndicator, EngineQuery, FactScope } from './engine.types.js';

/** Who sees which facts, programme roll-ups, areas and disaggregations, against tables computed by hand. */
let t: TestDatabase;
let db: Database;
beforeAll(async () => {
  t = await createTestDatabase();
  db = t.handle.db;
});
afterAll(() => t.drop());

type Indicator = Awaited<ReturnType<typeof buildRuledIndicator>>;
const asked = (i: Indicator): EngineIndicator => ({ id: i.id, sourceIds: [i.id], rules: i.rules });
const scope = (projectId: string, organisationId: string | null = null, pendingAllowed = true): FactScope => ({ projectId, organisationId, pendingAllowed });
const ask = (w: EngineWorld, q: Partial<EngineQuery> & Pick<EngineQuery, 'indicators'>) =>
  aggregateFacts(db, { scopes: [scope(w.projectA.id), scope(w.projectB.id)], includePending: false, groupBy: {}, ...q });

describe('aggregation engine: scopes and pending values', () => {
  it('reads only the scopes’ projects and organisations, and pending values only where allowed and asked', async () => {
    const w = await buildEngineWorld(db);
    const i = await buildRuledIndicator(db, { nodeId: w.nodeA.id });
    const p = w.places;
    await insertFacts(db, [
      { indicatorId: i.id, projectId: w.projectA.id, organisationId: w.lead.id, locationId: p.s111.id, month: '2026-01', value: 10 },
      { indicatorId: i.id, projectId: w.projectA.id, organisationId: w.partner.id, locationId: p.s121.id, month: '2026-01', value: 20 },
      { indicatorId: i.id, projectId: w.projectA.id, organisationId: w.partner.id, locationId: p.s211.id, month: '2026-01', value: 5, approved: false, submission: 'pending' },
    ]);
    const names = { [w.lead.id]: 'lead', [w.partner.id]: 'partner' };
    const run = async (scopes: FactScope[], over: Partial<EngineQuery> = {}) =>
      rowTable(await ask(w, { indicators: [asked(i)], scopes, ...over }), w, names);

    expect(await run([scope(w.projectA.id)])).toEqual(['all: 30']);
    expect(await run([scope(w.projectA.id, null, false)], { includePending: true })).toEqual(['all: 30']);
    expect(await run([scope(w.projectA.id)], { includePending: true })).toEqual(['all: 35 pending']);
    expect(await run([scope(w.projectA.id, w.partner.id)], { includePending: true })).toEqual(['all: 25 pending']);
    expect(await run([scope(w.projectA.id, w.partner.id)])).toEqual(['all: 20']);
    expect(await run([scope(w.projectA.id, w.lead.id)], { includePending: true })).toEqual(['all: 10']);
    expect(await run([])).toEqual([]);
    expect(await run([scope(w.projectB.id)])).toEqual([]);
    expect(await run([scope(w.projectA.id)], { organisationIds: [w.lead.id] })).toEqual(['all: 10']);
    expect(await run([scope(w.projectA.id)], { organisationIds: [w.programme.id] })).toEqual([]); // never reported
    expect(await run([scope(w.projectA.id)], { groupBy: { organisation: true }, includePending: true })).toEqual(['all lead: 10', 'all partner: 25 pending']);
    expect(await run([scope(w.projectA.id)], { groupBy: { project: true } })).toEqual([`all ${w.projectA.id}: 30`]);
  });
});

describe('aggregation engine: programme roll-up', () => {
  it('reports the project indicators’ facts under the programme indicator, by its own rules', async () => {
    const w = await buildEngineWorld(db);
    const a = await buildRuledIndicator(db, { nodeId: w.nodeA.id, time: 'latest' });
    const b = await buildRuledIndicator(db, { nodeId: w.nodeB.id, time: 'sum' });
    const p = w.places;
    await insertFacts(db, [
      { indicatorId: a.id, projectId: w.projectA.id, organisationId: w.lead.id, locationId: p.s111.id, month: '2026-01', value: 100 },
      { indicatorId: a.id, projectId: w.projectA.id, organisationId: w.lead.id, locationId: p.s111.id, month: '2026-03', value: 80 },
      // Project B works in the same place: its series is its own.
      { indicatorId: b.id, projectId: w.projectB.id, organisationId: w.lead.id, locationId: p.s111.id, month: '2026-02', value: 50 },
      { indicatorId: b.id, projectId: w.projectB.id, organisationId: w.lead.id, locationId: p.s111.id, month: '2026-01', value: 7 },
    ]);
    const programme: EngineIndicator = { id: 'programme-indicator', sourceIds: [a.id, b.id], rules: { type: 'number', time: 'latest', location: 'sum' } };
    const names = { [programme.id]: 'P', [a.id]: 'A', [b.id]: 'B', [w.projectA.id]: 'pA', [w.projectB.id]: 'pB' };
    const run = async (indicators: EngineIndicator[], over: Partial<EngineQuery> = {}) => rowTable(await ask(w, { indicators, ...over }), w, names);

    expect(await run([programme])).toEqual(['P all: 130']); // A's latest 80 + B's latest 50
    // The same facts counted by two engine indicators at once: each by its own rules.
    expect(await run([asked(a), asked(b), programme])).toEqual(['A all: 80', 'B all: 57', 'P all: 130']);
    expect(await run([programme], { groupBy: { project: true } })).toEqual(['P all pA: 80', 'P all pB: 50']);
    expect(await run([programme], { scopes: [scope(w.projectB.id)] })).toEqual(['P all: 50']);
    expect(await run([{ ...programme, sourceIds: [a.id, 'an-unknown-indicator'] }])).toEqual(['P all: 80']);
  });
});

describe('aggregation engine: places', () => {
  it('groups places under their area at a level; values above the level or for the whole project have no area', async () => {
    const w = await buildEngineWorld(db);
    const i = await buildRuledIndicator(db, { nodeId: w.nodeA.id });
    const p = w.places;
    const fact = (locationId: string | null, value: number) => ({ indicatorId: i.id, projectId: w.projectA.id, organisationId: w.lead.id, locationId, month: '2026-01', value });
    await insertFacts(db, [fact(p.s111.id, 10), fact(p.s112.id, 1), fact(p.d11.id, 5), fact(p.r1.id, 3), fact(p.s211.id, 4), fact(null, 2)]);
    const run = async (over: Partial<EngineQuery>) => rowTable(await ask(w, { indicators: [asked(i)], ...over }), w);

    expect(await run({ groupBy: { location: 'admin2' } })).toEqual(['all -: 5', 'all D11: 16', 'all D21: 4']);
    expect(await run({ groupBy: { location: 'admin1' } })).toEqual(['all -: 2', 'all R1: 19', 'all R2: 4']);
    expect(await run({ groupBy: { location: 'country' } })).toEqual(['all -: 2', 'all C: 23']);
    expect(await run({ groupBy: { location: 'site' } })).toEqual(['all -: 10', 'all S111: 10', 'all S112: 1', 'all S211: 4']);
    expect(await run({ locationIds: [p.d11.id] })).toEqual(['all: 16']);
    expect(await run({ locationIds: [p.r1.id], groupBy: { location: 'admin2' } })).toEqual(['all -: 3', 'all D11: 16']);
    expect(await run({ locationIds: [p.s111.id, p.d21.id] })).toEqual(['all: 14']);
    expect(await run({ locationIds: [p.d12.id] })).toEqual([]);
  });
});

describe('aggregation engine: disaggregations', () => {
  it('groups full-combination cells by the asked categories; indicators without a category give their total under null', async () => {
    const w = await buildEngineWorld(db);
    const [f, m] = w.sex.options.map((o) => o.id) as [string, string];
    const [u5, o5, old] = w.age.options.map((o) => o.id) as [string, string, string];
    const x = await buildRuledIndicator(db, { nodeId: w.nodeA.id, categoryIds: [w.sex.id, w.age.id] });
    const y = await buildRuledIndicator(db, { nodeId: w.nodeA.id, categoryIds: [w.sex.id] });
    const z = await buildRuledIndicator(db, { nodeId: w.nodeA.id });
    const cell = (indicatorId: string, locationId: string, value: number, optionIds?: string[]) =>
      ({ indicatorId, projectId: w.projectA.id, organisationId: w.lead.id, locationId, month: '2026-01', value, optionIds });
    const [s111, s121] = [w.places.s111.id, w.places.s121.id];
    await insertFacts(db, [
      cell(x.id, s111, 20), cell(x.id, s111, 3, [f, u5]), cell(x.id, s111, 4, [f, o5]), cell(x.id, s111, 1, [f, old]),
      cell(x.id, s111, 5, [m, u5]), cell(x.id, s111, 6, [m, o5]), cell(x.id, s111, 1, [m, old]),
      cell(x.id, s121, 10), cell(x.id, s121, 1, [f, u5]), cell(x.id, s121, 9, [m, o5]),
      cell(y.id, s111, 7), cell(y.id, s111, 3, [f]), cell(y.id, s111, 4, [m]),
      cell(z.id, s111, 9),
    ]);
    const names = { [x.id]: 'X', [y.id]: 'Y', [z.id]: 'Z' };
    const run = async (over: Partial<EngineQuery>) => rowTable(await ask(w, { indicators: [x, y, z].map(asked), ...over }), w, names);

    expect(await run({})).toEqual(['X all: 30', 'Y all: 7', 'Z all: 9']);
    expect(await run({ groupBy: { categories: [w.sex.id] } })).toEqual(['X all f: 9', 'X all m: 21', 'Y all f: 3', 'Y all m: 4', 'Z all -: 9']);
    expect(await run({ groupBy: { categories: [w.age.id, w.sex.id] } })).toEqual([
      'X all o5/f: 4', 'X all o5/m: 15', 'X all old/f: 1', 'X all old/m: 1', 'X all u5/f: 4', 'X all u5/m: 5',
      'Y all -/f: 3', 'Y all -/m: 4', 'Z all -/-: 9',
    ]);
    expect(await run({ groupBy: { categories: [w.sex.id], location: 'admin2' } })).toEqual([
      'X all D11 f: 8', 'X all D11 m: 12', 'X all D12 f: 1', 'X all D12 m: 9', 'Y all D11 f: 3', 'Y all D11 m: 4', 'Z all D11 -: 9',
    ]);
    // A filter on a category: indicators not broken down by it show only where that category is a grouping ("not disaggregated").
    expect(await run({ optionFilter: { [w.sex.id]: [f] } })).toEqual(['X all: 9', 'Y all: 3']);
    expect(await run({ optionFilter: { [w.sex.id]: [f] }, groupBy: { categories: [w.sex.id] } })).toEqual(['X all f: 9', 'Y all f: 3', 'Z all -: 9']);
    expect(await run({ optionFilter: { [w.age.id]: [u5, old] }, groupBy: { categories: [w.sex.id] } })).toEqual(['X all f: 5', 'X all m: 6']);
  });

  it('pools a percentage’s cells per option', async () => {
    const w = await buildEngineWorld(db);
    const [f, m] = w.sex.options.map((o) => o.id) as [string, string];
    const i = await buildRuledIndicator(db, { nodeId: w.nodeA.id, type: 'percentage', time: 'latest', categoryIds: [w.sex.id] });
    const cell = (locationId: string, month: string, numerator: number, denominator: number, optionIds?: string[]) =>
      ({ indicatorId: i.id, projectId: w.projectA.id, organisationId: w.lead.id, locationId, month, numerator, denominator, optionIds });
    const [s111, s121] = [w.places.s111.id, w.places.s121.id];
    await insertFacts(db, [
      cell(s111, '2026-01', 1, 2, [f]), cell(s111, '2026-01', 1, 4, [m]),
      cell(s111, '2026-02', 30, 60, [f]), cell(s111, '2026-02', 5, 10, [m]),
      cell(s121, '2026-01', 10, 40, [f]), cell(s121, '2026-01', 0, 10, [m]),
    ]);
    const rows = rowTable(await ask(w, { indicators: [asked(i)], groupBy: { categories: [w.sex.id] } }), w);
    // February at s111 (latest) plus January at s121.
    expect(rows).toEqual(['all f: 40 (40/100)', 'all m: 25 (5/20)']);
  });
});
