import type { Database } from '../../db/database.js';

/** What report assembly reads besides the IPTT: narratives, translations, attachments, cover details. */

const orNone = (ids: readonly string[]) => (ids.length ? [...ids] : ['']);

/** Narratives of approved packages of the projects, for rounds lying within the period. */
export const approvedNarratives = (db: Database, projectIds: readonly string[], start: string, end: string) =>
  db
    .selectFrom('narratives as n')
    .innerJoin('submissions as s', 's.id', 'n.submission_id')
    .innerJoin('reporting_rounds as r', 'r.id', 's.round_id')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .leftJoin('result_nodes as rn', 'rn.id', 'n.result_node_id')
    .select([
      'n.id', 'n.submission_id', 'n.section', 'n.result_node_id', 'n.language', 'n.text',
      's.organisation_id', 'o.name as organisation_name', 'o.acronym as organisation_acronym',
      'r.project_id', 'r.period_key', 'r.period_start',
      'rn.code as node_code', 'rn.title as node_title', 'rn.titles_json as node_titles_json', 'rn.level as node_level',
    ])
    .where('r.project_id', 'in', orNone(projectIds))
    .where('s.status', '=', 'approved')
    .where('r.period_start', '>=', start)
    .where('r.period_end', '<=', end)
    .orderBy('r.period_start')
    .orderBy('o.name')
    .orderBy('n.id')
    .execute();
export type NarrativeRow = Awaited<ReturnType<typeof approvedNarratives>>[number];

/** Reviewed translations of some narratives into one language, with the hash of the text each translated. */
export const reviewedTranslations = (db: Database, narrativeIds: readonly string[], language: string) =>
  db
    .selectFrom('narrative_translations')
    .select(['narrative_id', 'text', 'source_hash'])
    .where('narrative_id', 'in', orNone(narrativeIds))
    .where('language', '=', language)
    .where('reviewed', '=', 1)
    .execute();

/** Files attached to approved packages of the projects, for rounds lying within the period. */
export const approvedAttachments = (db: Database, projectIds: readonly string[], start: string, end: string) =>
  db
    .selectFrom('attachments as a')
    .innerJoin('submissions as s', 's.id', 'a.submission_id')
    .innerJoin('reporting_rounds as r', 'r.id', 's.round_id')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select([
      'a.id', 'a.file_name', 'a.content_type', 'a.size_bytes', 'a.description', 's.organisation_id',
      'o.name as organisation_name', 'o.acronym as organisation_acronym', 'r.project_id', 'r.period_key', 'r.period_start',
    ])
    .where('r.project_id', 'in', orNone(projectIds))
    .where('s.status', '=', 'approved')
    .where('r.period_start', '>=', start)
    .where('r.period_end', '<=', end)
    .orderBy('r.period_start')
    .orderBy('o.name')
    .orderBy('a.file_name')
    .execute();
export type AttachmentRow = Awaited<ReturnType<typeof approvedAttachments>>[number];

export const findOrganisation = (db: Database, id: string) =>
  db.selectFrom('organisations').select(['id', 'name', 'acronym']).where('id', '=', id).executeTakeFirst();

/** The donor organisations a project names (for a cover without an agreement). */
export const projectDonors = (db: Database, projectId: string) =>
  db
    .selectFrom('project_organisations as po')
    .innerJoin('organisations as o', 'o.id', 'po.organisation_id')
    .select(['o.name'])
    .where('po.project_id', '=', projectId)
    .where('po.role', '=', 'donor')
    .orderBy('o.name')
    .execute();

/** The kind (sex, age, disability, displacement, custom) of some disaggregation categories. */
export async function categoryKinds(db: Database, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.selectFrom('disaggregation_categories').select(['id', 'kind']).where('id', 'in', orNone(ids)).execute();
  return new Map(rows.map((r) => [r.id, r.kind]));
}
