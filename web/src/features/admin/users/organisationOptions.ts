import { useMemo } from 'react';
import { useOrganisations } from '../../../api/lookups.js';
import { useCurrentUser } from '../../auth/session.js';
import { adminOrganisationIds, isInstallationAdmin } from '../access.js';

/** Organisations whose users the signed-in admin manages: all of them for an installation admin. */
export function useManagedOrganisationOptions() {
  const user = useCurrentUser();
  const organisations = useOrganisations();
  return useMemo(() => {
    const all = isInstallationAdmin(user);
    const mine = new Set(adminOrganisationIds(user));
    return (organisations.data?.items ?? [])
      .filter((o) => all || mine.has(o.id))
      .map((o) => ({ value: o.id, label: o.acronym ? `${o.name} (${o.acronym})` : o.name }));
  }, [organisations.data, user]);
}
