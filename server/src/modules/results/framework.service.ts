import type { z } from 'zod';
import type { CreateResultNodeBody, Framework, MoveResultNodeBody, ResultNode, UpdateFrameworkBody, UpdateResultNodeBody } from '@shared/schemas/index.js';
import { nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, conflict, invalid } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.repository.js';
import { clearContributionsTo } from './contributions.service.js';
import { type FrameworkOwner, editableFramework, frameworkAccess, nodeAccess } from './framework-access.js';
import { frameworkView } from './framework.view.js';
import { levelLabels, toNode } from './results.mapper.js';
import * as repo from './results.repository.js';

/** The framework of a project or programme the actor can see, made on first read. */
export async function getFramework(ctx: Ctx, owner: FrameworkOwner): Promise<Framework> {
  return inTransaction(ctx, async (tx) => frameworkView(tx, await frameworkAccess(tx, owner)));
}

export async function updateFramework(ctx: Ctx, owner: FrameworkOwner, body: z.infer<typeof UpdateFrameworkBody>): Promise<Framework> {
  return inTransaction(ctx, async (tx) => {
    const a = await editableFramework(tx, owner);
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

export async function createNode(ctx: Ctx, owner: FrameworkOwner, body: z.infer<typeof CreateResultNodeBody>): Promise<ResultNode> {
  return inTransaction(ctx, async (tx) => {
    const a = await editableFramework(tx, owner);
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

export const insertAt = <T>(list: T[], item: T, position: number) => [...list.slice(0, position), item, ...list.slice(position)];

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
    if (node.parent_id !== body.parentId) await repo.renumber(tx.db, 'result_nodes', oldSiblings);
    await repo.renumber(tx.db, 'result_nodes', insertAt(newSiblings, nodeId, position));
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
    // Confirming the subtree's deletion confirms losing the roll-up links into its programme indicators.
    await clearContributionsTo(tx, indicators.map((i) => i.id), a.organisationId, `Programme result ${node.code} was deleted`);
    await repo.deleteIndicators(tx.db, indicators.map((i) => i.id));
    // Deepest first: a node's parent reference must not dangle at any moment.
    for (const n of [...subtree].sort((x, y) => y.level - x.level)) await repo.deleteNodes(tx.db, [n.id]);
    await repo.compactPositions(tx.db, { frameworkId: a.frameworkId, parentId: node.parent_id });
    await recordAudit(tx, {
      action: 'result_node.delete',
      entityType: 'result_node',
      entityId: nodeId,
      organisationId: a.organisationId,
      before: { node: toNode(node), nodes: subtree.slice(1).map((n) => n.code), indicators: indicators.map((i) => i.code) },
    });
  });
}
