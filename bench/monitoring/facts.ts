// The benchmark's ten million facts, written straight into analytics_facts — the rows an approval
// writes (server/src/modules/analytics/facts.ts) — rather than through ten million API calls.
// Each heavy indicator's values are made by one INSERT … SELECT per year over four small helper
// tables, in primary-key order (indicator, month, combo, location, package), so the load is a
// few minutes on either database. The same SQL runs on SQLite and PostgreSQL.
import { sql } from 'kysely';
import type { Database } from '../../server/src/db/database.js';
import { FIRST_MONTH, MONTHS, organisationOfSite, seasonOf, sitePairs, siteBase } from './shape.js';
import { type World, comboWeight } from './world.js';

type HelperTables = {
  bench_pairs: { indicator_no: number; site: number; location_no: number; organisation_no: number; base: number };
  bench_months: { month: number; season: number };
  bench_combos: { combo_no: number; weight: number };
  bench_subs: { organisation_no: number; month: number; submission_no: number };
};
const HELPERS = ['bench_pairs', 'bench_months', 'bench_combos', 'bench_subs'] as const;
const CHUNK = 500;

async function fillHelpers(db: Database, w: World) {
  const h = db.withTables<HelperTables>();
  const columns: Record<(typeof HELPERS)[number], string[]> = {
    bench_pairs: ['indicator_no', 'site', 'location_no', 'organisation_no', 'base'],
    bench_months: ['month', 'season'],
    bench_combos: ['combo_no', 'weight'],
    bench_subs: ['organisation_no', 'month', 'submission_no'],
  };
  for (const table of HELPERS) {
    await h.schema.dropTable(table).ifExists().execute();
    let create = h.schema.createTable(table);
    for (const c of columns[table]) create = create.addColumn(c, 'integer', (col) => col.notNull());
    await create.execute();
  }
  const heavyNo = new Map(w.indicators.filter((i) => i.heavy !== null).map((i) => [i.heavy!, i.no]));
  const pairs = sitePairs().map((p) => ({
    indicator_no: heavyNo.get(p.indicator)!, site: p.site, location_no: w.siteNos[p.site]!, organisation_no: w.organisationNos[organisationOfSite(p.site)]!, base: siteBase(p.site, p.indicator),
  }));
  const months = Array.from({ length: MONTHS }, (_, m) => ({ month: FIRST_MONTH + m, season: seasonOf(m) }));
  const combos = w.combos.map((c) => ({ combo_no: c.no, weight: comboWeight(c, w) }));
  const subs = w.organisationNos.flatMap((organisation_no, o) => w.submissionNos[o]!.map((submission_no, m) => ({ organisation_no, month: FIRST_MONTH + m, submission_no })));
  const fill = async <T extends keyof HelperTables>(table: T, rows: HelperTables[T][]) => {
    for (let i = 0; i < rows.length; i += CHUNK) await h.insertInto(table).values(rows.slice(i, i + CHUNK) as never).execute();
  };
  await fill('bench_pairs', pairs);
  await fill('bench_months', months);
  await fill('bench_combos', combos);
  await fill('bench_subs', subs);
  await sql`create index bench_pairs_indicator_idx on bench_pairs (indicator_no)`.execute(db);
  await sql`create index bench_subs_idx on bench_subs (organisation_no, month)`.execute(db);
}

/**
 * One heavy indicator's facts for months [from, to]: for each place and month, 8 sex × age cells
 * (the place's size × the month's season × the cell's population share, plus a little noise) and
 * their total. A percentage takes those counts as denominators and 55–94 % of them as numerators.
 */
function heavyInsert(indicatorNo: number, projectNo: number, percentage: boolean, from: number, to: number) {
  const lit = (n: number) => sql.lit(n);
  const value = percentage ? sql`100.0 * n / v` : sql`v`;
  const numerator = percentage ? sql`n` : sql`null`;
  const denominator = percentage ? sql`v` : sql`null`;
  return sql`
    with cells as (
      select s.submission_no, p.location_no, p.organisation_no, m.month, c.combo_no,
        p.base * m.season * c.weight / 100000 + (p.site * 31 + m.month * 17 + c.combo_no * 7 + p.indicator_no * 13) % 7 + 1 as v,
        55 + (p.site * 13 + m.month * 7 + p.indicator_no * 3 + c.combo_no) % 40 as rate
      from bench_pairs p
      cross join bench_months m
      cross join bench_combos c
      join bench_subs s on s.organisation_no = p.organisation_no and s.month = m.month
      where p.indicator_no = ${lit(indicatorNo)} and m.month between ${lit(from)} and ${lit(to)}
    ),
    reported as (
      select submission_no, location_no, organisation_no, month, 0 as combo_no, sum(v) as v, sum(v * rate / 100) as n
      from cells group by submission_no, location_no, organisation_no, month
      union all
      select submission_no, location_no, organisation_no, month, combo_no, v, v * rate / 100 as n from cells
    )
    insert into analytics_facts (submission_no, indicator_no, location_no, organisation_no, project_no, combo_no, month_start, month_end, approved, value, numerator, denominator)
    select submission_no, ${lit(indicatorNo)}, location_no, organisation_no, ${lit(projectNo)}, combo_no, month, month, 1, ${value}, ${numerator}, ${denominator}
    from reported
    order by month, combo_no, location_no, submission_no`;
}

/** The light indicators: one project-level value a month from the lead organisation (no place, no breakdown). */
function lightRows(w: World) {
  const light = w.indicators.filter((i) => i.heavy === null);
  return light.flatMap((ind, j) =>
    Array.from({ length: MONTHS }, (_, m) => {
      const base = { submission_no: w.submissionNos[0]![m]!, indicator_no: ind.no, location_no: 0, organisation_no: w.organisationNos[0]!, project_no: w.projectNo, combo_no: 0, month_start: FIRST_MONTH + m, month_end: FIRST_MONTH + m, approved: 1 };
      if (ind.type === 'percentage') {
        const denominator = 400 + 5 * m;
        // OC.5 is a decreasing indicator (a share to bring down); the others rise slowly.
        const rate = j === 4 ? 60 - m / 2 : 30 + m / 2 + j;
        const numerator = Math.round((denominator * rate) / 100);
        return { ...base, value: (100 * numerator) / denominator, numerator, denominator };
      }
      return { ...base, value: 2 + ((m + j) % 4), numerator: null, denominator: null };
    }),
  );
}

export async function writeFacts(db: Database, w: World, log: (line: string) => void): Promise<number> {
  await fillHelpers(db, w);
  const heavy = w.indicators.filter((i) => i.heavy !== null).sort((a, b) => a.no - b.no);
  const started = performance.now();
  for (const [k, ind] of heavy.entries()) {
    await db.transaction().execute(async (tx) => {
      for (let year = 0; year < MONTHS / 12; year++) {
        await heavyInsert(ind.no, w.projectNo, ind.type === 'percentage', FIRST_MONTH + year * 12, FIRST_MONTH + year * 12 + 11).execute(tx);
      }
    });
    if ((k + 1) % 5 === 0) log(`  facts: ${k + 1}/${heavy.length} heavy indicators, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  const light = lightRows(w);
  for (let i = 0; i < light.length; i += CHUNK) await db.insertInto('analytics_facts').values(light.slice(i, i + CHUNK)).execute();
  for (const table of HELPERS) await sql`drop table ${sql.table(table)}`.execute(db);
  const { n } = await db.selectFrom('analytics_facts').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}
