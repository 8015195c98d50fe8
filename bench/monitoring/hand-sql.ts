// The same aggregates as the product's pivot, IPTT and dashboard, computed by hand-written SQL on
// the same database: the yardstick each product figure is printed next to. Each query knows the
// dataset (a four-level tree, monthly values, one stock indicator) as a person writing it would,
// reads analytics_facts directly, and leaves only small folds to JavaScript (sex and age options
// out of the combination cells, running totals, percentages from Σnumerator ÷ Σdenominator).
import { sql } from 'kysely';
import type { Database } from '../../server/src/db/database.js';
import { FIRST_MONTH, LAST_MONTH } from './shape.js';
import type { World, WorldIndicator } from './world.js';

/** Figures by a readable key (see each function); percentages already as 100 × Σn ÷ Σd. */
export type Figures = Map<string, number | null>;

interface Sums {
  v: number | null;
  n: number | null;
  d: number | null;
}

const figureOf = (ind: Pick<WorldIndicator, 'type'>, s: Sums | undefined): number | null => {
  if (!s) return null;
  if (ind.type === 'percentage') return s.d ? (100 * Number(s.n)) / Number(s.d) : null;
  return s.v === null ? null : Number(s.v);
};
const add = (a: Sums | undefined, b: Sums): Sums => ({ v: (a?.v ?? 0) + Number(b.v ?? 0), n: (a?.n ?? 0) + Number(b.n ?? 0), d: (a?.d ?? 0) + Number(b.d ?? 0) });
const num = (x: unknown) => (x === null || x === undefined ? null : Number(x));
const list = (ns: number[]) => sql.join(ns.map((n) => sql.lit(n)));
export const monthKey = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
export const quarterKey = (m: number) => `${Math.floor(m / 12)}-Q${Math.floor((m % 12) / 3) + 1}`;

/**
 * Each site's number with its district (a2) or region (a1), from the four-level tree. Materialised
 * first, so the facts join a small table on an integer instead of walking the tree per fact.
 */
const placeAreas = (level: 'a1' | 'a2') => sql`
  select k.no as no, ${sql.raw(level)}.id as area
  from analytics_keys k
  join locations site on site.id = k.key
  join locations a3 on a3.id = site.parent_id
  join locations a2 on a2.id = a3.parent_id
  ${level === 'a1' ? sql`join locations a1 on a1.id = a2.parent_id` : sql``}
  where k.kind = 'location'`;

// ---------------------------------------------------------------------------------------------
// Pivot: indicators × months × admin2 × sex × age. Key: indicatorId|admin2Id|YYYY-MM|sexOptionId|ageOptionId.

export interface PivotAsk {
  indicators: WorldIndicator[];
  fromMonth: number;
  toMonth: number;
}

export async function handPivot(db: Database, w: World, ask: PivotAsk): Promise<Figures> {
  const r = await sql<{ indicator_no: number; area: string; month: number; combo_no: number; v: number | null; n: number | null; d: number | null }>`
    with place as materialized (${placeAreas('a2')})
    select f.indicator_no, place.area, f.month_start as month, f.combo_no,
      sum(f.value) as v, sum(f.numerator) as n, sum(f.denominator) as d
    from analytics_facts f
    join place on place.no = f.location_no
    where f.indicator_no in (${list(ask.indicators.map((i) => i.no))})
      and f.month_start between ${sql.lit(ask.fromMonth)} and ${sql.lit(ask.toMonth)}
      and f.combo_no <> 0 and f.approved = 1 and f.project_no = ${sql.lit(w.projectNo)}
    group by f.indicator_no, place.area, f.month_start, f.combo_no`.execute(db);
  const byNo = new Map(ask.indicators.map((i) => [i.no, i]));
  const combos = new Map(w.combos.map((c) => [c.no, c]));
  const out: Figures = new Map();
  for (const row of r.rows) {
    const ind = byNo.get(Number(row.indicator_no))!;
    const c = combos.get(Number(row.combo_no))!;
    out.set(`${ind.id}|${row.area}|${monthKey(Number(row.month))}|${c.sexOptionId}|${c.ageOptionId}`, figureOf(ind, { v: num(row.v), n: num(row.n), d: num(row.d) }));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// IPTT: every indicator of the project by quarter and for the life of the project, with a row per
// sex and age option. Key: indicatorId|quarter or LOP|optionId ('' for the indicator's own row).

type Cell = { indicator_no: number; q: number | null; combo_no: number; v: number | null; n: number | null; d: number | null };

/**
 * Sums per indicator, quarter and combination cell of flow (sum) indicators. Grouped by month, the
 * fact table's own order after the indicator, so the database adds up as it reads instead of
 * sorting ten million rows into quarters; the 60 months fold into 20 quarters here.
 */
async function quarterSums(db: Database, w: World, flows: number[]): Promise<Cell[]> {
  const r = await sql<Cell & { month: number }>`
    select indicator_no, month_start as month, combo_no, sum(value) as v, sum(numerator) as n, sum(denominator) as d
    from analytics_facts
    where project_no = ${sql.lit(w.projectNo)} and approved = 1 and indicator_no in (${list(flows)})
      and month_start between ${sql.lit(FIRST_MONTH)} and ${sql.lit(LAST_MONTH)}
    group by indicator_no, month_start, combo_no`.execute(db);
  return r.rows.map((row) => ({ ...row, q: Math.floor((Number(row.month) - FIRST_MONTH) / 3) }));
}

/** A stock (`latest`) indicator: each place's last month in the quarter (or, with `lop`, of all), added up over places. */
async function stockSums(db: Database, w: World, stocks: number[], lop: boolean): Promise<Cell[]> {
  const bucket = lop ? sql`0` : sql`(month_start - ${sql.lit(FIRST_MONTH)}) / 3`;
  const r = await sql<Cell>`
    with last as (
      select indicator_no, location_no, combo_no, ${bucket} as q, max(month_start) as month
      from analytics_facts
      where project_no = ${sql.lit(w.projectNo)} and approved = 1 and indicator_no in (${list(stocks)})
        and month_start between ${sql.lit(FIRST_MONTH)} and ${sql.lit(LAST_MONTH)}
      group by indicator_no, location_no, combo_no${lop ? sql`` : sql`, ${bucket}`}
    )
    select f.indicator_no, ${lop ? sql`null` : sql`last.q`} as q, f.combo_no, sum(f.value) as v, sum(f.numerator) as n, sum(f.denominator) as d
    from last
    join analytics_facts f on f.indicator_no = last.indicator_no and f.month_start = last.month and f.combo_no = last.combo_no and f.location_no = last.location_no
    where f.approved = 1 and f.project_no = ${sql.lit(w.projectNo)}
    group by f.indicator_no, last.q, f.combo_no`.execute(db);
  return r.rows;
}

export async function handIptt(db: Database, w: World): Promise<Figures> {
  const stocks = w.indicators.filter((i) => i.time === 'latest');
  const flows = w.indicators.filter((i) => i.time !== 'latest');
  const stockNos = stocks.map((i) => i.no);
  const rows = [
    ...(await quarterSums(db, w, flows.map((i) => i.no))),
    ...(stockNos.length ? [...(await stockSums(db, w, stockNos, false)), ...(await stockSums(db, w, stockNos, true))] : []),
  ];
  const quarters = Array.from({ length: (LAST_MONTH - FIRST_MONTH + 1) / 3 }, (_, q) => quarterKey(FIRST_MONTH + q * 3));
  const combos = new Map(w.combos.map((c) => [c.no, c]));
  // indicator → row option ('' = total) → quarter index (−1 = LoP, from the stock query) → sums
  const cells = new Map<number, Map<string, Map<number, Sums>>>();
  for (const r of rows) {
    const options = r.combo_no === 0 ? [''] : [combos.get(Number(r.combo_no))!.sexOptionId, combos.get(Number(r.combo_no))!.ageOptionId];
    const q = r.q === null ? -1 : Number(r.q);
    const byOption = cells.get(Number(r.indicator_no)) ?? new Map<string, Map<number, Sums>>();
    cells.set(Number(r.indicator_no), byOption);
    for (const o of options) {
      const byQuarter = byOption.get(o) ?? new Map<number, Sums>();
      byOption.set(o, byQuarter);
      byQuarter.set(q, add(byQuarter.get(q), { v: num(r.v), n: num(r.n), d: num(r.d) }));
    }
  }
  const out: Figures = new Map();
  for (const ind of w.indicators) {
    for (const [option, byQuarter] of cells.get(ind.no) ?? []) {
      let running: Sums | undefined;
      quarters.forEach((key, q) => {
        const own = byQuarter.get(q);
        if (own) running = add(running, own);
        // A cumulative indicator shows the running total; a quarter without values of its own keeps it.
        out.set(`${ind.id}|${key}|${option}`, figureOf(ind, ind.cumulative ? running : own));
      });
      out.set(`${ind.id}|LOP|${option}`, figureOf(ind, ind.time === 'latest' ? byQuarter.get(-1) : running));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Dashboard: life-of-project actual of every indicator (key progress|indicatorId), reporting
// completeness per round (completeness|YYYY-MM|submitted/approved/onTime), one indicator's
// quarterly trend (trend|quarter) and its admin1 areas (area|locationId).

async function dashboardProgress(db: Database, w: World): Promise<Figures> {
  const out: Figures = new Map();
  const stockNos = w.indicators.filter((i) => i.time === 'latest').map((i) => i.no);
  const rows = stockNos.length ? await stockSums(db, w, stockNos, true) : [];
  const r = await sql<Cell>`
    select indicator_no, null as q, 0 as combo_no, sum(value) as v, sum(numerator) as n, sum(denominator) as d
    from analytics_facts
    where project_no = ${sql.lit(w.projectNo)} and approved = 1 and combo_no = 0 and indicator_no in (${list(w.indicators.filter((i) => i.time !== 'latest').map((i) => i.no))})
    group by indicator_no`.execute(db);
  const byNo = new Map(w.indicators.map((i) => [i.no, i]));
  for (const row of [...r.rows, ...rows.filter((x) => Number(x.combo_no) === 0)]) {
    const ind = byNo.get(Number(row.indicator_no))!;
    out.set(`progress|${ind.id}`, figureOf(ind, { v: num(row.v), n: num(row.n), d: num(row.d) }));
  }
  const c = await sql<{ period_key: string; expected: number; submitted: number; approved: number; on_time: number }>`
    select r.period_key, count(s.id) as expected,
      sum(case when s.submitted_at is not null then 1 else 0 end) as submitted,
      sum(case when s.status = 'approved' then 1 else 0 end) as approved,
      sum(case when s.submitted_at is not null and substr(s.submitted_at, 1, 10) <= r.due_date then 1 else 0 end) as on_time
    from reporting_rounds r left join submissions s on s.round_id = r.id
    where r.project_id = ${w.projectId}
    group by r.period_key`.execute(db);
  for (const row of c.rows) {
    out.set(`completeness|${row.period_key}|submitted`, Number(row.submitted));
    out.set(`completeness|${row.period_key}|approved`, Number(row.approved));
    out.set(`completeness|${row.period_key}|onTime`, Number(row.on_time));
  }
  return out;
}

async function dashboardTrend(db: Database, w: World, ind: WorldIndicator): Promise<Figures> {
  const r = await sql<{ q: number; v: number | null; n: number | null; d: number | null }>`
    select (month_start - ${sql.lit(FIRST_MONTH)}) / 3 as q, sum(value) as v, sum(numerator) as n, sum(denominator) as d
    from analytics_facts
    where indicator_no = ${sql.lit(ind.no)} and combo_no = 0 and approved = 1 and project_no = ${sql.lit(w.projectNo)}
    group by (month_start - ${sql.lit(FIRST_MONTH)}) / 3
    order by 1`.execute(db);
  const out: Figures = new Map();
  let running: Sums | undefined;
  for (const row of r.rows) {
    const own = { v: num(row.v), n: num(row.n), d: num(row.d) };
    running = add(running, own);
    out.set(`trend|${quarterKey(FIRST_MONTH + Number(row.q) * 3)}`, figureOf(ind, ind.cumulative ? running : own));
  }
  return out;
}

async function dashboardAreas(db: Database, w: World, ind: WorldIndicator): Promise<Figures> {
  const r = await sql<{ area: string; v: number | null; n: number | null; d: number | null }>`
    with place as materialized (${placeAreas('a1')})
    select place.area, sum(f.value) as v, sum(f.numerator) as n, sum(f.denominator) as d
    from analytics_facts f
    join place on place.no = f.location_no
    where f.indicator_no = ${sql.lit(ind.no)} and f.combo_no = 0 and f.approved = 1 and f.project_no = ${sql.lit(w.projectNo)}
    group by place.area`.execute(db);
  const ranked = r.rows.map((row) => ({ area: row.area, value: figureOf(ind, { v: num(row.v), n: num(row.n), d: num(row.d) }) }));
  ranked.sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  return new Map(ranked.map((a) => [`area|${a.area}`, a.value]));
}

/** The page's requests: the summary, then the chosen indicator's trend and areas side by side. */
export async function handDashboard(db: Database, w: World, ind: WorldIndicator): Promise<Figures> {
  const progress = await dashboardProgress(db, w);
  const [trend, areas] = await Promise.all([dashboardTrend(db, w, ind), dashboardAreas(db, w, ind)]);
  return new Map([...progress, ...trend, ...areas]);
}
