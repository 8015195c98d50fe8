import type { z } from 'zod';
import type {
  ApproveChangeRequestBody,
  BudgetChange,
  ChangeKind,
  ChangeRequest,
  ChangeRequestDetail,
  ChangeRequestList,
  ChangeRequestListQuery,
  ChangeRequestOptions,
  ChangeRequestPreview,
  CreateChangeRequestBody,
  PlanChange,
  RejectChangeRequestBody,
  TargetChange,
  WithdrawChangeRequestBody,
} from '@shared/schemas/change-requests.js';
import { CHANGE_KINDS } from '@shared/plans-roles.js';
import { nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { uniqueViolation } from '../../lib/db-errors.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { userIdOf } from '../access/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { applyRevision, returnRevisionToDraft, submitRevision } from '../budgets/budget-revisions.js';
import { CHANGE_APPROVERS, CHANGE_REQUESTERS, MONEY_READERS, type ProjectPlansAccess, projectPlansAccess } from '../plans-access/plans-access.js';
import * as kinds from './change-requests.kinds.js';
import { auditableChangeRequest, referenceOf, type Rights, toChangeRequest } from './change-requests.mapper.js';
import * as repo from './change-requests.repository.js';

/**
 * Change requests: a formal adjustment to targets, the work plan or the budget. Whoever may see
 * the project reads target and plan requests; budget requests only those who see money (others
 * never find them in lists and get 403 on a direct read). CHANGE_REQUESTERS[kind] make them,
 * CHANGE_APPROVERS[kind] decide, never on their own request; approval applies the change in the
 * same transaction, after checking it again against the data as it is now.
 */

type CreateBody = z.infer<typeof CreateChangeRequestBody>;
type Row = repo.ChangeRequestRow;

const stale = (current: number) => new AppError('conflict', [{ field: 'version', reason: 'stale_version', params: { current } }]);
const forbiddenBecause = (reason: string) => new AppError('forbidden', [{ field: 'id', reason }]);

function rightsOf(ctx: Ctx, a: ProjectPlansAccess, r: Row): Rights {
  const open = r.status === 'submitted';
  const mine = r.requested_by !== null && r.requested_by === userIdOf(ctx.actor);
  const decide = open && !mine && a.can(CHANGE_APPROVERS[r.kind as ChangeKind]);
  return { canApprove: decide, canReject: decide, canWithdraw: open && mine };
}

/** A request the reader may read: 404 when the project is unseen, 403 for a budget request without money rights. */
async function loadReadable(ctx: Ctx, id: string) {
  const row = await repo.findChangeRequest(ctx.db, id);
  if (!row) throw notFound();
  const access = await projectPlansAccess(ctx, row.project_id);
  if (row.kind === 'budget' && !access.can(MONEY_READERS)) throw new AppError('forbidden');
  return { row, access };
}

export async function listChangeRequests(ctx: Ctx, projectId: string, q: z.infer<typeof ChangeRequestListQuery>): Promise<ChangeRequestList> {
  const access = await projectPlansAccess(ctx, projectId);
  const rows = await repo.changeRequestsOfProject(ctx.db, projectId, { ...q, withBudget: access.can(MONEY_READERS) });
  return { items: rows.map((r) => toChangeRequest(r, rightsOf(ctx, access, r))), canRequest: CHANGE_KINDS.filter((k) => access.can(CHANGE_REQUESTERS[k])) };
}

async function previewOf(ctx: Ctx, r: Row): Promise<ChangeRequestPreview> {
  const changes = JSON.parse(r.changes_json) as unknown;
  if (r.kind === 'budget') return kinds.previewBudget(ctx, r.budget_version_id ?? (changes as BudgetChange).budgetVersionId);
  // Once applied, the data has moved on: show the before → after recorded when it was applied.
  if (r.status === 'approved') {
    const audit = await repo.approvalAudit(ctx.db, r.id);
    const preview = audit?.after_json ? (JSON.parse(audit.after_json) as { preview?: ChangeRequestPreview }).preview : undefined;
    if (preview) return preview;
  }
  return r.kind === 'targets' ? kinds.previewTargets(ctx, r.project_id, changes as TargetChange[]) : kinds.previewPlan(ctx, changes as PlanChange[]);
}

export async function getChangeRequest(ctx: Ctx, id: string): Promise<ChangeRequestDetail> {
  return inTransaction(ctx, async (tx) => {
    const { row, access } = await loadReadable(tx, id);
    return { ...toChangeRequest(row, rightsOf(tx, access, row)), preview: await previewOf(tx, row) };
  });
}

export async function changeRequestOptions(ctx: Ctx, projectId: string): Promise<ChangeRequestOptions> {
  const access = await projectPlansAccess(ctx, projectId);
  const canRequest = CHANGE_KINDS.filter((k) => access.can(CHANGE_REQUESTERS[k]));
  const [indicators, activities, revisions] = await Promise.all([
    canRequest.includes('targets') ? repo.indicatorsOfProject(ctx.db, projectId) : [],
    // Only approved plans change through a request; a draft plan is edited on the work-plan page.
    canRequest.includes('plan') ? repo.activitiesOfProject(ctx.db, projectId).then((list) => list.filter((a) => a.plan_status === 'approved')) : [],
    canRequest.includes('budget') ? repo.draftRevisions(ctx.db, projectId) : [],
  ]);
  return {
    indicators: indicators.map((i) => ({ id: i.id, code: i.code, name: i.name })),
    activities: activities.map((a) => ({
      id: a.id, code: a.code, title: a.title, status: a.status, plannedStart: a.planned_start, plannedEnd: a.planned_end,
      workPlan: { id: a.work_plan_id, title: a.plan_title, year: a.plan_year, startDate: a.plan_start, endDate: a.plan_end },
    })),
    draftRevisions: revisions.map((v) => ({ id: v.id, number: v.number, budgetId: v.budget_id, budgetTitle: v.title, currency: v.currency })),
    canRequest,
  };
}

/** Every problem with the changes, each named by its field under `prefix`; the checked target changes come back in canonical form. */
async function checkChanges(tx: Ctx, projectId: string, kind: ChangeKind, changes: unknown, prefix: string) {
  if (kind === 'targets') {
    const { checked, details } = await kinds.checkTargetChanges(tx, projectId, changes as TargetChange[], prefix);
    if (details.length) throw invalid(...details);
    return { targets: checked };
  }
  if (kind === 'plan') {
    const { checked, details } = await kinds.checkPlanChanges(tx, projectId, changes as PlanChange[], prefix);
    if (details.length) throw invalid(...details);
    return { plan: checked };
  }
  const details = await kinds.checkBudgetChange(tx, projectId, changes as BudgetChange, prefix);
  if (details.length) throw invalid(...details);
  return {};
}

async function createOnce(ctx: Ctx, projectId: string, body: CreateBody): Promise<ChangeRequest> {
  return inTransaction(ctx, async (tx) => {
    const access = await projectPlansAccess(tx, projectId);
    if (!access.can(CHANGE_REQUESTERS[body.kind])) throw new AppError('forbidden');
    const checked = await checkChanges(tx, projectId, body.kind, body.changes, 'body.changes');
    const changes = checked.targets ? checked.targets.changes : body.changes;
    const now = nowIso();
    const row = {
      id: newId(),
      project_id: projectId,
      number: await repo.nextNumber(tx.db, projectId),
      kind: body.kind,
      title: body.title,
      description: body.description,
      justification: body.justification,
      impact: body.impact,
      changes_json: JSON.stringify(changes),
      budget_version_id: body.kind === 'budget' ? body.changes.budgetVersionId : null,
      status: 'submitted',
      requested_by: userIdOf(tx.actor),
      requested_at: now,
      decided_by: null,
      decided_at: null,
      decision_note: '',
      applied_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await repo.insertChangeRequest(tx.db, row);
    if (body.kind === 'budget') await submitRevision(tx, body.changes.budgetVersionId, projectId, row.id, `${referenceOf(row.number)}: ${body.justification}`);
    await recordAudit(tx, { action: 'change_request.create', entityType: 'change_request', entityId: row.id, organisationId: access.project.organisation_id, after: auditableChangeRequest(row) });
    const saved = (await repo.findChangeRequest(tx.db, row.id))!;
    return toChangeRequest(saved, rightsOf(tx, access, saved));
  });
}

/**
 * Makes a request, numbered after the project's last one. Two requests made at the same moment
 * would take the same number: the unique index refuses the second, which is then made again once.
 */
export async function createChangeRequest(ctx: Ctx, projectId: string, body: CreateBody): Promise<ChangeRequest> {
  try {
    return await createOnce(ctx, projectId, body);
  } catch (e) {
    // Inside an outer transaction (seed, command line) there is no retrying: the transaction is spoilt.
    if (ctx.db.isTransaction || uniqueViolation(e)?.field !== 'number') throw e;
    return createOnce(ctx, projectId, body);
  }
}

type Decision = 'approve' | 'reject' | 'withdraw';
const TO: Record<Decision, string> = { approve: 'approved', reject: 'rejected', withdraw: 'withdrawn' };

async function decide(ctx: Ctx, id: string, decision: Decision, body: { note: string; version: number }): Promise<ChangeRequestDetail> {
  return inTransaction(ctx, async (tx) => {
    const { row, access } = await loadReadable(tx, id);
    const kind = row.kind as ChangeKind;
    const mine = row.requested_by !== null && row.requested_by === userIdOf(tx.actor);
    if (decision === 'withdraw') {
      if (!mine) throw forbiddenBecause('not_change_requester');
    } else {
      if (!access.can(CHANGE_APPROVERS[kind])) throw new AppError('forbidden');
      if (mine) throw forbiddenBecause('own_change_request');
    }
    if (body.version !== row.version) throw stale(row.version);
    if (row.status !== 'submitted') throw new AppError('invalid_transition', [{ field: 'status', reason: 'change_request_not_submitted', params: { status: row.status } }]);

    const now = nowIso();
    // Claim the request first: of two deciders at once, the second waits here and then finds it moved.
    const moved = await repo.decideAtVersion(tx.db, id, row.version, {
      status: TO[decision],
      decided_by: userIdOf(tx.actor),
      decided_at: now,
      decision_note: body.note,
      updated_at: now,
    });
    if (!moved) throw stale(row.version);

    const changes = JSON.parse(row.changes_json) as unknown;
    const reference = referenceOf(row.number);
    let preview: ChangeRequestPreview | undefined;
    if (decision === 'approve') {
      if (kind === 'budget') {
        if (!row.budget_version_id) throw invalid({ field: 'changes.budgetVersionId', reason: 'budget_version_not_submitted' });
        await applyRevision(tx, row.budget_version_id, body.note);
      } else {
        // The data may have changed since the request was made: check again, and apply all or nothing.
        const checked = await checkChanges(tx, row.project_id, kind, changes, 'changes');
        preview = kind === 'targets' ? await kinds.previewTargets(tx, row.project_id, checked.targets!.changes) : await kinds.previewPlan(tx, changes as PlanChange[]);
        if (kind === 'targets') await kinds.applyTargets(tx, checked.targets!, `${reference}: ${row.title}`);
        else await kinds.applyPlan(tx, checked.plan!, { id, reference }, access.project.organisation_id);
      }
      await repo.setAppliedAt(tx.db, id, nowIso());
    } else if (kind === 'budget' && row.budget_version_id) {
      await returnRevisionToDraft(tx, row.budget_version_id, body.note || reference);
    }

    await recordAudit(tx, {
      action: `change_request.${decision}`,
      entityType: 'change_request',
      entityId: id,
      organisationId: access.project.organisation_id,
      before: { status: row.status, version: row.version },
      after: { status: TO[decision], version: row.version + 1, ...(preview ? { preview } : {}) },
      note: body.note || null,
    });
    const saved = (await repo.findChangeRequest(tx.db, id))!;
    return { ...toChangeRequest(saved, rightsOf(tx, access, saved)), preview: preview ?? (await previewOf(tx, saved)) };
  });
}

export const approveChangeRequest = (ctx: Ctx, id: string, body: z.infer<typeof ApproveChangeRequestBody>) => decide(ctx, id, 'approve', body);
export const rejectChangeRequest = (ctx: Ctx, id: string, body: z.infer<typeof RejectChangeRequestBody>) => decide(ctx, id, 'reject', body);
export const withdrawChangeRequest = (ctx: Ctx, id: string, body: z.infer<typeof WithdrawChangeRequestBody>) => decide(ctx, id, 'withdraw', body);
