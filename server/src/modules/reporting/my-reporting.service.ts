import type { MyReporting } from '@shared/schemas/reporting.js';
import { addMs, DAY_MS, nowIso } from '../../lib/clock.js';
import type { Ctx } from '../../lib/context.js';
import { hasRole, projectChain } from '../access/access.policy.js';
import { visibleProjectIds } from '../access/visibility.repository.js';
import * as repo from './my-reporting.repository.js';
import { REPORTERS, ROUND_MANAGERS } from './reporting-access.js';
import { daysBetween, todayUtc } from './rounds.mapper.js';
import { openCommentCounts } from './rounds.repository.js';

type Item = MyReporting['due'][number];
const byDueDate = <T extends { dueDate: string }>(list: T[]) => list.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
const chainOf = (r: { project_id: string; programme_id: string; owner_id: string }) => projectChain({ id: r.project_id, programmeId: r.programme_id, organisationId: r.owner_id });

/**
 * The reader's reporting work for the home page, in a handful of queries: packages of their own
 * organisation to fill, submitted packages to review (never their own), open rounds they manage,
 * and reminders their organisation received in the last 30 days. The rights are those of
 * reporting-access.ts (canReport / canManage), checked per project from the rows' scope chain.
 */
export async function myReporting(ctx: Ctx): Promise<MyReporting> {
  const { actor } = ctx;
  const today = todayUtc();
  const projectIds = await visibleProjectIds(ctx.db, actor);
  const canReport = (r: Parameters<typeof chainOf>[0]) => hasRole(actor, [...REPORTERS, ...ROUND_MANAGERS], chainOf(r));
  const canManage = (r: Parameters<typeof chainOf>[0]) => hasRole(actor, ROUND_MANAGERS, chainOf(r));

  const [toFill, submitted, rounds, reminders] = await Promise.all([
    repo.packagesToFill(ctx.db, projectIds, actor.organisationId),
    repo.packagesSubmitted(ctx.db, projectIds),
    repo.openRoundCounts(ctx.db, projectIds, today),
    repo.remindersOf(ctx.db, projectIds, actor.organisationId, addMs(nowIso(), -30 * DAY_MS)),
  ]);
  const mine = toFill.filter(canReport);
  const toReview = submitted.filter((r) => canManage(r) && r.submitted_by !== actor.userId);
  const comments = await openCommentCounts(ctx.db, [...mine, ...toReview].map((r) => r.submission_id));

  const item = (r: repo.PackageRow): Item => ({
    submissionId: r.submission_id,
    roundId: r.round_id,
    projectId: r.project_id,
    projectCode: r.project_code,
    projectTitle: r.project_title,
    periodKey: r.period_key,
    dueDate: r.due_date,
    organisation: { id: r.organisation_id, name: r.organisation_name, acronym: r.organisation_acronym },
    status: r.status as Item['status'],
    daysLeft: daysBetween(today, r.due_date),
    openComments: comments.get(r.submission_id) ?? 0,
  });
  const items = mine.map(item);
  return {
    due: byDueDate(items.filter((i) => i.status !== 'returned' && i.daysLeft >= 0)),
    overdue: byDueDate(items.filter((i) => i.status !== 'returned' && i.daysLeft < 0)),
    returned: byDueDate(items.filter((i) => i.status === 'returned')),
    toReview: byDueDate(toReview.map(item)),
    rounds: byDueDate(
      rounds.filter(canManage).map((r) => ({
        roundId: r.round_id, projectId: r.project_id, projectCode: r.project_code, periodKey: r.period_key, dueDate: r.due_date,
        total: r.total, submitted: r.submitted, approved: r.approved, late: r.late,
      })),
    ),
    // Already in due-date order (the query sorts them).
    reminders: reminders.map((r) => ({ roundId: r.round_id, projectCode: r.project_code, periodKey: r.period_key, kind: r.kind as 'before_due' | 'overdue', sentAt: r.sent_at })),
  };
}
