import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { keyNumbers } from './keys.repository.js';

/**
 * Keeps `analytics_facts` in step with the packages. A package's values count in every table,
 * chart and map while it is submitted (as pending) or approved; in any other status it has no
 * facts. The review service calls `refreshSubmissionFacts` inside the transaction that changes a
 * package's status, so an approval is visible on the very next request and a rolled-back action
 * leaves the facts as they were. `rebuildAnalytics` recomputes everything from indicator_values
 * (`npm run fieldbook -- rebuild-analytics`), for repairs and after restoring old backups.
 * Both keep `analytics_totals` (the facts added up over places, organisations and packages) in step.
 */
const COUNTED: Record<string, 0 | 1> = { submitted: 0, approved: 1 };
const INSERT_CHUNK = 500;

/** Months since year 0 of a `YYYY-MM-DD` date (year × 12 + month − 1), the facts' time unit. */
export const monthIndexOf = (date: string): number => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

/** A package's status and where and when its values count. */
const packageOf = (db: Database, submissionId: string) =>
  db
    .selectFrom('submissions')
    .innerJoin('reporting_rounds', 'reporting_rounds.id', 'submissions.round_id')
    .select(['submissions.status', 'submissions.organisation_id', 'reporting_rounds.project_id', 'reporting_rounds.period_start', 'reporting_rounds.period_end'])
    .where('submissions.id', '=', submissionId)
    .executeTakeFirst();
type Package = Awaited<ReturnType<typeof packageOf>>;

/** Replaces the facts of one package by what its status and values say now. Returns how many it wrote. */
export async function refreshSubmissionFacts(db: Database, submissionId: string): Promise<number> {
  const s = await packageOf(db, submissionId);
  const [submissionNo] = (await keyNumbers(db, 'submission', [submissionId], true)).values();
  const before = await db.selectFrom('analytics_facts').select(['indicator_no', 'month_start']).distinct().where('submission_no', '=', submissionNo!).execute();
  await db.deleteFrom('analytics_facts').where('submission_no', '=', submissionNo!).execute();
  const written = await writeFacts(db, submissionId, submissionNo!, s);
  await recomputeTotals(db, [...before, ...written]);
  return written.length;
}

async function writeFacts(
  db: Database,
  submissionId: string,
  submissionNo: number,
  s: Package,
): Promise<{ indicator_no: number; month_start: number }[]> {
  const approved = s ? COUNTED[s.status] : undefined;
  if (!s || approved === undefined) return [];

  const values = (
    await db
      .selectFrom('indicator_values')
      .select(['indicator_id', 'location_id', 'disaggregation_key', 'value', 'numerator', 'denominator'])
      .where('submission_id', '=', submissionId)
      .execute()
  ).filter((v) => v.value !== null || (v.numerator !== null && v.denominator !== null)); // text-only values have no figure
  if (!values.length) return [];

  const [indicators, locations, combos, organisations, projects] = await Promise.all([
    keyNumbers(db, 'indicator', values.map((v) => v.indicator_id), true),
    keyNumbers(db, 'location', values.flatMap((v) => (v.location_id ? [v.location_id] : [])), true),
    keyNumbers(db, 'combo', values.flatMap((v) => (v.disaggregation_key ? [v.disaggregation_key] : [])), true),
    keyNumbers(db, 'organisation', [s.organisation_id], true),
    keyNumbers(db, 'project', [s.project_id], true),
  ]);
  const common = {
    submission_no: submissionNo,
    organisation_no: organisations.get(s.organisation_id)!,
    project_no: projects.get(s.project_id)!,
    month_start: monthIndexOf(s.period_start),
    month_end: monthIndexOf(s.period_end),
    approved,
  };
  const rows = values.map((v) => ({
    ...common,
    indicator_no: indicators.get(v.indicator_id)!,
    location_no: v.location_id ? locations.get(v.location_id)! : 0,
    combo_no: v.disaggregation_key ? combos.get(v.disaggregation_key)! : 0,
    value: v.value === null ? null : Number(v.value),
    numerator: v.numerator === null ? null : Number(v.numerator),
    denominator: v.denominator === null ? null : Number(v.denominator),
  }));
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await db.insertInto('analytics_facts').values(rows.slice(i, i + INSERT_CHUNK)).execute();
  return rows;
}

/** The totals columns, filled from analytics_facts grouped by indicator, months, cell, project and approval. */
// A percentage counts only where both parts were given (as the engine reads facts), so the parts are summed together.
const totalsFromFacts = sql`select indicator_no, month_start, month_end, combo_no, project_no, approved, 0, 0, 0, sum(value),
  sum(case when numerator is not null and denominator is not null then numerator end),
  sum(case when numerator is not null and denominator is not null then denominator end) from analytics_facts`;
const totalsColumns = sql`insert into analytics_totals (indicator_no, month_start, month_end, combo_no, project_no, approved, submission_no, location_no, organisation_no, value, numerator, denominator)`;
const totalsGroup = sql`group by indicator_no, month_start, month_end, combo_no, project_no, approved`;

/**
 * Recomputes the totals of some indicator-months from the facts (exact, no running sums that could
 * drift). An indicator-month of the largest benchmark holds a few thousand facts, read in key order.
 */
async function recomputeTotals(db: Database, keys: { indicator_no: number; month_start: number }[]): Promise<void> {
  const byMonth = new Map<number, Set<number>>();
  for (const k of keys) byMonth.set(k.month_start, (byMonth.get(k.month_start) ?? new Set()).add(k.indicator_no));
  for (const [month, set] of byMonth) {
    const indicators = [...set];
    await db.deleteFrom('analytics_totals').where('month_start', '=', month).where('indicator_no', 'in', indicators).execute();
    await sql`${totalsColumns} ${totalsFromFacts} where month_start = ${month} and indicator_no in (${sql.join(indicators)}) ${totalsGroup}`.execute(db);
  }
}

/** Recomputes every total from the facts (after a rebuild, or after facts were written in bulk). */
export async function rebuildTotals(db: Database): Promise<void> {
  await db.deleteFrom('analytics_totals').execute();
  await sql`${totalsColumns} ${totalsFromFacts} ${totalsGroup}`.execute(db);
}

/**
 * Recomputes every fact from the packages, in the caller's transaction (all or nothing).
 * `onProgress` hears after each package.
 */
export async function rebuildAnalytics(db: Database, onProgress?: (done: number, total: number) => void): Promise<{ packages: number; facts: number }> {
  await db.deleteFrom('analytics_facts').execute();
  const packages = await db.selectFrom('submissions').select('id').where('status', 'in', Object.keys(COUNTED)).orderBy('id').execute();
  let facts = 0;
  for (const [i, p] of packages.entries()) {
    const [submissionNo] = (await keyNumbers(db, 'submission', [p.id], true)).values();
    facts += (await writeFacts(db, p.id, submissionNo!, await packageOf(db, p.id))).length;
    onProgress?.(i + 1, packages.length);
  }
  await rebuildTotals(db);
  return { packages: packages.length, facts };
}
