import type { Ctx } from '../../lib/context.js';
import { nowIso } from '../../lib/clock.js';
import { AppError, notFound } from '../../lib/errors.js';
import { userIdOf } from '../access/actor.js';
import { recordAudit } from '../audit/audit.repository.js';

/**
 * The steps of a budget revision that a change request drives (change-requests/). Each runs inside
 * the caller's transaction: the change request and the budget version move together or not at all.
 * A revision is a draft version (number ≥ 2) edited on the budget page; submitting its change
 * request submits it; approving the request makes it the version in force; rejecting or
 * withdrawing the request returns it to draft so it can be corrected and submitted again.
 */

async function loadVersion(tx: Ctx, versionId: string) {
  const row = await tx.db
    .selectFrom('budget_versions')
    .innerJoin('budgets', 'budgets.id', 'budget_versions.budget_id')
    .select(['budget_versions.id', 'budget_versions.budget_id', 'budget_versions.number', 'budget_versions.status', 'budget_versions.change_request_id', 'budgets.project_id', 'budgets.current_version'])
    .where('budget_versions.id', '=', versionId)
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** The budget version a change request would submit: a draft revision of a budget of that project. */
export async function submitRevision(tx: Ctx, versionId: string, projectId: string, changeRequestId: string, reason: string): Promise<void> {
  const v = await loadVersion(tx, versionId);
  if (v.project_id !== projectId) throw new AppError('validation_failed', [{ field: 'body.budgetVersionId', reason: 'budget_version_not_of_project' }]);
  if (v.status !== 'draft' || v.number < 2) throw new AppError('invalid_transition', [{ field: 'body.budgetVersionId', reason: 'budget_version_not_draft_revision' }]);
  const at = nowIso();
  await tx.db
    .updateTable('budget_versions')
    .set((eb) => ({ status: 'submitted', reason, submitted_by: userIdOf(tx.actor), submitted_at: at, change_request_id: changeRequestId, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', versionId)
    .execute();
  await recordAudit(tx, { action: 'budget_version.submit', entityType: 'budget_version', entityId: versionId, after: { status: 'submitted', changeRequestId }, reason });
}

/** Approval of the change request: the revision is in force and the one before is superseded. */
export async function applyRevision(tx: Ctx, versionId: string, note: string): Promise<void> {
  const v = await loadVersion(tx, versionId);
  if (v.status !== 'submitted') throw new AppError('invalid_transition', [{ field: 'budgetVersionId', reason: 'budget_version_not_submitted' }]);
  const at = nowIso();
  await tx.db
    .updateTable('budget_versions')
    .set((eb) => ({ status: 'superseded', updated_at: at, version: eb('version', '+', 1) }))
    .where('budget_id', '=', v.budget_id)
    .where('status', '=', 'approved')
    .execute();
  await tx.db
    .updateTable('budget_versions')
    .set((eb) => ({ status: 'approved', decided_by: userIdOf(tx.actor), decided_at: at, decision_note: note, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', versionId)
    .execute();
  await tx.db
    .updateTable('budgets')
    .set((eb) => ({ current_version: v.number, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', v.budget_id)
    .execute();
  await recordAudit(tx, {
    action: 'budget_version.approve',
    entityType: 'budget_version',
    entityId: versionId,
    before: { currentVersion: v.current_version },
    after: { currentVersion: v.number },
    note,
  });
}

/** Rejection or withdrawal of the change request: the revision goes back to draft. */
export async function returnRevisionToDraft(tx: Ctx, versionId: string, note: string): Promise<void> {
  const v = await loadVersion(tx, versionId);
  if (v.status !== 'submitted') return;
  const at = nowIso();
  await tx.db
    .updateTable('budget_versions')
    .set((eb) => ({ status: 'draft', decided_by: userIdOf(tx.actor), decided_at: at, decision_note: note, change_request_id: null, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', versionId)
    .execute();
  await recordAudit(tx, { action: 'budget_version.return_to_draft', entityType: 'budget_version', entityId: versionId, after: { status: 'draft' }, note });
}
