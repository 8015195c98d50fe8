import type { z } from 'zod';
import type { CreateIndicatorBody, Framework, Indicator, MoveIndicatorBody, UpdateIndicatorBody } from '@shared/schemas/index.js';
import type { IndicatorsTable, ResultNodesTable } from '../../db/schema.js';
import { nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, conflict, type DetailInput, invalid } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.repository.js';
import { categoriesOfIndicators, setIndicatorCategories } from '../disaggregations/disaggregations.repository.js';
import { clearContributionsTo } from './contributions.service.js';
import { type FrameworkAccess, indicatorAccess, nodeAccess } from './framework-access.js';
import { insertAt } from './framework.service.js';
import { frameworkView } from './framework.view.js';
import { categoryCodes, changedLockedFields, checkCategoryIds, contributionProblem, rekeyTargets, targetConflicts } from './indicators.checks.js';
import { auditableDefinition, type IndicatorDefinition, indicatorColumns, indicatorDefinition, toIndicator } from './results.mapper.js';
import * as repo from './results.repository.js';

type CreateBody = z.infer<typeof CreateIndicatorBody>;
type UpdateBody = z.infer<typeof UpdateIndicatorBody>;

/** An indicator row with its categories, in the shared shape. */
export async function hydrateIndicator(ctx: Ctx, row: IndicatorsTable, a: FrameworkAccess): Promise<Indicator> {
  return toIndicator(row, a, (await categoriesOfIndicators(ctx.db, [row.id])).get(row.id) ?? []);
}

export async function getIndicator(ctx: Ctx, id: string): Promise<Indicator> {
  return inTransaction(ctx, async (tx) => {
    const { indicator, access: a } = await indicatorAccess(tx, id, false);
    return hydrateIndicator(tx, indicator, a);
  });
}

export interface NewIndicator {
  node: ResultNodesTable;
  access: FrameworkAccess;
  fields: CreateBody;
  /** Set when adopted from the library; the audit entry then says so. */
  libraryIndicatorId: string | null;
}

/**
 * Adds an indicator under a node after checking its code, categories and roll-up link; shared by
 * creating from scratch and adopting from the library. Call inside a transaction, after the policy.
 */
export async function addIndicator(ctx: Ctx, n: NewIndicator): Promise<Indicator> {
  const { node, access: a, fields } = n;
  if (await repo.findIndicatorByCode(ctx.db, a.frameworkId, fields.code)) throw conflict('code');
  const { problems, codes } = await checkCategoryIds(ctx, a.organisationId, fields.categoryIds, 'body.categoryIds');
  const link = await contributionProblem(ctx, a, fields.contributesToId, fields.type, 'body.contributesToId');
  if (link) problems.push(link);
  if (problems.length) throw invalid(...problems);
  const now = nowIso();
  // The create body has every definition field (with defaults), so every column is set.
  const definition = indicatorColumns(fields) as Omit<IndicatorsTable, 'id' | 'framework_id' | 'result_node_id' | 'position' | 'library_indicator_id' | 'created_at' | 'updated_at'>;
  const row: IndicatorsTable = {
    ...definition,
    id: newId(),
    framework_id: a.frameworkId,
    result_node_id: node.id,
    library_indicator_id: n.libraryIndicatorId,
    position: (await repo.indicatorsOfNode(ctx.db, node.id)).length,
    created_at: now,
    updated_at: now,
  };
  await repo.insertIndicator(ctx.db, row);
  await setIndicatorCategories(ctx.db, row.id, fields.categoryIds);
  const created = toIndicator(row, a, fields.categoryIds);
  await recordAudit(ctx, {
    action: n.libraryIndicatorId ? 'indicator.adopt' : 'indicator.create',
    entityType: 'indicator',
    entityId: row.id,
    organisationId: a.organisationId,
    after: auditableDefinition(indicatorDefinition(created), codes),
  });
  return created;
}

export async function createIndicator(ctx: Ctx, nodeId: string, body: CreateBody): Promise<Indicator> {
  return inTransaction(ctx, async (tx) => {
    const { node, access } = await nodeAccess(tx, nodeId, true);
    return addIndicator(tx, { node, access, fields: body, libraryIndicatorId: null });
  });
}

/** Problems with the request itself (400), each naming `body.changes.<field>`. */
async function changeProblems(ctx: Ctx, a: FrameworkAccess, before: Indicator, after: Indicator) {
  const { problems, codes } = await checkCategoryIds(ctx, a.organisationId, after.categoryIds, 'body.changes.categoryIds');
  if (after.contributesToId !== before.contributesToId || after.type !== before.type) {
    const link = await contributionProblem(ctx, a, after.contributesToId, after.type, 'body.changes.contributesToId');
    // Keeping the link while changing the type is a problem with the type.
    if (link) problems.push(link.reason === 'type_mismatch' && after.contributesToId === before.contributesToId ? { ...link, field: 'body.changes.type' } : link);
  }
  return { problems, codes };
}

/** Changes refused because of what depends on the indicator (409): its library link, its targets, its contributors. */
async function changeConflicts(ctx: Ctx, indicator: IndicatorsTable, before: Indicator, after: Indicator): Promise<DetailInput[]> {
  const conflicts: DetailInput[] = [];
  // Unlinking in the same request frees the definition.
  if (after.libraryIndicatorId) {
    for (const f of changedLockedFields(before, after)) conflicts.push({ field: `changes.${f}`, reason: 'linked_to_library' });
  }
  conflicts.push(...(await targetConflicts(ctx, indicator.id, before, after)));
  if (after.type !== before.type && (await repo.contributorsOf(ctx.db, [indicator.id])).length > 0) {
    conflicts.push({ field: 'changes.type', reason: 'type_mismatch' });
  }
  return conflicts;
}

/** Every change to a definition records who, when, before/after and why (PRODUCT.md). */
export async function updateIndicator(ctx: Ctx, id: string, body: UpdateBody): Promise<Indicator> {
  if (body.why.reason === 'other' && !body.why.note) throw invalid({ field: 'body.why.note', reason: 'required' });
  return inTransaction(ctx, async (tx) => {
    const { indicator, access: a } = await indicatorAccess(tx, id, true);
    if (body.changes.code && body.changes.code !== indicator.code && (await repo.findIndicatorByCode(tx.db, a.frameworkId, body.changes.code))) {
      throw new AppError('conflict', [{ field: 'changes.code', reason: 'duplicate' }]);
    }
    const beforeIndicator = await hydrateIndicator(tx, indicator, a);
    const updated = { ...indicator, ...indicatorColumns(body.changes), updated_at: nowIso() };
    const afterIndicator = toIndicator(updated, a, body.changes.categoryIds ?? beforeIndicator.categoryIds);
    const { problems, codes } = await changeProblems(tx, a, beforeIndicator, afterIndicator);
    if (problems.length) throw invalid(...problems);
    const conflicts = await changeConflicts(tx, indicator, beforeIndicator, afterIndicator);
    if (conflicts.length) throw new AppError('conflict', conflicts);

    const before = indicatorDefinition(beforeIndicator);
    const after = indicatorDefinition(afterIndicator);
    const changed = (Object.keys(after) as (keyof IndicatorDefinition)[]).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]));
    if (changed.length === 0) return beforeIndicator;
    await repo.updateIndicator(tx.db, id, { ...indicatorColumns(body.changes), updated_at: updated.updated_at });
    if (changed.includes('categoryIds')) {
      await setIndicatorCategories(tx.db, id, afterIndicator.categoryIds);
      await rekeyTargets(tx, id, afterIndicator.categoryIds);
    }
    const pick = (d: IndicatorDefinition) => Object.fromEntries(changed.map((k) => [k, d[k]])) as Partial<IndicatorDefinition>;
    await recordAudit(tx, {
      action: 'indicator.update',
      entityType: 'indicator',
      entityId: id,
      organisationId: a.organisationId,
      before: auditableDefinition(pick(before), codes),
      after: auditableDefinition(pick(after), codes),
      reason: body.why.reason,
      note: body.why.note || null,
    });
    return afterIndicator;
  });
}

export async function moveIndicator(ctx: Ctx, id: string, body: z.infer<typeof MoveIndicatorBody>): Promise<Framework> {
  return inTransaction(ctx, async (tx) => {
    const { indicator, access: a } = await indicatorAccess(tx, id, true);
    const target = await repo.findNode(tx.db, body.resultNodeId);
    if (!target || target.framework_id !== a.frameworkId) throw invalid({ field: 'body.resultNodeId', reason: 'unknown_reference' });
    const oldSiblings = (await repo.indicatorsOfNode(tx.db, indicator.result_node_id)).filter((i) => i.id !== id).map((i) => i.id);
    const newSiblings = target.id === indicator.result_node_id ? oldSiblings : (await repo.indicatorsOfNode(tx.db, target.id)).map((i) => i.id);
    const position = Math.min(body.position, newSiblings.length);
    await repo.updateIndicator(tx.db, id, { result_node_id: target.id, updated_at: nowIso() });
    if (target.id !== indicator.result_node_id) await repo.renumber(tx.db, 'indicators', oldSiblings);
    await repo.renumber(tx.db, 'indicators', insertAt(newSiblings, id, position));
    await recordAudit(tx, {
      action: 'indicator.move',
      entityType: 'indicator',
      entityId: id,
      organisationId: a.organisationId,
      before: { resultNodeId: indicator.result_node_id, position: indicator.position },
      after: { resultNodeId: target.id, position },
    });
    return frameworkView(tx, a);
  });
}

/** A programme indicator that project indicators roll up into goes only with confirm, which clears their links. */
export async function deleteIndicator(ctx: Ctx, id: string, confirm: boolean): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { indicator, access: a } = await indicatorAccess(tx, id, true);
    const contributors = await repo.contributorsOf(tx.db, [id]);
    if (contributors.length && !confirm) {
      throw new AppError('conflict', [{ reason: 'has_dependants', params: { nodes: 0, indicators: contributors.length } }]);
    }
    const deleted = await hydrateIndicator(tx, indicator, a);
    const codes = await categoryCodes(tx, a.organisationId);
    await clearContributionsTo(tx, [id], a.organisationId, `Programme indicator ${indicator.code} was deleted`);
    await repo.deleteIndicators(tx.db, [id]);
    await repo.compactPositions(tx.db, { resultNodeId: indicator.result_node_id });
    await recordAudit(tx, {
      action: 'indicator.delete',
      entityType: 'indicator',
      entityId: id,
      organisationId: a.organisationId,
      before: auditableDefinition(indicatorDefinition(deleted), codes),
    });
  });
}

/** The indicator's changes, newest first, field by field. */
export async function indicatorHistory(ctx: Ctx, id: string) {
  return inTransaction(ctx, async (tx) => {
    await indicatorAccess(tx, id, false);
    const rows = await repo.indicatorHistory(tx.db, id);
    return {
      items: rows.map((r) => {
        const before = (r.before_json ? JSON.parse(r.before_json) : {}) as Record<string, unknown>;
        const after = (r.after_json ? JSON.parse(r.after_json) : {}) as Record<string, unknown>;
        const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
        return {
          at: r.at,
          actorName: r.actor_name,
          action: r.action,
          reason: r.reason as UpdateBody['why']['reason'] | null,
          note: r.note,
          changes: fields.map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null })),
        };
      }),
    };
  });
}
