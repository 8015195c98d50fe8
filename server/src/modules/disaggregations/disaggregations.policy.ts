import type { Role } from '@shared/roles.js';
import type { Ctx } from '../../lib/context.js';
import { authorise, hasRole, organisationChain } from '../access/access.policy.js';
import { visibleProgrammeIds } from '../access/visibility.repository.js';
import { findOrganisation } from '../organisations/organisations.repository.js';
import { programmeIdsOf } from './disaggregations.repository.js';

/** Who keeps an organisation's categories: the same roles that shape its frameworks, held on the organisation or above. */
export const CATEGORY_EDITORS: readonly Role[] = ['admin', 'programme_manager', 'me_officer'];

/**
 * Categories are read by anyone with a role on the organisation (or the installation), and by
 * anyone who sees one of its programmes: partners read the categories their targets are split by.
 */
async function canSee(ctx: Ctx, organisationId: string): Promise<boolean> {
  if (hasRole(ctx.actor, 'any', organisationChain(organisationId))) return true;
  const visible = await visibleProgrammeIds(ctx.db, ctx.actor);
  if (visible === null) return true;
  const owned = await programmeIdsOf(ctx.db, organisationId);
  return owned.some((id) => visible.includes(id));
}

export const canEditCategories = (ctx: Ctx, organisationId: string) => hasRole(ctx.actor, CATEGORY_EDITORS, organisationChain(organisationId));

/**
 * 404 when the organisation does not exist or its categories are out of the actor's sight,
 * 403 when they are seen but `edit` is asked of someone who may not. Answers whether the actor may edit.
 */
export async function categoriesAccess(ctx: Ctx, organisationId: string, edit: boolean): Promise<boolean> {
  const exists = !!(await findOrganisation(ctx.db, organisationId));
  const canEdit = exists && canEditCategories(ctx, organisationId);
  authorise(exists && (canEdit || (await canSee(ctx, organisationId))), !edit || canEdit);
  return canEdit;
}
