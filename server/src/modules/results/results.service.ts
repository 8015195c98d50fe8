import type { z } from 'zod';
import type {
  CreateIndicatorBody,
  CreateResultNodeBody,
  Framework,
  Indicator,
  MoveIndicatorBody,
  MoveResultNodeBody,
  ResultNode,
  UpdateFrameworkBody,
  UpdateIndicatorBody,
  UpdateResultNodeBody,
} from '@shared/schemas/index.js';
import type { IndicatorsTable } from '../../db/schema.js';
import { nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, conflict, invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.repository.js';
import { type FrameworkAccess, type FrameworkOwner, editableFramework, frameworkAccess, indicatorAccess, nodeAccess } from './framework-access.js';
import { indicatorColumns, indicatorDefinition, levelLabels, toIndicator, toNode } from './results.mapper.js';
import * as repo from './results.repository.js';

type Access = FrameworkAccess;
const projectOwner = (id: string): FrameworkOwner => ({ kind: 'project', id });

async function frameworkView(ctx: Ctx, a: Access): Promise<Framework> {
  const framework = (await repo.findFramework(ctx.db, a.frameworkId))!;
  const [nodes, indicators] = await Promise.all([repo.listNodes(ctx.db, a.frameworkId), repo.listIndicators(ctx.db, a.frameworkId)]);
  return {
    id: framework.id,
    projectId: a.projectId,
    programmeId: a.programmeId,
    template: framework.template as Framework['template'],
    levels: levelLabels(framework.template, framework.level_labels_json),
    nodes: treeOrder(nodes.map(toNode)),
    indicators: indicators.map((i) => toIndicator(i, a)),
    categories: [],
    programmeIndicators: [],
    canEdit: a.canEdit,
  };
}

/** Parents before children, siblings by position: the order a reader goes through a logframe. */
function treeOrder(nodes: ResultNode[]): ResultNode[] {
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

export async function getFramework(ctx: Ctx, projectId: string): Promise<Framework> {
  return inTransaction(ctx, async (tx) => frameworkView(tx, await frameworkAccess(tx, projectOwner(projectId))));
}

export async function updateFramework(ctx: Ctx, projectId: string, body: z.infer<typeof UpdateFrameworkBody>): Promise<Framework> {
  return inTransaction(ctx, async (tx) => {
    const a = await editableFramework(tx, projectOwner(projectId));
    const before = (await repo.findFramework(tx.db, a.frameworkId))!;
    const template = body.template ?? before.template;
    // A new template starts from its own names unless new names come with it.
    const labels = body.levels ? JSON.stringify(body.levels) : body.template && body.template !== before.template ? '[]' : before.level_labels_json;
    await repo.updateFramework(tx.db, a.frameworkId, { template, level_labels_json: labels, updated_at: nowIso() });
    await recordAudit(tx, {
      action: 'framework.update',
      entityType: 'framework',
      entityId: a.frameworkId,
      organisationId: a.organisationId,
      before: { template: before.template, levels: levelLabels(before.template, before.level_labels_json) },
      after: { template, levels: levelLabels(template, labels) },
    });
    return frameworkView(tx, a);
  });
}

/** A child sits exactly one level below its parent; a node with no parent may sit at any level. */
function checkParentLevel(parent: { level: number } | null, level: number) {
  if (parent && parent.level !== level - 1) throw invalid({ field: 'body.parentId', reason: 'wrong_parent_level' });
}

async function parentIn(ctx: Ctx, frameworkId: string, parentId: string | null) {
  if (parentId === null) return null;
  const parent = await repo.findNode(ctx.db, parentId);
  if (!parent || parent.framework_id !== frameworkId) throw invalid({ field: 'body.parentId', reason: 'unknown_reference' });
  return parent;
}

export async function createNode(ctx: Ctx, projectId: string, body: z.infer<typeof CreateResultNodeBody>): Promise<ResultNode> {
  return inTransaction(ctx, async (tx) => {
    const a = await editableFramework(tx, projectOwner(projectId));
    checkParentLevel(await parentIn(tx, a.frameworkId, body.parentId), body.level);
    if (await repo.findNodeByCode(tx.db, a.frameworkId, body.code)) throw conflict('code');
    const now = nowIso();
    const row = {
      id: newId(),
      framework_id: a.frameworkId,
      parent_id: body.parentId,
      level: body.level,
      code: body.code,
      title: body.title,
      titles_json: JSON.stringify(body.titles),
      description: body.description,
      position: (await repo.siblings(tx.db, a.frameworkId, body.parentId)).length,
      created_at: now,
      updated_at: now,
    };
    await repo.insertNode(tx.db, row);
    const node = toNode(row);
    await recordAudit(tx, { action: 'result_node.create', entityType: 'result_node', entityId: row.id, organisationId: a.organisationId, after: node });
    return node;
  });
}

export async function updateNode(ctx: Ctx, nodeId: string, body: z.infer<typeof UpdateResultNodeBody>): Promise<ResultNode> {
  return inTransaction(ctx, async (tx) => {
    const { node, access: a } = await nodeAccess(tx, nodeId, true);
    if (body.code && body.code !== node.code && (await repo.findNodeByCode(tx.db, a.frameworkId, body.code))) throw conflict('code');
    const patch = {
      ...(body.code !== undefined && { code: body.code }),
      ...(body.title !== undefined && { title: body.title }),
      ...(body.titles !== undefined && { titles_json: JSON.stringify(body.titles) }),
      ...(body.description !== undefined && { description: body.description }),
      updated_at: nowIso(),
    };
    await repo.updateNode(tx.db, nodeId, patch);
    const after = toNode({ ...node, ...patch });
    await recordAudit(tx, { action: 'result_node.update', entityType: 'result_node', entityId: nodeId, organisationId: a.organisationId, before: toNode(node), after });
    return after;
  });
}

/** Writes positions 0…n-1 for a list of siblings in the given order. */
async function renumber(ctx: Ctx, ids: string[], table: 'result_nodes' | 'indicators') {
  for (const [position, id] of ids.entries()) {
    await ctx.db.updateTable(table).set({ position }).where('id', '=', id).execute();
  }
}

const insertAt = <T>(list: T[], item: T, position: number) => [...list.slice(0, position), item, ...list.slice(position)];

export async function moveNode(ctx: Ctx, nodeId: string, body: z.infer<typeof MoveResultNodeBody>): Promise<Framework> {
  return inTransaction(ctx, async (tx) => {
    const { node, access: a } = await nodeAccess(tx, nodeId, true);
    // A node keeps its level (and its subtree keeps theirs): the new parent must be one level up.
    checkParentLevel(await parentIn(tx, a.frameworkId, body.parentId), node.level);
    if (body.parentId === null && node.parent_id !== null && node.level !== 0) {
      // A node without a parent is fine at any level, but moving it out only makes sense at the top.
      throw invalid({ field: 'body.parentId', reason: 'wrong_parent_level' });
    }
    const oldSiblings = (await repo.siblings(tx.db, a.frameworkId, node.parent_id)).filter((n) => n.id !== nodeId).map((n) => n.id);
    const newSiblings = node.parent_id === body.parentId ? oldSiblings : (await repo.siblings(tx.db, a.frameworkId, body.parentId)).map((n) => n.id);
    const position = Math.min(body.position, newSiblings.length);
    await repo.updateNode(tx.db, nodeId, { parent_id: body.parentId, updated_at: nowIso() });
    if (node.parent_id !== body.parentId) await renumber(tx, oldSiblings, 'result_nodes');
    await renumber(tx, insertAt(newSiblings, nodeId, position), 'result_nodes');
    await recordAudit(tx, {
      action: 'result_node.move',
      entityType: 'result_node',
      entityId: nodeId,
      organisationId: a.organisationId,
      before: { parentId: node.parent_id, position: node.position },
      after: { parentId: body.parentId, position },
    });
    return frameworkView(tx, a);
  });
}

/** Deleting a node takes its subtree and their indicators; when anything hangs below, only with confirm. */
export async function deleteNode(ctx: Ctx, nodeId: string, confirm: boolean): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { node, access: a } = await nodeAccess(tx, nodeId, true);
    const all = await repo.listNodes(tx.db, a.frameworkId);
    const subtree = [node];
    for (let i = 0; i < subtree.length; i++) subtree.push(...all.filter((n) => n.parent_id === subtree[i]!.id));
    const ids = new Set(subtree.map((n) => n.id));
    const indicators = (await repo.listIndicators(tx.db, a.frameworkId)).filter((i) => ids.has(i.result_node_id));
    if (!confirm && (subtree.length > 1 || indicators.length > 0)) {
      throw new AppError('conflict', [{ reason: 'has_dependants', params: { nodes: subtree.length - 1, indicators: indicators.length } }]);
    }
    await repo.deleteIndicators(tx.db, indicators.map((i) => i.id));
    // Deepest first: a node's parent reference must not dangle at any moment.
    for (const n of [...subtree].sort((x, y) => y.level - x.level)) await repo.deleteNodes(tx.db, [n.id]);
    await renumber(tx, (await repo.siblings(tx.db, a.frameworkId, node.parent_id)).map((n) => n.id), 'result_nodes');
    await recordAudit(tx, {
      action: 'result_node.delete',
      entityType: 'result_node',
      entityId: nodeId,
      organisationId: a.organisationId,
      before: { node: toNode(node), nodes: subtree.slice(1).map((n) => n.code), indicators: indicators.map((i) => i.code) },
    });
  });
}

export async function getIndicator(ctx: Ctx, id: string): Promise<Indicator> {
  return inTransaction(ctx, async (tx) => {
    const { indicator, access: a } = await indicatorAccess(tx, id, false);
    return toIndicator(indicator, a);
  });
}

export async function createIndicator(ctx: Ctx, nodeId: string, body: z.infer<typeof CreateIndicatorBody>): Promise<Indicator> {
  return inTransaction(ctx, async (tx) => {
    const { node, access: a } = await nodeAccess(tx, nodeId, true);
    if (await repo.findIndicatorByCode(tx.db, a.frameworkId, body.code)) throw conflict('code');
    const now = nowIso();
    // The create body has every definition field (with defaults), so every column is set.
    const definition = indicatorColumns(body) as Omit<IndicatorsTable, 'id' | 'framework_id' | 'result_node_id' | 'position' | 'created_at' | 'updated_at'>;
    const row: IndicatorsTable = {
      ...definition,
      id: newId(),
      framework_id: a.frameworkId,
      result_node_id: node.id,
      library_indicator_id: null,
      contributes_to_id: null,
      position: (await repo.indicatorsOfNode(tx.db, node.id)).length,
      created_at: now,
      updated_at: now,
    };
    await repo.insertIndicator(tx.db, row);
    const created = toIndicator(row, a);
    await recordAudit(tx, {
      action: 'indicator.create',
      entityType: 'indicator',
      entityId: row.id,
      organisationId: a.organisationId,
      after: indicatorDefinition(created),
    });
    return created;
  });
}

/** Every change to a definition records who, when, before/after and why (PRODUCT.md). */
export async function updateIndicator(ctx: Ctx, id: string, body: z.infer<typeof UpdateIndicatorBody>): Promise<Indicator> {
  if (body.why.reason === 'other' && !body.why.note) throw invalid({ field: 'body.why.note', reason: 'required' });
  return inTransaction(ctx, async (tx) => {
    const { indicator, access: a } = await indicatorAccess(tx, id, true);
    if (body.changes.code && body.changes.code !== indicator.code && (await repo.findIndicatorByCode(tx.db, a.frameworkId, body.changes.code))) {
      throw new AppError('conflict', [{ field: 'changes.code', reason: 'duplicate' }]);
    }
    const before = indicatorDefinition(toIndicator(indicator, a));
    const updated = { ...indicator, ...indicatorColumns(body.changes), updated_at: nowIso() };
    const after = indicatorDefinition(toIndicator(updated, a));
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]));
    if (changed.length === 0) return toIndicator(indicator, a);
    await repo.updateIndicator(tx.db, id, { ...indicatorColumns(body.changes), updated_at: updated.updated_at });
    await recordAudit(tx, {
      action: 'indicator.update',
      entityType: 'indicator',
      entityId: id,
      organisationId: a.organisationId,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      reason: body.why.reason,
      note: body.why.note || null,
    });
    return toIndicator(updated, a);
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
    if (target.id !== indicator.result_node_id) await renumber(tx, oldSiblings, 'indicators');
    await renumber(tx, insertAt(newSiblings, id, position), 'indicators');
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

export async function deleteIndicator(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { indicator, access: a } = await indicatorAccess(tx, id, true);
    await repo.deleteIndicators(tx.db, [id]);
    await renumber(tx, (await repo.indicatorsOfNode(tx.db, indicator.result_node_id)).map((i) => i.id), 'indicators');
    await recordAudit(tx, {
      action: 'indicator.delete',
      entityType: 'indicator',
      entityId: id,
      organisationId: a.organisationId,
      before: indicatorDefinition(toIndicator(indicator, a)),
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
          reason: r.reason as z.infer<typeof UpdateIndicatorBody>['why']['reason'] | null,
          note: r.note,
          changes: fields.map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null })),
        };
      }),
    };
  });
}
