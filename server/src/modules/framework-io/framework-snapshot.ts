import type { LevelLabel } from '@shared/domain/framework-templates.js';
import { optionIdsOf } from '@shared/domain/disaggregations.js';
import { type Period, type PeriodType, periodsBetween } from '@shared/domain/periods.js';
import type { DisaggregationCategory, Indicator, ResultNode, Target } from '@shared/schemas/index.js';
import type { Ctx } from '../../lib/context.js';
import { hydrateCategories } from '../disaggregations/disaggregations.mapper.js';
import { categoriesOfIndicators, listCategories } from '../disaggregations/disaggregations.repository.js';
import type { FrameworkAccess } from '../results/framework-access.js';
import { levelLabels, toIndicator, toNode } from '../results/results.mapper.js';
import * as results from '../results/results.repository.js';
import * as repo from './framework-io.repository.js';

/** Everything the workbooks show of one project framework, read once. */
export interface FrameworkSnapshot {
  access: FrameworkAccess;
  project: { code: string; title: string };
  levels: LevelLabel[];
  /** Parents before children, siblings by position. */
  nodes: ResultNode[];
  /** In the order of their nodes, then by position. */
  indicators: Indicator[];
  /** The organisation's categories with their options. */
  categories: DisaggregationCategory[];
  locations: { id: string; pcode: string; name: string }[];
  targets: Map<string, Target[]>;
  /** Periods of a frequency over the project's dates, with the organisation's fiscal year (without LOP). */
  periods(frequency: PeriodType): Period[];
  periodKeys(frequency: PeriodType): string[];
}

export async function loadSnapshot(ctx: Ctx, access: FrameworkAccess): Promise<FrameworkSnapshot> {
  const projectId = access.projectId!;
  const [framework, nodeRows, indicatorRows, categoryRows, locations, fyStart, project] = await Promise.all([
    results.findFramework(ctx.db, access.frameworkId),
    results.listNodes(ctx.db, access.frameworkId),
    results.listIndicators(ctx.db, access.frameworkId),
    listCategories(ctx.db, access.organisationId),
    repo.projectLocations(ctx.db, projectId),
    repo.fiscalYearStart(ctx.db, access.organisationId),
    repo.projectHeader(ctx.db, projectId),
  ]);
  const nodes = treeOrder(nodeRows.map(toNode));
  const ids = indicatorRows.map((i) => i.id);
  const [categoryIds, targetRows, categories] = await Promise.all([
    categoriesOfIndicators(ctx.db, ids),
    repo.targetsOf(ctx.db, ids),
    hydrateCategories(ctx.db, categoryRows),
  ]);
  const nodeOrder = new Map(nodes.map((n, i) => [n.id, i]));
  const indicators = indicatorRows
    .map((r) => toIndicator(r, access, categoryIds.get(r.id) ?? []))
    .sort((a, b) => nodeOrder.get(a.resultNodeId)! - nodeOrder.get(b.resultNodeId)! || a.position - b.position || a.code.localeCompare(b.code));
  const targets = new Map<string, Target[]>();
  for (const t of targetRows) {
    const list = targets.get(t.indicator_id) ?? [];
    list.push({ period: t.period_key, locationId: t.location_id, optionIds: optionIdsOf(t.disaggregation_key), value: Number(t.value) });
    targets.set(t.indicator_id, list);
  }
  const periodCache = new Map<PeriodType, Period[]>();
  const periods = (frequency: PeriodType): Period[] => {
    if (frequency === 'lop' || !access.startDate || !access.endDate) return [];
    const cached = periodCache.get(frequency) ?? periodsBetween(access.startDate, access.endDate, frequency, fyStart);
    periodCache.set(frequency, cached);
    return cached;
  };
  return {
    access,
    project,
    levels: levelLabels(framework!.template, framework!.level_labels_json),
    nodes,
    indicators,
    categories,
    locations,
    targets,
    periods,
    periodKeys: (frequency) => periods(frequency).map((p) => p.key),
  };
}

/** Parents before children, siblings by position: the order a reader goes through a logframe. */
export function treeOrder(nodes: ResultNode[]): ResultNode[] {
  const children = new Map<string | null, ResultNode[]>();
  for (const n of nodes) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || a.code.localeCompare(b.code));
  const out: ResultNode[] = [];
  const walk = (parentId: string | null) => {
    for (const n of children.get(parentId) ?? []) {
      out.push(n);
      walk(n.id);
    }
  };
  walk(null);
  return out;
}
