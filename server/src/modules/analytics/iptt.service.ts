import type { z } from 'zod';
import { displayPeriods } from '@shared/domain/iptt.js';
import { LOCATION_LEVELS } from '@shared/schemas/locations.js';
import type { Iptt, IpttQuery } from '@shared/schemas/monitoring.js';
import { nowIso } from '../../lib/clock.js';
import type { Ctx } from '../../lib/context.js';
import { invalid } from '../../lib/errors.js';
import type { FactScope } from './engine.types.js';
import { type BaseQuery, FigureTable, loadFigures } from './iptt.figures.js';
import { loadOutline, type Outline } from './iptt.outline.js';
import * as repo from './iptt.repository.js';
import { buildRows, isQuantitative, shownCategories } from './iptt.rows.js';
import { type IpttScopeInfo, loadIpttScope, localized } from './iptt.scope.js';
import { ipttWorkbook } from './iptt.xlsx.js';

type Query = z.infer<typeof IpttQuery>;

/**
 * The Indicator Performance Tracking Table: baseline, life-of-project and period targets, actuals
 * and % met for each indicator of a project, a programme (rolled up from its projects), or every
 * visible project of a country or organisation. Actuals come from the one engine, asked once per
 * grouping for all indicators together, with the reader's fact scopes; pending values only when
 * asked for and allowed.
 *
 * The period range filters every figure: the life-of-project actual is what was reported over the
 * periods shown, and running totals of cumulative indicators start at the first of them, like their
 * running targets.
 *
 * A place filter filters targets too: the targets are then those set for the places asked for
 * (the map's target of each place), combined by the indicator's place rule (see PlacesTargets),
 * never the targets for all places together.
 */
export async function getIptt(ctx: Ctx, q: Query): Promise<Iptt> {
  return (await build(ctx, q)).iptt;
}

export interface Download {
  filename: string;
  content: Buffer;
}

/** The same table as a workbook, in the reader's language. */
export async function exportIptt(ctx: Ctx, q: Query): Promise<Download> {
  const { iptt, scope } = await build(ctx, q);
  const content = await ipttWorkbook(iptt, ctx.locale);
  return { filename: `fieldbook-iptt-${safeName(scope.code)}-${iptt.generatedAt.slice(0, 10)}.xlsx`, content };
}

/** A name any file system and any Content-Disposition reader accepts. */
const safeName = (text: string) => text.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 60) || 'iptt';

async function build(ctx: Ctx, q: Query): Promise<{ iptt: Iptt; scope: IpttScopeInfo }> {
  if (q.from && q.to && q.to < q.from) throw invalid({ field: 'querystring.to', reason: 'end_before_start' });
  const s = await loadIpttScope(ctx, q.scope, q.id, q.sector);
  const periods = displayPeriods({ from: q.from, to: q.to }, { start: s.start, end: s.end }, q.granularity, s.fyStartMonth);
  const outline = await loadOutline(ctx.db, s, q.levels, ctx.locale);
  const indicators = outline.sections.flatMap((section) => section.results.flatMap((r) => r.indicators));
  const canIncludePending = s.scopes.some((x) => x.pendingAllowed);
  const includesPending = q.includePending && canIncludePending;

  // Facts within whole periods shown; without periods (no dates), the range as asked.
  const range = periods.length ? { from: periods[0]!.start, to: periods.at(-1)!.end } : { from: q.from, to: q.to };
  const filter = await placeFilter(ctx, s, q.locationIds);
  const places = filter?.ids;
  const counted = indicators.filter((i) => isQuantitative(i) && i.sourceIds.length > 0);
  const categoryIds = [...new Set(counted.flatMap((i) => shownCategories(i, q.categoryIds)))];
  const base: BaseQuery = {
    scopes: s.scopes,
    includePending: includesPending,
    ...(range.from ? { from: range.from } : {}),
    ...(range.to ? { to: range.to } : {}),
    ...(places ? { locationIds: places } : {}),
    ...(q.organisationIds.length ? { organisationIds: q.organisationIds } : {}),
  };
  const [figures, targets, options] = await Promise.all([
    // A place filter matching no place at all reads nothing (an empty list would mean no filter).
    places?.length === 0 || s.scopes.length === 0
      ? Promise.resolve(new FigureTable())
      : loadFigures(ctx.db, base, {
          indicators: counted.map((i) => ({ engine: { id: i.row.id, sourceIds: i.sourceIds, rules: i.rules }, cumulative: i.row.cumulative === 1, categoryIds: i.categoryIds })),
          categoryIds,
          periods,
          granularity: q.granularity,
          fyStartMonth: s.fyStartMonth,
        }),
    targetsByIndicator(ctx, counted.map((i) => i.row.id), filter?.targetPlaces ?? null),
    filterOptions(ctx, s, outline),
  ]);

  const iptt: Iptt = {
    title: s.title,
    scope: s.scope,
    scopeId: s.scopeId,
    granularity: q.granularity,
    periods: periods.map(({ key, start, end }) => ({ key, start, end })),
    includesPending,
    generatedAt: nowIso(),
    rows: buildRows({ outline, periods, figures, targets, targetPlaces: filter?.targetPlaces ?? null, categoryIds: q.categoryIds }),
    options,
    canIncludePending,
  };
  return { iptt, scope: s };
}

async function targetsByIndicator(ctx: Ctx, indicatorIds: string[], places: readonly string[] | null) {
  const out = new Map<string, repo.TargetRow[]>();
  for (const t of await repo.targetsOf(ctx.db, indicatorIds, places)) {
    const list = out.get(t.indicator_id);
    if (list) list.push(t);
    else out.set(t.indicator_id, [t]);
  }
  return out;
}

interface PlaceFilter {
  /** The places whose values count (with everything under them); empty: nothing matches. */
  ids: string[];
  /**
   * The places whose own targets count: null when no place was asked for (a country's table
   * without a filter keeps the targets for all places together); otherwise those asked for, less
   * any inside another one asked for, whose values already count there and whose target is part
   * of that place's.
   */
  targetPlaces: string[] | null;
}

/**
 * The places whose values count: those asked for (that exist), and for a country only those
 * within it — by default the country itself. Undefined: no filter.
 */
async function placeFilter(ctx: Ctx, s: IpttScopeInfo, asked: string[]): Promise<PlaceFilter | undefined> {
  if (!asked.length) return s.countryLocationId ? { ids: [s.countryLocationId], targetPlaces: null } : undefined;
  const found = await repo.placesByIds(ctx.db, asked);
  const parents = new Map(
    (found.length > 1 || s.countryLocationId ? await repo.withAncestors(ctx.db, found) : found).map((p) => [p.id, p.parent_id]),
  );
  const within = (id: string | null, place: string): boolean => id !== null && (id === place || within(parents.get(id) ?? null, place));
  const ids = found.filter((p) => !s.countryLocationId || within(p.id, s.countryLocationId)).map((p) => p.id);
  return { ids, targetPlaces: ids.filter((id) => !ids.some((other) => other !== id && within(parents.get(id) ?? null, other))) };
}

/** Partners (and reporters) limited to their own organisation's figures are offered only that organisation. */
const ownOrganisations = (scopes: FactScope[]) => (scopes.length && scopes.every((x) => x.organisationId) ? new Set(scopes.map((x) => x.organisationId!)) : null);

async function filterOptions(ctx: Ctx, s: IpttScopeInfo, outline: Outline): Promise<Iptt['options']> {
  const projectIds = s.projects.map((p) => p.id);
  const [organisations, places] = await Promise.all([
    repo.organisationsOfProjects(ctx.db, projectIds),
    repo.locationsOfProjects(ctx.db, projectIds).then((rows) => repo.withAncestors(ctx.db, rows)),
  ]);
  const own = ownOrganisations(s.scopes);
  const parents = new Map(places.map((p) => [p.id, p.parent_id]));
  const inCountry = (id: string | null): boolean => !s.countryLocationId || (id !== null && (id === s.countryLocationId || inCountry(parents.get(id) ?? null)));
  const levelRank = (level: string) => (LOCATION_LEVELS as readonly string[]).indexOf(level);
  const categoryIds = [...new Set(outline.sections.flatMap((x) => x.results.flatMap((r) => r.indicators.flatMap((i) => i.categoryIds))))];
  return {
    levels: outline.levels,
    organisations: organisations.filter((o) => !own || own.has(o.id)).map((o) => ({ id: o.id, name: o.name, acronym: o.acronym })),
    locations: places
      .filter((p) => inCountry(p.id))
      .map((p) => ({ id: p.id, name: localized(p.name, p.names_json, ctx.locale), pcode: p.pcode, level: p.level as (typeof LOCATION_LEVELS)[number] }))
      .sort((a, b) => levelRank(a.level) - levelRank(b.level) || a.name.localeCompare(b.name) || a.pcode.localeCompare(b.pcode)),
    categories: categoryIds.flatMap((id) => {
      const c = outline.categories.get(id);
      return c ? [{ id: c.id, name: c.name }] : [];
    }),
    start: s.start,
    end: s.end,
  };
}
