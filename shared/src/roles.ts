/** Roles a membership can grant (PRODUCT.md, "Tenancy and people"). */
export const ROLES = [
  'admin',
  'programme_manager',
  'me_officer',
  'reporter',
  'partner_reporter',
  'budget_holder',
  'finance_officer',
  'grants_reviewer',
  'applicant',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

/** Scopes nest: installation ⊃ organisation ⊃ programme ⊃ project. */
export const SCOPE_TYPES = ['installation', 'organisation', 'programme', 'project'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];
