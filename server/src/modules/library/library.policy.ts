import type { Role } from '@shared/roles.js';
import type { Ctx } from '../../lib/context.js';
import { authorise, hasRole, organisationChain } from '../access/access.policy.js';
import { findOrganisation } from '../organisations/organisations.repository.js';

/** Who keeps an organisation's standard indicators: the roles that shape frameworks, held on the organisation or above. */
export const LIBRARY_EDITORS: readonly Role[] = ['admin', 'programme_manager', 'me_officer'];

/**
 * An organisation's library is read by anyone with a role on the organisation or the
 * installation; project and programme staff see the entries they may adopt through their
 * framework's adoptable list instead. 404 when the organisation does not exist or the actor may
 * not read its library, 403 when `edit` is asked of a reader. Answers whether the actor may edit.
 */
export async function libraryAccess(ctx: Ctx, organisationId: string, edit: boolean): Promise<boolean> {
  const exists = !!(await findOrganisation(ctx.db, organisationId));
  const chain = organisationChain(organisationId);
  const canEdit = exists && hasRole(ctx.actor, LIBRARY_EDITORS, chain);
  authorise(exists && hasRole(ctx.actor, 'any', chain), !edit || canEdit);
  return canEdit;
}
