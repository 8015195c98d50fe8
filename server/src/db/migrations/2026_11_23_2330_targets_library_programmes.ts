import { type Kysely, SqliteAdapter, sql } from 'kysely';

// Frozen once merged: never edit, add a new migration instead.
// Adds disaggregation categories, targets, the indicator library, programme-level frameworks
// and roll-up links from project indicators to programme indicators.
export async function up(db: Kysely<any>): Promise<void> {
  await frameworksForProgrammes(db);

  await db.schema
    .createTable('disaggregation_categories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('names_json', 'text', (c) => c.notNull().defaultTo('{}'))
    // sex | age | disability | displacement | custom: how the app treats its options (age bands have ages).
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('disaggregation_categories_org_code_uq', ['organisation_id', 'code'])
    .execute();

  await db.schema
    .createTable('disaggregation_options')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('category_id', 'text', (c) => c.notNull().references('disaggregation_categories.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('labels_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('position', 'integer', (c) => c.notNull())
    // Age bands only: first and last age in years, inclusive; null max = "and over".
    .addColumn('min_age', 'integer')
    .addColumn('max_age', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('disaggregation_options_category_code_uq', ['category_id', 'code'])
    .execute();

  // The categories an indicator is disaggregated by, in the order its combinations are listed.
  await db.schema
    .createTable('indicator_disaggregations')
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
    .addColumn('category_id', 'text', (c) => c.notNull().references('disaggregation_categories.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_disaggregations_pk', ['indicator_id', 'category_id'])
    .execute();
  await db.schema.createIndex('indicator_disaggregations_category_idx').on('indicator_disaggregations').column('category_id').execute();

  await db.schema
    .createTable('indicator_targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
    // A period key of the indicator's frequency (`2026-Q1`, `FY2026`…) or `LOP` for a breakdown of the life-of-project target.
    .addColumn('period_key', 'text', (c) => c.notNull())
    // Null: all the project's locations together.
    .addColumn('location_id', 'text', (c) => c.references('locations.id'))
    // Option ids joined by `|` in the indicator's category order; '' = the total.
    .addColumn('disaggregation_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One target per cell; coalesce makes "all locations" (null) a value like any other on both databases.
  await sql`create unique index indicator_targets_cell_uq on indicator_targets (indicator_id, period_key, coalesce(location_id, ''), disaggregation_key)`.execute(db);

  await db.schema
    .createTable('library_indicators')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('names_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('definition', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('definitions_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('unit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('time_aggregation', 'text', (c) => c.notNull())
    .addColumn('location_aggregation', 'text', (c) => c.notNull())
    .addColumn('cumulative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('means_of_verification', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('data_source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('collection_method', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('frequency', 'text', (c) => c.notNull())
    // Where the standard comes from, e.g. "Global Protection Cluster" or "FCDO ICF KPI".
    .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
    // Ids of the organisation's disaggregation categories, in order.
    .addColumn('category_ids_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('library_indicators_org_code_uq', ['organisation_id', 'code'])
    .execute();

  // An adopted indicator stays linked to its library entry; a project indicator may feed a programme indicator.
  await db.schema.alterTable('indicators').addColumn('library_indicator_id', 'text', (c) => c.references('library_indicators.id').onDelete('set null')).execute();
  await db.schema.alterTable('indicators').addColumn('contributes_to_id', 'text', (c) => c.references('indicators.id').onDelete('set null')).execute();
  await db.schema.createIndex('indicators_library_idx').on('indicators').column('library_indicator_id').execute();
  await db.schema.createIndex('indicators_contributes_idx').on('indicators').column('contributes_to_id').execute();
}

/**
 * A framework now belongs to a project or to a programme. PostgreSQL relaxes the column in place;
 * SQLite cannot, so the table is rebuilt the way SQLite documents (migrate.ts turns foreign keys
 * off around migrations on SQLite, so dropping the old table does not cascade to the nodes).
 */
async function frameworksForProgrammes(db: Kysely<any>) {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) {
    await sql`alter table results_frameworks alter column project_id drop not null`.execute(db);
    await sql`alter table results_frameworks add column programme_id text unique references programmes(id) on delete cascade`.execute(db);
    await sql`alter table results_frameworks add constraint results_frameworks_one_owner check ((project_id is null) <> (programme_id is null))`.execute(db);
    return;
  }
  await db.schema
    .createTable('results_frameworks_new')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.unique().references('projects.id').onDelete('cascade'))
    .addColumn('programme_id', 'text', (c) => c.unique().references('programmes.id').onDelete('cascade'))
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('level_labels_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('results_frameworks_one_owner', sql`(project_id is null) <> (programme_id is null)`)
    .execute();
  await sql`insert into results_frameworks_new (id, project_id, programme_id, template, level_labels_json, created_at, updated_at)
    select id, project_id, null, template, level_labels_json, created_at, updated_at from results_frameworks`.execute(db);
  await db.schema.dropTable('results_frameworks').execute();
  await db.schema.alterTable('results_frameworks_new').renameTo('results_frameworks').execute();
}

export async function down(): Promise<void> {
  throw new Error('2026_11_23_2330_targets_library_programmes cannot be undone: restore a backup instead.');
}
