import { disaggregationKey, DisaggregationError } from '@shared/domain/disaggregations.js';
import { checkSubmit } from '@shared/domain/submission-checks.js';
import { nextStatus, type SubmissionAction, type SubmissionStatus } from '@shared/domain/submission-status.js';
import type { AddCommentBody, ApproveBody, CellKeySchema, ReopenBody, ResolveCommentBody, ReturnBody, ReviewComment, SubmissionSummary, SubmitBody } from '@shared/schemas/reporting.js';
import type { z } from 'zod';
import { nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, type DetailInput, forbidden, invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { withIdempotency } from '../../lib/idempotency.js';
import { refreshSubmissionFacts } from '../analytics/facts.js';
import { recordAudit } from '../audit/audit.repository.js';
import { loadSubmission, submissionRights } from './reporting-access.js';
import * as repo from './review.repository.js';
import * as subs from './submissions.repository.js';
import { type LoadedSubmission, type SubmissionSetting, submissionSetting, submissionSummary, toComment } from './submissions.service.js';
import { storedCells } from './values.service.js';

type ActionBody =
  | { action: 'submit'; body: z.infer<typeof SubmitBody> }
  | { action: 'return'; body: z.infer<typeof ReturnBody> }
  | { action: 'approve'; body: z.infer<typeof ApproveBody> }
  | { action: 'reopen'; body: z.infer<typeof ReopenBody> };

/** The status an action starts from, to ask reporting-access whether the reader may take it at all. */
const FROM: Record<SubmissionAction, SubmissionStatus> = { submit: 'draft', return: 'submitted', approve: 'submitted', reopen: 'approved' };

/** Whether the reader holds the right for the action, whatever the package's status now (403 otherwise). */
function mayAct(ctx: Ctx, { submission, access }: LoadedSubmission, action: SubmissionAction): boolean {
  const r = submissionRights(ctx, access, { ...submission, status: FROM[action] }, true);
  return action === 'submit' ? r.canSubmit : action === 'reopen' ? r.canReopen : r.canReview;
}

type Cell = z.infer<typeof CellKeySchema>;

/** The canonical key of a cell of the package, or the details naming what does not belong to it. */
function cellOf(setting: SubmissionSetting, cell: Cell, at: string): { key: string } | { details: DetailInput[] } {
  const indicator = setting.indicators.find((i) => i.id === cell.indicatorId);
  if (!indicator) return { details: [{ field: `${at}.indicatorId`, reason: 'indicator_not_in_round' }] };
  const places = setting.locations.map((l) => l.id as string | null);
  const details: DetailInput[] = [];
  if (!(places.length ? places : [null]).includes(cell.locationId)) details.push({ field: `${at}.locationId`, reason: 'location_not_in_package', params: { indicator: indicator.code } });
  try {
    const key = disaggregationKey(cell.optionIds, indicator.categories);
    return details.length ? { details } : { key };
  } catch (e) {
    if (!(e instanceof DisaggregationError)) throw e;
    return { details: [...details, { field: `${at}.optionIds`, reason: e.reason, params: { indicator: indicator.code } }] };
  }
}

/** Everything that blocks submitting, as 400 details naming the indicator, place and section. */
async function requireSubmittable(ctx: Ctx, s: LoadedSubmission['submission'], setting: SubmissionSetting) {
  const [cells, narratives] = await Promise.all([storedCells(ctx, s.id), subs.packageNarratives(ctx.db, s.id)]);
  const problems = checkSubmit(cells, narratives.map((n) => ({ section: n.section as 'achievements', resultNodeId: n.result_node_id, text: n.text })), setting);
  if (!problems.length) return;
  throw invalid(
    ...problems.map((p) => ({
      field: p.section ? `narratives.${p.section}` : `values.${String(p.params?.indicator ?? '')}.${String(p.params?.location ?? '')}`,
      reason: p.reason,
      ...(p.params ? { params: p.params } : {}),
    })),
  );
}

/**
 * Submit, return, approve or reopen a package. The reader must hold the right (403), the version
 * must be the one they saw (409 `stale_version`, also when another reviewer wins the race between
 * this read and the update), and the status must allow it (409 `invalid_transition`). One event,
 * one audit entry. A retried request with the same Idempotency-Key replays the first answer.
 */
export function act(ctx: Ctx, submissionId: string, a: ActionBody, idempotencyKey?: string) {
  return withIdempotency(ctx, idempotencyKey, `POST /submissions/:id/${a.action}`, async (tx): Promise<SubmissionSummary> => {
    const loaded = await loadSubmission(tx, submissionId);
    const s = loaded.submission;
    if (!mayAct(tx, loaded, a.action)) throw forbidden();
    const stale = () => new AppError('conflict', [{ field: 'version', reason: 'stale_version', params: { current: s.version } }]);
    if (a.body.version !== s.version) throw stale();
    const from = s.status as SubmissionStatus;
    const to = nextStatus(from, a.action);
    if (!to) throw new AppError('invalid_transition', [{ field: 'status', reason: 'not_editable', params: { status: from } }]);
    if (a.action === 'submit' && s.round_status !== 'open') throw new AppError('period_locked', [{ field: 'round', reason: 'round_closed' }]);

    const setting = a.action === 'submit' || a.action === 'return' ? await submissionSetting(tx, s) : null;
    if (a.action === 'submit') await requireSubmittable(tx, s, setting!);
    const now = nowIso();
    const valueComments = a.action === 'return' ? checkedValueComments(setting!, a.body.valueComments, s.id, tx.actor.userId, now) : [];

    const me = tx.actor.userId;
    const moved = await repo.updateStatusAtVersion(tx.db, s.id, s.version, {
      status: to,
      version: s.version + 1,
      updated_at: now,
      ...(a.action === 'submit' ? { submitted_at: now, submitted_by: me } : { decided_at: now, decided_by: me }),
    });
    if (!moved) throw stale();
    // Tables, charts and maps count submitted (pending) and approved packages: same transaction, so fresh on the next request.
    await refreshSubmissionFacts(tx.db, s.id);
    const comment = a.action === 'reopen' ? a.body.reason : a.action === 'submit' ? '' : a.body.comment;
    await repo.insertEvent(tx.db, { id: newId(), submission_id: s.id, action: a.action, from_status: from, to_status: to, comment, user_id: me, at: now });
    await repo.insertComments(tx.db, valueComments);
    await recordAudit(tx, {
      action: `submission.${a.action}`,
      entityType: 'submission',
      entityId: s.id,
      organisationId: s.organisation_id,
      before: { status: from, version: s.version },
      after: { status: to, version: s.version + 1, ...(valueComments.length ? { valueComments: valueComments.length } : {}) },
      note: comment || null,
    });
    return submissionSummary(tx, s);
  });
}

export const submitSubmission = (ctx: Ctx, id: string, body: z.infer<typeof SubmitBody>, key?: string) => act(ctx, id, { action: 'submit', body }, key);
export const returnSubmission = (ctx: Ctx, id: string, body: z.infer<typeof ReturnBody>, key?: string) => act(ctx, id, { action: 'return', body }, key);
export const approveSubmission = (ctx: Ctx, id: string, body: z.infer<typeof ApproveBody>, key?: string) => act(ctx, id, { action: 'approve', body }, key);
export const reopenSubmission = (ctx: Ctx, id: string, body: z.infer<typeof ReopenBody>, key?: string) => act(ctx, id, { action: 'reopen', body }, key);

function checkedValueComments(setting: SubmissionSetting, list: z.infer<typeof ReturnBody>['valueComments'], submissionId: string, authorId: string, at: string) {
  const details: DetailInput[] = [];
  const rows = list.flatMap((c, i) => {
    const cell = cellOf(setting, c, `valueComments.${i}`);
    if ('details' in cell) {
      details.push(...cell.details);
      return [];
    }
    return [{ id: newId(), submission_id: submissionId, indicator_id: c.indicatorId, location_id: c.locationId, disaggregation_key: cell.key, body: c.body, author_id: authorId, created_at: at, resolved_at: null, resolved_by: null }];
  });
  if (details.length) throw invalid(...details);
  return rows;
}

/** A reviewer's comment on the package or one of its values. */
export async function addComment(ctx: Ctx, submissionId: string, body: z.infer<typeof AddCommentBody>): Promise<ReviewComment> {
  return inTransaction(ctx, async (tx) => {
    const { submission: s, rights } = await loadSubmission(tx, submissionId);
    if (!rights.canComment) throw forbidden();
    let key: string | null = null;
    if (body.cell) {
      const cell = cellOf(await submissionSetting(tx, s), body.cell, 'cell');
      if ('details' in cell) throw invalid(...cell.details);
      key = cell.key;
    }
    const row = {
      id: newId(), submission_id: s.id, indicator_id: body.cell?.indicatorId ?? null, location_id: body.cell?.locationId ?? null, disaggregation_key: key,
      body: body.body, author_id: tx.actor.userId, created_at: nowIso(), resolved_at: null, resolved_by: null,
    };
    await repo.insertComments(tx.db, [row]);
    await recordAudit(tx, { action: 'submission.comment', entityType: 'submission', entityId: s.id, organisationId: s.organisation_id, after: { commentId: row.id, cell: body.cell, body: body.body } });
    return toComment({ ...row, author_name: tx.actor.name });
  });
}

/** Marks a comment resolved (or open again): the package's editors and its reviewers may. */
export async function resolveComment(ctx: Ctx, commentId: string, body: z.infer<typeof ResolveCommentBody>): Promise<ReviewComment> {
  return inTransaction(ctx, async (tx) => {
    const comment = await subs.findComment(tx.db, commentId);
    if (!comment) throw notFound();
    const { submission: s, rights } = await loadSubmission(tx, comment.submission_id);
    if (!rights.canEdit && !rights.canComment) throw forbidden();
    const at = body.resolved ? (comment.resolved_at ?? nowIso()) : null;
    const by = body.resolved ? (comment.resolved_by ?? tx.actor.userId) : null;
    if (at !== comment.resolved_at) {
      await repo.setCommentResolved(tx.db, comment.id, at, by);
      await recordAudit(tx, {
        action: 'submission.comment_resolved', entityType: 'submission', entityId: s.id, organisationId: s.organisation_id,
        before: { commentId: comment.id, resolved: comment.resolved_at !== null }, after: { commentId: comment.id, resolved: body.resolved },
      });
    }
    return toComment({ ...comment, resolved_at: at, resolved_by: by });
  });
}
