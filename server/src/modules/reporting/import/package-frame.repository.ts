import type { Database } from '../../../db/database.js';

/** The indicators a round asks for, with their result (loadPackageFrame puts them in the framework's tree order). */
export const roundIndicators = (db: Database, roundId: string) =>
  db
    .selectFrom('round_indicators as ri')
    .innerJoin('indicators as i', 'i.id', 'ri.indicator_id')
    .innerJoin('result_nodes as n', 'n.id', 'i.result_node_id')
    .select(['i.id', 'i.code', 'i.name', 'i.names_json', 'i.type', 'i.time_aggregation', 'i.framework_id', 'n.id as node_id', 'n.code as node_code', 'n.title as node_title', 'n.titles_json as node_titles_json'])
    .where('ri.round_id', '=', roundId)
    .orderBy('n.code')
    .orderBy('i.position')
    .orderBy('i.code')
    .execute();

/** The disaggregation categories of these indicators with their options, in the indicators' category order. */
export const indicatorCategoryOptions = (db: Database, indicatorIds: string[]) =>
  indicatorIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('indicator_disaggregations as d')
        .innerJoin('disaggregation_categories as c', 'c.id', 'd.category_id')
        .innerJoin('disaggregation_options as o', 'o.category_id', 'c.id')
        .select(['d.indicator_id', 'd.position as category_position', 'c.id as category_id', 'c.code as category_code', 'o.id as option_id', 'o.code as option_code', 'o.label', 'o.labels_json', 'o.position as option_position'])
        .where('d.indicator_id', 'in', indicatorIds)
        .orderBy('d.indicator_id')
        .orderBy('d.position')
        .orderBy('o.position')
        .execute();

/** The places a package reports for, by P-code. */
export const packageLocations = (db: Database, submissionId: string) =>
  db
    .selectFrom('submission_locations as sl')
    .innerJoin('locations as l', 'l.id', 'sl.location_id')
    .select(['l.id', 'l.pcode', 'l.name', 'l.names_json'])
    .where('sl.submission_id', '=', submissionId)
    .orderBy('l.pcode')
    .execute();

/** The stored values of a package, all or one indicator's (for the template, the CSV export and the checks after an import). */
export const packageValues = (db: Database, submissionId: string, indicatorId?: string) => {
  let q = db
    .selectFrom('indicator_values')
    .select(['indicator_id', 'location_id', 'disaggregation_key', 'value', 'numerator', 'denominator', 'text_value', 'comment'])
    .where('submission_id', '=', submissionId);
  if (indicatorId !== undefined) q = q.where('indicator_id', '=', indicatorId);
  return q.execute();
};

export const packageHasValues = async (db: Database, submissionId: string): Promise<boolean> =>
  (await db.selectFrom('indicator_values').select('id').where('submission_id', '=', submissionId).limit(1).executeTakeFirst()) !== undefined;
