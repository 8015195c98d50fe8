import { disaggregationKey, DisaggregationError, optionIdsOf } from '@shared/domain/disaggregations.js';
import { checkConsistency, checkEntries } from '@shared/domain/submission-checks.js';
import type { SaveValuesBody, SaveValuesResult, ValueHistoryQuery, ValueHistorySchema } from '@shared/schemas/reporting.js';
import type { z } from 'zod';
import { nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { invalid } from '../../lib/errors.js';
import { withIdempotency } from '../../lib/idempotency.js';
import { fromJson } from '../../lib/sql.js';
import { recordAudit } from '../audit/audit.repository.js';
import { loadSubmission } from './reporting-access.js';
import { touchSubmission } from './rounds.repository.js';
import * as repo from './submissions.repository.js';
import { requireEditable, type SubmissionSetting, submissionSetting, toValue, withMessage } from './submissions.service.js';
import { writeValues } from './values.writer.js';

type SaveResult = z.infer<typeof SaveValuesResult>;
export const SAVE_VALUES_ROUTE = 'PUT /submissions/:id/values';

/** The package's stored values (of some indicators only, when given) as the checks read them. */
export async function storedCells(ctx: Ctx, submissionId: string, indicatorIds?: string[]) {
  return (await repo.packageValues(ctx.db, submissionId, indicatorIds)).map(toValue);
}

/**
 * Consistency warnings (breakdowns that do not add up) in the reader's language, for the given
 * indicators (a save's indicators: an autosave of a few cells does not re-read a large package), or all.
 */
export async function packageWarnings(ctx: Ctx, submissionId: string, setting: SubmissionSetting, indicatorIds?: string[]) {
  const only = indicatorIds && new Set(indicatorIds);
  const scoped = only ? { ...setting, indicators: setting.indicators.filter((i) => only.has(i.id)) } : setting;
  return checkConsistency(await storedCells(ctx, submissionId, indicatorIds), scoped, 'warning').map((p) => withMessage(p, ctx.locale));
}

/**
 * A grid save: only the changed cells. Every change is checked first (400 naming `changes.N.<field>`
 * with the indicator code and place); nothing is written unless all pass. One audit entry per save.
 * Answers the consistency warnings of the saved indicators. A retried save (same Idempotency-Key) acts once.
 */
export function saveValues(ctx: Ctx, submissionId: string, body: z.infer<typeof SaveValuesBody>, idempotencyKey?: string) {
  return withIdempotency(ctx, idempotencyKey, SAVE_VALUES_ROUTE, async (tx): Promise<SaveResult> => {
    const loaded = await loadSubmission(tx, submissionId);
    requireEditable(tx, loaded);
    const s = loaded.submission;
    const setting = await submissionSetting(tx, s);
    const { cells, problems } = checkEntries(body.changes, setting);
    if (problems.length) throw invalid(...problems.map((p) => ({ field: `changes.${p.index}.${p.field}`, reason: p.reason, ...(p.params ? { params: p.params } : {}) })));

    const at = nowIso();
    const counts = await writeValues(
      tx.db,
      { submissionId: s.id, userId: tx.actor.userId, source: 'grid', at },
      cells.map((c) => ({ indicatorId: c.indicatorId, locationId: c.locationId, disaggregationKey: c.disaggregationKey, value: c.value, numerator: c.numerator, denominator: c.denominator, text: c.text, comment: c.comment })),
    );
    const saved = counts.created + counts.updated + counts.cleared;
    if (saved > 0) {
      await touchSubmission(tx.db, s.id, at);
      await recordAudit(tx, {
        action: 'submission.values',
        entityType: 'submission',
        entityId: s.id,
        organisationId: s.organisation_id,
        after: { source: 'grid', cells: saved, created: counts.created, updated: counts.updated, cleared: counts.cleared },
      });
    }
    return { saved, problems: await packageWarnings(tx, s.id, setting, [...new Set(cells.map((c) => c.indicatorId))]), updatedAt: at };
  });
}

const content = (v: { value: number | null; numerator: number | null; denominator: number | null; text: string | null; comment: string }) => ({
  value: v.value, numerator: v.numerator, denominator: v.denominator, text: v.text, comment: v.comment,
});

/**
 * One cell's changes, oldest first: every recorded change or clear, and the current value's first
 * write when it was created after the last recorded change (the writer does not record creations).
 */
export async function valueHistory(ctx: Ctx, submissionId: string, q: z.infer<typeof ValueHistoryQuery>): Promise<z.infer<typeof ValueHistorySchema>> {
  return inTransaction(ctx, async (tx) => {
    const { submission: s } = await loadSubmission(tx, submissionId);
    const setting = await submissionSetting(tx, s);
    const indicator = setting.indicators.find((i) => i.id === q.indicatorId);
    if (!indicator) throw invalid({ field: 'indicatorId', reason: 'indicator_not_in_round' });
    let key: string;
    try {
      key = disaggregationKey(optionIdsOf(q.options ?? ''), indicator.categories);
    } catch (e) {
      if (!(e instanceof DisaggregationError)) throw e;
      throw invalid({ field: 'options', reason: e.reason });
    }
    const cell = { submissionId: s.id, indicatorId: indicator.id, locationId: q.locationId ?? null, key };
    const [rows, current] = await Promise.all([repo.cellHistory(tx.db, cell), repo.cellValue(tx.db, cell)]);
    type Content = ReturnType<typeof content>;
    const items: z.infer<typeof ValueHistorySchema>['items'] = rows.map((r) => ({
      before: fromJson<Content>(r.before_json),
      after: fromJson<Content>(r.after_json),
      source: r.source as 'grid' | 'import',
      user: { id: r.changed_by, name: r.user_name ?? '' },
      at: r.changed_at,
    }));
    const last = items.at(-1);
    if (current && (!last || last.after === null)) {
      items.push({
        before: null,
        after: content({ ...current, value: current.value === null ? null : Number(current.value), numerator: current.numerator === null ? null : Number(current.numerator), denominator: current.denominator === null ? null : Number(current.denominator), text: current.text_value }),
        source: 'grid',
        user: { id: current.updated_by, name: current.user_name ?? '' },
        at: current.updated_at,
      });
    }
    return { items };
  });
}
