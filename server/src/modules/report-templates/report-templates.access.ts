import type { Role } from '@shared/roles.js';
import type { Database } from '../../db/database.js';
import { grantedScopeIds, hasInstallationGrant, hasRole, organisationChain } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';

/**
 * Who may read and change an organisation's report templates.
 *
 * Read: the people of the organisation (their home organisation, or any role on it) and those who
 * manage its projects (a managing role on one of its programmes or projects), since they are the
 * ones who generate its reports. A partner reporter or a donor viewer on a project does not see the
 * lead organisation's internal layouts.
 *
 * Change: the organisation's admins, and its programme managers and M&E officers, on the
 * organisation itself or on one of its programmes.
 */
const MANAGING: readonly Role[] = ['admin', 'programme_manager', 'me_officer'];
const EDITORS_ON_PROGRAMME: readonly Role[] = ['programme_manager', 'me_officer'];

const none = [''];

/** Organisations owning the given programmes, or the programmes of the given projects. */
async function owningOrganisations(db: Database, programmeIds: string[], projectIds: string[]): Promise<string[]> {
  if (!programmeIds.length && !projectIds.length) return [];
  const rows = await db
    .selectFrom('programmes')
    .select('organisation_id')
    .distinct()
    .where((eb) =>
      eb.or([
        eb('id', 'in', programmeIds.length ? programmeIds : none),
        eb('id', 'in', eb.selectFrom('projects').select('programme_id').where('id', 'in', projectIds.length ? projectIds : none)),
      ]),
    )
    .execute();
  return rows.map((r) => r.organisation_id);
}

/** Organisations whose templates the actor may read; null means every organisation (a role on the installation). */
export async function readableTemplateOrganisations(db: Database, actor: Actor): Promise<string[] | null> {
  if (hasInstallationGrant(actor)) return null;
  const managed = await owningOrganisations(db, grantedScopeIds(actor, 'programme', MANAGING), grantedScopeIds(actor, 'project', MANAGING));
  return [...new Set([actor.organisationId, ...grantedScopeIds(actor, 'organisation'), ...managed])];
}

export async function mayReadTemplates(db: Database, actor: Actor, organisationId: string): Promise<boolean> {
  const readable = await readableTemplateOrganisations(db, actor);
  return readable === null || readable.includes(organisationId);
}

/** Organisations whose templates the actor may change, from the given candidates. */
export async function editableTemplateOrganisations(db: Database, actor: Actor, candidates: string[]): Promise<Set<string>> {
  const onProgrammes = new Set(await owningOrganisations(db, grantedScopeIds(actor, 'programme', EDITORS_ON_PROGRAMME), []));
  return new Set(candidates.filter((id) => hasRole(actor, MANAGING, organisationChain(id)) || onProgrammes.has(id)));
}

export async function mayEditTemplates(db: Database, actor: Actor, organisationId: string): Promise<boolean> {
  return (await editableTemplateOrganisations(db, actor, [organisationId])).has(organisationId);
}
