import type { Project, ProjectSummary } from '@shared/schemas/index.js';
import type { loadProjectLinks, ProjectRow } from './projects.repository.js';

type Links = Awaited<ReturnType<typeof loadProjectLinks>>;

const org = (o: { id: string; name: string; acronym: string | null }) => ({ id: o.id, name: o.name, acronym: o.acronym });

export function toProject(r: ProjectRow, links: Links): Project {
  const orgs = links.organisations.filter((o) => o.project_id === r.id);
  const lead = orgs.find((o) => o.role === 'lead');
  const donor = orgs.find((o) => o.role === 'donor');
  return {
    id: r.id,
    programmeId: r.programme_id,
    programmeName: r.programme_name,
    code: r.code,
    title: r.title,
    description: r.description,
    status: r.status as Project['status'],
    startDate: r.start_date,
    endDate: r.end_date,
    currency: r.currency,
    countries: links.countries.filter((c) => c.project_id === r.id).map((c) => c.country_code),
    locations: links.locations.filter((l) => l.project_id === r.id).map((l) => ({ id: l.id, pcode: l.pcode, name: l.name, level: l.level })),
    sectors: links.sectors.filter((s) => s.project_id === r.id).map((s) => s.sector_code),
    donor: donor ? org(donor) : null,
    leadOrganisation: lead ? org(lead) : { id: '', name: '', acronym: null },
    implementingOrganisations: orgs.filter((o) => o.role === 'implementing').map(org),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toProjectSummary(p: Project): ProjectSummary {
  const { id, programmeId, programmeName, code, title, status, startDate, endDate, currency, countries, leadOrganisation, updatedAt } = p;
  return { id, programmeId, programmeName, code, title, status, startDate, endDate, currency, countries, leadOrganisation, updatedAt };
}

/** What the audit log keeps: ids and codes, the stable facts, without display names. */
export const auditableProject = (p: Project) => ({
  programmeId: p.programmeId,
  code: p.code,
  title: p.title,
  description: p.description,
  status: p.status,
  startDate: p.startDate,
  endDate: p.endDate,
  currency: p.currency,
  countries: p.countries,
  locations: p.locations.map((l) => l.pcode),
  sectors: p.sectors,
  donorOrganisationId: p.donor?.id ?? null,
  leadOrganisationId: p.leadOrganisation.id,
  implementingOrganisationIds: p.implementingOrganisations.map((o) => o.id),
});
