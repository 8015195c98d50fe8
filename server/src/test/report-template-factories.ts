import type { Role, ScopeType } from '@shared/roles.js';
import type { ReportSection } from '@shared/schemas/report-templates.js';
import type { Database } from '../db/database.js';
import { buildOrganisation, buildProgramme, buildProject, buildUser } from './factories.js';

/**
 * A world for report templates and logos: organisation A leads a project that B implements,
 * C has nothing to do with it. One person per kind of access (issue 6's role matrix).
 */
export async function buildTemplateWorld(db: Database) {
  const lead = await buildOrganisation(db, { name: `Sahel Action ${Math.random().toString(36).slice(2, 8)}` });
  const partner = await buildOrganisation(db);
  const donor = await buildOrganisation(db, { type: '10' });
  const other = await buildOrganisation(db);
  const programme = await buildProgramme(db, { organisationId: lead.id });
  const project = await buildProject(db, { programmeId: programme.id, leadOrganisationId: lead.id, implementingOrganisationIds: [partner.id] });
  const user = (organisationId: string, grant: { role: Role; scopeType: ScopeType; scopeId: string | null }) =>
    buildUser(db, { organisationId, grants: [grant] });
  const users = {
    installationAdmin: await user(other.id, { role: 'admin', scopeType: 'installation', scopeId: null }),
    admin: await user(lead.id, { role: 'admin', scopeType: 'organisation', scopeId: lead.id }),
    pm: await user(lead.id, { role: 'programme_manager', scopeType: 'programme', scopeId: programme.id }),
    me: await user(lead.id, { role: 'me_officer', scopeType: 'organisation', scopeId: lead.id }),
    reporter: await user(lead.id, { role: 'reporter', scopeType: 'project', scopeId: project.id }),
    viewer: await user(lead.id, { role: 'viewer', scopeType: 'organisation', scopeId: lead.id }),
    /** A partner's manager on the lead's project: manages it, so reads the lead's templates. */
    projectManager: await user(partner.id, { role: 'programme_manager', scopeType: 'project', scopeId: project.id }),
    partner: await user(partner.id, { role: 'partner_reporter', scopeType: 'project', scopeId: project.id }),
    donorViewer: await user(donor.id, { role: 'viewer', scopeType: 'programme', scopeId: programme.id }),
    outsider: await user(other.id, { role: 'admin', scopeType: 'organisation', scopeId: other.id }),
  };
  return { lead, partner, donor, other, programme, project, users };
}
export type TemplateWorld = Awaited<ReturnType<typeof buildTemplateWorld>>;

export const sampleSections = (): ReportSection[] => [
  { key: 'cover', kind: 'cover', title: 'Cover', enabled: true, text: '' },
  { key: 'summary', kind: 'executive_summary', title: 'Executive summary', enabled: true, text: 'Summarise the quarter in one page.' },
  { key: 'iptt', kind: 'iptt', title: 'Indicator performance tracking table', enabled: true, text: '' },
  { key: 'annexes', kind: 'annexes', title: 'Annexes', enabled: false, text: '' },
];
