import { queryOptions } from '@tanstack/react-query';
import type { Locale } from '@shared/locales.js';
import type { IatiCheck, IatiFix } from '@shared/schemas/iati.js';
import type { CurrentUser } from '@shared/schemas/index.js';
import { api } from '../../../api/client.js';
import { canAdminOrganisation } from '../../admin/access.js';
import { hasAnyRole } from '../../auth/session.js';

/** The pre-check is asked afresh each time the dialog opens: someone may have just fixed a problem. */
export const iatiQueries = {
  all: ['iati'] as const,
  check: (projectIds: readonly string[]) =>
    queryOptions({
      queryKey: [...iatiQueries.all, 'check', [...projectIds].sort().join(',')],
      queryFn: () => api<IatiCheck>('/iati/check', { query: { projectIds: projectIds.join(',') } }),
      staleTime: 0,
      gcTime: 0,
    }),
};

/** The XML of several projects; the server refuses (with the same problems) when the check would. */
export const iatiXmlPath = (projectIds: readonly string[], language: Locale) =>
  `/iati/activities.xml?${new URLSearchParams({ projectIds: projectIds.join(','), language }).toString()}`;

/** Where each kind of problem is fixed in the app. */
export function fixPath(fix: IatiFix): string {
  switch (fix.kind) {
    case 'project':
      return `/projects/${fix.id}/edit`;
    case 'organisation':
      return `/admin/organisations?edit=${fix.id}`;
    case 'indicator':
      return `/indicators/${fix.id}`;
    case 'framework':
      return `/projects/${fix.id}/framework`;
  }
}

/**
 * Whether the user can fix it themselves (for showing the link; the pages check again): organisations
 * are edited by their administrators, projects by managers, frameworks by everyone who exports.
 */
export function canFix(user: CurrentUser, fix: IatiFix): boolean {
  if (fix.kind === 'organisation') return canAdminOrganisation(user, fix.id);
  if (fix.kind === 'project') return hasAnyRole(user, ['admin', 'programme_manager']);
  return true;
}
