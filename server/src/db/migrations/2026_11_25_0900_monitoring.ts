import { type Kysely, SqliteAdapter, sql } from 'kysely';

// Frozen once merged: never edit, add a new migration instead.
// Monitoring: the analytics fact table every IPTT, pivot, dashboard and map reads, its small
// dictionary of integer keys, and saved pivots.
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;

  // Integer stand-ins for the UUIDs (and disaggregation keys) the fact table refers to: ten million
  // facts with four integers each are a fraction of the size of four UUID strings each, and integer
  // comparisons are what makes a pivot over them fast.
  await db.schema
    .createTable('analytics_keys')
    .addColumn('no', sqlite ? 'integer' : 'serial', (c) => (sqlite ? c.primaryKey().autoIncrement() : c.primaryKey()))
    // indicator | location | organisation | project | submission | combo (a disaggregation key)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addUniqueConstraint('analytics_keys_kind_key_uq', ['kind', 'key'])
    .execute();

  // One row per numeric value of a submitted or approved package, written in the same transaction as
  // the review action that changes the package's status (submit, return, approve, reopen) and
  // rebuilt from indicator_values by `npm run fieldbook -- rebuild-analytics`. No foreign keys: rows
  // are removed with their submission by the reporting services, and the rebuild repairs anything else.
  await db.schema
    .createTable('analytics_facts')
    .addColumn('submission_no', 'integer', (c) => c.notNull())
    .addColumn('indicator_no', 'integer', (c) => c.notNull())
    // 0: a value for the whole project (no location).
    .addColumn('location_no', 'integer', (c) => c.notNull())
    .addColumn('organisation_no', 'integer', (c) => c.notNull())
    .addColumn('project_no', 'integer', (c) => c.notNull())
    // 0: the total; otherwise the analytics_keys number of the disaggregation key (option ids joined by '|').
    .addColumn('combo_no', 'integer', (c) => c.notNull())
    // Months since year 0 (year × 12 + month − 1) of the round's first and last month.
    .addColumn('month_start', 'integer', (c) => c.notNull())
    .addColumn('month_end', 'integer', (c) => c.notNull())
    // 1: the package is approved; 0: submitted and awaiting review (shown only on request, marked pending).
    .addColumn('approved', 'integer', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('numerator', 'double precision')
    .addColumn('denominator', 'double precision')
    // Every query reads one indicator's months: keyed (and on SQLite stored, WITHOUT ROWID) in that
    // order, a pivot reads neighbouring rows instead of hopping across the file. Unique because a
    // package has one value per indicator, place and disaggregation key.
    .addPrimaryKeyConstraint('analytics_facts_pk', ['indicator_no', 'month_start', 'combo_no', 'location_no', 'submission_no'])
    .$call((b) => (sqlite ? b.modifyEnd(sql`without rowid`) : b))
    .execute();
  await db.schema.createIndex('analytics_facts_submission_idx').on('analytics_facts').column('submission_no').execute();

  // A pivot someone saved; shared pivots are listed for everyone in the owner's organisation, and
  // each reader sees the figures their own access allows.
  await db.schema
    .createTable('saved_pivots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('definition_json', 'text', (c) => c.notNull())
    .addColumn('shared', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('saved_pivots_owner_idx').on('saved_pivots').column('owner_id').execute();
  await db.schema.createIndex('saved_pivots_org_idx').on('saved_pivots').columns(['organisation_id', 'shared']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('saved_pivots').execute();
  await db.schema.dropTable('analytics_facts').execute();
  await db.schema.dropTable('analytics_keys').execute();
}
