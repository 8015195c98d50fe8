import type { Narrative, Translation } from '@shared/schemas/reporting.js';
import { NARRATIVE_SECTIONS, type NarrativeSection } from '@shared/domain/submission-status.js';
import type { Locale } from '@shared/locales.js';
import type { Database } from '../../db/database.js';
import { sha256 } from '../../lib/ids.js';
import { type NarrativeRow, narrativesOfSubmission, type TranslationRow, translationsOfNarratives } from './narratives.repository.js';

/** The name shown for a user id that no longer resolves (never blank, never the id alone). */
const userRef = (id: string, name: string | null) => ({ id, name: name ?? id });

/** Hash of an original text; a translation keeps the hash of the text it translated. */
export const textHash = (text: string): string => sha256(text);

function toTranslation(t: TranslationRow, originalHash: string): Translation {
  return {
    language: t.language as Locale,
    text: t.text,
    provenance: t.provenance as Translation['provenance'],
    provider: t.provider,
    reviewed: t.reviewed === 1,
    reviewedBy: t.reviewed_by ? userRef(t.reviewed_by, t.reviewed_by_name) : null,
    outdated: t.source_hash !== originalHash,
    updatedAt: t.updated_at,
    updatedBy: userRef(t.updated_by, t.updated_by_name),
  };
}

const sectionRank = (s: string) => NARRATIVE_SECTIONS.indexOf(s as NarrativeSection);

/** Reading order: by section, the package's own text before those on results, results by code. */
function byReadingOrder(a: NarrativeRow, b: NarrativeRow) {
  return (
    sectionRank(a.section) - sectionRank(b.section) ||
    Number(a.result_node_id !== null) - Number(b.result_node_id !== null) ||
    (a.node_code ?? '').localeCompare(b.node_code ?? '')
  );
}

/** Every narrative of a package with its translations, in reading order. */
export async function narrativesView(db: Database, submissionId: string): Promise<Narrative[]> {
  const rows = (await narrativesOfSubmission(db, submissionId)).sort(byReadingOrder);
  const translations = await translationsOfNarratives(db, rows.map((r) => r.id));
  return rows.map((n) => {
    const hash = textHash(n.text);
    return {
      id: n.id,
      section: n.section as NarrativeSection,
      resultNodeId: n.result_node_id,
      language: n.language as Locale,
      text: n.text,
      updatedAt: n.updated_at,
      updatedBy: userRef(n.updated_by, n.updated_by_name),
      translations: translations.filter((t) => t.narrative_id === n.id).map((t) => toTranslation(t, hash)),
    };
  });
}
