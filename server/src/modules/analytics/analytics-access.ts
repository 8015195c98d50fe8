import type { Ctx } from '../../lib/context.js';
import { hasRole, projectChain } from '../access/access.policy.js';
import { visibleProjectIds } from '../access/visibility.repository.js';
import { REPORTERS, ROUND_MANAGERS } from '../reporting/reporting-access.js';
import type { FactScope } from './engine.types.js';

/**
 * Which figures a reader may see, project by project. Deny by default: only projects the reader can
 * see. On each, a reader with a role other than reporter or partner reporter on the project's
 * chain (viewer, M&E officer, manager, finance…) sees every organisation's figures; anyone else —
 * reporters, and staff of a partner organisation who see the project only because their
 * organisation takes part — sees their own organisation's. Pending values only for round managers, and for reporters on their own figures.
 * `projectIds` narrows the answer (ids the reader cannot see are simply left out).
 */
export async function factScopes(ctx: Ctx, projectIds?: string[]): Promise<FactScope[]> {
  const visible = await visibleProjectIds(ctx.db, ctx.actor);
  let q = ctx.db
    .selectFrom('projects')
    .innerJoin('programmes', 'programmes.id', 'projects.programme_id')
    .select(['projects.id', 'projects.programme_id', 'programmes.organisation_id']);
  if (visible !== null) q = q.where('projects.id', 'in', visible.length ? visible : ['']);
  if (projectIds) q = q.where('projects.id', 'in', projectIds.length ? projectIds : ['']);
  const rows = await q.execute();
  return rows.map((p) => {
    const chain = projectChain({ id: p.id, programmeId: p.programme_id, organisationId: p.organisation_id });
    const manager = hasRole(ctx.actor, ROUND_MANAGERS, chain);
    const wider = ctx.actor.grants.some(
      (g) => !REPORTERS.includes(g.role) && chain.some((s) => s.type === g.scopeType && s.id === g.scopeId),
    );
    const reporterOnly = !wider && hasRole(ctx.actor, REPORTERS, chain);
    return {
      projectId: p.id,
      organisationId: wider ? null : ctx.actor.organisationId,
      pendingAllowed: manager || reporterOnly,
    };
  });
}
