import type { CurrentUser } from '@shared/schemas/index.js';

/**
 * What the signed-in user may administer, read from their memberships. Only for showing or hiding
 * controls: the server checks every request again and answers 403 when it refuses.
 */
export const isAdmin = (u: CurrentUser) => u.memberships.some((m) => m.role === 'admin');

export const isInstallationAdmin = (u: CurrentUser) => u.memberships.some((m) => m.role === 'admin' && m.scopeType === 'installation');

/** Organisations the user administers through an organisation-scoped admin grant. */
export const adminOrganisationIds = (u: CurrentUser): string[] =>
  u.memberships.filter((m) => m.role === 'admin' && m.scopeType === 'organisation' && m.scopeId).map((m) => m.scopeId as string);

/** Users who shape results frameworks (and so read disaggregation categories and the indicator library). */
export const worksOnFrameworks = (u: CurrentUser) => u.memberships.some((m) => m.role === 'admin' || m.role === 'programme_manager' || m.role === 'me_officer');

export const canAdminOrganisation = (u: CurrentUser, organisationId: string) =>
  isInstallationAdmin(u) || adminOrganisationIds(u).includes(organisationId);
