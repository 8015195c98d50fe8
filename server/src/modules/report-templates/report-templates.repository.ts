import type { Database } from '../../db/database.js';
import type { ReportTemplatesTable, ReportTemplateVersionsTable } from '../../db/schema.js';

export type TemplateRow = ReportTemplatesTable;
/** A template with the sections of its current version. */
export type TemplateWithSections = TemplateRow & { sections_json: string };
export type VersionRow = ReportTemplateVersionsTable & { created_by_name: string | null };

export const findTemplate = (db: Database, id: string): Promise<TemplateWithSections | undefined> =>
  db
    .selectFrom('report_templates as t')
    .innerJoin('report_template_versions as v', (j) => j.onRef('v.template_id', '=', 't.id').onRef('v.version', '=', 't.version'))
    .selectAll('t')
    .select('v.sections_json')
    .where('t.id', '=', id)
    .executeTakeFirst();

/** Templates of the given organisations (all when null), by organisation and name, with the sections of their current version. */
export function listTemplates(db: Database, organisationIds: string[] | null, includeArchived: boolean): Promise<TemplateWithSections[]> {
  let q = db
    .selectFrom('report_templates as t')
    .innerJoin('report_template_versions as v', (j) => j.onRef('v.template_id', '=', 't.id').onRef('v.version', '=', 't.version'))
    .selectAll('t')
    .select('v.sections_json');
  if (organisationIds) q = q.where('t.organisation_id', 'in', organisationIds.length ? organisationIds : ['']);
  if (!includeArchived) q = q.where('t.archived', '=', 0);
  return q.orderBy('t.organisation_id').orderBy('t.name').execute();
}

/** Another template of the organisation with this name, ignoring case. */
export function findTemplateByName(db: Database, organisationId: string, name: string, exceptId?: string) {
  let q = db
    .selectFrom('report_templates')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', eb.fn('lower', [eb.val(name)])));
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
}

export const insertTemplate = (db: Database, row: TemplateRow) => db.insertInto('report_templates').values(row).execute();

/** Moves the template to a new version only if it is still at `fromVersion`; false when someone saved in between. */
export async function updateTemplateAtVersion(db: Database, id: string, fromVersion: number, patch: Partial<TemplateRow>): Promise<boolean> {
  const res = await db.updateTable('report_templates').set(patch).where('id', '=', id).where('version', '=', fromVersion).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export const insertVersion = (db: Database, row: ReportTemplateVersionsTable) => db.insertInto('report_template_versions').values(row).execute();

const versionsWithAuthor = (db: Database) =>
  db
    .selectFrom('report_template_versions as v')
    .leftJoin('users as u', 'u.id', 'v.created_by')
    .selectAll('v')
    .select('u.name as created_by_name');

export const listVersions = (db: Database, templateId: string): Promise<VersionRow[]> =>
  versionsWithAuthor(db).where('v.template_id', '=', templateId).orderBy('v.version', 'desc').execute();

export const findVersion = (db: Database, templateId: string, version: number): Promise<VersionRow | undefined> =>
  versionsWithAuthor(db).where('v.template_id', '=', templateId).where('v.version', '=', version).executeTakeFirst();

export const organisationsByIds = (db: Database, ids: string[] | null) => {
  let q = db.selectFrom('organisations').select(['id', 'name', 'acronym']);
  if (ids) q = q.where('id', 'in', ids.length ? ids : ['']);
  return q.orderBy('name').execute();
};
