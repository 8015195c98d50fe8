import { type Kysely, SqliteAdapter, sql } from 'kysely';

// Frozen once merged: never edit, add a new migration instead.
// Monitoring at scale: the facts of each indicator, month, disaggregation cell, project and
// approval state, added up over places, organisations and packages. An IPTT or a dashboard of a
// whole project reads every month of every indicator; for indicators whose figures are plain sums
// (sum over time and over places, or pooled percentages) this table answers with a few thousand
// rows instead of millions of facts. Same columns as analytics_facts, so the engine reads either;
// the place, organisation and package columns are always 0 here.
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema
    .createTable('analytics_totals')
    .addColumn('indicator_no', 'integer', (c) => c.notNull())
    .addColumn('month_start', 'integer', (c) => c.notNull())
    .addColumn('month_end', 'integer', (c) => c.notNull())
    .addColumn('combo_no', 'integer', (c) => c.notNull())
    .addColumn('project_no', 'integer', (c) => c.notNull())
    .addColumn('approved', 'integer', (c) => c.notNull())
    .addColumn('submission_no', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('location_no', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('organisation_no', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('value', 'double precision')
    .addColumn('numerator', 'double precision')
    .addColumn('denominator', 'double precision')
    .addPrimaryKeyConstraint('analytics_totals_pk', ['indicator_no', 'month_start', 'combo_no', 'project_no', 'approved', 'month_end'])
    .$call((b) => (sqlite ? b.modifyEnd(sql`without rowid`) : b))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('analytics_totals').execute();
}
