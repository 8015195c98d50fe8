import type { AggregationRules } from '@shared/domain/aggregation.js';
import type { Locale } from '@shared/locales.js';
import type { Ctx } from '../../lib/context.js';
import { notFound } from '../../lib/errors.js';
import { loadVisibleProgramme } from '../programmes/programmes.service.js';
import { loadVisibleProject } from '../projects/projects.service.js';
import { treeOrder } from '../reporting/submissions.service.js';
import { factScopes } from './analytics-access.js';
import * as repo from './dashboard.repository.js';
import type { EngineIndicator, FactScope } from './engine.types.js';

/**
 * What a dashboard or a map is about: a visible project or programme (404 otherwise), its dates and
 * fiscal year, and the fact scopes of the reader on it (for a programme, on each of its projects
 * the reader can see). Figures are only ever asked of the engine with these scopes.
 */
export interface MonitoringScope {
  kind: 'project' | 'programme';
  id: string;
  code: string;
  title: string;
  /** The project's dates; a programme's own, else the span of its visible projects. */
  start: string | null;
  end: string | null;
  fyStartMonth: number;
  scopes: FactScope[];
  owner: { projectId: string } | { programmeId: string };
}

export async function loadScope(ctx: Ctx, kind: 'project' | 'programme', id: string): Promise<MonitoringScope> {
  if (kind === 'project') {
    const p = await loadVisibleProject(ctx, id);
    return {
      kind, id, code: p.code, title: p.title, start: p.start_date, end: p.end_date,
      fyStartMonth: await repo.fiscalYearStartMonth(ctx.db, p.organisation_id),
      scopes: await factScopes(ctx, [id]),
      owner: { projectId: id },
    };
  }
  const p = await loadVisibleProgramme(ctx, id);
  const projects = await repo.projectsOfProgramme(ctx.db, id);
  const scopes = await factScopes(ctx, projects.map((x) => x.id));
  const visible = projects.filter((x) => scopes.some((s) => s.projectId === x.id));
  const earliest = visible.map((x) => x.start_date).sort()[0] ?? null;
  const latest = visible.map((x) => x.end_date).sort().at(-1) ?? null;
  return {
    kind, id, code: p.code, title: p.name, start: p.start_date ?? earliest, end: p.end_date ?? latest,
    fyStartMonth: await repo.fiscalYearStartMonth(ctx.db, p.organisation_id),
    scopes,
    owner: { programmeId: id },
  };
}

/** The scope owning an indicator's framework, or 404 when there is no such indicator or the reader cannot see its owner. */
export async function loadIndicatorScope(ctx: Ctx, indicatorId: string): Promise<MonitoringScope> {
  const owner = await repo.indicatorOwner(ctx.db, indicatorId);
  if (!owner) throw notFound();
  return owner.project_id ? loadScope(ctx, 'project', owner.project_id) : loadScope(ctx, 'programme', owner.programme_id!);
}

/** The reader may ask for pending values on some project of the scope. */
export const canIncludePending = (s: MonitoringScope) => s.scopes.some((x) => x.pendingAllowed);
/** Pending values are in the answer: asked for and allowed. */
export const includesPending = (s: MonitoringScope, asked: boolean) => asked && canIncludePending(s);

export interface ScopeIndicator {
  row: repo.IndicatorRow;
  name: string;
  engine: EngineIndicator;
}

/** A name in the reader's language, else the stored one. */
export const localized = (fallback: string, json: string, locale: Locale): string => {
  const names = JSON.parse(json) as Partial<Record<Locale, string>>;
  return names[locale]?.trim() || fallback;
};

/**
 * The scope's indicators, top to bottom in its framework, each with what the engine needs: a
 * project indicator counts its own facts; a programme indicator those of the project indicators
 * contributing to it, combined by the programme indicator's own rules.
 */
export async function scopeIndicators(ctx: Ctx, scope: MonitoringScope): Promise<ScopeIndicator[]> {
  const [rows, nodes] = await Promise.all([repo.frameworkIndicators(ctx.db, scope.owner), repo.frameworkNodes(ctx.db, scope.owner)]);
  const order = treeOrder(nodes);
  // Stable: indicators of one result keep their own order.
  const sorted = [...rows].sort((a, b) => (order.get(a.node_id) ?? 0) - (order.get(b.node_id) ?? 0));
  const sources = new Map<string, string[]>();
  if (scope.kind === 'programme') {
    for (const c of await repo.contributorsOf(ctx.db, rows.map((r) => r.id))) sources.set(c.contributes_to_id, [...(sources.get(c.contributes_to_id) ?? []), c.id]);
  }
  return sorted.map((row) => ({
    row,
    name: localized(row.name, row.names_json, ctx.locale),
    engine: {
      id: row.id,
      sourceIds: scope.kind === 'project' ? [row.id] : (sources.get(row.id) ?? []),
      rules: { type: row.type, time: row.time_aggregation, location: row.location_aggregation } as AggregationRules,
    },
  }));
}

/** One indicator of the scope, or 404 when it belongs elsewhere. */
export async function scopeIndicator(ctx: Ctx, scope: MonitoringScope, indicatorId: string): Promise<ScopeIndicator> {
  const found = (await scopeIndicators(ctx, scope)).find((i) => i.row.id === indicatorId);
  if (!found) throw notFound();
  return found;
}

/** The facts every IndicatorFacts-shaped answer repeats. */
export const indicatorFacts = (i: ScopeIndicator) => ({
  indicatorId: i.row.id,
  code: i.row.code,
  name: i.name,
  unit: i.row.unit,
  type: i.row.type as 'number' | 'percentage' | 'currency' | 'yes_no' | 'qualitative',
  direction: i.row.direction as 'increase' | 'decrease',
  cumulative: i.row.cumulative === 1,
});
