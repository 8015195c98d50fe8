import type { z } from 'zod';
import { optionIdsOf } from '@shared/domain/disaggregations.js';
import { type PeriodType, periodsBetween } from '@shared/domain/periods.js';
import { type IndicatorTargets, LOP_PERIOD_KEY, type PutTargetsBody } from '@shared/schemas/index.js';
import type { IndicatorsTable, IndicatorTargetsTable } from '../../db/schema.js';
import { nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { type DetailInput, invalid } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.repository.js';
import { categoriesInOrder } from '../disaggregations/disaggregations.mapper.js';
import { categoriesOfIndicators } from '../disaggregations/disaggregations.repository.js';
import { type FrameworkAccess, indicatorAccess } from './framework-access.js';
import { cellId, checkTargets, type TargetCell } from './targets.rules.js';
import * as repo from './targets.repository.js';

type Setting = Omit<IndicatorTargets, 'lopTarget' | 'targets' | 'canEdit'>;

/** The periods, places and categories an indicator's targets can be set for. */
async function settingOf(ctx: Ctx, indicator: IndicatorsTable, a: FrameworkAccess): Promise<Setting> {
  const frequency = indicator.frequency as PeriodType;
  // A `lop` indicator has only the life-of-project target and its breakdowns; a programme without dates has no periods.
  const periods =
    frequency === 'lop' || !a.startDate || !a.endDate
      ? []
      : periodsBetween(a.startDate, a.endDate, frequency, await repo.fiscalYearStartMonth(ctx.db, a.organisationId)).map(({ key, start, end }) => ({ key, start, end }));
  const locations = a.projectId ? await repo.projectLocations(ctx.db, a.projectId) : [];
  const categoryIds = (await categoriesOfIndicators(ctx.db, [indicator.id])).get(indicator.id) ?? [];
  return { indicatorId: indicator.id, frequency, periods, locations, categories: await categoriesInOrder(ctx.db, categoryIds) };
}

const toCell = (r: IndicatorTargetsTable): TargetCell => ({ period: r.period_key, locationId: r.location_id, key: r.disaggregation_key, value: r.value });

/** Targets in the order a reader scans them: periods in time (LOP last), all locations before each place, then keys. */
function inReadingOrder(cells: TargetCell[], s: Setting): TargetCell[] {
  const periodRank = new Map([...s.periods.map((p, i) => [p.key, i] as const), [LOP_PERIOD_KEY, s.periods.length]]);
  const locationRank = new Map(s.locations.map((l, i) => [l.id, i + 1]));
  const rank = (c: TargetCell) => [periodRank.get(c.period) ?? -1, c.locationId === null ? 0 : (locationRank.get(c.locationId) ?? -1)];
  return [...cells].sort((x, y) => {
    const [a, b] = [rank(x), rank(y)];
    return a[0]! - b[0]! || a[1]! - b[1]! || x.period.localeCompare(y.period) || x.key.localeCompare(y.key);
  });
}

async function view(ctx: Ctx, indicator: IndicatorsTable, a: FrameworkAccess, s: Setting): Promise<IndicatorTargets> {
  const cells = inReadingOrder((await repo.targetsOfIndicator(ctx.db, indicator.id)).map(toCell), s);
  return {
    ...s,
    lopTarget: indicator.lop_target,
    targets: cells.map((c) => ({ period: c.period, locationId: c.locationId, optionIds: optionIdsOf(c.key), value: c.value })),
    canEdit: a.canEdit,
  };
}

export async function getTargets(ctx: Ctx, indicatorId: string): Promise<IndicatorTargets> {
  return inTransaction(ctx, async (tx) => {
    const { indicator, access } = await indicatorAccess(tx, indicatorId, false);
    return view(tx, indicator, access, await settingOf(tx, indicator, access));
  });
}

/** Names a cell for the indicator's history from codes a reader knows: `target 2026-Q1 · CD7201 · female/12-17`. */
async function cellNamer(ctx: Ctx, s: Setting, cells: TargetCell[]) {
  const pcodes = await repo.locationPcodes(ctx.db, [...new Set(cells.flatMap((c) => (c.locationId ? [c.locationId] : [])))]);
  const optionCodes = new Map(s.categories.flatMap((c) => c.options.map((o) => [o.id, o.code] as const)));
  return (c: TargetCell) => {
    const parts = [c.period];
    if (c.locationId) parts.push(pcodes.get(c.locationId) ?? c.locationId);
    if (c.key) parts.push(optionIdsOf(c.key).map((id) => optionCodes.get(id) ?? id).join('/'));
    return `target ${parts.join(' · ')}`;
  };
}

/**
 * Replaces every target of the indicator. Everything is checked before anything is written; the
 * cells that changed are recorded, with the reason, as one entry in the indicator's history.
 * The XLSX import calls this inside its own transaction (inTransaction joins it).
 */
export async function putTargets(ctx: Ctx, indicatorId: string, body: z.infer<typeof PutTargetsBody>): Promise<IndicatorTargets> {
  return inTransaction(ctx, async (tx) => {
    const { indicator, access } = await indicatorAccess(tx, indicatorId, true);
    const s = await settingOf(tx, indicator, access);
    const { cells, details } = checkTargets(body.targets, {
      type: indicator.type,
      periodKeys: new Set(s.periods.map((p) => p.key)),
      locationIds: new Set(s.locations.map((l) => l.id)),
      categories: s.categories,
    });
    const why: DetailInput[] = body.why.reason === 'other' && !body.why.note ? [{ field: 'body.why.note', reason: 'required' }] : [];
    if (why.length || details.length) throw invalid(...why, ...details);

    const current = new Map((await repo.targetsOfIndicator(tx.db, indicatorId)).map((r) => [cellId(toCell(r)), r]));
    const next = new Map(cells.map((c) => [cellId(c), c]));
    const removed = [...current].filter(([id]) => !next.has(id)).map(([, r]) => r);
    const changed = [...current].filter(([id, r]) => next.has(id) && next.get(id)!.value !== r.value).map(([, r]) => r);
    const added = [...next].filter(([id]) => !current.has(id)).map(([, c]) => c);
    if (!removed.length && !changed.length && !added.length) return view(tx, indicator, access, s);

    const now = nowIso();
    // A changed cell keeps its id and creation time; it is rewritten rather than updated row by row.
    await repo.deleteTargets(tx.db, [...removed, ...changed].map((r) => r.id));
    await repo.insertTargets(tx.db, [
      ...changed.map((r) => ({ ...r, value: next.get(cellId(toCell(r)))!.value, updated_at: now })),
      ...added.map((c) => ({
        id: newId(), indicator_id: indicatorId, period_key: c.period, location_id: c.locationId, disaggregation_key: c.key, value: c.value, created_at: now, updated_at: now,
      })),
    ]);

    const touched = inReadingOrder([...[...removed, ...changed].map(toCell), ...added], s);
    const name = await cellNamer(tx, s, touched);
    await recordAudit(tx, {
      action: 'indicator.targets',
      entityType: 'indicator',
      entityId: indicatorId,
      organisationId: access.organisationId,
      before: Object.fromEntries(touched.map((c) => [name(c), current.get(cellId(c))?.value ?? null])),
      after: Object.fromEntries(touched.map((c) => [name(c), next.get(cellId(c))?.value ?? null])),
      reason: body.why.reason,
      note: body.why.note || null,
    });
    return view(tx, indicator, access, s);
  });
}
