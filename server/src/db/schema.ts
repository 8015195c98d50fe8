import type { Generated } from 'kysely';

/**
 * Table types. Portable column choices (STYLE.md): text UUID ids made by the app, flags as
 * integer 0/1, dates as `YYYY-MM-DD` text, timestamps as ISO-8601 UTC text, JSON as text.
 */
export interface OrganisationsTable {
  id: string;
  name: string;
  acronym: string | null;
  iati_identifier: string | null;
  type: string;
  country_code: string | null;
  website: string | null;
  fiscal_year_start_month: number;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  organisation_id: string;
  password_hash: string;
  locale: string | null;
  disabled: number;
  last_sign_in_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface MembershipsTable {
  id: string;
  user_id: string;
  role: string;
  scope_type: string;
  /** Null for the installation scope. */
  scope_id: string | null;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token, so a copy of the database cannot be used to sign in. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginAttemptsTable {
  id: string;
  email: string;
  ip: string;
  succeeded: number;
  at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_user_id: string | null;
  actor_email: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  organisation_id: string | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
  request_id: string | null;
  /** Why: one of CHANGE_REASONS where a reason is required. */
  reason: string | null;
  note: string | null;
}

export interface LocationsTable {
  id: string;
  parent_id: string | null;
  level: string;
  pcode: string;
  name: string;
  names_json: string;
  geometry_json: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProgrammesTable {
  id: string;
  organisation_id: string;
  code: string;
  name: string;
  description: string;
  status: string;
  start_date: string | null;
  end_date: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProjectsTable {
  id: string;
  programme_id: string;
  code: string;
  title: string;
  description: string;
  status: string;
  start_date: string;
  end_date: string;
  currency: string;
  created_at: string;
  updated_at: string;
}

export interface ProjectCountriesTable {
  project_id: string;
  country_code: string;
}

export interface ProjectLocationsTable {
  project_id: string;
  location_id: string;
}

export interface ProjectSectorsTable {
  project_id: string;
  sector_code: string;
}

/** role: `lead`, `implementing` or `donor` (IATI OrganisationRole: 2 accountable, 4 implementing, 1 funding). */
export interface ProjectOrganisationsTable {
  project_id: string;
  organisation_id: string;
  role: string;
}

/** Belongs to exactly one project or one programme. */
export interface ResultsFrameworksTable {
  id: string;
  project_id: string | null;
  programme_id: string | null;
  template: string;
  level_labels_json: string;
  created_at: string;
  updated_at: string;
}

export interface ResultNodesTable {
  id: string;
  framework_id: string;
  parent_id: string | null;
  level: number;
  code: string;
  title: string;
  titles_json: string;
  description: string;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface IndicatorsTable {
  id: string;
  framework_id: string;
  result_node_id: string;
  position: number;
  code: string;
  name: string;
  names_json: string;
  definition: string;
  definitions_json: string;
  unit: string;
  type: string;
  direction: string;
  time_aggregation: string;
  location_aggregation: string;
  cumulative: number;
  baseline_value: number | null;
  baseline_date: string | null;
  lop_target: number | null;
  means_of_verification: string;
  data_source: string;
  collection_method: string;
  frequency: string;
  responsible: string;
  /** The library entry it was adopted from; stays linked for programme roll-up. */
  library_indicator_id: string | null;
  /** The programme indicator this project indicator rolls up into. */
  contributes_to_id: string | null;
  created_at: string;
  updated_at: string;
}

/** kind: `sex`, `age`, `disability`, `displacement` or `custom`. */
export interface DisaggregationCategoriesTable {
  id: string;
  organisation_id: string;
  code: string;
  name: string;
  names_json: string;
  kind: string;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface DisaggregationOptionsTable {
  id: string;
  category_id: string;
  code: string;
  label: string;
  labels_json: string;
  position: number;
  min_age: number | null;
  max_age: number | null;
  created_at: string;
  updated_at: string;
}

export interface IndicatorDisaggregationsTable {
  indicator_id: string;
  category_id: string;
  position: number;
}

/** period_key `LOP` with a location or disaggregation breaks down the life-of-project target. */
export interface IndicatorTargetsTable {
  id: string;
  indicator_id: string;
  period_key: string;
  location_id: string | null;
  /** Option ids joined by `|` in the indicator's category order; '' = the total. */
  disaggregation_key: string;
  value: number;
  created_at: string;
  updated_at: string;
}

export interface LibraryIndicatorsTable {
  id: string;
  organisation_id: string;
  code: string;
  name: string;
  names_json: string;
  definition: string;
  definitions_json: string;
  unit: string;
  type: string;
  direction: string;
  time_aggregation: string;
  location_aggregation: string;
  cumulative: number;
  means_of_verification: string;
  data_source: string;
  collection_method: string;
  frequency: string;
  source: string;
  category_ids_json: string;
  archived: number;
  created_at: string;
  updated_at: string;
}

export interface ReportingRoundsTable {
  id: string;
  project_id: string;
  /** month | quarter | semester | year */
  period_type: string;
  period_key: string;
  period_start: string;
  period_end: string;
  due_date: string;
  title: string;
  /** open | closed */
  status: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface RoundIndicatorsTable {
  round_id: string;
  indicator_id: string;
}

export interface SubmissionsTable {
  id: string;
  round_id: string;
  organisation_id: string;
  /** draft | submitted | returned | approved | reopened */
  status: string;
  /** Bumped by every status change (optimistic concurrency for reviewers). */
  version: number;
  source_language: string;
  submitted_at: string | null;
  submitted_by: string | null;
  decided_at: string | null;
  decided_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface SubmissionLocationsTable {
  submission_id: string;
  location_id: string;
}

export interface IndicatorValuesTable {
  id: string;
  submission_id: string;
  indicator_id: string;
  location_id: string | null;
  /** Option ids joined by `|` in the indicator's category order; '' = the total. */
  disaggregation_key: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  text_value: string | null;
  comment: string;
  updated_by: string;
  updated_at: string;
}

export interface ValueHistoryTable {
  id: string;
  submission_id: string;
  indicator_id: string;
  location_id: string | null;
  disaggregation_key: string;
  /** JSON {value, numerator, denominator, text, comment}; null = did not exist. */
  before_json: string | null;
  after_json: string | null;
  /** grid | import */
  source: string;
  changed_by: string;
  changed_at: string;
}

export interface SubmissionEventsTable {
  id: string;
  submission_id: string;
  /** submit | return | approve | reopen */
  action: string;
  from_status: string;
  to_status: string;
  comment: string;
  user_id: string;
  at: string;
}

export interface ReviewCommentsTable {
  id: string;
  submission_id: string;
  /** Null: a comment on the whole package. */
  indicator_id: string | null;
  location_id: string | null;
  disaggregation_key: string | null;
  body: string;
  author_id: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
}

export interface NarrativesTable {
  id: string;
  submission_id: string;
  /** achievements | challenges | lessons | next_steps */
  section: string;
  result_node_id: string | null;
  language: string;
  text: string;
  updated_by: string;
  updated_at: string;
}

export interface NarrativeTranslationsTable {
  id: string;
  narrative_id: string;
  language: string;
  text: string;
  /** machine | human */
  provenance: string;
  provider: string | null;
  source_hash: string;
  reviewed: number;
  reviewed_by: string | null;
  reviewed_at: string | null;
  updated_by: string;
  updated_at: string;
}

export interface AttachmentsTable {
  id: string;
  submission_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  description: string;
  uploaded_by: string;
  created_at: string;
}

export interface AttachmentContentsTable {
  attachment_id: string;
  content: Buffer;
}

export interface RoundRemindersTable {
  round_id: string;
  organisation_id: string;
  /** before_due | overdue */
  kind: string;
  emailed: number;
  sent_at: string;
}

export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  route: string;
  status_code: number;
  response_json: string;
  created_at: string;
}

export interface AnalyticsKeysTable {
  no: Generated<number>;
  /** indicator | location | organisation | project | submission | combo */
  kind: string;
  key: string;
}

/** One numeric value of a submitted (approved = 0) or approved (1) package; see the monitoring migration. */
export interface AnalyticsFactsTable {
  submission_no: number;
  indicator_no: number;
  /** 0: the whole project. */
  location_no: number;
  organisation_no: number;
  project_no: number;
  /** 0: the total; else the number of the disaggregation key. */
  combo_no: number;
  /** year × 12 + month − 1 */
  month_start: number;
  month_end: number;
  approved: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** analytics_facts added up over places, organisations and packages (those three columns are 0). */
export type AnalyticsTotalsTable = AnalyticsFactsTable;

export interface SavedPivotsTable {
  id: string;
  owner_id: string;
  organisation_id: string;
  name: string;
  definition_json: string;
  shared: number;
  created_at: string;
  updated_at: string;
}

export interface ReportTemplatesTable {
  id: string;
  organisation_id: string;
  name: string;
  description: string;
  /** The current version; its sections are in report_template_versions. */
  version: number;
  archived: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReportTemplateVersionsTable {
  template_id: string;
  version: number;
  name: string;
  /** JSON: ReportSection[] (shared/src/schemas/report-templates.ts). */
  sections_json: string;
  created_by: string | null;
  created_at: string;
}

export interface OrganisationLogosTable {
  organisation_id: string;
  /** image/png | image/jpeg */
  media_type: string;
  content: Buffer;
  updated_at: string;
}

export interface AgreementsTable {
  id: string;
  project_id: string;
  donor_organisation_id: string;
  agreement_number: string;
  title: string;
  start_date: string;
  end_date: string;
  /** month | quarter | semester | year */
  report_frequency: string;
  /** A report is due this many days after its period ends. */
  report_due_days: number;
  template_id: string | null;
  report_language: string;
  created_at: string;
  updated_at: string;
}

export interface JobsTable {
  id: string;
  kind: string;
  payload_json: string;
  /** queued | running | done | failed */
  status: string;
  /** 0–100 */
  progress: number;
  progress_note: string | null;
  result_json: string | null;
  error_code: string | null;
  error_message: string | null;
  attempts: number;
  locked_by: string | null;
  locked_until: string | null;
  organisation_id: string | null;
  created_by: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface JobFilesTable {
  job_id: string;
  file_name: string;
  media_type: string;
  size: number;
  content: Buffer;
  created_at: string;
}

export interface GeneratedReportsTable {
  id: string;
  /** project | programme | country */
  scope_type: string;
  /** A project or programme id, or an ISO 3166-1 alpha-3 code. */
  scope_id: string;
  organisation_id: string;
  template_id: string;
  template_version: number;
  agreement_id: string | null;
  period_start: string;
  period_end: string;
  language: string;
  title: string;
  /** queued | running | done | failed */
  status: string;
  job_id: string | null;
  data_json: string | null;
  regenerated_from: string | null;
  created_by: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface GeneratedReportFilesTable {
  report_id: string;
  /** docx | xlsx | pdf */
  format: string;
  file_name: string;
  size: number;
  sha256: string;
  content: Buffer;
}

export interface ShareLinksTable {
  id: string;
  /** SHA-256 (hex) of the token in the link. */
  token_hash: string;
  /** report | project */
  kind: string;
  report_id: string | null;
  project_id: string;
  label: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
  last_accessed_at: string | null;
  access_count: number;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  /** SHA-256 (hex) of the token. */
  token_hash: string;
  prefix: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface WorkPlansTable {
  id: string;
  project_id: string;
  year: number;
  title: string;
  start_date: string;
  end_date: string;
  /** draft | approved */
  status: string;
  approved_by: string | null;
  approved_at: string | null;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PlannedActivitiesTable {
  id: string;
  work_plan_id: string;
  project_id: string;
  result_node_id: string | null;
  code: string;
  title: string;
  description: string;
  planned_start: string;
  planned_end: string;
  responsible: string;
  team: string;
  organisation_id: string | null;
  location_id: string | null;
  /** not_started | on_track | delayed | done | cancelled */
  status: string;
  percent_complete: number;
  actual_start: string | null;
  actual_end: string | null;
  status_note: string;
  status_updated_by: string | null;
  status_updated_at: string | null;
  position: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ActivityMilestonesTable {
  id: string;
  activity_id: string;
  /** milestone | deliverable */
  kind: string;
  title: string;
  due_date: string;
  done_date: string | null;
  position: number;
}

/** Money columns (`*_minor`) are integer counts of the currency's minor unit. */
export interface BudgetsTable {
  id: string;
  project_id: string;
  agreement_id: string | null;
  title: string;
  currency: string;
  start_date: string;
  end_date: string;
  /** month | quarter | year */
  period_type: string;
  second_approval_threshold_minor: number | null;
  variance_threshold_pct: number;
  current_version: number | null;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface BudgetVersionsTable {
  id: string;
  budget_id: string;
  number: number;
  /** draft | submitted | approved | rejected | superseded */
  status: string;
  reason: string;
  submitted_by: string | null;
  submitted_at: string | null;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string;
  change_request_id: string | null;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface BudgetLinesTable {
  id: string;
  budget_id: string;
  created_at: string;
}

export interface BudgetVersionLinesTable {
  version_id: string;
  line_id: string;
  code: string;
  /** personnel | travel | equipment | supplies | contractual | other_direct | indirect */
  category: string;
  description: string;
  unit: string;
  /** Decimal string. */
  quantity: string;
  unit_cost_minor: number;
  total_minor: number;
  result_node_id: string | null;
  activity_id: string | null;
  note: string;
  position: number;
}

export interface BudgetLineAmountsTable {
  version_id: string;
  line_id: string;
  period_key: string;
  amount_minor: number;
}

export interface ExpendituresTable {
  id: string;
  project_id: string;
  budget_id: string;
  budget_line_id: string;
  expense_date: string;
  description: string;
  payee: string;
  invoice_ref: string;
  amount_minor: number;
  currency: string;
  /** Decimal string: expense-currency units per one budget-currency unit. */
  exchange_rate: string;
  rate_source: string;
  rate_date: string | null;
  amount_budget_minor: number;
  /** submitted | awaiting_second_approval | approved | rejected */
  status: string;
  approvals_required: number;
  submitted_by: string | null;
  submitted_at: string;
  first_approved_by: string | null;
  first_approved_at: string | null;
  approved_by: string | null;
  approved_at: string | null;
  rejected_by: string | null;
  rejected_at: string | null;
  rejection_reason: string;
  attachment_name: string | null;
  attachment_type: string | null;
  attachment_size: number | null;
  attachment_sha256: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ExpenditureAttachmentsTable {
  expenditure_id: string;
  content: Buffer;
}

export interface ChangeRequestsTable {
  id: string;
  project_id: string;
  number: number;
  /** targets | plan | budget */
  kind: string;
  title: string;
  description: string;
  justification: string;
  impact: string;
  changes_json: string;
  budget_version_id: string | null;
  /** submitted | approved | rejected | withdrawn */
  status: string;
  requested_by: string | null;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string;
  applied_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface DB {
  organisations: OrganisationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  audit_log: AuditLogTable;
  locations: LocationsTable;
  programmes: ProgrammesTable;
  projects: ProjectsTable;
  project_countries: ProjectCountriesTable;
  project_locations: ProjectLocationsTable;
  project_sectors: ProjectSectorsTable;
  project_organisations: ProjectOrganisationsTable;
  results_frameworks: ResultsFrameworksTable;
  result_nodes: ResultNodesTable;
  indicators: IndicatorsTable;
  disaggregation_categories: DisaggregationCategoriesTable;
  disaggregation_options: DisaggregationOptionsTable;
  indicator_disaggregations: IndicatorDisaggregationsTable;
  indicator_targets: IndicatorTargetsTable;
  library_indicators: LibraryIndicatorsTable;
  reporting_rounds: ReportingRoundsTable;
  round_indicators: RoundIndicatorsTable;
  submissions: SubmissionsTable;
  submission_locations: SubmissionLocationsTable;
  indicator_values: IndicatorValuesTable;
  value_history: ValueHistoryTable;
  submission_events: SubmissionEventsTable;
  review_comments: ReviewCommentsTable;
  narratives: NarrativesTable;
  narrative_translations: NarrativeTranslationsTable;
  attachments: AttachmentsTable;
  attachment_contents: AttachmentContentsTable;
  round_reminders: RoundRemindersTable;
  idempotency_keys: IdempotencyKeysTable;
  analytics_keys: AnalyticsKeysTable;
  analytics_facts: AnalyticsFactsTable;
  analytics_totals: AnalyticsTotalsTable;
  saved_pivots: SavedPivotsTable;
  report_templates: ReportTemplatesTable;
  report_template_versions: ReportTemplateVersionsTable;
  organisation_logos: OrganisationLogosTable;
  agreements: AgreementsTable;
  jobs: JobsTable;
  job_files: JobFilesTable;
  generated_reports: GeneratedReportsTable;
  generated_report_files: GeneratedReportFilesTable;
  share_links: ShareLinksTable;
  api_tokens: ApiTokensTable;
  work_plans: WorkPlansTable;
  planned_activities: PlannedActivitiesTable;
  activity_milestones: ActivityMilestonesTable;
  budgets: BudgetsTable;
  budget_versions: BudgetVersionsTable;
  budget_lines: BudgetLinesTable;
  budget_version_lines: BudgetVersionLinesTable;
  budget_line_amounts: BudgetLineAmountsTable;
  expenditures: ExpendituresTable;
  expenditure_attachments: ExpenditureAttachmentsTable;
  change_requests: ChangeRequestsTable;
}
