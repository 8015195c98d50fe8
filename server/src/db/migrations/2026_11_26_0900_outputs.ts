import { type Kysely, SqliteAdapter, sql } from 'kysely';

// Frozen once merged: never edit, add a new migration instead.
// Outputs: donor report templates (versioned), funding agreements and their report calendar,
// background jobs, generated reports and their files, share links and API tokens.
export async function up(db: Kysely<any>): Promise<void> {
  const blob = db.getExecutor().adapter instanceof SqliteAdapter ? 'blob' : 'bytea';

  // A donor's or purpose's report layout, owned by an organisation. Every save writes a new row in
  // report_template_versions, so a generated report always names the exact layout it used.
  await db.schema
    .createTable('report_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // The current version number (1, 2, …); its sections are in report_template_versions.
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_templates_org_name_uq').on('report_templates').columns(['organisation_id', 'name']).unique().execute();

  await db.schema
    .createTable('report_template_versions')
    .addColumn('template_id', 'text', (c) => c.notNull().references('report_templates.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // The ordered sections: [{ key, kind, title, enabled, text }] (shared/src/schemas/report-templates.ts).
    .addColumn('sections_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_template_versions_pk', ['template_id', 'version'])
    .execute();

  // An organisation's logo, printed on its report covers (PNG or JPEG, checked from the bytes).
  await db.schema
    .createTable('organisation_logos')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisations.id').onDelete('cascade'))
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('content', sql.raw(blob), (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // A funding agreement of a project with a donor: its number goes on the report cover and its
  // reporting frequency makes the report calendar (due a number of days after each period ends).
  await db.schema
    .createTable('agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('donor_organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('agreement_number', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    // month | quarter | semester | year
    .addColumn('report_frequency', 'text', (c) => c.notNull())
    .addColumn('report_due_days', 'integer', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.references('report_templates.id').onDelete('set null'))
    .addColumn('report_language', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agreements_project_idx').on('agreements').column('project_id').execute();

  // Background work (report generation, large exports), claimed from the database so any app
  // server can run it and a crashed server's job is picked up again once its lease runs out.
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    // queued | running | done | failed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('progress_note', 'text')
    .addColumn('result_json', 'text')
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id').onDelete('cascade'))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('jobs_status_idx').on('jobs').columns(['status', 'created_at']).execute();

  // A file a job produced (an export), kept in the database so every app server can hand it out.
  await db.schema
    .createTable('job_files')
    .addColumn('job_id', 'text', (c) => c.primaryKey().references('jobs.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', sql.raw(blob), (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // A generated donor report: what it was made from (template version, scope, period, language,
  // and a snapshot of the figures and texts it used) and its files.
  await db.schema
    .createTable('generated_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // project | programme | country
    .addColumn('scope_type', 'text', (c) => c.notNull())
    // A project or programme id, or an ISO 3166-1 alpha-3 country code.
    .addColumn('scope_id', 'text', (c) => c.notNull())
    // The organisation whose people may see it (the project's or programme's owner; for a country, the requester's).
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('template_id', 'text', (c) => c.notNull().references('report_templates.id'))
    .addColumn('template_version', 'integer', (c) => c.notNull())
    .addColumn('agreement_id', 'text', (c) => c.references('agreements.id').onDelete('set null'))
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // queued | running | done | failed (mirrors its job, kept here for the history list)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('job_id', 'text', (c) => c.references('jobs.id').onDelete('set null'))
    // The figures and texts the files were made from (JSON), so a report can be explained later.
    .addColumn('data_json', 'text')
    .addColumn('regenerated_from', 'text', (c) => c.references('generated_reports.id').onDelete('set null'))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('generated_reports_scope_idx').on('generated_reports').columns(['scope_type', 'scope_id', 'created_at']).execute();

  await db.schema
    .createTable('generated_report_files')
    .addColumn('report_id', 'text', (c) => c.notNull().references('generated_reports.id').onDelete('cascade'))
    // docx | xlsx | pdf
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', sql.raw(blob), (c) => c.notNull())
    .addPrimaryKeyConstraint('generated_report_files_pk', ['report_id', 'format'])
    .execute();

  // An expiring, revocable read-only link for someone without an account: one generated report,
  // or the live approved results of a project. Only a hash of the token is stored.
  await db.schema
    .createTable('share_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    // report | project
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('report_id', 'text', (c) => c.references('generated_reports.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('last_accessed_at', 'text')
    .addColumn('access_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('share_links_project_idx').on('share_links').column('project_id').execute();

  // A personal API token (Authorization: Bearer …): acts as its user, with the user's roles.
  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    // The first characters of the token, shown in the list so people can tell their tokens apart.
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('api_tokens_user_idx').on('api_tokens').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'api_tokens',
    'share_links',
    'generated_report_files',
    'generated_reports',
    'job_files',
    'jobs',
    'agreements',
    'organisation_logos',
    'report_template_versions',
    'report_templates',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
