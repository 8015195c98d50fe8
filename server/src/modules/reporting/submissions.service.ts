import { optionIdsOf } from '@shared/domain/disaggregations.js';
import { outliersOf } from '@shared/domain/outliers.js';
import type { CheckProblem } from '@shared/domain/submission-checks.js';
import type { SubmissionStatus } from '@shared/domain/submission-status.js';
import { errorMessage } from '@shared/i18n/error-messages.js';
import type { Locale } from '@shared/locales.js';
import type { EntryProblem, IndicatorValue, ReviewComment, SubmissionDetail, SubmissionIndicator, SubmissionSummary } from '@shared/schemas/reporting.js';
import type { z } from 'zod';
import type { RoundLocationSchema } from '@shared/schemas/reporting.js';
import type { Ctx } from '../../lib/context.js';
import { inTransaction } from '../../lib/context.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import { categoriesInOrder } from '../disaggregations/disaggregations.mapper.js';
import { categoriesOfIndicators } from '../disaggregations/disaggregations.repository.js';
import { loadSubmission, submissionRights } from './reporting-access.js';
import { todayUtc, toRound, toSubmissionSummary } from './rounds.mapper.js';
import * as rounds from './rounds.repository.js';
import * as repo from './submissions.repository.js';

export type LoadedSubmission = Awaited<ReturnType<typeof loadSubmission>>;
export type SubmissionRecord = LoadedSubmission['submission'];

export interface SubmissionSetting {
  indicators: SubmissionIndicator[];
  locations: z.infer<typeof RoundLocationSchema>[];
}

/**
 * What a package asks for: the round's indicators (with their result and categories, in framework
 * order) and the package's places. A fixed number of queries whatever the number of indicators.
 * The checks in shared/src/domain/submission-checks.ts take this as their setting.
 */
export async function submissionSetting(ctx: Ctx, s: Pick<SubmissionRecord, 'id' | 'round_id'>): Promise<SubmissionSetting> {
  const [unordered, locations] = await Promise.all([repo.roundIndicators(ctx.db, s.round_id), repo.packageLocations(ctx.db, s.id)]);
  const order = treeOrder(await repo.frameworkNodes(ctx.db, [...new Set(unordered.map((i) => i.framework_id))]));
  // Stable: indicators of one result keep their own order.
  const indicators = [...unordered].sort((a, b) => (order.get(a.node_id) ?? 0) - (order.get(b.node_id) ?? 0));
  const categoryIds = await categoriesOfIndicators(ctx.db, indicators.map((i) => i.id));
  const categories = new Map((await categoriesInOrder(ctx.db, [...new Set([...categoryIds.values()].flat())])).map((c) => [c.id, c]));
  return {
    indicators: indicators.map((i) => ({
      id: i.id,
      code: i.code,
      name: i.name,
      unit: i.unit,
      type: i.type as SubmissionIndicator['type'],
      direction: i.direction as SubmissionIndicator['direction'],
      resultNode: { id: i.node_id, code: i.node_code, title: i.node_title, level: i.node_level },
      categories: (categoryIds.get(i.id) ?? []).flatMap((id) => categories.get(id) ?? []),
      timeAggregation: i.time_aggregation as SubmissionIndicator['timeAggregation'],
    })),
    locations,
  };
}

/** Each result's place in the framework read top to bottom: a result, then the results below it, by position. */
export function treeOrder(nodes: readonly { id: string; parent_id: string | null; position: number }[]): Map<string, number> {
  const children = new Map<string | null, { id: string; position: number }[]>();
  for (const n of nodes) children.set(n.parent_id, [...(children.get(n.parent_id) ?? []), n]);
  const order = new Map<string, number>();
  const visit = (parent: string | null) => {
    for (const child of (children.get(parent) ?? []).sort((a, b) => a.position - b.position)) {
      order.set(child.id, order.size);
      visit(child.id);
    }
  };
  visit(null);
  return order;
}

/** A package as the completeness board shows it. */
export async function submissionSummary(ctx: Ctx, s: Pick<SubmissionRecord, 'id' | 'round_id' | 'round_due_date'>): Promise<SubmissionSummary> {
  const [rows, indicatorIds, locations, filled, comments] = await Promise.all([
    rounds.submissionsOfRounds(ctx.db, [s.round_id]),
    rounds.roundIndicatorIds(ctx.db, [s.round_id]),
    rounds.submissionLocationIds(ctx.db, [s.id]),
    rounds.filledCounts(ctx.db, [s.id]),
    rounds.openCommentCounts(ctx.db, [s.id]),
  ]);
  const row = rows.find((r) => r.id === s.id);
  if (!row) throw notFound();
  return toSubmissionSummary(row, {
    locationIds: locations.get(s.id) ?? [],
    filled: filled.get(s.id) ?? 0,
    indicatorCount: (indicatorIds.get(s.round_id) ?? []).length,
    openComments: comments.get(s.id) ?? 0,
    dueDate: s.round_due_date,
    today: todayUtc(),
  });
}

/** A check's problem with its message in the reader's language. */
export const withMessage = (p: CheckProblem, locale: Locale): EntryProblem => ({ ...p, message: errorMessage(p.reason, locale, p.params) });

export const toValue = (v: repo.PackageValueRow): IndicatorValue => ({
  indicatorId: v.indicator_id,
  locationId: v.location_id,
  optionIds: optionIdsOf(v.disaggregation_key),
  value: v.value === null ? null : Number(v.value),
  numerator: v.numerator === null ? null : Number(v.numerator),
  denominator: v.denominator === null ? null : Number(v.denominator),
  text: v.text_value,
  comment: v.comment,
  updatedAt: v.updated_at,
  updatedBy: { id: v.updated_by, name: v.updated_by_name ?? '' },
});

export const toComment = (c: repo.CommentRow): ReviewComment => ({
  id: c.id,
  cell: c.indicator_id === null ? null : { indicatorId: c.indicator_id, locationId: c.location_id, optionIds: optionIdsOf(c.disaggregation_key ?? '') },
  body: c.body,
  author: { id: c.author_id, name: c.author_name ?? '' },
  createdAt: c.created_at,
  resolvedAt: c.resolved_at,
});

/** Outlier flags of the package's totals against the same organisation's approved earlier rounds. */
async function outlierFlags(ctx: Ctx, s: SubmissionRecord, values: IndicatorValue[]): Promise<SubmissionDetail['flags']> {
  const totals = values.filter((v) => v.optionIds.length === 0 && v.value !== null);
  if (!totals.length) return [];
  const rows = await repo.approvedTotalsBefore(ctx.db, {
    projectId: s.round_project_id,
    organisationId: s.organisation_id,
    periodType: s.round_period_type,
    before: s.round_period_start,
    indicatorIds: [...new Set(totals.map((v) => v.indicatorId))],
  });
  const history = new Map<string, number[]>();
  for (const r of rows) {
    const key = `${r.indicator_id}\u0000${r.location_id ?? ''}`;
    history.set(key, [...(history.get(key) ?? []), Number(r.value)]);
  }
  return totals.flatMap((v) =>
    outliersOf(v.value!, history.get(`${v.indicatorId}\u0000${v.locationId ?? ''}`) ?? []).map((f) => ({
      indicatorId: v.indicatorId, locationId: v.locationId, optionIds: [], reason: f.reason, value: f.value, reference: f.reference,
    })),
  );
}

export async function getSubmission(ctx: Ctx, submissionId: string): Promise<SubmissionDetail> {
  return inTransaction(ctx, async (tx) => {
    const { submission: s, access, rights } = await loadSubmission(tx, submissionId);
    const [setting, summary, round, values, comments, events] = await Promise.all([
      submissionSetting(tx, s),
      submissionSummary(tx, s),
      rounds.findRound(tx.db, s.round_id),
      repo.packageValues(tx.db, s.id),
      repo.packageComments(tx.db, s.id),
      repo.packageEvents(tx.db, s.id),
    ]);
    if (!round) throw notFound();
    const mapped = values.map(toValue);
    const { submissions: _omit, ...roundView } = toRound(round, setting.indicators.map((i) => i.id), [], access.canManage);
    return {
      submission: { ...summary, sourceLanguage: s.source_language as SubmissionDetail['submission']['sourceLanguage'] },
      round: roundView,
      indicators: setting.indicators,
      locations: setting.locations,
      values: mapped,
      comments: comments.map(toComment),
      events: events.map((e) => ({
        id: e.id,
        action: e.action as SubmissionDetail['events'][number]['action'],
        fromStatus: e.from_status as SubmissionStatus,
        toStatus: e.to_status as SubmissionStatus,
        comment: e.comment,
        user: { id: e.user_id, name: e.user_name ?? '' },
        at: e.at,
      })),
      flags: await outlierFlags(tx, s, mapped),
      canEdit: rights.canEdit,
      canReview: rights.canReview,
      canReopen: rights.canReopen,
      canComment: rights.canComment,
    };
  });
}

/**
 * Refuses a change to the package's content unless the reader may make it now: 403 when they
 * could never edit it, 409 `period_locked` when the round is closed, 409 `invalid_transition`
 * when the status does not allow changes (submitted or approved).
 */
export function requireEditable(ctx: Ctx, { submission, access, rights }: LoadedSubmission): void {
  if (rights.canEdit) return;
  if (!submissionRights(ctx, access, { ...submission, status: 'draft' }, true).canEdit) throw forbidden();
  if (submission.round_status !== 'open') throw new AppError('period_locked', [{ field: 'round', reason: 'round_closed' }]);
  throw new AppError('invalid_transition', [{ field: 'status', reason: 'not_editable', params: { status: submission.status } }]);
}
