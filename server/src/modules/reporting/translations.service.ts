import type { Narrative } from '@shared/schemas/reporting.js';
import type { Locale } from '@shared/locales.js';
import type { Config } from '../../config.js';
import { nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, forbidden, invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { providerHost, translateText } from '../../lib/translate.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findNarrative } from './narratives.repository.js';
import { narrativesView, textHash } from './narratives.view.js';
import { loadSubmission } from './reporting-access.js';
import * as repo from './translations.repository.js';

type TranslateConfig = Pick<Config, 'TRANSLATE_URL' | 'TRANSLATE_API_KEY'>;

/** A narrative the reader may see, with their rights on its package (404 otherwise). */
async function loadNarrative(ctx: Ctx, narrativeId: string) {
  const narrative = await findNarrative(ctx.db, narrativeId);
  if (!narrative) throw notFound();
  return { narrative, ...(await loadSubmission(ctx, narrative.submission_id)) };
}

/** The reader may translate the narrative, into a language other than its own. */
async function loadForTranslation(ctx: Ctx, narrativeId: string, language: Locale) {
  const loaded = await loadNarrative(ctx, narrativeId);
  if (!loaded.rights.canTranslate) throw forbidden();
  if (language === loaded.narrative.language) throw invalid({ field: 'params.language', reason: 'same_as_original' });
  return loaded;
}

async function viewOf(ctx: Ctx, submissionId: string, narrativeId: string): Promise<Narrative> {
  return (await narrativesView(ctx.db, submissionId)).find((n) => n.id === narrativeId)!;
}

interface TranslationWrite {
  text: string;
  provenance: 'machine' | 'human';
  provider: string | null;
  /** The original text that was translated; default: the narrative's text now. */
  original?: string;
}

/** Writes a translation (never reviewed yet) and its audit entry; answers the narrative. */
async function writeTranslation(ctx: Ctx, narrativeId: string, language: Locale, w: TranslationWrite): Promise<Narrative> {
  return inTransaction(ctx, async (tx) => {
    // Read again inside the write: the narrative may have been removed while a provider was answering.
    const { narrative, submission } = await loadForTranslation(tx, narrativeId, language);
    const before = await repo.findTranslation(tx.db, narrativeId, language);
    const now = nowIso();
    await repo.upsertTranslation(tx.db, {
      id: before?.id ?? newId(), narrative_id: narrativeId, language, text: w.text, provenance: w.provenance, provider: w.provider,
      source_hash: textHash(w.original ?? narrative.text), reviewed: 0, reviewed_by: null, reviewed_at: null, updated_by: ctx.actor.userId, updated_at: now,
    });
    await recordAudit(tx, {
      action: `narrative.translation.${w.provenance}`,
      entityType: 'narrative',
      entityId: narrativeId,
      organisationId: submission.organisation_id,
      before: before ? { language, text: before.text, provenance: before.provenance, provider: before.provider, reviewed: before.reviewed === 1 } : null,
      after: { language, text: w.text, provenance: w.provenance, provider: w.provider, reviewed: false },
    });
    return viewOf(tx, narrative.submission_id, narrativeId);
  });
}

/**
 * Asks the configured LibreTranslate-compatible provider for a translation. The provider is called
 * outside any transaction (it may take seconds); the result is stored with the hash of the text sent.
 */
export async function machineTranslate(ctx: Ctx, narrativeId: string, language: Locale, config: TranslateConfig, timeoutMs?: number): Promise<Narrative> {
  const { narrative } = await inTransaction(ctx, (tx) => loadForTranslation(tx, narrativeId, language));
  if (!config.TRANSLATE_URL) throw new AppError('conflict', [{ field: 'params.language', reason: 'machine_translation_unavailable' }]);
  const provider = { url: config.TRANSLATE_URL, apiKey: config.TRANSLATE_API_KEY, ...(timeoutMs ? { timeoutMs } : {}) };
  const text = await translateText(provider, { text: narrative.text, source: narrative.language, target: language });
  return writeTranslation(ctx, narrativeId, language, { text, provenance: 'machine', provider: providerHost(config.TRANSLATE_URL), original: narrative.text });
}

/** A person writes or corrects a translation: it becomes theirs, of the current original, not yet reviewed. */
export async function putTranslation(ctx: Ctx, narrativeId: string, language: Locale, text: string): Promise<Narrative> {
  return writeTranslation(ctx, narrativeId, language, { text, provenance: 'human', provider: null });
}

/** Round managers mark a translation reviewed (or take the mark back). */
export async function reviewTranslation(ctx: Ctx, narrativeId: string, language: Locale, reviewed: boolean): Promise<Narrative> {
  return inTransaction(ctx, async (tx) => {
    const { narrative, access, submission } = await loadNarrative(tx, narrativeId);
    if (!access.canManage) throw forbidden();
    const translation = await repo.findTranslation(tx.db, narrativeId, language);
    if (!translation) throw notFound();
    if ((translation.reviewed === 1) !== reviewed) {
      const now = nowIso();
      await repo.setTranslationReviewed(tx.db, translation.id, { reviewed: reviewed ? 1 : 0, reviewed_by: reviewed ? ctx.actor.userId : null, reviewed_at: reviewed ? now : null });
      await recordAudit(tx, {
        action: 'narrative.translation.review',
        entityType: 'narrative',
        entityId: narrativeId,
        organisationId: submission.organisation_id,
        before: { language, reviewed: translation.reviewed === 1 },
        after: { language, reviewed },
      });
    }
    return viewOf(tx, narrative.submission_id, narrativeId);
  });
}
