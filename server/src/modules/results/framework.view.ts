import type { Framework, ResultNode } from '@shared/schemas/index.js';
import type { Ctx } from '../../lib/context.js';
import { hydrateCategories, libraryUsesOf } from '../disaggregations/disaggregations.mapper.js';
import { categoriesOfIndicators, listCategories } from '../disaggregations/disaggregations.repository.js';
import type { FrameworkAccess } from './framework-access.js';
import { levelLabels, toIndicator, toNode, toProgrammeIndicatorRef } from './results.mapper.js';
import * as repo from './results.repository.js';

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

/**
 * The indicators of the programme's framework a project indicator may roll up into. Read only:
 * a project's page must not create its programme's framework as a side effect.
 */
async function programmeIndicators(ctx: Ctx, a: FrameworkAccess) {
  if (!a.projectId) return [];
  const framework = await repo.findFrameworkByOwner(ctx.db, { kind: 'programme', id: a.parentProgrammeId });
  return framework ? (await repo.listIndicators(ctx.db, framework.id)).map(toProgrammeIndicatorRef) : [];
}

/** The whole framework as the editor shows it, with the categories and roll-up targets it offers. */
export async function frameworkView(ctx: Ctx, a: FrameworkAccess): Promise<Framework> {
  const framework = (await repo.findFramework(ctx.db, a.frameworkId))!;
  const [nodes, indicators, categoryRows, rollUps] = await Promise.all([
    repo.listNodes(ctx.db, a.frameworkId),
    repo.listIndicators(ctx.db, a.frameworkId),
    listCategories(ctx.db, a.organisationId),
    programmeIndicators(ctx, a),
  ]);
  const categoryIds = await categoriesOfIndicators(ctx.db, indicators.map((i) => i.id));
  return {
    id: framework.id,
    projectId: a.projectId,
    programmeId: a.programmeId,
    template: framework.template as Framework['template'],
    levels: levelLabels(framework.template, framework.level_labels_json),
    nodes: treeOrder(nodes.map(toNode)),
    indicators: indicators.map((i) => toIndicator(i, a, categoryIds.get(i.id) ?? [])),
    categories: await hydrateCategories(ctx.db, categoryRows, await libraryUsesOf(ctx.db, categoryRows)),
    programmeIndicators: rollUps,
    canEdit: a.canEdit,
  };
}
