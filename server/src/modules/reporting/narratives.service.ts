import type { z } from 'zod';
import type { NarrativeList, SaveNarrativesBody } from '@shared/schemas/reporting.js';
import type { Config } from '../../config.js';
import { nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { type DetailInput, invalid } from '../../lib/errors.js';
import { type IdempotentAnswer, withIdempotency } from '../../lib/idempotency.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.repository.js';
import * as repo from './narratives.repository.js';
import { narrativesView } from './narratives.view.js';
import { loadSubmission } from './reporting-access.js';
import { requireEditable } from './submissions.service.js';

type Loaded = Awaited<ReturnType<typeof loadSubmission>>;
type TranslateConfig = Pick<Config, 'TRANSLATE_URL'>;

async function listOf(ctx: Ctx, loaded: Loaded, config: TranslateConfig): Promise<NarrativeList> {
  return {
    items: await narrativesView(ctx.db, loaded.submission.id),
    machineTranslation: Boolean(config.TRANSLATE_URL),
    canEdit: loaded.rights.canEdit,
    canTranslate: loaded.rights.canTranslate,
  };
}

export async function listNarratives(ctx: Ctx, submissionId: string, config: TranslateConfig): Promise<NarrativeList> {
  return inTransaction(ctx, async (tx) => listOf(tx, await loadSubmission(tx, submissionId), config));
}

/** A section's place in the package: the section, alone or on one result. */
const slotOf = (s: { section: string; resultNodeId?: string | null; result_node_id?: string | null }) => `${s.section}|${s.resultNodeId ?? s.result_node_id ?? ''}`;

/**
 * Saves the sections given (others stay as they are): a new text replaces the section's, an empty
 * text removes it with its translations. Every section saved takes the body's language, which
 * also becomes the package's source language. One audit entry names the sections changed.
 */
export async function saveNarratives(
  ctx: Ctx,
  submissionId: string,
  body: z.infer<typeof SaveNarrativesBody>,
  config: TranslateConfig,
  idempotencyKey?: string,
): Promise<IdempotentAnswer<NarrativeList>> {
  return withIdempotency(ctx, idempotencyKey, 'PUT /submissions/:id/narratives', async (tx) => {
    const loaded = await loadSubmission(tx, submissionId);
    const { submission, access } = loaded;
    requireEditable(tx, loaded);

    const nodeIds = [...new Set(body.sections.flatMap((s) => (s.resultNodeId ? [s.resultNodeId] : [])))];
    const nodeCodes = await repo.projectResultNodes(tx.db, access.project.id, nodeIds);
    const details: DetailInput[] = [];
    const seen = new Set<string>();
    body.sections.forEach((s, i) => {
      if (s.resultNodeId && !nodeCodes.has(s.resultNodeId)) details.push({ field: `body.sections.${i}.resultNodeId`, reason: 'unknown_reference' });
      if (seen.has(slotOf(s))) details.push({ field: `body.sections.${i}.section`, reason: 'duplicate' });
      seen.add(slotOf(s));
    });
    if (details.length) throw invalid(...details);

    const existing = new Map((await repo.narrativesOfSubmission(tx.db, submissionId)).map((n) => [slotOf(n), n]));
    const now = nowIso();
    const before: Record<string, string | null> = {};
    const after: Record<string, string | null> = {};
    for (const s of body.sections) {
      const current = existing.get(slotOf(s));
      const label = s.resultNodeId ? `${s.section} · ${nodeCodes.get(s.resultNodeId)}` : s.section;
      if (!current && !s.text) continue;
      if (current && current.text === s.text && current.language === body.language) continue;
      before[label] = current?.text ?? null;
      after[label] = s.text || null;
      if (!s.text) await repo.deleteNarrative(tx.db, current!.id);
      else if (current) await repo.updateNarrative(tx.db, current.id, { text: s.text, language: body.language, updated_by: ctx.actor.userId, updated_at: now });
      else {
        await repo.insertNarrative(tx.db, {
          id: newId(), submission_id: submissionId, section: s.section, result_node_id: s.resultNodeId, language: body.language, text: s.text,
          updated_by: ctx.actor.userId, updated_at: now,
        });
      }
    }
    const languageChanged = submission.source_language !== body.language;
    if (languageChanged) await repo.setSourceLanguage(tx.db, submissionId, body.language, now);
    if (languageChanged || Object.keys(after).length) {
      await recordAudit(tx, {
        action: 'submission.narratives',
        entityType: 'submission',
        entityId: submissionId,
        organisationId: submission.organisation_id,
        before: { ...(languageChanged ? { language: submission.source_language } : {}), sections: before },
        after: { ...(languageChanged ? { language: body.language } : {}), sections: after },
      });
    }
    return listOf(tx, loaded, config);
  });
}
