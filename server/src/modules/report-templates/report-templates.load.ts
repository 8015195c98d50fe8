import type { ReportSection } from '@shared/schemas/report-templates.js';
import type { Database } from '../../db/database.js';
import { parseSections } from './report-templates.mapper.js';
import * as repo from './report-templates.repository.js';

export interface LoadedTemplateVersion {
  template: { id: string; organisationId: string; name: string };
  version: number;
  sections: ReportSection[];
}

/**
 * One version of a template as report generation uses it (the current one when `version` is left
 * out), or null when the template or that version does not exist. No access check: the caller
 * (report generation) has already decided the reader may use the template.
 */
export async function loadTemplateVersion(db: Database, templateId: string, version?: number): Promise<LoadedTemplateVersion | null> {
  const template = await db.selectFrom('report_templates').select(['id', 'organisation_id', 'name', 'version']).where('id', '=', templateId).executeTakeFirst();
  if (!template) return null;
  const row = await repo.findVersion(db, templateId, version ?? template.version);
  if (!row) return null;
  return {
    template: { id: template.id, organisationId: template.organisation_id, name: row.name },
    version: row.version,
    sections: parseSections(row.sections_json),
  };
}
