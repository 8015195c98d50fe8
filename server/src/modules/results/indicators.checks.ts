import type { Indicator } from '@shared/schemas/index.js';
import type { Ctx } from '../../lib/context.js';
import type { DetailInput } from '../../lib/errors.js';
import { listCategories, listOptions } from '../disaggregations/disaggregations.repository.js';
import type { FrameworkAccess } from './framework-access.js';
import * as repo from './results.repository.js';

/**
 * What makes values of linked indicators comparable across projects, so that a library entry's
 * roll-up means something: while linked, an adopted indicator cannot change these, and a library
 * entry that has been adopted cannot either.
 */
export const LIBRARY_LOCKED_FIELDS = ['type', 'unit', 'direction', 'timeAggregation', 'locationAggregation', 'cumulative', 'categoryIds'] as const;
export type LockedField = (typeof LIBRARY_LOCKED_FIELDS)[number];

const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

/** The locked fields whose value differs between two definitions. */
export const changedLockedFields = (before: Pick<Indicator, LockedField>, after: Pick<Indicator, LockedField>) =>
  LIBRARY_LOCKED_FIELDS.filter((f) => !same(before[f], after[f]));

/** The organisation's category codes by id: the audit log names categories by code. */
export const categoryCodes = async (ctx: Ctx, organisationId: string): Promise<Map<string, string>> =>
  new Map((await listCategories(ctx.db, organisationId)).map((r) => [r.id, r.code]));

/**
 * Problems with a list of category ids, each naming `<field>.N`: every id must be a category of
 * the organisation, and each at most once. Also answers the organisation's category codes by id.
 */
export async function checkCategoryIds(ctx: Ctx, organisationId: string, categoryIds: readonly string[], field: string) {
  const codes = await categoryCodes(ctx, organisationId);
  const seen = new Set<string>();
  const problems: DetailInput[] = [];
  categoryIds.forEach((id, i) => {
    if (!codes.has(id)) problems.push({ field: `${field}.${i}`, reason: 'unknown_reference' });
    else if (seen.has(id)) problems.push({ field: `${field}.${i}`, reason: 'duplicate' });
    seen.add(id);
  });
  return { problems, codes };
}

/**
 * A roll-up link goes from a project indicator to an indicator of its programme's framework, of
 * the same type (a percentage cannot add up into a count). Null (no link) is always fine.
 */
export async function contributionProblem(ctx: Ctx, a: FrameworkAccess, contributesToId: string | null, type: string, field: string): Promise<DetailInput | null> {
  if (contributesToId === null) return null;
  const target = a.projectId ? await repo.findIndicator(ctx.db, contributesToId) : undefined;
  const programmeFramework = target && (await repo.findFrameworkByOwner(ctx.db, { kind: 'programme', id: a.parentProgrammeId }));
  if (!target || !programmeFramework || target.framework_id !== programmeFramework.id) return { field, reason: 'not_in_programme' };
  return target.type === type ? null : { field, reason: 'type_mismatch' };
}

/**
 * Definition changes that would strand targets: period targets are keyed by the frequency's
 * periods, and a disaggregated target names options of the indicator's categories.
 */
export async function targetConflicts(ctx: Ctx, indicatorId: string, before: Indicator, after: Indicator): Promise<DetailInput[]> {
  const conflicts: DetailInput[] = [];
  if (after.frequency !== before.frequency && (await repo.countPeriodTargets(ctx.db, indicatorId)) > 0) {
    conflicts.push({ field: 'changes.frequency', reason: 'targets_exist' });
  }
  const removed = before.categoryIds.filter((id) => !after.categoryIds.includes(id));
  if (removed.length) {
    const options = new Set((await listOptions(ctx.db, removed)).map((o) => o.id));
    const keys = await repo.targetKeys(ctx.db, indicatorId);
    if (keys.some((k) => k.split('|').some((id) => options.has(id)))) conflicts.push({ field: 'changes.categoryIds', reason: 'targets_exist' });
  }
  return conflicts;
}

/**
 * Target keys list options in the indicator's category order; when the categories are
 * reordered (or one is added), the stored keys are rewritten to the new order so each cell
 * keeps one canonical key. Called after targetConflicts, so every option still has its category.
 */
export async function rekeyTargets(ctx: Ctx, indicatorId: string, categoryIds: readonly string[]) {
  const keys = await repo.targetKeys(ctx.db, indicatorId);
  if (!keys.length) return;
  const rank = new Map((await listOptions(ctx.db, [...categoryIds])).map((o) => [o.id, categoryIds.indexOf(o.category_id)]));
  for (const key of keys) {
    const next = key.split('|').sort((x, y) => (rank.get(x) ?? 0) - (rank.get(y) ?? 0)).join('|');
    if (next !== key) await repo.renameTargetKey(ctx.db, indicatorId, key, next);
  }
}
