import type { ReportSection, ReportTemplate, ReportTemplateSummary, ReportTemplateVersion } from '@shared/schemas/report-templates.js';
import type { TemplateWithSections, VersionRow } from './report-templates.repository.js';

export const parseSections = (json: string): ReportSection[] => JSON.parse(json) as ReportSection[];

export const toTemplate = (r: TemplateWithSections, canEdit: boolean): ReportTemplate => ({
  id: r.id,
  organisationId: r.organisation_id,
  name: r.name,
  description: r.description,
  version: r.version,
  archived: r.archived === 1,
  sections: parseSections(r.sections_json),
  updatedAt: r.updated_at,
  canEdit,
});

export const toSummary = (r: TemplateWithSections, canEdit: boolean): ReportTemplateSummary => {
  const { sections, ...rest } = toTemplate(r, canEdit);
  return { ...rest, sectionCount: sections.length };
};

export const toVersion = (r: VersionRow): ReportTemplateVersion => ({
  version: r.version,
  name: r.name,
  sections: parseSections(r.sections_json),
  createdAt: r.created_at,
  createdByName: r.created_by_name,
});

/** What the audit log keeps of a template: its fields and the section layout (titles, switches, kinds), not each fixed text in full. */
export const auditableTemplate = (t: { name: string; description: string; version: number; archived: number | boolean; sections: ReportSection[] }) => ({
  name: t.name,
  description: t.description,
  version: t.version,
  archived: t.archived === true || t.archived === 1,
  sections: t.sections.map((s) => ({ key: s.key, kind: s.kind, title: s.title, enabled: s.enabled, textLength: s.text.length, titles: s.titles ?? {}, textLanguages: Object.keys(s.texts ?? {}) })),
});
