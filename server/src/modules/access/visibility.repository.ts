import type { Database } from '../../db/database.js';
import type { Actor } from './actor.js';
import { grantedScopeIds, hasInstallationGrant } from './access.policy.js';

/**
 * Which programmes and projects an actor may see. `null` means all (a role on the installation).
 * Organisation roles see their organisation's programmes and the projects their organisation
 * takes part in (lead, implementing or donor); programme and project roles see what they name.
 */
export async function visibleProjectIds(db: Database, actor: Actor): Promise<string[] | null> {
  if (hasInstallationGrant(actor)) return null;
  const orgIds = grantedScopeIds(actor, 'organisation');
  const programmeIds = grantedScopeIds(actor, 'programme');
  const projectIds = grantedScopeIds(actor, 'project');
  const none = [''];
  const rows = await db
    .selectFrom('projects')
    .innerJoin('programmes', 'programmes.id', 'projects.programme_id')
    .select('projects.id')
    .where((eb) =>
      eb.or([
        eb('projects.id', 'in', projectIds.length ? projectIds : none),
        eb('projects.programme_id', 'in', programmeIds.length ? programmeIds : none),
        eb('programmes.organisation_id', 'in', orgIds.length ? orgIds : none),
        eb(
          'projects.id',
          'in',
          eb.selectFrom('project_organisations').select('project_id').where('organisation_id', 'in', orgIds.length ? orgIds : none),
        ),
      ]),
    )
    .execute();
  return rows.map((r) => r.id);
}

export async function visibleProgrammeIds(db: Database, actor: Actor): Promise<string[] | null> {
  if (hasInstallationGrant(actor)) return null;
  const orgIds = grantedScopeIds(actor, 'organisation');
  const direct = grantedScopeIds(actor, 'programme');
  const projectIds = (await visibleProjectIds(db, actor)) ?? [];
  const none = [''];
  const rows = await db
    .selectFrom('programmes')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('id', 'in', direct.length ? direct : none),
        eb('organisation_id', 'in', orgIds.length ? orgIds : none),
        eb('id', 'in', eb.selectFrom('projects').select('programme_id').where('id', 'in', projectIds.length ? projectIds : none)),
      ]),
    )
    .execute();
  return rows.map((r) => r.id);
}
