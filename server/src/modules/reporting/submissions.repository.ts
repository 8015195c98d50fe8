import type { Database } from '../../db/database.js';

/** The round's indicators with their result, in framework order (result level, position, indicator position). */
export const roundIndicators = (db: Database, roundId: string) =>
  db
    .selectFrom('round_indicators as ri')
    .innerJoin('indicators as i', 'i.id', 'ri.indicator_id')
    .innerJoin('result_nodes as n', 'n.id', 'i.result_node_id')
    .select([
      'i.id', 'i.code', 'i.name', 'i.unit', 'i.type', 'i.direction', 'i.time_aggregation', 'i.framework_id',
      'n.id as node_id', 'n.code as node_code', 'n.title as node_title', 'n.level as node_level',
    ])
    .where('ri.round_id', '=', roundId)
    .orderBy('n.level')
    .orderBy('n.position')
    .orderBy('i.position')
    .orderBy('i.code')
    .execute();

/** Every result of the frameworks, to put a round's indicators in the framework's own order. */
export const frameworkNodes = (db: Database, frameworkIds: string[]) =>
  frameworkIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('result_nodes').select(['id', 'parent_id', 'position']).where('framework_id', 'in', frameworkIds).execute();

/** The places a package reports for, by P-code. */
export const packageLocations = (db: Database, submissionId: string) =>
  db
    .selectFrom('submission_locations as sl')
    .innerJoin('locations as l', 'l.id', 'sl.location_id')
    .select(['l.id', 'l.pcode', 'l.name', 'l.level'])
    .where('sl.submission_id', '=', submissionId)
    .orderBy('l.pcode')
    .execute();

/** The package's values; only those of some indicators when `indicatorIds` is given. */
export const packageValues = (db: Database, submissionId: string, indicatorIds?: string[]) =>
  db
    .selectFrom('indicator_values as v')
    .leftJoin('users as u', 'u.id', 'v.updated_by')
    .select(['v.indicator_id', 'v.location_id', 'v.disaggregation_key', 'v.value', 'v.numerator', 'v.denominator', 'v.text_value', 'v.comment', 'v.updated_at', 'v.updated_by', 'u.name as updated_by_name'])
    .where('v.submission_id', '=', submissionId)
    .$if(indicatorIds !== undefined, (q) => q.where('v.indicator_id', 'in', indicatorIds!.length ? indicatorIds! : ['']))
    .orderBy('v.indicator_id')
    .orderBy('v.location_id')
    .orderBy('v.disaggregation_key')
    .execute();
export type PackageValueRow = Awaited<ReturnType<typeof packageValues>>[number];

export const packageComments = (db: Database, submissionId: string) =>
  db
    .selectFrom('review_comments as c')
    .leftJoin('users as u', 'u.id', 'c.author_id')
    .selectAll('c')
    .select('u.name as author_name')
    .where('c.submission_id', '=', submissionId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();

export const findComment = (db: Database, id: string) =>
  db.selectFrom('review_comments as c').leftJoin('users as u', 'u.id', 'c.author_id').selectAll('c').select('u.name as author_name').where('c.id', '=', id).executeTakeFirst();
export type CommentRow = NonNullable<Awaited<ReturnType<typeof findComment>>>;

export const packageEvents = (db: Database, submissionId: string) =>
  db
    .selectFrom('submission_events as e')
    .leftJoin('users as u', 'u.id', 'e.user_id')
    .selectAll('e')
    .select('u.name as user_name')
    .where('e.submission_id', '=', submissionId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();

/** The package's narrative sections, as the submit check reads them. */
export const packageNarratives = (db: Database, submissionId: string) =>
  db.selectFrom('narratives').select(['section', 'result_node_id', 'text']).where('submission_id', '=', submissionId).execute();

/**
 * Approved totals of the same organisation's earlier rounds of the same type in the project, for
 * the given indicators, oldest period first: the history the outlier flags compare with.
 */
export const approvedTotalsBefore = (
  db: Database,
  o: { projectId: string; organisationId: string; periodType: string; before: string; indicatorIds: string[] },
) =>
  db
    .selectFrom('indicator_values as v')
    .innerJoin('submissions as s', 's.id', 'v.submission_id')
    .innerJoin('reporting_rounds as r', 'r.id', 's.round_id')
    .select(['v.indicator_id', 'v.location_id', 'v.value', 'r.period_start'])
    .where('r.project_id', '=', o.projectId)
    .where('r.period_type', '=', o.periodType)
    .where('r.period_start', '<', o.before)
    .where('s.organisation_id', '=', o.organisationId)
    .where('s.status', '=', 'approved')
    .where('v.disaggregation_key', '=', '')
    .where('v.value', 'is not', null)
    .where('v.indicator_id', 'in', o.indicatorIds.length ? o.indicatorIds : [''])
    .orderBy('r.period_start')
    .execute();

/** One cell's recorded changes, oldest first. */
export const cellHistory = (db: Database, c: { submissionId: string; indicatorId: string; locationId: string | null; key: string }) =>
  db
    .selectFrom('value_history as h')
    .leftJoin('users as u', 'u.id', 'h.changed_by')
    .select(['h.before_json', 'h.after_json', 'h.source', 'h.changed_by', 'h.changed_at', 'u.name as user_name'])
    .where('h.submission_id', '=', c.submissionId)
    .where('h.indicator_id', '=', c.indicatorId)
    .where((eb) => (c.locationId === null ? eb('h.location_id', 'is', null) : eb('h.location_id', '=', c.locationId)))
    .where('h.disaggregation_key', '=', c.key)
    .orderBy('h.changed_at')
    .orderBy('h.id')
    .execute();

export const cellValue = (db: Database, c: { submissionId: string; indicatorId: string; locationId: string | null; key: string }) =>
  db
    .selectFrom('indicator_values as v')
    .leftJoin('users as u', 'u.id', 'v.updated_by')
    .select(['v.value', 'v.numerator', 'v.denominator', 'v.text_value', 'v.comment', 'v.updated_at', 'v.updated_by', 'u.name as user_name'])
    .where('v.submission_id', '=', c.submissionId)
    .where('v.indicator_id', '=', c.indicatorId)
    .where((eb) => (c.locationId === null ? eb('v.location_id', 'is', null) : eb('v.location_id', '=', c.locationId)))
    .where('v.disaggregation_key', '=', c.key)
    .executeTakeFirst();

export const userNames = async (db: Database, ids: string[]): Promise<Map<string, string>> =>
  new Map((ids.length ? await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute() : []).map((u) => [u.id, u.name]));
