import type { IndicatorMap, MapQuery } from '@shared/schemas/monitoring.js';
import type { z } from 'zod';
import type { Ctx } from '../../lib/context.js';
import { invalid } from '../../lib/errors.js';
import { canIncludePending, includesPending, indicatorFacts, loadIndicatorScope, localized, scopeIndicator } from './dashboard.scope.js';
import { aggregateFacts } from './engine.js';
import type { EngineRow } from './engine.types.js';
import { targetsOf } from './iptt.repository.js';
import { placeLopTargets } from './iptt.targets.js';
import { mapGeometry } from './map.geometry.js';
import * as repo from './map.repository.js';

/**
 * An indicator by area: every area at the level inside the countries of its project (of the
 * programme's projects the reader can see, for a programme indicator), each with its figure (null
 * when nothing was reported there: "no data", never zero), its life-of-project target for that
 * place where one is set, and its shape where the place has one. A value reported for a finer
 * place counts in the area above it (the engine's location grouping).
 */
export async function indicatorMap(ctx: Ctx, indicatorId: string, q: z.infer<typeof MapQuery>): Promise<IndicatorMap> {
  const scope = await loadIndicatorScope(ctx, indicatorId);
  const indicator = await scopeIndicator(ctx, scope, indicatorId);
  const categoryId = q.optionId ? await repo.categoryOfIndicatorOption(ctx.db, indicatorId, q.optionId) : undefined;
  if (q.optionId && !categoryId) throw invalid({ field: 'querystring.optionId', reason: 'unknown_reference' });

  const [areas, targets, rows] = await Promise.all([
    repo.areasInProjectCountries(ctx.db, scope.scopes.map((s) => s.projectId), q.level),
    // Each area's own target, as the IPTT filtered to that place shows it.
    targetsOf(ctx.db, [indicatorId], 'each', { lopTotalsOnly: true }).then(placeLopTargets),
    indicator.row.type === 'qualitative'
      ? Promise.resolve([] as EngineRow[])
      : aggregateFacts(ctx.db, {
          indicators: [indicator.engine],
          scopes: scope.scopes,
          includePending: q.includePending,
          from: q.from,
          to: q.to,
          // One option: grouped by its category and that option kept, so the total never stands in for it.
          ...(categoryId && q.optionId ? { optionFilter: { [categoryId]: [q.optionId] } } : {}),
          groupBy: { location: q.level, ...(categoryId ? { categories: [categoryId] } : {}) },
        }),
  ]);
  const figures = new Map(
    rows
      .filter((r) => typeof r.locationId === 'string' && (!categoryId || r.options?.[categoryId] === q.optionId))
      .map((r) => [r.locationId!, r.figure]),
  );
  return {
    indicator: indicatorFacts(indicator),
    level: q.level,
    from: q.from ?? null,
    to: q.to ?? null,
    areas: areas.map((a) => ({
      locationId: a.id,
      name: localized(a.name, a.names_json, ctx.locale),
      pcode: a.pcode,
      figure: figures.get(a.id) ?? null,
      target: targets.get(a.id) ?? null,
    })),
    shapes: areas.flatMap((a) => {
      const geometry = mapGeometry(a.geometry_json);
      return geometry ? [{ locationId: a.id, geometry }] : [];
    }),
    includesPending: includesPending(scope, q.includePending),
    canIncludePending: canIncludePending(scope),
  };
}
