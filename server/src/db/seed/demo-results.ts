import { AdoptIndicatorBody, CreateIndicatorBody, CreateLibraryIndicatorBody, CreateResultNodeBody, type IndicatorTargets, PutTargetsBody } from '@shared/schemas/index.js';
import type { Ctx } from '../../lib/context.js';
import { listCategories } from '../../modules/disaggregations/disaggregations.repository.js';
import { adopt } from '../../modules/library/adopt.service.js';
import { createEntry } from '../../modules/library/library.service.js';
import type { FrameworkOwner } from '../../modules/results/framework-access.js';
import { createNode, updateFramework } from '../../modules/results/framework.service.js';
import { createIndicator } from '../../modules/results/indicators.service.js';
import { getTargets, putTargets } from '../../modules/results/targets.service.js';
import type { FrameworkSeed, IndicatorSeed, LibrarySeed, NodeSeed, TargetsSeed } from './demo-results-types.js';

/** Library entry ids by code, across the demo organisations. */
export type LibraryIds = Map<string, string>;
/** Programme indicator ids by code, for roll-up links. */
export type IndicatorIds = Map<string, string>;

const WHY = { reason: 'donor_requirement', note: 'Demo workspace: targets agreed at inception.' } as const;

/** An organisation's standard indicators, through the same service the library page uses. */
export async function seedLibrary(ctx: Ctx, organisationId: string, entries: LibrarySeed[], ids: LibraryIds) {
  const categories = new Map((await listCategories(ctx.db, organisationId)).map((c) => [c.code, c.id]));
  for (const { disaggregations = [], ...entry } of entries) {
    const created = await createEntry(ctx, organisationId, CreateLibraryIndicatorBody.parse({ ...entry, categoryIds: disaggregations.map((c) => categories.get(c)!) }));
    ids.set(created.code, created.id);
  }
}

/**
 * A project's or programme's logframe through the services the editor uses, so the demo obeys the
 * same rules: nodes, indicators (or adoptions from the library), categories, roll-up links and targets.
 * Returns the ids of the indicators it made, by code.
 */
export async function seedFramework(ctx: Ctx, owner: FrameworkOwner, organisationId: string, seed: FrameworkSeed, library: LibraryIds, programmeIndicators: IndicatorIds) {
  const categories = new Map((await listCategories(ctx.db, organisationId)).map((c) => [c.code, c.id]));
  const made: IndicatorIds = new Map();
  await updateFramework(ctx, owner, { template: seed.template });

  const addIndicator = async (nodeId: string, s: IndicatorSeed) => {
    const { disaggregations = [], targets, contributesTo, ...rest } = s;
    const contributesToId = contributesTo ? programmeIndicators.get(contributesTo)! : null;
    const fromLibrary = async ({ adopt: code, ...fields }: Extract<typeof rest, { adopt: string }>) =>
      adopt(ctx, nodeId, AdoptIndicatorBody.parse({ ...fields, libraryIndicatorId: library.get(code)!, contributesToId }));
    const indicator =
      'adopt' in rest
        ? await fromLibrary(rest)
        : await createIndicator(ctx, nodeId, CreateIndicatorBody.parse({ ...rest, categoryIds: disaggregations.map((c) => categories.get(c)!), contributesToId }));
    made.set(indicator.code, indicator.id);
    if (targets) await seedTargets(ctx, indicator.id, targets);
  };

  const addNode = async (node: NodeSeed, parentId: string | null, level: number): Promise<void> => {
    const created = await createNode(ctx, owner, CreateResultNodeBody.parse({ parentId, level, code: node.code, title: node.title, titles: node.fr ? { fr: node.fr } : {} }));
    for (const indicator of node.indicators ?? []) await addIndicator(created.id, indicator);
    for (const child of node.children ?? []) await addNode(child, created.id, level + 1);
  };
  for (const node of seed.nodes) await addNode(node, null, 0);
  return made;
}

/** Period totals in order, each split by option shares, and the life-of-project target split by location. */
async function seedTargets(ctx: Ctx, indicatorId: string, seed: TargetsSeed) {
  const plan = await getTargets(ctx, indicatorId);
  const option = optionFinder(plan);
  const targets: { period: string; locationId: string | null; optionIds: string[]; value: number }[] = [];
  plan.periods.forEach((period, i) => {
    const total = seed.periods?.[i];
    if (total === undefined) return;
    targets.push({ period: period.key, locationId: null, optionIds: [], value: total });
    for (const [spec, share] of Object.entries(seed.split ?? {})) {
      targets.push({ period: period.key, locationId: null, optionIds: [option(spec)], value: Math.round(total * share) });
    }
  });
  if (plan.lopTarget !== null) {
    for (const [pcode, share] of Object.entries(seed.byLocation ?? {})) {
      const location = plan.locations.find((l) => l.pcode === pcode);
      if (!location) throw new Error(`Demo target for ${pcode}: not a location of the project`);
      targets.push({ period: 'LOP', locationId: location.id, optionIds: [], value: Math.round(plan.lopTarget * share) });
    }
  }
  await putTargets(ctx, indicatorId, PutTargetsBody.parse({ targets, why: WHY }));
}

/** `sex=female` → the option's id among the indicator's categories. */
function optionFinder(plan: IndicatorTargets) {
  return (spec: string) => {
    const [categoryCode, optionCode] = spec.split('=');
    const found = plan.categories.find((c) => c.code === categoryCode)?.options.find((o) => o.code === optionCode);
    if (!found) throw new Error(`Demo target split ${spec}: the indicator has no such category option`);
    return found.id;
  };
}
