import type { Database } from '../../db/database.js';
import type { NarrativeTranslationsTable } from '../../db/schema.js';

export const findTranslation = (db: Database, narrativeId: string, language: string) =>
  db.selectFrom('narrative_translations').selectAll().where('narrative_id', '=', narrativeId).where('language', '=', language).executeTakeFirst();

/** Writes the narrative's translation into a language, replacing the one there was. */
export const upsertTranslation = (db: Database, row: NarrativeTranslationsTable) =>
  db
    .insertInto('narrative_translations')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['narrative_id', 'language']).doUpdateSet({
        text: row.text, provenance: row.provenance, provider: row.provider, source_hash: row.source_hash, reviewed: row.reviewed,
        reviewed_by: row.reviewed_by, reviewed_at: row.reviewed_at, updated_by: row.updated_by, updated_at: row.updated_at,
      }),
    )
    .execute();

export const setTranslationReviewed = (db: Database, id: string, set: Pick<NarrativeTranslationsTable, 'reviewed' | 'reviewed_by' | 'reviewed_at'>) =>
  db.updateTable('narrative_translations').set(set).where('id', '=', id).execute();
