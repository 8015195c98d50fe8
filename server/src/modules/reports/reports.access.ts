import { ROLES, type Role } from '@shared/roles.js';
import type { ReportScope } from '@shared/schemas/reports.js';
import type { Ctx } from '../../lib/context.js';
import { notFound } from '../../lib/errors.js';
import { hasRole, organisationChain, programmeChain, projectChain, type ScopeChain } from '../access/access.policy.js';
import { findCountry, projectsOfCountry } from '../analytics/iptt.repository.js';
import { localized } from '../analytics/iptt.scope.js';
import { loadVisibleProgramme } from '../programmes/programmes.service.js';
import { loadVisibleProject } from '../projects/projects.service.js';
import { visibleProjectIds } from '../access/visibility.repository.js';
import { REPORTERS, ROUND_MANAGERS } from '../reporting/reporting-access.js';

/**
 * Who may do what with donor reports.
 *
 * - Generate, regenerate and delete: the managers of the scope — admin, programme manager or M&E
 *   officer on the project's chain (installation, organisation, programme, project), on the
 *   programme's chain for a programme report, on their own organisation for a country report.
 * - Read (history, downloads): anyone with a role other than reporter on that chain — viewers
 *   (a donor's account), finance, managers. Reporters and partner reporters only ever see their own
 *   organisation's figures, and a report holds everyone's, so they do not read reports.
 * - A scope the reader cannot see at all answers 404; one they see without the right answers 403.
 */
export const READERS: readonly Role[] = ROLES.filter((r) => !REPORTERS.includes(r));

export interface ReportScopeAccess {
  scope: ReportScope;
  /** The organisation the report belongs to: the project's or programme's owner; the reader's for a country. */
  organisationId: string;
  /** For titles and file names: the project or programme code, the country code. */
  code: string;
  name: string;
  /** Organisations whose templates may be used: the owner, and for a project every organisation taking part (a donor's own format). */
  templateOrganisationIds: string[];
  fyOrganisationId: string;
  canManage: boolean;
  canRead: boolean;
}

const rights = (ctx: Ctx, chain: ScopeChain) => ({
  canManage: hasRole(ctx.actor, ROUND_MANAGERS, chain),
  canRead: hasRole(ctx.actor, READERS, chain),
});

/** The scope of a report and the reader's rights on it; 404 when the reader cannot see the scope. */
export async function loadReportScope(ctx: Ctx, scope: ReportScope, reportOrganisationId?: string): Promise<ReportScopeAccess> {
  if (scope.type === 'project') {
    const p = await loadVisibleProject(ctx, scope.id);
    const partners = await ctx.db.selectFrom('project_organisations').select('organisation_id').where('project_id', '=', p.id).execute();
    return {
      scope, organisationId: p.organisation_id, code: p.code, name: `${p.code} — ${p.title}`, fyOrganisationId: p.organisation_id,
      templateOrganisationIds: [...new Set([p.organisation_id, ...partners.map((x) => x.organisation_id)])],
      ...rights(ctx, projectChain({ id: p.id, programmeId: p.programme_id, organisationId: p.organisation_id })),
    };
  }
  if (scope.type === 'programme') {
    const p = await loadVisibleProgramme(ctx, scope.id);
    return {
      scope, organisationId: p.organisation_id, code: p.code, name: `${p.code} — ${p.name}`, fyOrganisationId: p.organisation_id,
      templateOrganisationIds: [p.organisation_id], ...rights(ctx, programmeChain({ id: p.id, organisationId: p.organisation_id })),
    };
  }
  // A country is seen by whoever sees a project in it. Its reports belong to an organisation (the
  // requester's): rights are those on that organisation.
  const country = await findCountry(ctx.db, scope.id);
  const visible = await visibleProjectIds(ctx.db, ctx.actor);
  const inCountry = country ? await projectsOfCountry(ctx.db, scope.id, undefined) : [];
  if (!country || (visible !== null && !inCountry.some((p) => visible.includes(p.id)))) throw notFound();
  const organisationId = reportOrganisationId ?? ctx.actor.organisationId;
  const chain = organisationChain(organisationId);
  return {
    scope, organisationId, code: scope.id, name: localized(country.name, country.names_json, ctx.locale), fyOrganisationId: organisationId,
    templateOrganisationIds: [organisationId],
    ...rights(ctx, chain),
  };
}
