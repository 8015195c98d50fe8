import { type Kysely, SqliteAdapter, sql } from 'kysely';

// Frozen once merged: never edit, add a new migration instead.
// Field reporting: reporting rounds, submissions (one package per organisation and round) with
// their values, value history, review comments and events, narratives and their translations,
// evidence attachments, reminders, and the idempotency keys that make retried writes safe.
export async function up(db: Kysely<any>): Promise<void> {
  const blob = db.getExecutor().adapter instanceof SqliteAdapter ? 'blob' : 'bytea';

  await db.schema
    .createTable('reporting_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    // month | quarter | semester | year, with the lead organisation's fiscal year.
    .addColumn('period_type', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    // open | closed: a closed round takes no new values; its approved data stays.
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('reporting_rounds_project_period_uq', ['project_id', 'period_key'])
    .execute();
  await db.schema.createIndex('reporting_rounds_due_idx').on('reporting_rounds').columns(['status', 'due_date']).execute();

  // The indicators a round asks for (by default every indicator of the project's framework).
  await db.schema
    .createTable('round_indicators')
    .addColumn('round_id', 'text', (c) => c.notNull().references('reporting_rounds.id').onDelete('cascade'))
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('round_indicators_pk', ['round_id', 'indicator_id'])
    .execute();
  await db.schema.createIndex('round_indicators_indicator_idx').on('round_indicators').column('indicator_id').execute();

  await db.schema
    .createTable('submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('reporting_rounds.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    // draft | submitted | returned | approved | reopened (shared/src/domain/submission-status.ts).
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    // Bumped by every status change: a review action names the version it saw, so two reviewers never overwrite each other.
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    // The language the narratives are written in.
    .addColumn('source_language', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('submissions_round_org_uq', ['round_id', 'organisation_id'])
    .execute();
  await db.schema.createIndex('submissions_org_idx').on('submissions').columns(['organisation_id', 'status']).execute();

  // The locations an organisation reports for in a round.
  await db.schema
    .createTable('submission_locations')
    .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id'))
    .addPrimaryKeyConstraint('submission_locations_pk', ['submission_id', 'location_id'])
    .execute();

  await db.schema
    .createTable('indicator_values')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
    // Null: the project as a whole (a round without locations).
    .addColumn('location_id', 'text', (c) => c.references('locations.id'))
    // Option ids joined by `|` in the indicator's category order; '' = the total.
    .addColumn('disaggregation_key', 'text', (c) => c.notNull().defaultTo(''))
    // Numbers, percentages (value = numerator ÷ denominator × 100 when both are given), currency, yes/no as 0/1.
    .addColumn('value', 'double precision')
    .addColumn('numerator', 'double precision')
    .addColumn('denominator', 'double precision')
    // Qualitative indicators.
    .addColumn('text_value', 'text')
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`create unique index indicator_values_cell_uq on indicator_values (submission_id, indicator_id, coalesce(location_id, ''), disaggregation_key)`.execute(db);
  await db.schema.createIndex('indicator_values_indicator_idx').on('indicator_values').columns(['indicator_id', 'location_id']).execute();

  // Every change to a value after it was first written: who, when, before and after.
  await db.schema
    .createTable('value_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('location_id', 'text')
    .addColumn('disaggregation_key', 'text', (c) => c.notNull())
    // {value, numerator, denominator, text, comment}; null before = created, null after = cleared.
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    // grid | import
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('value_history_cell_idx').on('value_history').columns(['submission_id', 'indicator_id', 'location_id', 'disaggregation_key']).execute();

  // Status changes of a submission, with the comment or reason given.
  await db.schema
    .createTable('submission_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    // submit | return | approve | reopen
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('submission_events_submission_idx').on('submission_events').columns(['submission_id', 'at']).execute();

  // Reviewers' comments on the package (no indicator) or on one value.
  await db.schema
    .createTable('review_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('indicator_id', 'text', (c) => c.references('indicators.id').onDelete('cascade'))
    .addColumn('location_id', 'text')
    .addColumn('disaggregation_key', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text')
    .execute();
  await db.schema.createIndex('review_comments_submission_idx').on('review_comments').column('submission_id').execute();

  // Narrative sections (achievements, challenges, lessons, next steps), for the package or one result.
  await db.schema
    .createTable('narratives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('result_node_id', 'text', (c) => c.references('result_nodes.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`create unique index narratives_section_uq on narratives (submission_id, section, coalesce(result_node_id, ''))`.execute(db);

  await db.schema
    .createTable('narrative_translations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('narrative_id', 'text', (c) => c.notNull().references('narratives.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    // machine | human
    .addColumn('provenance', 'text', (c) => c.notNull())
    // The machine provider's address, or null for a person.
    .addColumn('provider', 'text')
    // SHA-256 of the original text translated: when the original changes, the translation is out of date.
    .addColumn('source_hash', 'text', (c) => c.notNull())
    .addColumn('reviewed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('narrative_translations_lang_uq', ['narrative_id', 'language'])
    .execute();

  // Evidence (attendance lists, photos, spreadsheets). Contents live in the database so that
  // several app servers share them and a backup holds everything.
  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_submission_idx').on('attachments').column('submission_id').execute();
  await db.schema
    .createTable('attachment_contents')
    .addColumn('attachment_id', 'text', (c) => c.primaryKey().references('attachments.id').onDelete('cascade'))
    .addColumn('content', sql.raw(blob), (c) => c.notNull())
    .execute();

  // One row per reminder sent (before the due date, after it): the insert is the claim, so
  // several app servers never send the same reminder twice.
  await db.schema
    .createTable('round_reminders')
    .addColumn('round_id', 'text', (c) => c.notNull().references('reporting_rounds.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    // before_due | overdue
    .addColumn('kind', 'text', (c) => c.notNull())
    // How many people were e-mailed (0 when SMTP is not configured: the reminder shows in the app only).
    .addColumn('emailed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('round_reminders_pk', ['round_id', 'organisation_id', 'kind'])
    .execute();

  // A write retried with the same Idempotency-Key replays the first answer instead of acting twice.
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    // METHOD and route, so one key cannot be replayed against another route.
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['user_id', 'key'])
    .execute();
  await db.schema.createIndex('idempotency_keys_created_idx').on('idempotency_keys').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'idempotency_keys',
    'round_reminders',
    'attachment_contents',
    'attachments',
    'narrative_translations',
    'narratives',
    'review_comments',
    'submission_events',
    'value_history',
    'indicator_values',
    'submission_locations',
    'submissions',
    'round_indicators',
    'reporting_rounds',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
