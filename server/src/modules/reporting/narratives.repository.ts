import type { Database } from '../../db/database.js';
import type { NarrativesTable } from '../../db/schema.js';

/** A package's narrative sections, with who wrote them last and the code of their result, if any. */
export const narrativesOfSubmission = (db: Database, submissionId: string) =>
  db
    .selectFrom('narratives as n')
    .leftJoin('users as u', 'u.id', 'n.updated_by')
    .leftJoin('result_nodes as rn', 'rn.id', 'n.result_node_id')
    .selectAll('n')
    .select(['u.name as updated_by_name', 'rn.code as node_code'])
    .where('n.submission_id', '=', submissionId)
    .execute();
export type NarrativeRow = Awaited<ReturnType<typeof narrativesOfSubmission>>[number];

export const findNarrative = (db: Database, id: string) => db.selectFrom('narratives').selectAll().where('id', '=', id).executeTakeFirst();

/** The translations of the given narratives, with the names of who wrote and who reviewed them. */
export const translationsOfNarratives = (db: Database, narrativeIds: string[]) =>
  narrativeIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('narrative_translations as t')
        .leftJoin('users as u', 'u.id', 't.updated_by')
        .leftJoin('users as r', 'r.id', 't.reviewed_by')
        .selectAll('t')
        .select(['u.name as updated_by_name', 'r.name as reviewed_by_name'])
        .where('t.narrative_id', 'in', narrativeIds)
        .orderBy('t.language')
        .execute();
export type TranslationRow = Awaited<ReturnType<typeof translationsOfNarratives>>[number];

/** Those of the given result nodes that belong to the project's framework, with their codes. */
export async function projectResultNodes(db: Database, projectId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('result_nodes as rn')
    .innerJoin('results_frameworks as f', 'f.id', 'rn.framework_id')
    .select(['rn.id', 'rn.code'])
    .where('f.project_id', '=', projectId)
    .where('rn.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.code]));
}

export const insertNarrative = (db: Database, row: NarrativesTable) => db.insertInto('narratives').values(row).execute();

export const updateNarrative = (db: Database, id: string, set: Pick<NarrativesTable, 'text' | 'language' | 'updated_by' | 'updated_at'>) =>
  db.updateTable('narratives').set(set).where('id', '=', id).execute();

/** Removes a section; its translations go with it (foreign key cascade). */
export const deleteNarrative = (db: Database, id: string) => db.deleteFrom('narratives').where('id', '=', id).execute();

export const setSourceLanguage = (db: Database, submissionId: string, language: string, at: string) =>
  db.updateTable('submissions').set({ source_language: language, updated_at: at }).where('id', '=', submissionId).execute();
