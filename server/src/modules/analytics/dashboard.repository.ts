import { sql } from 'kysely';
import type { Database } from '../../db/database.js';

/** SQL of the dashboards (the engine keeps its own): indicators, targets, rounds and places. */

const orNone = (ids: readonly string[]) => (ids.length ? [...ids] : ['']);

export const fiscalYearStartMonth = async (db: Database, organisationId: string): Promise<number> =>
  (await db.selectFrom('organisations').select('fiscal_year_start_month').where('id', '=', organisationId).executeTakeFirst())?.fiscal_year_start_month ?? 1;

/** A programme's projects with their dates (visibility is applied by the caller). */
export const projectsOfProgramme = (db: Database, programmeId: string) =>
  db.selectFrom('projects').select(['id', 'start_date', 'end_date']).where('programme_id', '=', programmeId).execute();

export type IndicatorRow = Awaited<ReturnType<typeof frameworkIndicators>>[number];

/** The indicators of a project's or a programme's framework, by position within their result. */
export const frameworkIndicators = (db: Database, owner: { projectId: string } | { programmeId: string }) =>
  db
    .selectFrom('indicators as i')
    .innerJoin('results_frameworks as f', 'f.id', 'i.framework_id')
    .innerJoin('result_nodes as n', 'n.id', 'i.result_node_id')
    .select([
      'i.id', 'i.code', 'i.name', 'i.names_json', 'i.unit', 'i.type', 'i.direction', 'i.time_aggregation', 'i.location_aggregation',
      'i.cumulative', 'i.baseline_value', 'i.lop_target', 'i.frequency', 'n.id as node_id', 'n.code as node_code',
    ])
    .where('projectId' in owner ? 'f.project_id' : 'f.programme_id', '=', 'projectId' in owner ? owner.projectId : owner.programmeId)
    .orderBy('i.position')
    .orderBy('i.code')
    .execute();

/** The result nodes of a framework owner, for reading the tree top to bottom. */
export const frameworkNodes = (db: Database, owner: { projectId: string } | { programmeId: string }) =>
  db
    .selectFrom('result_nodes as n')
    .innerJoin('results_frameworks as f', 'f.id', 'n.framework_id')
    .select(['n.id', 'n.parent_id', 'n.position'])
    .where('projectId' in owner ? 'f.project_id' : 'f.programme_id', '=', 'projectId' in owner ? owner.projectId : owner.programmeId)
    .execute();

/** Project indicators rolling up into some programme indicators (indicators.contributes_to_id). */
export const contributorsOf = (db: Database, programmeIndicatorIds: readonly string[]) =>
  db
    .selectFrom('indicators')
    .select(['id', 'contributes_to_id'])
    .where('contributes_to_id', 'in', orNone(programmeIndicatorIds))
    .execute() as Promise<{ id: string; contributes_to_id: string }[]>;

/** One indicator with the project or programme owning its framework. */
export const indicatorOwner = (db: Database, indicatorId: string) =>
  db
    .selectFrom('indicators as i')
    .innerJoin('results_frameworks as f', 'f.id', 'i.framework_id')
    .select(['i.id', 'f.project_id', 'f.programme_id'])
    .where('i.id', '=', indicatorId)
    .executeTakeFirst();

/** An indicator's period targets for the whole place and no breakdown (location null, key ''), LOP excluded. */
export const periodTargets = (db: Database, indicatorId: string) =>
  db
    .selectFrom('indicator_targets')
    .select(['period_key', 'value'])
    .where('indicator_id', '=', indicatorId)
    .where('location_id', 'is', null)
    .where('disaggregation_key', '=', '')
    .where('period_key', '!=', 'LOP')
    .execute();

export const locationsByIds = (db: Database, ids: readonly string[]) =>
  db.selectFrom('locations').select(['id', 'name', 'names_json', 'pcode']).where('id', 'in', orNone(ids)).execute();

/** Whose packages count in the completeness of a project: all organisations', or one organisation's. */
export interface PackageScope {
  projectId: string;
  organisationId: string | null;
}

/**
 * Reporting completeness by period key over the rounds of some projects: packages expected, sent in
 * at least once (every status but draft), approved, and first sent in on or before the due date.
 * "First": a package returned for corrections and sent again late was still on time; the first
 * `submit` event says when, and `submitted_at` stands in where no event was recorded.
 */
export async function completenessByPeriod(db: Database, scopes: readonly PackageScope[]) {
  if (scopes.length === 0) return [];
  const whole = scopes.filter((s) => s.organisationId === null).map((s) => s.projectId);
  const own = scopes.filter((s): s is { projectId: string; organisationId: string } => s.organisationId !== null);
  // Read per package through the (submission_id, at) index, never by grouping every event.
  const firstSubmit = sql<string | null>`(select min(ev.at) from submission_events ev where ev.submission_id = s.id and ev.action = 'submit')`;
  const rows = await db
    .selectFrom('reporting_rounds as r')
    .innerJoin('submissions as s', 's.round_id', 'r.id')
    .where((eb) =>
      eb.or([
        eb('r.project_id', 'in', orNone(whole)),
        ...own.map((o) => eb.and([eb('r.project_id', '=', o.projectId), eb('s.organisation_id', '=', o.organisationId)])),
      ]),
    )
    .select([
      'r.period_key',
      (eb) => eb.fn.min('r.period_start').as('period_start'),
      (eb) => eb.fn.max('r.due_date').as('due_date'),
      (eb) => eb.fn.countAll<number>().as('expected'),
      sql<number>`sum(case when s.status <> 'draft' then 1 else 0 end)`.as('submitted'),
      sql<number>`sum(case when s.status = 'approved' then 1 else 0 end)`.as('approved'),
      sql<number>`sum(case when s.status <> 'draft' and substr(coalesce(${firstSubmit}, s.submitted_at), 1, 10) <= r.due_date then 1 else 0 end)`.as('on_time'),
    ])
    .groupBy('r.period_key')
    .execute();
  return rows
    .map((r) => ({
      periodKey: r.period_key,
      periodStart: r.period_start,
      dueDate: r.due_date,
      expected: Number(r.expected),
      submitted: Number(r.submitted),
      approved: Number(r.approved),
      onTime: Number(r.on_time),
    }))
    .sort((a, b) => (a.periodStart < b.periodStart ? -1 : a.periodStart > b.periodStart ? 1 : a.periodKey.localeCompare(b.periodKey)));
}
