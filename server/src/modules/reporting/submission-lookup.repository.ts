import type { Database } from '../../db/database.js';

/** A submission with the round it belongs to: what every submission route loads first. */
export function findSubmissionWithRound(db: Database, submissionId: string) {
  return db
    .selectFrom('submissions as s')
    .innerJoin('reporting_rounds as r', 'r.id', 's.round_id')
    .selectAll('s')
    .select([
      'r.project_id as round_project_id',
      'r.period_type as round_period_type',
      'r.period_key as round_period_key',
      'r.period_start as round_period_start',
      'r.period_end as round_period_end',
      'r.due_date as round_due_date',
      'r.status as round_status',
    ])
    .where('s.id', '=', submissionId)
    .executeTakeFirst();
}
