import { periodsBetween } from '@shared/domain/periods.js';
import { ROUND_PERIOD_TYPES, type Round } from '@shared/schemas/reporting.js';
import type { z } from 'zod';
import type { RoundOptionsSchema } from '@shared/schemas/reporting.js';
import type { Ctx } from '../../lib/context.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { type ProjectReporting, projectReporting, submissionRights } from './reporting-access.js';
import { todayUtc, toRound, toSubmissionSummary } from './rounds.mapper.js';
import * as repo from './rounds.repository.js';

/**
 * Rounds as the reader may see them: the packages they may see (submissionRights), and only
 * rounds with at least one such package unless they manage the project.
 */
export async function roundViews(ctx: Ctx, access: ProjectReporting, rows: repo.RoundRow[]): Promise<Round[]> {
  const roundIds = rows.map((r) => r.id);
  const [indicators, allSubmissions] = await Promise.all([repo.roundIndicatorIds(ctx.db, roundIds), repo.submissionsOfRounds(ctx.db, roundIds)]);
  const open = new Map(rows.map((r) => [r.id, r.status === 'open']));
  const visible = allSubmissions.filter((s) => submissionRights(ctx, access, s, open.get(s.round_id) ?? false).canSee);
  const ids = visible.map((s) => s.id);
  const [locations, filled, comments] = await Promise.all([
    repo.submissionLocationIds(ctx.db, ids),
    repo.filledCounts(ctx.db, ids),
    repo.openCommentCounts(ctx.db, ids),
  ]);
  const today = todayUtc();
  return rows.flatMap((r) => {
    const indicatorIds = indicators.get(r.id) ?? [];
    const submissions = visible
      .filter((s) => s.round_id === r.id)
      .map((s) =>
        toSubmissionSummary(s, {
          locationIds: locations.get(s.id) ?? [],
          filled: filled.get(s.id) ?? 0,
          indicatorCount: indicatorIds.length,
          openComments: comments.get(s.id) ?? 0,
          dueDate: r.due_date,
          today,
        }),
      );
    if (!access.canManage && submissions.length === 0) return [];
    return [toRound(r, indicatorIds, submissions, access.canManage)];
  });
}

export async function listRounds(ctx: Ctx, projectId: string): Promise<{ items: Round[] }> {
  const access = await projectReporting(ctx, projectId);
  return { items: await roundViews(ctx, access, await repo.roundsOfProject(ctx.db, projectId)) };
}

/** A round the reader may see, with their rights on its project (404 otherwise). */
export async function loadRound(ctx: Ctx, roundId: string) {
  const row = await repo.findRound(ctx.db, roundId);
  if (!row) throw notFound();
  const access = await projectReporting(ctx, row.project_id);
  const [view] = await roundViews(ctx, access, [row]);
  if (!view) throw notFound();
  return { row, access, view };
}

export async function getRound(ctx: Ctx, roundId: string): Promise<Round> {
  return (await loadRound(ctx, roundId)).view;
}

/** Periods (in the lead organisation's fiscal year) within the project's dates, by type. */
export async function projectPeriods(ctx: Ctx, project: ProjectReporting['project']) {
  const fy = await repo.fiscalYearStartMonth(ctx.db, project.organisation_id);
  return ROUND_PERIOD_TYPES.flatMap((type) => periodsBetween(project.start_date, project.end_date, type, fy).map((p) => ({ ...p, type })));
}

export async function roundOptions(ctx: Ctx, projectId: string): Promise<z.infer<typeof RoundOptionsSchema>> {
  const access = await projectReporting(ctx, projectId);
  if (!access.canManage) throw forbidden();
  const { project } = access;
  const [periods, taken, organisations, locations, indicators] = await Promise.all([
    projectPeriods(ctx, project),
    repo.periodKeysOfProject(ctx.db, projectId),
    repo.projectOrganisations(ctx.db, projectId, project.organisation_id),
    repo.projectLocations(ctx.db, projectId),
    repo.frameworkIndicators(ctx.db, projectId),
  ]);
  return {
    periods: periods.map((p) => ({ type: p.type, key: p.key, start: p.start, end: p.end, taken: taken.has(p.key) })),
    organisations,
    locations,
    indicators,
  };
}
