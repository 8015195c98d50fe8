import { useMemo } from 'react';
import type { CurrentUser } from '@shared/schemas/index.js';
import { useOrganisations } from '../../api/lookups.js';

/** Whether the user holds a role on a whole organisation (or the installation): organisation-wide lists are theirs to read. */
export const hasOrganisationRole = (u: CurrentUser) => u.memberships.some((m) => m.scopeType === 'installation' || m.scopeType === 'organisation');

/**
 * The organisations whose lists (library, disaggregation categories) the user may open: every one for
 * an installation role, else those they hold a role on, plus `extra` (e.g. their own organisation).
 * Only for the picker; the server answers 404 for any other.
 */
export function useOrganisationChoice(user: CurrentUser, requested: string | null, extra: string[] = []) {
  const organisations = useOrganisations();
  // Compared by content: callers pass a fresh array each render.
  const extraKey = extra.join('|');
  return useMemo(() => {
    const all = user.memberships.some((m) => m.scopeType === 'installation');
    const allowed = new Set([...user.memberships.filter((m) => m.scopeType === 'organisation' && m.scopeId).map((m) => m.scopeId as string), ...extraKey.split('|').filter(Boolean)]);
    const options = (organisations.data?.items ?? [])
      .filter((o) => all || allowed.has(o.id))
      .map((o) => ({ value: o.id, label: o.acronym ? `${o.name} (${o.acronym})` : o.name }));
    const fallback = all || allowed.has(user.organisationId) ? user.organisationId : (options[0]?.value ?? [...allowed][0] ?? user.organisationId);
    return { options, organisationId: requested || fallback, defaultId: fallback };
  }, [organisations.data, user, requested, extraKey]);
}
