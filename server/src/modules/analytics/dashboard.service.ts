import { percentMet } from '@shared/domain/aggregation.js';
import { bucketTargets, carryForward, periodOfKey, periodRollUp, type TargetPeriod, wholePeriodBuckets } from '@shared/domain/iptt.js';
import { type Period, type PeriodType, periodsBetween } from '@shared/domain/periods.js';
import type { AreaRanking, AreaRankingQuery, DashboardParams, DashboardQuery, DashboardSummary, Figure, Trend, TrendQuery } from '@shared/schemas/monitoring.js';
import type { z } from 'zod';
import type { Ctx } from '../../lib/context.js';
import { todayUtc } from '../reporting/rounds.mapper.js';
import * as repo from './dashboard.repository.js';
import { elapsedShare, rankAreas } from './dashboard.rules.js';
import { canIncludePending, includesPending, indicatorFacts, loadScope, localized, type MonitoringScope, type ScopeIndicator, scopeIndicator, scopeIndicators } from './dashboard.scope.js';
import { aggregateFacts } from './engine.js';

type Params = z.infer<typeof DashboardParams>;

/**
 * Project and programme dashboards. Every figure is one engine call for all indicators of the
 * answer (never one per indicator), so the page's three requests stay within the 2 s budget on
 * ten million facts. A programme's indicators are its own framework's, rolled up from the
 * contributing project indicators of the projects the reader can see.
 */
export async function dashboardSummary(ctx: Ctx, params: Params, q: z.infer<typeof DashboardQuery>): Promise<DashboardSummary> {
  const scope = await loadScope(ctx, params.scope, params.id);
  // Qualitative indicators have no figure to show progress with.
  const indicators = (await scopeIndicators(ctx, scope)).filter((i) => i.row.type !== 'qualitative');
  const [rows, completeness] = await Promise.all([
    indicators.length
      ? aggregateFacts(ctx.db, { indicators: indicators.map((i) => i.engine), scopes: scope.scopes, includePending: q.includePending, groupBy: {} })
      : Promise.resolve([]),
    // Partners see their own organisation's packages only, as with figures.
    repo.completenessByPeriod(ctx.db, scope.scopes.map((s) => ({ projectId: s.projectId, organisationId: s.organisationId }))),
  ]);
  const actual = new Map(rows.map((r) => [r.indicatorId, r.figure]));
  return {
    scope: scope.kind,
    id: scope.id,
    code: scope.code,
    title: scope.title,
    start: scope.start,
    end: scope.end,
    elapsed: elapsedShare(scope.start, scope.end, todayUtc()),
    progress: indicators.map((i) => {
      const figure = actual.get(i.row.id) ?? null;
      const baseline = numberOrNull(i.row.baseline_value);
      const target = numberOrNull(i.row.lop_target);
      return {
        ...indicatorFacts(i),
        resultCode: i.row.node_code,
        baseline,
        target,
        actual: figure,
        percentMet: percentMet(figure?.value, target, i.row.direction as 'increase' | 'decrease', baseline),
      };
    }),
    completeness,
    includesPending: includesPending(scope, q.includePending),
    canIncludePending: canIncludePending(scope),
  };
}

/**
 * One indicator over time: the actual of each bucket (a running total for cumulative indicators)
 * and the target of the period targets inside it. Buckets cover the scope's dates, so a period
 * without reports is there with no actual.
 */
export async function dashboardTrend(ctx: Ctx, params: Params, q: z.infer<typeof TrendQuery>): Promise<Trend> {
  const scope = await loadScope(ctx, params.scope, params.id);
  const indicator = await scopeIndicator(ctx, scope, q.indicatorId);
  const running = indicator.row.cumulative === 1;
  const buckets = scope.start && scope.end ? periodsBetween(scope.start, scope.end, q.granularity, scope.fyStartMonth) : [];
  const [rows, targetRows] = await Promise.all([
    indicator.row.type === 'qualitative'
      ? Promise.resolve([])
      : aggregateFacts(ctx.db, {
          indicators: [indicator.engine],
          scopes: scope.scopes,
          includePending: q.includePending,
          groupBy: { period: { granularity: q.granularity, fyStartMonth: scope.fyStartMonth, running } },
        }),
    repo.periodTargets(ctx.db, indicator.row.id),
  ]);
  const figures = new Map<string, Figure>(rows.flatMap((r) => (r.period ? [[r.period.key, r.figure] as const] : [])));
  // A running total with nothing new in a bucket is left out by the engine; it keeps the total so far.
  const actuals = running ? carryForward(buckets.map((b) => b.key), (k) => figures.get(k) ?? null) : buckets.map((b) => figures.get(b.key) ?? null);
  const targets = trendTargets(scope, indicator, targetRows, buckets);
  return {
    indicatorId: indicator.row.id,
    cumulative: running,
    points: buckets.map((b, i) => ({ key: b.key, start: b.start, end: b.end, actual: actuals[i] ?? null, target: targets[i] ?? null })),
  };
}

/**
 * The target of each bucket from the indicator's period targets for the whole scope (no place, no
 * breakdown), rolled up exactly as the IPTT rolls them (shared/src/domain/iptt.ts), so the chart
 * and the table agree: whole target periods inside the bucket combined by the time rule; for a
 * cumulative indicator the running total from the first bucket.
 */
function trendTargets(scope: MonitoringScope, indicator: ScopeIndicator, rows: readonly { period_key: string; value: number }[], buckets: readonly Period[]): (number | null)[] {
  const frequency = indicator.row.frequency as PeriodType;
  if (frequency === 'lop' || buckets.length === 0) return buckets.map(() => null);
  const dated: TargetPeriod[] = rows.flatMap((r) => {
    const p = periodOfKey(r.period_key, frequency, scope.fyStartMonth);
    return p ? [{ start: p.start, end: p.end, value: Number(r.value) }] : [];
  });
  return bucketTargets(dated, buckets, wholePeriodBuckets(buckets, frequency, scope.fyStartMonth), {
    rule: periodRollUp({ type: indicator.row.type, timeAggregation: indicator.engine.rules.time }),
    cumulative: indicator.row.cumulative === 1,
    since: buckets[0]!.start,
  });
}

/** The areas at one level with the highest and the lowest actual (life of project); areas without data are not ranked. */
export async function dashboardAreas(ctx: Ctx, params: Params, q: z.infer<typeof AreaRankingQuery>): Promise<AreaRanking> {
  const scope = await loadScope(ctx, params.scope, params.id);
  const indicator = await scopeIndicator(ctx, scope, q.indicatorId);
  const rows =
    indicator.row.type === 'qualitative'
      ? []
      : await aggregateFacts(ctx.db, { indicators: [indicator.engine], scopes: scope.scopes, includePending: q.includePending, groupBy: { location: q.level } });
  const withPlace = rows.filter((r): r is typeof r & { locationId: string } => typeof r.locationId === 'string');
  const places = new Map((await repo.locationsByIds(ctx.db, withPlace.map((r) => r.locationId))).map((l) => [l.id, l]));
  const areas = withPlace.flatMap((r) => {
    const place = places.get(r.locationId);
    return place ? [{ locationId: place.id, name: localized(place.name, place.names_json, ctx.locale), pcode: place.pcode, figure: r.figure }] : [];
  });
  return { indicatorId: indicator.row.id, level: q.level, ...rankAreas(areas, q.limit) };
}

const numberOrNull = (v: number | null) => (v === null ? null : Number(v));
