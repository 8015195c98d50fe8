import type { CreateSavedPivotBody, SavedPivot, UpdateSavedPivotBody } from '@shared/schemas/monitoring.js';
import type { z } from 'zod';
import { nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { newId } from '../../lib/ids.js';
import { authorise } from '../access/access.policy.js';
import { recordAudit } from '../audit/audit.repository.js';
import { checkPivotDefinition } from './pivot.service.js';
import { auditableSavedPivot, toSavedPivot } from './saved-pivots.mapper.js';
import * as repo from './saved-pivots.repository.js';

/**
 * Pivots people keep. A pivot is its definition, never its figures: whoever opens a shared pivot
 * sees what their own access allows. Shared pivots are listed for everyone in the owner's
 * organisation; only the owner renames, changes, shares or deletes one.
 */

const canSee = (ctx: Ctx, r: repo.SavedPivotRow | undefined): r is repo.SavedPivotRow =>
  !!r && (r.owner_id === ctx.actor.userId || (r.shared === 1 && r.organisation_id === ctx.actor.organisationId));

export async function listSavedPivots(ctx: Ctx): Promise<{ items: SavedPivot[] }> {
  const rows = await repo.listSavedPivots(ctx.db, ctx.actor.userId, ctx.actor.organisationId);
  return { items: rows.map((r) => toSavedPivot(r, ctx.actor.userId)) };
}

export async function getSavedPivot(ctx: Ctx, id: string): Promise<SavedPivot> {
  const row = await repo.findSavedPivot(ctx.db, id);
  authorise(canSee(ctx, row), true);
  return toSavedPivot(row!, ctx.actor.userId);
}

export async function createSavedPivot(ctx: Ctx, body: z.infer<typeof CreateSavedPivotBody>): Promise<SavedPivot> {
  // Refused like the pivot itself would be: a definition that cannot be shown is not worth keeping.
  await checkPivotDefinition(ctx, body.definition);
  const now = nowIso();
  const row = {
    id: newId(),
    owner_id: ctx.actor.userId,
    organisation_id: ctx.actor.organisationId,
    name: body.name,
    definition_json: JSON.stringify(body.definition),
    shared: body.shared ? 1 : 0,
    created_at: now,
    updated_at: now,
  };
  return inTransaction(ctx, async (tx) => {
    await repo.insertSavedPivot(tx.db, row);
    await recordAudit(tx, { action: 'saved_pivot.create', entityType: 'saved_pivot', entityId: row.id, organisationId: row.organisation_id, after: auditableSavedPivot(row) });
    return toSavedPivot({ ...row, owner_name: ctx.actor.name }, ctx.actor.userId);
  });
}

export async function updateSavedPivot(ctx: Ctx, id: string, body: z.infer<typeof UpdateSavedPivotBody>): Promise<SavedPivot> {
  if (body.definition) await checkPivotDefinition(ctx, body.definition);
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findSavedPivot(tx.db, id);
    authorise(canSee(ctx, before), before?.owner_id === ctx.actor.userId);
    const patch = {
      ...(body.name !== undefined && { name: body.name }),
      ...(body.definition !== undefined && { definition_json: JSON.stringify(body.definition) }),
      ...(body.shared !== undefined && { shared: body.shared ? 1 : 0 }),
      updated_at: nowIso(),
    };
    await repo.updateSavedPivot(tx.db, id, patch);
    const after = { ...before!, ...patch };
    await recordAudit(tx, {
      action: 'saved_pivot.update',
      entityType: 'saved_pivot',
      entityId: id,
      organisationId: after.organisation_id,
      before: auditableSavedPivot(before!),
      after: auditableSavedPivot(after),
    });
    return toSavedPivot(after, ctx.actor.userId);
  });
}

export async function deleteSavedPivot(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await repo.findSavedPivot(tx.db, id);
    authorise(canSee(ctx, before), before?.owner_id === ctx.actor.userId);
    await repo.deleteSavedPivot(tx.db, id);
    await recordAudit(tx, { action: 'saved_pivot.delete', entityType: 'saved_pivot', entityId: id, organisationId: before!.organisation_id, before: auditableSavedPivot(before!) });
  });
}
