import type { Membership, User } from '@shared/schemas/index.js';
import type { Locale } from '@shared/locales.js';
import type { Role, ScopeType } from '@shared/roles.js';
import type { UsersTable } from '../../db/schema.js';
import type { MembershipRow } from './users.repository.js';

export const toMembership = (m: MembershipRow): Membership => ({
  id: m.id,
  userId: m.user_id,
  role: m.role as Role,
  scopeType: m.scope_type as ScopeType,
  scopeId: m.scope_id,
  scopeName: m.scope_name,
  createdAt: m.created_at,
});

export const toUser = (u: UsersTable, organisationName: string, memberships: MembershipRow[]): User => ({
  id: u.id,
  email: u.email,
  name: u.name,
  organisationId: u.organisation_id,
  organisationName,
  locale: (u.locale as Locale | null) ?? null,
  disabled: u.disabled === 1,
  lastSignInAt: u.last_sign_in_at,
  createdAt: u.created_at,
  updatedAt: u.updated_at,
  memberships: memberships.filter((m) => m.user_id === u.id).map(toMembership),
});

/** What the audit log keeps of a user: never the password hash. */
export const auditableUser = (u: UsersTable) => ({
  email: u.email,
  name: u.name,
  organisationId: u.organisation_id,
  locale: u.locale,
  disabled: u.disabled === 1,
});
