
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
}
