import { aggregate, type AggregationRules, type LocationAggregation, type Observation, type TimeAggregation } from '@shared/domain/aggregation.js';
import { periodOf, periodsBetween } from '@shared/domain/periods.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.js';
import { aggregateFacts } from './engine.js';
import { buildEngineWorld, buildRuledIndicator, type EngineWorld, type FactInput, insertFacts } from './engine.test-helpers.js';
import type { EngineIndicator, EngineQuery, EngineRow } from './engine.types.js';
import { monthIndexOf } from './facts.js';
import { keyNumbers } from './keys.repository.js';

/**
 * A few hundred random facts over every rule, places at several levels, two projects, two
 * organisations, disaggregated cells and pending values; each engine answer is compared row by row
 * with shared/src/domain/aggregation.ts's `aggregate()` applied to the same observations, grouped
 * here in plain JavaScript (one observation per place and month, its cells added up; a place is a
 * project's location). Pending marks follow the values that contributed (the latest period, the
 * largest place…), which `aggregate()` does not report: they are worked out here alongside.
 */
let t: TestDatabase;
let db: Database;
beforeAll(async () => {
  t = await createTestDatabase();
  db = t.handle.db;
});
afterAll(() => t.drop());

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

interface Fact extends FactInput {
  start: number;
  end: number;
}

interface World {
  w: EngineWorld;
  indicators: (EngineIndicator & { categoryIds: string[] })[];
  categoriesOf: Map<string, string[]>;
  facts: Fact[];
  parentOf: Map<string, string | null>;
  levelOf: Map<string, string>;
  /** Sort key of a place (location number, project number), as the engine breaks ties. */
  placeKey: (f: Fact) => string;
}

async function buildRandomWorld(seed: number): Promise<World> {
  const rnd = random(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const w = await buildEngineWorld(db);
  const types = ['number', 'percentage', 'yes_no'] as const;
  const times: TimeAggregation[] = ['sum', 'latest', 'max', 'average'];
  const locations: LocationAggregation[] = ['sum', 'max', 'average', 'none'];
  const categorySets = [[], [w.sex.id], [w.sex.id, w.age.id], [w.age.id, w.sex.id]];
  const categoriesOf = new Map<string, string[]>();
  const indicators: World['indicators'] = [];
  for (let i = 0; i < 9; i++) {
    const made = await buildRuledIndicator(db, { nodeId: w.nodeA.id, type: types[i % 3], time: times[i % 4], location: locations[(i + Math.floor(i / 4)) % 4], categoryIds: pick(categorySets) });
    categoriesOf.set(made.id, made.categoryIds);
    indicators.push({ id: made.id, sourceIds: [made.id], rules: made.rules, categoryIds: made.categoryIds });
  }
  // A programme indicator over two number indicators with different categories, by its own rules.
  const sources = indicators.filter((i) => i.rules.type === 'number').slice(0, 2);
  indicators.push({ id: 'programme-indicator', sourceIds: sources.map((s) => s.id), rules: { type: 'number', time: 'latest', location: 'sum' }, categoryIds: [] });

  const options = new Map([[w.sex.id, w.sex.options.map((o) => o.id)], [w.age.id, w.age.options.map((o) => o.id)]]);
  const p = w.places;
  const places = [p.s111.id, p.s112.id, p.s121.id, p.s211.id, p.d11.id, p.r2.id, null];
  const facts: Fact[] = [];
  for (const indicator of indicators.slice(0, 9)) {
    for (const project of [w.projectA, w.projectB]) {
      for (const organisation of [w.lead, w.partner]) {
        for (const month of ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']) {
          const length = month === '2026-04' ? 2 : 1;
          const approved = rnd() < 0.8;
          for (const locationId of places) {
            if (rnd() > 0.12) continue;
            const cats = indicator.categoryIds;
            const combos = cats.reduce<string[][]>((acc, c) => acc.flatMap((prefix) => options.get(c)!.map((o) => [...prefix, o])), [[]]);
            const cells = cats.length ? [undefined, ...combos.filter(() => rnd() < 0.7)] : [undefined];
            for (const optionIds of cells) {
              const base = { indicatorId: indicator.id, projectId: project.id, organisationId: organisation.id, locationId, month, months: length, optionIds, approved };
              const start = monthIndexOf(`${month}-01`);
              const denominator = Math.floor(rnd() * 12);
              const figure =
                indicator.rules.type === 'percentage'
                  ? { numerator: rnd() < 0.05 ? null : Math.floor(rnd() * (denominator + 1)), denominator }
                  : { value: rnd() < 0.05 ? null : indicator.rules.type === 'yes_no' ? Math.round(rnd()) : Math.floor(rnd() * 30) };
              facts.push({ ...base, ...figure, start, end: start + length - 1 });
            }
          }
        }
      }
    }
  }
  await insertFacts(db, facts);

  const tree = await db.selectFrom('locations').select(['id', 'parent_id', 'level']).where('id', 'in', Object.values(p).map((l) => l.id)).execute();
  const locationNos = await keyNumbers(db, 'location', places.flatMap((l) => (l ? [l] : [])));
  const projectNos = await keyNumbers(db, 'project', [w.projectA.id, w.projectB.id]);
  const pad = (n: number) => String(n).padStart(12, '0');
  return {
    w, indicators, categoriesOf, facts,
    parentOf: new Map(tree.map((l) => [l.id, l.parent_id])),
    levelOf: new Map(tree.map((l) => [l.id, l.level])),
    placeKey: (f) => `${pad(f.locationId ? locationNos.get(f.locationId)! : 0)}:${pad(projectNos.get(f.projectId)!)}`,
  };
}

const usable = (f: Fact, rules: AggregationRules) => (rules.type === 'percentage' ? f.numerator != null && f.denominator != null : f.value != null);
const dateOf = (month: number) => `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`;

interface Expected {
  key: string;
  value: number | null;
  numerator?: number;
  denominator?: number;
  pending: boolean;
}

/** The answer worked out in JavaScript: filter, group, one observation per place and month, aggregate(). */
function reference(world: World, q: EngineQuery): Expected[] {
  const { facts, categoriesOf } = world;
  const asked = q.groupBy.categories ?? [];
  const filter = q.optionFilter ?? {};
  const from = q.from ? monthIndexOf(q.from) : -Infinity;
  const to = q.to ? monthIndexOf(q.to) : Infinity;
  const ancestors = (id: string | null | undefined) => {
    const out: string[] = [];
    for (let at = id ?? null; at; at = world.parentOf.get(at) ?? null) out.push(at);
    return out;
  };
  const period = q.groupBy.period;
  const bucketOf = (month: number) => periodOf(dateOf(month), period!.granularity, period!.fyStartMonth);

  // Facts each engine indicator reads, with their group key.
  const read: { indicator: EngineIndicator; fact: Fact; key: string }[] = [];
  for (const indicator of q.indicators) {
    if (indicator.rules.type === 'qualitative') continue;
    for (const fact of facts) {
      if (!indicator.sourceIds.includes(fact.indicatorId) || !usable(fact, indicator.rules)) continue;
      const scope = q.scopes.find((s) => s.projectId === fact.projectId && (s.organisationId === null || s.organisationId === fact.organisationId));
      if (!scope || (fact.approved === false && !(q.includePending && scope.pendingAllowed))) continue;
      if (q.organisationIds?.length && !q.organisationIds.includes(fact.organisationId)) continue;
      if (fact.start < from || fact.end > to) continue;
      if (q.locationIds?.length && !ancestors(fact.locationId).some((id) => q.locationIds!.includes(id))) continue;
      const cats = categoriesOf.get(fact.indicatorId)!;
      if (Object.keys(filter).some((c) => !cats.includes(c) && !asked.includes(c))) continue;
      const byCells = cats.some((c) => asked.includes(c) || c in filter);
      if (byCells !== Boolean(fact.optionIds)) continue;
      if (Object.entries(filter).some(([c, keep]) => cats.includes(c) && !keep.includes(fact.optionIds![cats.indexOf(c)]!))) continue;
      const parts: unknown[] = [indicator.id];
      if (q.groupBy.location) parts.push(ancestors(fact.locationId).find((id) => world.levelOf.get(id) === q.groupBy.location) ?? null);
      parts.push(asked.map((c) => (cats.includes(c) && fact.optionIds ? fact.optionIds[cats.indexOf(c)] : null)));
      if (q.groupBy.organisation) parts.push(fact.organisationId);
      if (q.groupBy.project) parts.push(fact.projectId);
      read.push({ indicator, fact, key: JSON.stringify(parts) });
    }
  }

  // Buckets: each period alone, or (running) everything up to each period's end.
  type Bucket = { key: string; start: string; end: string };
  const bucketsOfFact = (f: Fact): Bucket[] => {
    if (!period) return [{ key: 'all', start: '', end: '9999' }];
    const own = bucketOf(f.start);
    if (!period.running) return [own];
    const lastMonth = q.to ? monthIndexOf(q.to) : Math.max(...read.map((r) => r.fact.start));
    return periodsBetween(own.start, bucketOf(lastMonth).end, period.granularity, period.fyStartMonth);
  };
  const groups = new Map<string, { indicator: EngineIndicator; bucket: Bucket; facts: Fact[] }>();
  for (const r of read) {
    for (const bucket of bucketsOfFact(r.fact)) {
      const key = `${r.key}|${bucket.key}`;
      const g = groups.get(key) ?? { indicator: r.indicator, bucket, facts: [] };
      g.facts.push(r.fact);
      groups.set(key, g);
    }
  }

  const out: Expected[] = [];
  for (const [key, g] of groups) {
    const rules = g.indicator.rules;
    // One observation per place and month: its cells (and packages) added up.
    const cells = new Map<string, Observation & { place: string; pending: boolean }>();
    for (const f of g.facts) {
      const id = `${world.placeKey(f)}|${f.start}`;
      const o = cells.get(id) ?? { locationId: world.placeKey(f), place: world.placeKey(f), date: dateOf(f.start), value: 0, numerator: 0, denominator: 0, pending: false };
      if (rules.type === 'percentage') {
        o.numerator! += f.numerator!;
        o.denominator! += f.denominator!;
      } else o.value! += f.value!;
      o.pending ||= f.approved === false;
      cells.set(id, o);
    }
    const observations = [...cells.values()];
    const measure = aggregate(observations, rules);
    if (!measure) continue;
    out.push({ key, value: measure.value, numerator: measure.numerator, denominator: measure.denominator, pending: pendingOf(observations, rules) });
  }
  return out;
}

/** Whether a value behind the figure is pending: every value under sum and average, the chosen one under latest, max and none. */
function pendingOf(observations: (Observation & { place: string; pending: boolean })[], rules: AggregationRules): boolean {
  const ratio = (o: Observation) => (rules.type === 'percentage' ? (o.denominator === 0 ? -Infinity : (100 * o.numerator!) / o.denominator!) : o.value!);
  const chosen = (list: { o: Observation; pending: boolean }[], rule: string) => {
    if (rule === 'latest') return list[list.length - 1]!.pending;
    if (rule === 'max') return list.reduce((best, m) => (ratio(m.o) > ratio(best.o) ? m : best)).pending;
    return list.some((m) => m.pending);
  };
  const byPlace = new Map<string, { o: Observation; pending: boolean }[]>();
  for (const o of [...observations].sort((a, b) => a.date.localeCompare(b.date))) byPlace.set(o.place, [...(byPlace.get(o.place) ?? []), { o, pending: o.pending }]);
  const perPlace = [...byPlace.keys()].sort().map((place) => {
    const list = byPlace.get(place)!;
    const time = rules.type === 'percentage' && rules.time !== 'latest' && rules.time !== 'max' ? 'sum' : rules.time;
    // The place's own measure (for the location rule's choice) is what aggregate() makes of it alone.
    const own = aggregate(list.map((m) => m.o), { ...rules, location: 'sum' })!;
    return { o: { locationId: place, date: '', value: own.value ?? undefined, numerator: own.numerator, denominator: own.denominator }, pending: chosen(list, time) };
  });
  if (rules.location === 'none') return perPlace[0]!.pending;
  return chosen(perPlace, rules.location);
}

function engineKey(r: EngineRow): string {
  const parts: unknown[] = [r.indicatorId];
  if (r.locationId !== undefined) parts.push(r.locationId);
  parts.push(Object.values(r.options ?? {}));
  if (r.organisationId !== undefined) parts.push(r.organisationId);
  if (r.projectId !== undefined) parts.push(r.projectId);
  return `${JSON.stringify(parts)}|${r.period?.key ?? 'all'}`;
}

describe('aggregation engine against aggregate()', () => {
  it('gives aggregate()’s figure for every group of random facts, under every grouping', async () => {
    const world = await buildRandomWorld(20261125);
    const { w } = world;
    const everything = [w.projectA, w.projectB].map((p) => ({ projectId: p.id, organisationId: null, pendingAllowed: true }));
    const quarter = (fyStartMonth = 1, running = false) => ({ granularity: 'quarter' as const, fyStartMonth, running });
    const base: EngineQuery = { indicators: world.indicators, scopes: everything, includePending: false, groupBy: {} };
    const questions: [string, Partial<EngineQuery>][] = [
      ['everything', {}],
      ['by quarter', { groupBy: { period: quarter() } }],
      ['by month, pending', { includePending: true, groupBy: { period: { granularity: 'month', fyStartMonth: 1 } } }],
      ['by fiscal quarter and admin1', { groupBy: { period: quarter(7), location: 'admin1' } }],
      ['running by month and admin2', { to: '2026-08-31', groupBy: { period: { granularity: 'month', fyStartMonth: 1, running: true }, location: 'admin2' } }],
      ['running by semester', { includePending: true, groupBy: { period: { granularity: 'semester', fyStartMonth: 4, running: true } } }],
      ['running by quarter and sex', { groupBy: { period: quarter(1, true), categories: [w.sex.id] } }],
      ['by quarter and sex', { includePending: true, groupBy: { period: quarter(), categories: [w.sex.id] } }],
      ['by age and sex in admin2', { groupBy: { categories: [w.age.id, w.sex.id], location: 'admin2' } }],
      ['by organisation and project per fiscal year', { includePending: true, groupBy: { organisation: true, project: true, period: { granularity: 'year', fyStartMonth: 10 } } }],
      ['a partner’s pending figures', { includePending: true, scopes: [{ projectId: w.projectA.id, organisationId: w.partner.id, pendingAllowed: true }], groupBy: { period: quarter() } }],
      ['pending not allowed', { includePending: true, scopes: [{ projectId: w.projectA.id, organisationId: null, pendingAllowed: false }, everything[1]!] }],
      ['months and a region', { from: '2025-12-01', to: '2026-04-30', locationIds: [w.places.r1.id], groupBy: { location: 'site' } }],
      ['women only, by age', { optionFilter: { [w.sex.id]: [w.sex.options[0]!.id] }, groupBy: { categories: [w.age.id], period: quarter() } }],
      ['some organisations', { organisationIds: [w.partner.id], groupBy: { location: 'admin2', period: { granularity: 'month', fyStartMonth: 1 } } }],
    ];
    let compared = 0;
    for (const [name, over] of questions) {
      const q = { ...base, ...over };
      const expected = reference(world, q);
      const got = await aggregateFacts(db, q);
      const byKey = new Map(got.map((r) => [engineKey(r), r]));
      expect(byKey.size, `${name}: one row per group`).toBe(got.length);
      expect([...byKey.keys()].sort(), `${name}: the same groups`).toEqual(expected.map((e) => e.key).sort());
      for (const e of expected) {
        const r = byKey.get(e.key)!;
        const where = `${name}: ${e.key}`;
        if (e.value === null) expect(r.figure.value, where).toBeNull();
        else expect(r.figure.value, where).toBeCloseTo(e.value, 9);
        expect(r.figure.numerator, where).toBe(e.numerator);
        expect(r.figure.denominator, where).toBe(e.denominator);
        expect(r.figure.pending, where).toBe(e.pending);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });
});
