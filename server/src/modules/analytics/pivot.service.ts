import type { AggregationRules } from '@shared/domain/aggregation.js';
import type { PivotDefinition, PivotDimension, PivotResult } from '@shared/schemas/monitoring.js';
import type { Ctx } from '../../lib/context.js';
import { notFound } from '../../lib/errors.js';
import { visibleProgrammeIds, visibleProjectIds } from '../access/visibility.repository.js';
import { categoriesAccess } from '../disaggregations/disaggregations.policy.js';
import { factScopes } from './analytics-access.js';
import { aggregateFacts } from './engine.js';
import type { EngineRow } from './engine.types.js';
import { assemble, collect } from './pivot.assemble.js';
import { dimensionHeading } from './pivot.labels.js';
import { memberBook, type OwnerNames, translated } from './pivot.members.js';
import {
  checkDefinition,
  engineQuery,
  groupingSignature,
  groupingsOf,
  memberKeyOf,
  type PivotGroupings,
  type PivotIndicator,
  type QueryBase,
  separableIndicators,
} from './pivot.plan.js';
import * as repo from './pivot.repository.js';

/** A pivot with what its exports need beyond the JSON: dimension headings in the reader's language. */
export interface ComputedPivot {
  result: PivotResult;
  headings: { rows: string[]; columns: string[] };
}

export async function runPivot(ctx: Ctx, def: PivotDefinition): Promise<PivotResult> {
  return (await computePivot(ctx, def)).result;
}

/**
 * A pivot table over the figures the reader may see. Each cell, total and subtotal is one
 * answer of the engine (at most six questions, fewer when groupings coincide or a total cannot
 * exist), so the numbers are those of the IPTT, dashboards and maps.
 */
export async function computePivot(ctx: Ctx, def: PivotDefinition): Promise<ComputedPivot> {
  checkDefinition(def);
  const { indicators, owners } = await loadIndicators(ctx, def.indicatorIds);
  const categoryNames = await loadCategoryNames(ctx, [...def.rows, ...def.columns], indicators);

  const projectIds = [...new Set(indicators.flatMap((i) => i.sourceProjectIds))];
  const scopes = await factScopes(ctx, projectIds);
  const base: QueryBase = { scopes, def, fyStartMonth: await fiscalYearStart(ctx, indicators, def) };
  const answers = await ask(ctx, groupingsOf(def), indicators, base);

  const byId = new Map(indicators.map((i) => [i.id, i]));
  const rowKeys = def.rows.map((d) => memberKeyOf(d, byId));
  const columnKeys = def.columns.map((d) => memberKeyOf(d, byId));
  const dims = [...def.rows, ...def.columns];
  const collected = collect(answers.cells ?? [], rowKeys, columnKeys, dims);
  const book = await memberBook(ctx.db, dims, collected, owners, ctx.locale);
  const layout = assemble({ rows: def.rows, columns: def.columns, rowKeys, columnKeys, collected, answers, book });

  const heading = (d: PivotDimension) => dimensionHeading(d, ctx.locale, (id) => categoryNames.get(id) ?? id);
  return {
    result: {
      rows: def.rows,
      columns: def.columns,
      ...layout,
      indicators: [...indicators]
        .sort((a, b) => a.code.localeCompare(b.code, undefined, { numeric: true }))
        .map((i) => ({ id: i.id, code: i.code, name: i.name, unit: i.unit, type: i.type })),
      includesPending: def.includePending && scopes.some((s) => s.pendingAllowed),
    },
    headings: { rows: def.rows.map(heading), columns: def.columns.map(heading) },
  };
}

/** Whether a definition could be shown to this reader (its shape, and every indicator and category visible); for saving one. */
export async function checkPivotDefinition(ctx: Ctx, def: PivotDefinition): Promise<void> {
  checkDefinition(def);
  const { indicators } = await loadIndicators(ctx, def.indicatorIds);
  await loadCategoryNames(ctx, [...def.rows, ...def.columns], indicators);
}

type Answered = { [K in keyof PivotGroupings]: EngineRow[] | null };

/** One engine call per distinct grouping, over the indicators it can show without adding different ones up; in parallel. */
async function ask(ctx: Ctx, groupings: PivotGroupings, indicators: PivotIndicator[], base: QueryBase): Promise<Answered> {
  const calls = new Map<string, Promise<EngineRow[]>>();
  const answer = (dims: PivotDimension[] | null): Promise<EngineRow[]> | null => {
    if (!dims || base.scopes.length === 0) return null;
    const some = separableIndicators(dims, indicators);
    if (some.length === 0) return null;
    const signature = groupingSignature(dims, some);
    const known = calls.get(signature);
    if (known) return known;
    const call: Promise<EngineRow[]> = aggregateFacts(ctx.db, engineQuery(dims, some, base));
    calls.set(signature, call);
    return call;
  };
  const keys = Object.keys(groupings) as (keyof PivotGroupings)[];
  const results = await Promise.all(keys.map((k) => answer(groupings[k])));
  return Object.fromEntries(keys.map((k, i) => [k, results[i] ?? null])) as Answered;
}

interface LoadedIndicator extends PivotIndicator {
  /** Projects whose facts count for it (its own, or those of its contributors). */
  sourceProjectIds: string[];
}

/** The asked indicators, each visible to the reader (else 404, as for an unknown id), with their roll-up sources. */
async function loadIndicators(ctx: Ctx, ids: string[]): Promise<{ indicators: LoadedIndicator[]; owners: OwnerNames }> {
  const unique = [...new Set(ids)];
  const rows = await repo.indicatorsByIds(ctx.db, unique);
  if (rows.length !== unique.length) throw notFound();
  const projects = await visibleProjectIds(ctx.db, ctx.actor);
  const programmes = rows.some((r) => r.project_id === null) ? await visibleProgrammeIds(ctx.db, ctx.actor) : [];
  const visible = (r: (typeof rows)[number]) =>
    r.project_id !== null ? projects === null || projects.includes(r.project_id) : programmes === null || programmes.includes(r.programme_id);
  if (!rows.every(visible)) throw notFound();

  const contributors = await repo.contributorsOf(ctx.db, rows.filter((r) => r.project_id === null).map((r) => r.id));
  const owners: OwnerNames = { indicators: new Map(), resultNodes: new Map(), projects: new Map(), programmes: new Map() };
  const indicators = rows.map((r): LoadedIndicator => {
    const name = translated(r.names_json, ctx.locale, r.name);
    owners.indicators.set(r.id, { code: r.code, name });
    owners.resultNodes.set(r.node_id, { code: r.node_code, title: translated(r.node_titles_json, ctx.locale, r.node_title) });
    if (r.project_id) owners.projects.set(r.project_id, { code: r.project_code!, title: r.project_title! });
    owners.programmes.set(r.programme_id, { code: r.programme_code, name: r.programme_name });
    const sources = r.project_id ? [{ id: r.id, project_id: r.project_id }] : contributors.filter((c) => c.contributes_to_id === r.id);
    return {
      id: r.id,
      code: r.code,
      name,
      unit: r.unit,
      type: r.type,
      rules: { type: r.type, time: r.time_aggregation, location: r.location_aggregation } as AggregationRules,
      sourceIds: sources.map((s) => s.id),
      sourceProjectIds: [...new Set(sources.map((s) => s.project_id!))],
      resultNodeId: r.node_id,
      projectId: r.project_id,
      programmeId: r.programme_id,
      leadOrganisationId: r.programme_organisation_id,
    };
  });
  return { indicators, owners };
}

/** Names of the categories used as dimensions; an unknown category is a 404 like any unknown id. */
/**
 * The names of the categories a pivot breaks down by. Each must be one the reader may see: a
 * category of one of the chosen (visible) indicators, or one of an organisation whose categories the
 * reader may read; any other id is a 404, as if it did not exist.
 */
async function loadCategoryNames(ctx: Ctx, dims: PivotDimension[], indicators: PivotIndicator[]): Promise<Map<string, string>> {
  const ids = dims.flatMap((d) => (d.type === 'category' ? [d.categoryId] : []));
  if (!ids.length) return new Map();
  const rows = await repo.categoriesByIds(ctx.db, ids);
  if (rows.length !== new Set(ids).size) throw notFound();
  const used = new Set(await repo.categoriesOfIndicators(ctx.db, indicators.flatMap((i) => i.sourceIds)));
  for (const org of new Set(rows.filter((c) => !used.has(c.id)).map((c) => c.organisation_id))) await categoriesAccess(ctx, org, false);
  return new Map(rows.map((c) => [c.id, translated(c.names_json, ctx.locale, c.name)]));
}

/** Periods follow the fiscal year of the indicators' one lead organisation; mixed scopes use calendar years. */
async function fiscalYearStart(ctx: Ctx, indicators: PivotIndicator[], def: PivotDefinition): Promise<number> {
  if (![...def.rows, ...def.columns].some((d) => d.type === 'period')) return 1;
  const leads = [...new Set(indicators.map((i) => i.leadOrganisationId))];
  if (leads.length !== 1) return 1;
  const [org] = await repo.organisationsByIds(ctx.db, leads);
  return org?.fiscal_year_start_month ?? 1;
}
