import { optionIdsOf } from '@shared/domain/disaggregations.js';
import { type ChangeReason } from '@shared/domain/framework-templates.js';
import { CreateIndicatorBody, type ImportFrameworkResultT } from '@shared/schemas/index.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, type DetailInput } from '../../lib/errors.js';
import * as results from '../results/results.repository.js';
import * as service from '../results/results.service.js';
import { putTargets } from '../results/targets.service.js';
import { type FrameworkDiff, INDICATOR_COLUMN } from './framework-diff.js';
import type { FrameworkPlan } from './framework-parse.js';
import type { FrameworkSnapshot } from './framework-snapshot.js';
import { type DataSheet, SHEET } from './framework-template.js';
import * as repo from './framework-io.repository.js';
import { cellKey, type PlannedTarget } from './targets-parse.js';

type Why = { reason: ChangeReason; note: string };
type Counts = Omit<ImportFrameworkResultT, 'dryRun'>;

const NODE_COLUMN: Record<string, string> = { code: 'code', title: 'title', titles: 'title_fr', description: 'description', parentId: 'parent_code', level: 'level' };
const TARGET_COLUMN: Record<string, string> = { period: 'period', locationId: 'location_pcode', optionIds: 'disaggregation', value: 'value' };
const fieldName = (field?: string) => field?.replace(/^body\./, '').replace(/^changes\./, '').split('.')[0] ?? '';

/**
 * Runs one service call; a refusal comes back as import_failed naming the sheet and row (and the
 * column, from the field the service named), so the person fixes the file, not the request.
 */
async function at<T>(sheet: DataSheet, where: (d: DetailInput) => { row: number; column?: string | undefined }, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const details: DetailInput[] = e.details.length ? e.details : [{ reason: e.code }];
    throw new AppError(
      'import_failed',
      details.map((d) => {
        const { row, column } = where(d);
        return { sheet, row, ...(column && { column }), reason: d.reason, ...(d.params && { params: d.params }) };
      }),
    );
  }
}

/**
 * Applies a checked plan through the results and targets services, so every rule and audit entry
 * of the editor holds. Runs inside the caller's transaction. Order matters: results and indicators
 * are created and moved first, so that deleting what the file left out cannot take anything the
 * file keeps; sibling order comes after the deletions, which renumber.
 */
export async function applyPlan(ctx: Ctx, s: FrameworkSnapshot, plan: FrameworkPlan, diff: FrameworkDiff, why: Why): Promise<Counts> {
  const projectId = s.access.projectId!;
  const nodeId = new Map(s.nodes.map((n) => [n.code, n.id]));
  const touchedNodes = new Set<string>();
  // Parents before children: a parent sits exactly one level up, so ordering by level is enough.
  for (const d of [...diff.nodes].sort((a, b) => a.planned.level - b.planned.level)) {
    const p = d.planned;
    const node = (column?: string) => (x: DetailInput) => ({ row: p.row, column: column ?? NODE_COLUMN[fieldName(x.field)] });
    const parentId = p.parentCode ? nodeId.get(p.parentCode)! : null;
    if (!d.stored) {
      const body = { parentId, level: p.level, code: p.code, title: p.title, titles: p.titles ?? {}, description: p.description ?? '' };
      nodeId.set(p.code, (await at(SHEET.results, node(), () => service.createNode(ctx, projectId, body))).id);
      continue;
    }
    if (Object.keys(d.patch).length) await at(SHEET.results, node(), () => service.updateNode(ctx, d.stored!.id, d.patch));
    if (d.moved) await at(SHEET.results, node('parent_code'), () => service.moveNode(ctx, d.stored!.id, { parentId, position: 10_000 }));
    if (Object.keys(d.patch).length || d.moved) touchedNodes.add(p.code);
  }

  const indicatorId = new Map(s.indicators.map((i) => [i.code, i.id]));
  const touchedIndicators = new Set<string>();
  for (const d of diff.indicators) {
    const p = d.planned;
    const where = (x: DetailInput) => ({ row: p.row, column: INDICATOR_COLUMN[fieldName(x.field)] });
    const resultNodeId = nodeId.get(p.resultCode)!;
    if (!d.stored) {
      const body = CreateIndicatorBody.parse({ ...p.fields, code: p.code, contributesToId: null });
      indicatorId.set(p.code, (await at(SHEET.indicators, where, () => service.createIndicator(ctx, resultNodeId, body))).id);
      continue;
    }
    const id = d.stored.id;
    if (Object.keys(d.changes).length) {
      // Targets are keyed by the frequency's periods and the categories' options: clear them before
      // the definition changes under them; the file's targets are put back below.
      if ((d.changes.frequency || d.changes.categoryIds) && s.targets.get(id)?.length) {
        await at(SHEET.indicators, where, () => putTargets(ctx, id, { targets: [], why }));
      }
      await at(SHEET.indicators, where, () => service.updateIndicator(ctx, id, { changes: d.changes, why }));
    }
    if (d.moved) await at(SHEET.indicators, () => ({ row: p.row, column: 'result_code' }), () => service.moveIndicator(ctx, id, { resultNodeId, position: 10_000 }));
    if (Object.keys(d.changes).length || d.moved) touchedIndicators.add(p.code);
  }

  for (const i of diff.deletedIndicators) await service.deleteIndicator(ctx, i.id, true);
  // Only the top of each deleted branch: deleting it takes the rest of the branch.
  const deleted = new Set(diff.deletedNodes.map((n) => n.id));
  for (const n of diff.deletedNodes.filter((n) => !n.parentId || !deleted.has(n.parentId))) await service.deleteNode(ctx, n.id, true);

  await orderNodes(ctx, s, plan, nodeId, touchedNodes);
  await orderIndicators(ctx, plan, nodeId, indicatorId, touchedIndicators);
  const targets = await replaceTargets(ctx, s, plan, indicatorId, why);

  // A new row moved into place is still just created.
  const count = (rows: { stored?: { code: string } }[], touched: Set<string>, deletedCount: number) => {
    const created = rows.filter((d) => !d.stored).length;
    const updated = rows.filter((d) => d.stored && touched.has(d.stored.code)).length;
    return { created, updated, deleted: deletedCount, unchanged: rows.length - created - updated };
  };
  return {
    nodes: count(diff.nodes, touchedNodes, diff.deletedNodes.length),
    indicators: count(diff.indicators, touchedIndicators, diff.deletedIndicators.length),
    targets,
  };
}

/** Moves an item to the index it has in `want` when it is not there, mirroring the service's insert-and-renumber. */
async function reorder(current: string[], want: string[], move: (id: string, position: number) => Promise<unknown>) {
  const list = [...current];
  for (const [i, id] of want.entries()) {
    if (list[i] === id) continue;
    await move(id, i);
    list.splice(list.indexOf(id), 1);
    list.splice(i, 0, id);
  }
}

/** Siblings take the order of their rows in the file. */
async function orderNodes(ctx: Ctx, s: FrameworkSnapshot, plan: FrameworkPlan, nodeId: Map<string, string>, touched: Set<string>) {
  const groups = new Map<string | null, FrameworkPlan['nodes']>();
  for (const n of plan.nodes) groups.set(n.parentCode, [...(groups.get(n.parentCode) ?? []), n]);
  for (const [parentCode, children] of groups) {
    const parentId = parentCode ? nodeId.get(parentCode)! : null;
    const current = (await results.siblings(ctx.db, s.access.frameworkId, parentId)).map((n) => n.id);
    const want = children.map((n) => nodeId.get(n.code)!);
    await reorder(current, want, async (id, position) => {
      const row = children.find((n) => nodeId.get(n.code) === id)!;
      await at(SHEET.results, () => ({ row: row.row }), () => service.moveNode(ctx, id, { parentId, position }));
      touched.add(row.code);
    });
  }
}

async function orderIndicators(ctx: Ctx, plan: FrameworkPlan, nodeId: Map<string, string>, indicatorId: Map<string, string>, touched: Set<string>) {
  const groups = new Map<string, FrameworkPlan['indicators']>();
  for (const i of plan.indicators) groups.set(i.resultCode, [...(groups.get(i.resultCode) ?? []), i]);
  for (const [resultCode, list] of groups) {
    const resultNodeId = nodeId.get(resultCode)!;
    const current = (await results.indicatorsOfNode(ctx.db, resultNodeId)).map((i) => i.id);
    await reorder(current, list.map((i) => indicatorId.get(i.code)!), async (id, position) => {
      const row = list.find((i) => indicatorId.get(i.code) === id)!;
      await at(SHEET.indicators, () => ({ row: row.row }), () => service.moveIndicator(ctx, id, { resultNodeId, position }));
      touched.add(row.code);
    });
  }
}

/** Each indicator in the file gets exactly the file's targets; putTargets records the changed cells with the reason. */
async function replaceTargets(ctx: Ctx, s: FrameworkSnapshot, plan: FrameworkPlan, indicatorId: Map<string, string>, why: Why) {
  const byCode = new Map<string, PlannedTarget[]>();
  for (const t of plan.targets) byCode.set(t.indicatorCode, [...(byCode.get(t.indicatorCode) ?? []), t]);
  let total = 0;
  let changed = 0;
  for (const i of plan.indicators) {
    const id = indicatorId.get(i.code)!;
    const want = byCode.get(i.code) ?? [];
    total += want.length;
    const wanted = new Map(want.map((t) => [cellKey(t), t.value]));
    const before = new Map((s.targets.get(id) ?? []).map((t) => [cellKey(t), t.value]));
    changed += [...new Set([...wanted.keys(), ...before.keys()])].filter((k) => wanted.get(k) !== before.get(k)).length;
    const now = new Map(
      (await repo.targetsOf(ctx.db, [id])).map((t) => [cellKey({ period: t.period_key, locationId: t.location_id, optionIds: optionIdsOf(t.disaggregation_key) }), Number(t.value)]),
    );
    if (now.size === wanted.size && [...wanted].every(([k, v]) => now.get(k) === v)) continue;
    const body = { targets: want.map((t) => ({ period: t.period, locationId: t.locationId, optionIds: t.optionIds, value: t.value })), why };
    await at(SHEET.targets, (d) => {
      const [, index, field] = /^body\.targets\.(\d+)\.(\w+)/.exec(d.field ?? '') ?? [];
      return { row: want[Number(index)]?.row ?? i.row, column: TARGET_COLUMN[field ?? ''] };
    }, () => putTargets(ctx, id, body));
  }
  return { total, changed };
}
