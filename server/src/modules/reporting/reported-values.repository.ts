import type { Database } from '../../db/database.js';

/** Every reported value of an indicator, with its package, round and organisation, by period then organisation. */
export const valuesOfIndicator = (db: Database, indicatorId: string) =>
  db
    .selectFrom('indicator_values as v')
    .innerJoin('submissions as s', 's.id', 'v.submission_id')
    .innerJoin('reporting_rounds as r', 'r.id', 's.round_id')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select([
      'v.submission_id', 'v.location_id', 'v.disaggregation_key', 'v.value', 'v.numerator', 'v.denominator', 'v.text_value',
      's.organisation_id', 's.status', 's.submitted_by', 'r.id as round_id', 'r.status as round_status', 'r.period_key', 'r.period_start', 'r.period_end',
      'o.name as organisation_name', 'o.acronym as organisation_acronym',
    ])
    .where('v.indicator_id', '=', indicatorId)
    .orderBy('r.period_start')
    .orderBy('o.name')
    .orderBy('v.location_id')
    .orderBy('v.disaggregation_key')
    .execute();
