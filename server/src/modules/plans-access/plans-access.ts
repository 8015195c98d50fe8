import { MONEY_READERS } from '@shared/plans-roles.js';
import type { Role } from '@shared/roles.js';
import type { Ctx } from '../../lib/context.js';
import { authorise, hasRole, projectChain, type ScopeChain } from '../access/access.policy.js';
import { loadVisibleProject } from '../projects/projects.service.js';

// The role lists live in shared/src/plans-roles.ts so the web hides what the server refuses.
export * from '@shared/plans-roles.js';

/**
 * Access to a project's plans and money. Every role is checked on the project's scope chain
 * (installation, lead organisation, programme, project), so an implementing partner's admin never
 * sees the lead's money.
 */
export interface ProjectPlansAccess {
  project: Awaited<ReturnType<typeof loadVisibleProject>>;
  chain: ScopeChain;
  can: (roles: readonly Role[]) => boolean;
}

/** The project (404 when the reader cannot see it) with a role test on its chain. */
export async function projectPlansAccess(ctx: Ctx, projectId: string): Promise<ProjectPlansAccess> {
  const project = await loadVisibleProject(ctx, projectId);
  const chain = projectChain({ id: project.id, programmeId: project.programme_id, organisationId: project.organisation_id });
  return { project, chain, can: (roles) => hasRole(ctx.actor, roles, chain) };
}

/** As projectPlansAccess, and 403 unless the reader may see the project's money. */
export async function projectMoneyAccess(ctx: Ctx, projectId: string): Promise<ProjectPlansAccess> {
  const access = await projectPlansAccess(ctx, projectId);
  authorise(true, access.can(MONEY_READERS));
  return access;
}
