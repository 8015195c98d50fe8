import type { ReportSection } from '@shared/schemas/report-templates.js';
import { periodKeyOf } from './report-period.js';
import type { ReportBlock, ReportCover } from './document.types.js';
import type { Loaded } from './assembly.context.js';
import * as repo from './assembly.repository.js';
import { getAgreement } from '../agreements/agreements.service.js';
import { loadOrganisationLogo } from '../organisations/logo.service.js';

/**
 * The cover: what the report is (the template's name, or the cover section's title in the report's
 * language when the template gives one), about what (project or programme), for whom (the donor and
 * agreement number of the agreement chosen, else the project's donors), when, by whom, with the
 * organisation's logo when it has one, and the cover section's fixed text (a donor's funding
 * statement) in the report's language.
 */
export async function cover(l: Loaded, section: ReportSection): Promise<ReportCover> {
  const { input, T, fmt } = l;
  const db = input.ctx.db;
  const [organisation, logo, agreement] = await Promise.all([
    repo.findOrganisation(db, input.organisationId),
    loadOrganisationLogo(db, input.organisationId),
    input.agreementId ? getAgreement(db, input.agreementId) : Promise.resolve(undefined),
  ]);
  const donors = agreement ? [agreement.donor.name] : input.scope.type === 'project' ? (await repo.projectDonors(db, input.scope.id)).map((d) => d.name) : [];
  const key = periodKeyOf(input.periodStart, input.periodEnd, l.scopeInfo.fyStartMonth);
  const period = `${fmt.date(input.periodStart)} – ${fmt.date(input.periodEnd)}${key ? ` (${key})` : ''}`;
  const language = input.language;
  return {
    title: section.titles?.[language]?.trim() || input.templateName,
    statement: section.texts?.[language]?.trim() || section.text.trim(),
    subtitle: l.scopeInfo.title,
    lines: [
      ...(organisation ? [{ label: T.cover.organisation, value: organisation.acronym ? `${organisation.name} (${organisation.acronym})` : organisation.name }] : []),
      ...(donors.length ? [{ label: T.cover.donor, value: donors.join(', ') }] : []),
      ...(agreement ? [{ label: T.cover.agreementNumber, value: agreement.agreementNumber }] : []),
      { label: T.cover.reportingPeriod, value: period },
      { label: T.cover.dateGenerated, value: fmt.date(input.generatedAt) },
    ],
    logo,
  };
}

/** The files attached to the period's approved packages; absent when there are none. */
export function annexes(l: Loaded): ReportBlock[] | null {
  if (!l.attachments.length) return null;
  const A = l.T.annexes;
  return [
    {
      type: 'table',
      sheetName: A.sheet,
      caption: A.caption,
      columns: [
        { label: A.fileName, kind: 'text', width: 2.2 },
        { label: A.type, kind: 'text', width: 1.2 },
        { label: A.sizeKb, kind: 'number', width: 0.8 },
        { label: A.package, kind: 'text', width: 1.6 },
        { label: A.description, kind: 'text', width: 2.2 },
      ],
      rows: l.attachments.map((a) => ({
        cells: [
          a.file_name,
          a.content_type,
          Math.max(0.1, Math.round((Number(a.size_bytes) / 1024) * 10) / 10),
          [...(l.consolidated ? [l.projects.get(a.project_id)?.code ?? ''] : []), a.organisation_acronym ?? a.organisation_name, a.period_key].join(' · '),
          a.description,
        ],
      })),
    },
  ];
}
