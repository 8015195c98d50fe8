import { PostgresAdapter, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Buckets } from './engine.buckets.js';
import type { ScopeClass } from './engine.inputs.js';
import { type GroupRow, groupRows, streamedRows } from './engine.groups.js';
import { type FactQuery, isPlainSum } from './engine.plan.js';

/**
 * The engine's SQL: one statement per FactQuery, the same text on SQLite and PostgreSQL (CTEs,
 * ROW_NUMBER, integer division and AS MATERIALIZED exist on both) but for one step
 * (latestPerPlace). Only integers appear in it: ids were turned into analytics key numbers
 * beforehand, and the small mapping tables (fact indicator → engine indicator, combination →
 * option, place → area) are inlined as CASE expressions of checked integer literals; the other
 * values are bound.
 *
 * Stages, each one GROUP BY (see engine.types.ts for the rules):
 *   s1  one row per group, place and period: the disaggregation cells of a place and month added up
 *   s2  the time rule per place within a bucket (sum, average, or the latest / largest period)
 *   out the location rule across places (sum, average, the largest place, or the only place)
 * A place is a project's location (location 0: the project as a whole), so two projects working in
 * one district each keep their own series. When both rules add up, s1 and s2 fold into a single
 * GROUP BY over the facts (the fast path). Running totals join each period to every later bucket.
 */

export interface FactFilter {
  months: { from: number | null; to: number | null };
  scopes: ScopeClass[];
  organisationNos: number[] | null;
  /** Only these places. */
  placeNos: number[] | null;
  /**
   * `analytics_totals` (facts added up over places, organisations and packages) when the answer
   * cannot tell them apart: a plain-sum query with no place or organisation in its grouping, filter
   * or scopes (see readsTotals in engine.ts).
   */
  table?: 'analytics_facts' | 'analytics_totals';
}

export interface FactGrouping {
  buckets: Buckets | null;
  /**
   * The buckets the months may fall in (those of the asked range, else every bucket up to year
   * 9999); the SQL numbers them from `first`.
   */
  bucketSpan: { first: number; count: number } | null;
  running: boolean;
  /** Place number → area number (from 1); places missing from it (and 0, the whole project) have no area (0). */
  areas: Map<number, number> | null;
  /** Per asked category: combination number → option number (1-based); 0 = not broken down by it. */
  options: Map<number, number>[];
  organisation: boolean;
  project: boolean;
}

const int = (n: number): RawBuilder<unknown> => {
  if (!Number.isSafeInteger(n)) throw new TypeError(`Not an integer: ${n}`);
  return sql.raw(String(n));
};
const ints = (ns: Iterable<number>) => sql.join([...ns].map(int));
const bound = (ns: readonly number[]) => sql.join(ns.map((n) => sql`${n}`));
const names = (cols: string[]) => sql.raw(cols.join(', '));
const ordinals = (count: number) => sql.raw(Array.from({ length: count }, (_, i) => String(i + 1)).join(', '));
const and = (parts: RawBuilder<unknown>[]) => sql.join(parts, sql` and `);

/**
 * An integer column mapped through a small table (place → area, combination → option…) as a CASE
 * expression of inlined integers: runs of consecutive keys with the same value become one range, and
 * the ranges are searched by halves, so a row costs about log2(ranges) comparisons. (A joined VALUES
 * table is looked up row by row with a full scan on SQLite; a CASE tree needs no index at all.)
 * Keys outside the map get `otherwise`.
 */
export function rangeCase(column: string, map: Map<number, number>, otherwise: number): RawBuilder<unknown> {
  const ranges: { lo: number; hi: number; to: number }[] = [];
  for (const [key, to] of [...map].sort((a, b) => a[0] - b[0])) {
    const last = ranges[ranges.length - 1];
    if (last && last.hi === key - 1 && last.to === to) last.hi = key;
    else ranges.push({ lo: key, hi: key, to });
  }
  const x = sql.raw(column);
  const node = (from: number, until: number): RawBuilder<unknown> => {
    if (from > until) return int(otherwise);
    if (from === until) {
      const r = ranges[from]!;
      const test = r.lo === r.hi ? sql`${x} = ${int(r.lo)}` : sql`${x} >= ${int(r.lo)} and ${x} <= ${int(r.hi)}`;
      return sql`case when ${test} then ${int(r.to)} else ${int(otherwise)} end`;
    }
    const mid = Math.floor((from + until) / 2);
    return sql`case when ${x} <= ${int(ranges[mid]!.hi)} then ${node(from, mid)} else ${node(mid + 1, until)} end`;
  };
  return node(0, ranges.length - 1);
}

export interface Column {
  name: string;
  expr: RawBuilder<unknown>;
}
/** A grouping column whose values lie in [0, size): several are packed into one integer. */
export interface Part extends Column {
  size: number;
}

/**
 * The grouping columns. The small ones (indicator, bucket, area, options) are packed into one integer
 * `k` = ((g × size_b + b) × size_a + a)…, so the database sorts or hashes one number per row instead
 * of five; groupRows (engine.groups.ts) unpacks it. Organisations and projects stay apart (their key
 * numbers are large), and so does the bucket of running totals (the SQL steps through buckets).
 */
function groupColumns(q: FactQuery, g: FactGrouping): { parts: Part[]; columns: Column[] } {
  const parts: Part[] = [{ name: 'g', expr: rangeCase('f.indicator_no', q.indicatorOf, 0), size: largest(q.indicatorOf) + 1 }];
  const columns: Column[] = [];
  if (g.buckets && g.bucketSpan) {
    const b = g.buckets;
    const bucket = b.length === 1 ? sql`f.month_start` : sql`(f.month_start + ${int(b.offset)}) / ${int(b.length)}`;
    const shifted = { name: 'b', expr: sql`${bucket} - ${int(g.bucketSpan.first)}`, size: g.bucketSpan.count };
    if (g.running) columns.push(shifted);
    else parts.push(shifted);
  }
  if (g.areas) parts.push({ name: 'a', expr: rangeCase('f.location_no', g.areas, 0), size: largest(g.areas) + 1 });
  g.options.forEach((map, i) => parts.push({ name: `o${i}`, expr: rangeCase('f.combo_no', map, 0), size: largest(map) + 1 }));
  if (g.organisation) columns.push({ name: 'og', expr: sql`f.organisation_no` });
  if (g.project) columns.push({ name: 'pj', expr: sql`f.project_no` });
  if (parts.reduce((n, p) => n * p.size, 1) > Number.MAX_SAFE_INTEGER) return { parts: [], columns: [...parts, ...columns] };
  return { parts, columns };
}

const largest = (map: Map<number, number>) => {
  let max = 0;
  for (const v of map.values()) max = Math.max(max, v);
  return max;
};

function packed(parts: Part[]): Column[] {
  if (parts.length === 0) return [];
  let expr = parts.length === 1 ? parts[0]!.expr : sql`cast(${parts[0]!.expr} as bigint)`;
  for (const p of parts.slice(1)) expr = sql`(${expr}) * ${int(p.size)} + ${p.expr}`;
  return [{ name: 'k', expr }];
}

/** FROM and WHERE over the fact table: the statement's indicators and cells, months, scopes and filters. */
function factSource(q: FactQuery, f: FactFilter): RawBuilder<unknown> {
  const where: RawBuilder<unknown>[] = [sql`f.indicator_no in (${bound(q.reads.flatMap((r) => r.indicatorNos))})`];
  if (f.months.from !== null) where.push(sql`f.month_start >= ${f.months.from}`);
  if (f.months.to !== null) where.push(sql`f.month_start <= ${f.months.to}`, sql`f.month_end <= ${f.months.to}`);
  const cells = (r: (typeof q.reads)[number]) => (r.combos === null ? sql`f.combo_no = 0` : sql`f.combo_no in (${ints(r.combos)})`);
  if (q.reads.length === 1) where.push(cells(q.reads[0]!));
  else where.push(sql`(${sql.join(q.reads.map((r) => sql`(f.indicator_no in (${bound(r.indicatorNos)}) and ${cells(r)})`), sql` or `)})`);
  const scope = (c: ScopeClass) => {
    const parts = [sql`f.project_no in (${bound(c.projectNos)})`];
    if (c.organisationNo !== null) parts.push(sql`f.organisation_no = ${c.organisationNo}`);
    if (c.approvedOnly) parts.push(sql`f.approved = 1`);
    return sql`(${and(parts)})`;
  };
  where.push(sql`(${sql.join(f.scopes.map(scope), sql` or `)})`);
  if (f.organisationNos) where.push(sql`f.organisation_no in (${bound(f.organisationNos)})`);
  if (f.placeNos) where.push(sql`f.location_no in (${bound(f.placeNos)})`);
  where.push(q.kind === 'percentage' ? sql`f.numerator is not null and f.denominator is not null` : sql`f.value is not null`);

  return sql`${sql.table(f.table ?? 'analytics_facts')} f where ${and(where)}`;
}

/** Sums of the fact columns, named x (value) or n and d (numerator, denominator). */
const factSums = (q: FactQuery) =>
  sql.raw(q.kind === 'percentage' ? 'sum(f.numerator) as n, sum(f.denominator) as d' : 'sum(f.value) as x');
/** An aggregate of a stage's measure columns. */
const measures = (q: FactQuery, agg: 'sum' | 'avg' | 'min') => sql.raw(q.kind === 'percentage' ? `${agg}(n) as n, ${agg}(d) as d` : `${agg}(x) as x`);
const measureNames = (q: FactQuery) => (q.kind === 'percentage' ? ['n', 'd'] : ['x']);

/** ORDER BY putting the chosen row first: the largest figure (a percentage's ratio; 0-denominators last). */
const largestFirst = (q: FactQuery) =>
  q.kind === 'percentage' ? sql.raw('case when d <> 0 then 0 else 1 end, case when d <> 0 then n / d end desc') : sql.raw('x desc');

function statement(q: FactQuery, f: FactFilter, g: FactGrouping, group: Column[], postgres: boolean): RawBuilder<Record<string, unknown>> {
  const from = factSource(q, f);
  const select = sql.join(group.map((c) => sql`${c.expr} as ${sql.raw(c.name)}`));
  const keys = group.map((c) => c.name);

  // Running totals of plain sums are accumulated over these per-bucket sums afterwards (engine.rows.ts).
  if (isPlainSum(q)) {
    return sql<Record<string, unknown>>`select ${select}, ${factSums(q)}, min(f.approved) as ap from ${from} group by ${ordinals(keys.length)}`;
  }

  const m = measureNames(q);
  const place = ['pj_', 'lc_'];
  const ctes: RawBuilder<unknown>[] = [];
  let perPlace: string; // the CTE holding one row per group, bucket and place
  if (!g.running && q.time === 'sum') {
    // The time rule adds up too: the places' bucket sums come straight from the facts.
    ctes.push(sql`s2 as (select ${select}, f.project_no as pj_, f.location_no as lc_, ${factSums(q)}, min(f.approved) as ap from ${from} group by ${ordinals(keys.length + 2)})`);
    perPlace = 's2';
  } else {
    // Materialized only where read twice (running totals): inlined, PostgreSQL plans it with the next step.
    ctes.push(sql`s1 as ${sql.raw(g.running ? 'materialized ' : '')}(select ${select}, f.project_no as pj_, f.location_no as lc_, f.month_start as m_, ${factSums(q)}, min(f.approved) as ap from ${from} group by ${ordinals(keys.length + 3)})`);
    let periods = 's1';
    if (g.running) {
      // Each bucket holds everything up to its end: a place-month counts in its own bucket and every later one.
      ctes.push(sql`bk(b) as (select min(b) from s1 union all select bk.b + 1 from bk where bk.b < (select max(b) from s1))`);
      const cols = [...keys.map((k) => (k === 'b' ? 'bk.b' : `s1.${k}`)), 's1.pj_', 's1.lc_', 's1.m_', ...m.map((c) => `s1.${c}`), 's1.ap'];
      ctes.push(sql`sr as (select ${sql.raw(cols.join(', '))} from s1 join bk on s1.b <= bk.b)`);
      periods = 'sr';
    }
    const by = names([...keys, ...place]);
    const over = (order: RawBuilder<unknown>) =>
      sql`select ${by}, ${names(m)}, ap from (select ${sql.raw(periods)}.*, row_number() over (partition by ${by} order by ${order}) as rn from ${sql.raw(periods)}) r where rn = 1`;
    const time =
      q.time === 'latest' ? latestPerPlace(by, names(m), sql.raw(periods), postgres)
      : q.time === 'max' ? over(sql`${largestFirst(q)}, m_`)
      : sql`select ${by}, ${measures(q, q.time === 'average' ? 'avg' : 'sum')}, min(ap) as ap from ${sql.raw(periods)} group by ${by}`;
    ctes.push(sql`s2 as (${time})`);
    perPlace = 's2';
  }

  const by = names(keys);
  const src = sql.raw(perPlace);
  let out: RawBuilder<unknown>;
  if (q.location === 'max') {
    out = sql`select ${by}, ${names(m)}, ap from (select ${src}.*, row_number() over (partition by ${by} order by ${largestFirst(q)}, lc_, pj_) as rn from ${src}) r where rn = 1`;
  } else if (q.location === 'none') {
    // Running totals need every bucket's row to carry them forward: the place count goes along (c)
    // and rows of several places are dropped after that (engine.rows.ts).
    const several = g.running ? sql`, count(*) as c` : sql``;
    const only = g.running ? sql`` : sql` having count(*) = 1`;
    out = sql`select ${by}, ${measures(q, 'min')}, min(ap) as ap${several} from ${src} group by ${by}${only}`;
  } else {
    out = sql`select ${by}, ${measures(q, q.location === 'average' ? 'avg' : 'sum')}, min(ap) as ap from ${src} group by ${by}`;
  }
  return sql<Record<string, unknown>>`${withClause(ctes, g.running)} ${out}`;
}

/**
 * Each place's latest period in a bucket (a place has one row per month, so the latest is unique).
 * The one place where the dialects part: SQLite takes the other columns of a max() row as they are
 * (documented behaviour, and twice as fast as its window functions); PostgreSQL has DISTINCT ON.
 */
function latestPerPlace(by: RawBuilder<unknown>, measure: RawBuilder<unknown>, from: RawBuilder<unknown>, postgres: boolean): RawBuilder<unknown> {
  return postgres
    ? sql`select distinct on (${by}) ${by}, ${measure}, ap from ${from} order by ${by}, m_ desc`
    : sql`select ${by}, max(m_) as m_, ${measure}, ap from ${from} group by ${by}`;
}

const withClause = (ctes: RawBuilder<unknown>[], recursive: boolean) => sql`with ${sql.raw(recursive ? 'recursive ' : '')}${sql.join(ctes)}`;

export async function runFactQuery(db: Database, q: FactQuery, f: FactFilter, g: FactGrouping): Promise<GroupRow[]> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const { parts, columns } = groupColumns(q, g);
  if (isPlainSum(q) && !g.areas && !g.organisation && !g.project) {
    // Plain sums without places, organisations or projects: grouped in the table's own order.
    const rows = await execute(db, sql<Record<string, unknown>>`select f.indicator_no as i, f.month_start as m, f.combo_no as c, ${factSums(q)}, min(f.approved) as ap from ${factSource(q, f)} group by f.indicator_no, f.month_start, f.combo_no`, postgres);
    return streamedRows(rows, q, g);
  }
  return groupRows(await execute(db, statement(q, f, g, [...packed(parts), ...columns], postgres), postgres), parts, g);
}

/**
 * Runs a statement. On PostgreSQL, inside a transaction of its own (or the caller's) with two
 * settings for it alone: no JIT (compiling the CASE trees takes seconds, far longer than running
 * them) and enough work memory for a quarter of a million rows to be sorted or hashed in memory.
 */
async function execute<T>(db: Database, query: RawBuilder<T>, postgres: boolean): Promise<T[]> {
  if (!postgres) return (await query.execute(db)).rows;
  const run = async (trx: Database) => {
    await sql`select set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`.execute(trx);
    return (await query.execute(trx)).rows;
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/** The statement's text, for tests and the speed probe (EXPLAIN). */
export function compileFactQuery(db: Database, q: FactQuery, f: FactFilter, g: FactGrouping) {
  const { parts, columns } = groupColumns(q, g);
  return statement(q, f, g, [...packed(parts), ...columns], db.getExecutor().adapter instanceof PostgresAdapter).compile(db);
}
