import type { AggregationRules } from '@shared/domain/aggregation.js';
import type { LevelLabel } from '@shared/domain/framework-templates.js';
import type { Locale } from '@shared/locales.js';
import type { Database } from '../../db/database.js';
import { treeOrder } from '../reporting/submissions.service.js';
import { levelLabels } from '../results/results.mapper.js';
import * as repo from './iptt.repository.js';
import { type IpttScopeInfo, localized } from './iptt.scope.js';

/**
 * The rows of an IPTT before any figure: for each framework of the scope (one per project shown, or
 * the programme's own), its results in tree order and their indicators, with what the engine and
 * the targets need of each.
 */
export interface OutlineIndicator {
  row: repo.IpttIndicatorRow;
  name: string;
  rules: AggregationRules;
  /** Whose facts count: itself, or for a programme indicator its contributing project indicators. */
  sourceIds: string[];
  /** Its disaggregation categories in order. */
  categoryIds: string[];
  /** The fiscal year its period targets are keyed in. */
  fyStartMonth: number;
}

export interface OutlineResult {
  id: string;
  /** 1 = top, as the IPTT's level filter counts. */
  level: number;
  levelLabel: string;
  code: string;
  title: string;
  indicators: OutlineIndicator[];
}

export interface OutlineSection {
  /** The project heading of a consolidated IPTT; null for a project's or programme's own. */
  project: repo.ScopeProject | null;
  results: OutlineResult[];
}

export interface OutlineCategory {
  id: string;
  name: string;
  options: { id: string; label: string }[];
}

export interface Outline {
  sections: OutlineSection[];
  categories: Map<string, OutlineCategory>;
  /** Levels present in the frameworks, with their names (from the first framework using each). */
  levels: { level: number; label: string }[];
}

type Framework = Awaited<ReturnType<typeof repo.frameworksOf>>[number];

export async function loadOutline(db: Database, s: IpttScopeInfo, levels: readonly number[], locale: Locale): Promise<Outline> {
  const frameworks = s.programmeId ? await repo.frameworksOf(db, { programmeId: s.programmeId }) : await repo.frameworksOf(db, { projectIds: s.projects.map((p) => p.id) });
  const frameworkIds = frameworks.map((f) => f.id);
  const [nodes, indicators] = await Promise.all([repo.nodesOf(db, frameworkIds), repo.indicatorsOf(db, frameworkIds)]);
  const ids = indicators.map((i) => i.id);
  const [categoryIds, contributors] = await Promise.all([repo.categoryIdsOf(db, ids), s.programmeId ? repo.contributorsOf(db, ids) : Promise.resolve([])]);
  const sources = new Map<string, string[]>();
  for (const c of contributors) sources.set(c.contributes_to_id!, [...(sources.get(c.contributes_to_id!) ?? []), c.id]);

  const usedCategoryIds = [...new Set([...categoryIds.values()].flat())];
  const [categoryRows, optionRows] = await Promise.all([repo.categoriesByIds(db, usedCategoryIds), repo.optionsOf(db, usedCategoryIds)]);
  const categories = new Map<string, OutlineCategory>(
    categoryRows.map((c) => [c.id, { id: c.id, name: localized(c.name, c.names_json, locale), options: [] }]),
  );
  for (const o of optionRows) categories.get(o.category_id)?.options.push({ id: o.id, label: localized(o.label, o.labels_json, locale) });

  const order = treeOrder(nodes);
  const levelNames = new Map<number, string>();
  const sectionOf = (f: Framework, project: repo.ScopeProject | null, fyStartMonth: number): OutlineSection => {
    const labels: LevelLabel[] = levelLabels(f.template, f.level_labels_json);
    const labelOf = (level: number) => labels[level]?.[locale] ?? String(level + 1);
    const own = nodes.filter((n) => n.framework_id === f.id).sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    // The level filter offers every level of the frameworks, whichever are picked now.
    for (const n of own) if (!levelNames.has(n.level + 1)) levelNames.set(n.level + 1, labelOf(n.level));
    const results = own
      .filter((n) => levels.length === 0 || levels.includes(n.level + 1))
      .map((n): OutlineResult => {
        const levelLabel = labelOf(n.level);
        return {
          id: n.id, level: n.level + 1, levelLabel, code: n.code, title: localized(n.title, n.titles_json, locale),
          indicators: indicators
            .filter((i) => i.result_node_id === n.id)
            .map((i) => ({
              row: i,
              name: localized(i.name, i.names_json, locale),
              rules: { type: i.type, time: i.time_aggregation, location: i.location_aggregation } as AggregationRules,
              sourceIds: s.programmeId ? (sources.get(i.id) ?? []) : [i.id],
              categoryIds: categoryIds.get(i.id) ?? [],
              fyStartMonth,
            })),
        };
      });
    return { project, results };
  };

  const sections: OutlineSection[] = [];
  if (s.programmeId) {
    if (frameworks[0]) sections.push(sectionOf(frameworks[0], null, s.fyStartMonth));
  } else {
    const byProject = new Map(frameworks.map((f) => [f.project_id, f]));
    const consolidated = s.scope === 'country' || s.scope === 'organisation';
    for (const p of s.projects) {
      const f = byProject.get(p.id);
      const fy = s.fiscalYears.get(p.organisation_id) ?? 1;
      sections.push(f ? sectionOf(f, consolidated ? p : null, fy) : { project: consolidated ? p : null, results: [] });
    }
  }
  return { sections, categories, levels: [...levelNames.entries()].sort(([a], [b]) => a - b).map(([level, label]) => ({ level, label })) };
}
