import { convertToBudget, isValidRate, minorDigits, parseDecimal } from '@shared/domain/money.js';
import { errorMessage } from '@shared/i18n/error-messages.js';
import type { Role } from '@shared/roles.js';
import {
  type ApproveExpenditureBody,
  type AwaitingApproval,
  type CreateExpenditureBody,
  type Expenditure,
  type ExpenditureList,
  type ExpenditureOptions,
  EXPENDITURES_PAGE_SIZE,
  type ListExpendituresQuery,
  type RejectExpenditureBody,
  type SavedExpenditure,
  type UpdateExpenditureBody,
} from '@shared/schemas/expenditures.js';
import type { z } from 'zod';
import { nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, type DetailInput, invalid, notFound } from '../../lib/errors.js';
import { type IdempotentAnswer, withIdempotency } from '../../lib/idempotency.js';
import { newId } from '../../lib/ids.js';
import { userIdOf } from '../access/actor.js';
import { authorise, hasRole, projectChain } from '../access/access.policy.js';
import { recordAudit } from '../audit/audit.repository.js';
import { isKnownCode } from '../codelists/codelists.service.js';
import { EXPENDITURE_APPROVERS, EXPENDITURE_RECORDERS, projectMoneyAccess, type ProjectPlansAccess } from '../plans-access/plans-access.js';
import { auditableExpenditure, type ExpenditureRights, toExpenditure } from './expenditures.mapper.js';
import * as repo from './expenditures.repository.js';

/**
 * Expenditures against budget lines (issue 7). Recorders (finance officers, budget holders,
 * programme managers, admins) record what was paid; the server converts it to the budget's
 * currency, decides how many approvals it needs from the budget's threshold, and keeps it
 * `submitted` until approvers (budget holders, admins) decide: never the submitter, and above the
 * threshold a second approver who is not the first. Approved and rejected are final.
 */

type CreateBody = z.infer<typeof CreateExpenditureBody>;
type UpdateBody = z.infer<typeof UpdateExpenditureBody>;

const PENDING = ['submitted', 'awaiting_second_approval'];
const isPending = (status: string) => PENDING.includes(status);

export const todayUtc = (now = new Date()): string => now.toISOString().slice(0, 10);

const stale = (current: number) => new AppError('conflict', [{ field: 'version', reason: 'stale_version', params: { current } }]);
const locked = (status: string) => new AppError('invalid_transition', [{ field: 'status', reason: 'expenditure_locked', params: { status } }]);
const refused = (reason: string) => new AppError('forbidden', [{ reason }]);

function rightsOf(ctx: Ctx, access: Pick<ProjectPlansAccess, 'can'>, e: Pick<repo.ExpenditureRow, 'status' | 'submitted_by' | 'first_approved_by'>): ExpenditureRights {
  const me = userIdOf(ctx.actor);
  const pending = isPending(e.status);
  const mine = me !== null && e.submitted_by === me;
  const canEdit = e.status === 'submitted' && !e.first_approved_by && mine && access.can(EXPENDITURE_RECORDERS);
  return {
    canApprove: pending && access.can(EXPENDITURE_APPROVERS) && !mine && !(me !== null && e.first_approved_by === me),
    canEdit,
    // The evidence is the recorder's, like the figures: an approver never replaces the receipt of an
    // expenditure they are about to decide, and nobody changes it once someone has approved it.
    canAttach: canEdit,
  };
}

/** An expenditure the reader may see the money of: 404 when they cannot see its project, 403 when they see it but not its money. */
async function loadExpenditure(ctx: Ctx, id: string) {
  const row = await repo.findExpenditure(ctx.db, id);
  if (!row) throw notFound();
  const access = await projectMoneyAccess(ctx, row.project_id);
  return { row, access };
}

const view = (ctx: Ctx, access: ProjectPlansAccess, row: repo.ExpenditureRow) => toExpenditure(row, rightsOf(ctx, access, row));

async function hydrate(ctx: Ctx, access: ProjectPlansAccess, id: string): Promise<Expenditure> {
  return view(ctx, access, (await repo.findExpenditure(ctx.db, id))!);
}

/** 1 exactly ("1", "1.0", "1.000"). */
const isOne = (rate: string) => {
  const r = parseDecimal(rate);
  return !!r && r.digits === 10n ** BigInt(r.scale);
};

const knownCurrency = (code: string) => {
  if (!isKnownCode('currencies', code)) return false;
  try {
    minorDigits(code);
    return true;
  } catch {
    return false;
  }
};

interface Checked {
  budget: repo.BudgetRow;
  amountBudgetMinor: number;
  approvalsRequired: number;
}

/**
 * Every problem with what was typed at once, each named by its field; then the conversion to the
 * budget's currency and the approvals it needs, computed here whatever the client showed.
 */
async function checkBody(ctx: Ctx, projectId: string, body: CreateBody): Promise<Checked> {
  const problems: DetailInput[] = [];
  const budget = await repo.findBudget(ctx.db, body.budgetId);
  if (!budget || budget.project_id !== projectId) {
    throw invalid({ field: 'body.budgetId', reason: budget ? 'expenditure_budget_not_of_project' : 'unknown_reference' });
  }
  if (budget.current_version === null) throw invalid({ field: 'body.budgetId', reason: 'expenditure_budget_not_in_force' });
  const line = await repo.lineInForce(ctx.db, budget.id, body.budgetLineId);
  if (!line) problems.push({ field: 'body.budgetLineId', reason: 'expenditure_line_not_in_force' });

  if (body.expenseDate < budget.start_date || body.expenseDate > budget.end_date) {
    problems.push({ field: 'body.expenseDate', reason: 'expense_date_outside_budget', params: { start: budget.start_date, end: budget.end_date } });
  } else if (body.expenseDate > todayUtc()) {
    problems.push({ field: 'body.expenseDate', reason: 'expense_date_in_future' });
  }

  const currencyOk = knownCurrency(body.currency);
  if (!currencyOk) problems.push({ field: 'body.currency', reason: 'expenditure_currency_unknown' });
  const rateOk = isValidRate(body.exchangeRate);
  if (!rateOk) problems.push({ field: 'body.exchangeRate', reason: 'exchange_rate_invalid' });
  else if (body.currency === budget.currency && !isOne(body.exchangeRate)) problems.push({ field: 'body.exchangeRate', reason: 'rate_must_be_one' });
  if (body.currency !== budget.currency) {
    if (!body.rateSource) problems.push({ field: 'body.rateSource', reason: 'rate_source_required' });
    if (!body.rateDate) problems.push({ field: 'body.rateDate', reason: 'rate_date_required' });
    else if (body.rateDate > todayUtc()) problems.push({ field: 'body.rateDate', reason: 'expense_date_in_future' });
  }

  let amountBudgetMinor = 0;
  if (currencyOk && rateOk) {
    try {
      amountBudgetMinor = convertToBudget(body.amountMinor, body.currency, body.exchangeRate, budget.currency);
    } catch {
      problems.push({ field: 'body.amountMinor', reason: 'too_big', params: { maximum: Number.MAX_SAFE_INTEGER } });
    }
  }
  if (problems.length) throw invalid(...problems);
  const threshold = budget.second_approval_threshold_minor === null ? null : Number(budget.second_approval_threshold_minor);
  return { budget, amountBudgetMinor, approvalsRequired: threshold !== null && amountBudgetMinor >= threshold ? 2 : 1 };
}

const columns = (body: CreateBody, checked: Checked) => ({
  budget_id: body.budgetId,
  budget_line_id: body.budgetLineId,
  expense_date: body.expenseDate,
  description: body.description,
  payee: body.payee,
  invoice_ref: body.invoiceRef,
  amount_minor: body.amountMinor,
  currency: body.currency,
  exchange_rate: body.exchangeRate,
  // The same currency needs no source nor date.
  rate_source: body.currency === checked.budget.currency ? '' : body.rateSource,
  rate_date: body.currency === checked.budget.currency ? null : body.rateDate,
  amount_budget_minor: checked.amountBudgetMinor,
  approvals_required: checked.approvalsRequired,
});

/** A payee's invoice already recorded on the project: a warning, not a refusal (instalments share a reference). */
async function warningsFor(ctx: Ctx, projectId: string, body: CreateBody, exceptId: string | null): Promise<SavedExpenditure['warnings']> {
  if (!body.invoiceRef) return [];
  const same = await repo.sameInvoice(ctx.db, projectId, body.payee, body.invoiceRef, exceptId);
  if (!same.length) return [];
  const params = { invoiceRef: body.invoiceRef, payee: body.payee, count: same.length };
  return [{ field: 'invoiceRef', reason: 'duplicate_invoice', message: errorMessage('duplicate_invoice', ctx.locale, params), params }];
}

/** Records an expenditure as submitted. Retried with the same Idempotency-Key, it answers the first result and records nothing. */
export function createExpenditure(ctx: Ctx, projectId: string, body: CreateBody, idempotencyKey?: string): Promise<IdempotentAnswer<SavedExpenditure>> {
  return withIdempotency(
    ctx,
    idempotencyKey,
    'POST /projects/:id/expenditures',
    async (tx) => {
      const access = await projectMoneyAccess(tx, projectId);
      authorise(true, access.can(EXPENDITURE_RECORDERS));
      const checked = await checkBody(tx, projectId, body);
      const warnings = await warningsFor(tx, projectId, body, null);
      const now = nowIso();
      const row = {
        id: newId(),
        project_id: projectId,
        ...columns(body, checked),
        status: 'submitted',
        submitted_by: userIdOf(tx.actor),
        submitted_at: now,
        first_approved_by: null,
        first_approved_at: null,
        approved_by: null,
        approved_at: null,
        rejected_by: null,
        rejected_at: null,
        rejection_reason: '',
        attachment_name: null,
        attachment_type: null,
        attachment_size: null,
        attachment_sha256: null,
        version: 1,
        created_at: now,
        updated_at: now,
      };
      await repo.insertExpenditure(tx.db, row);
      await recordAudit(tx, {
        action: 'expenditure.create',
        entityType: 'expenditure',
        entityId: row.id,
        organisationId: access.project.organisation_id,
        after: auditableExpenditure(row),
        ...(warnings.length ? { note: warnings.map((w) => w.reason).join(', ') } : {}),
      });
      return { ...(await hydrate(tx, access, row.id)), warnings };
    },
    201,
  );
}

/** The submitter's own expenditure, still submitted and not yet approved by anyone, at the version they saw. */
function requireEditable(ctx: Ctx, access: ProjectPlansAccess, row: repo.ExpenditureRow, version: number | undefined) {
  authorise(true, access.can(EXPENDITURE_RECORDERS));
  const me = userIdOf(ctx.actor);
  if (me === null || row.submitted_by !== me) throw refused('not_submitter');
  if (row.status === 'approved' || row.status === 'rejected') throw locked(row.status);
  if (row.status !== 'submitted' || row.first_approved_by) {
    throw new AppError('invalid_transition', [{ field: 'status', reason: 'expenditure_not_editable' }]);
  }
  if (version !== undefined && version !== row.version) throw stale(row.version);
}

export async function updateExpenditure(ctx: Ctx, id: string, body: UpdateBody): Promise<SavedExpenditure> {
  return inTransaction(ctx, async (tx) => {
    const { row: before, access } = await loadExpenditure(tx, id);
    requireEditable(tx, access, before, body.version);
    const checked = await checkBody(tx, before.project_id, body);
    const warnings = await warningsFor(tx, before.project_id, body, id);
    const patch = { ...columns(body, checked), updated_at: nowIso() };
    if (!(await repo.updateAtVersion(tx.db, id, before.version, patch))) throw stale(before.version);
    await recordAudit(tx, {
      action: 'expenditure.update',
      entityType: 'expenditure',
      entityId: id,
      organisationId: access.project.organisation_id,
      before: auditableExpenditure(before),
      after: auditableExpenditure({ ...before, ...patch, version: before.version + 1 }),
    });
    return { ...(await hydrate(tx, access, id)), warnings };
  });
}

/** Withdraws (deletes) the submitter's expenditure before anyone approved it; the receipt goes with it. */
export async function withdrawExpenditure(ctx: Ctx, id: string, version?: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { row: before, access } = await loadExpenditure(tx, id);
    requireEditable(tx, access, before, version);
    if (!(await repo.deleteAtVersion(tx.db, id, before.version))) throw stale(before.version);
    await recordAudit(tx, {
      action: 'expenditure.withdraw',
      entityType: 'expenditure',
      entityId: id,
      organisationId: access.project.organisation_id,
      before: auditableExpenditure(before),
    });
  });
}

type Decision = { action: 'approve'; body: z.infer<typeof ApproveExpenditureBody> } | { action: 'reject'; body: z.infer<typeof RejectExpenditureBody> };

/**
 * Approve or reject. The reader must be an approver on the project (403), not its submitter (403
 * `own_expenditure`) nor, for the second approval, its first approver (403
 * `second_approver_must_differ`); approved and rejected are final (409 `invalid_transition`); the
 * version must be the one they saw, also when another approver wins the race between this read
 * and the update (409 `stale_version`: the version is in the UPDATE's WHERE).
 */
function decide(ctx: Ctx, id: string, d: Decision, idempotencyKey?: string): Promise<IdempotentAnswer<Expenditure>> {
  return withIdempotency(ctx, idempotencyKey, `POST /expenditures/:id/${d.action}`, async (tx) => {
    const { row: e, access } = await loadExpenditure(tx, id);
    authorise(true, access.can(EXPENDITURE_APPROVERS));
    if (!isPending(e.status)) throw locked(e.status);
    const me = userIdOf(tx.actor);
    if (me !== null && e.submitted_by === me) throw refused('own_expenditure');
    if (e.status === 'awaiting_second_approval' && me !== null && e.first_approved_by === me) throw refused('second_approver_must_differ');
    if (d.body.version !== e.version) throw stale(e.version);

    const now = nowIso();
    let patch: Partial<repo.ExpenditureRow>;
    if (d.action === 'reject') patch = { status: 'rejected', rejected_by: me, rejected_at: now, rejection_reason: d.body.reason };
    else if (e.status === 'submitted' && e.approvals_required >= 2) patch = { status: 'awaiting_second_approval', first_approved_by: me, first_approved_at: now };
    else patch = { status: 'approved', approved_by: me, approved_at: now };
    if (!(await repo.updateAtVersion(tx.db, id, e.version, { ...patch, updated_at: now }))) throw stale(e.version);
    await recordAudit(tx, {
      action: `expenditure.${d.action}`,
      entityType: 'expenditure',
      entityId: id,
      organisationId: access.project.organisation_id,
      before: { status: e.status, version: e.version },
      after: { status: patch.status, version: e.version + 1, amountBudgetMinor: Number(e.amount_budget_minor), approvalsRequired: e.approvals_required },
      note: d.action === 'reject' ? d.body.reason : null,
    });
    return hydrate(tx, access, id);
  });
}

export const approveExpenditure = (ctx: Ctx, id: string, body: z.infer<typeof ApproveExpenditureBody>, key?: string) => decide(ctx, id, { action: 'approve', body }, key);
export const rejectExpenditure = (ctx: Ctx, id: string, body: z.infer<typeof RejectExpenditureBody>, key?: string) => decide(ctx, id, { action: 'reject', body }, key);

export async function getExpenditure(ctx: Ctx, id: string): Promise<Expenditure> {
  const { row, access } = await loadExpenditure(ctx, id);
  return view(ctx, access, row);
}

export async function listExpenditures(ctx: Ctx, projectId: string, q: z.infer<typeof ListExpendituresQuery>): Promise<ExpenditureList> {
  const access = await projectMoneyAccess(ctx, projectId);
  const filter = { projectId, status: q.status, budgetId: q.budgetId, lineId: q.lineId, from: q.from, to: q.to };
  const [rows, total] = await Promise.all([
    repo.listExpenditures(ctx.db, filter, EXPENDITURES_PAGE_SIZE, (q.page - 1) * EXPENDITURES_PAGE_SIZE),
    repo.countExpenditures(ctx.db, filter),
  ]);
  return { items: rows.map((r) => view(ctx, access, r)), total, page: q.page, pageSize: EXPENDITURES_PAGE_SIZE, canRecord: access.can(EXPENDITURE_RECORDERS) };
}

/**
 * The budgets in force and their lines with what is spent (approved) and pending, in the budget's
 * currency: what the record dialog offers and the list filters by.
 */
export async function expenditureOptions(ctx: Ctx, projectId: string): Promise<ExpenditureOptions> {
  await projectMoneyAccess(ctx, projectId);
  return { budgets: await budgetsWithLines(ctx, projectId), today: todayUtc() };
}

/** Exported for others who need a project's lines in force with their actual and pending sums. */
export async function budgetsWithLines(ctx: Pick<Ctx, 'db'>, projectId: string): Promise<ExpenditureOptions['budgets']> {
  const budgets = await repo.budgetsInForce(ctx.db, projectId);
  const [lines, sums] = await Promise.all([repo.linesOfVersions(ctx.db, budgets.map((b) => b.version_id)), repo.sumsByLine(ctx.db, budgets.map((b) => b.id))]);
  const sumOf = (lineId: string, statuses: string[]) => sums.filter((s) => s.lineId === lineId && statuses.includes(s.status)).reduce((a, s) => a + s.total, 0);
  return budgets.map((b) => ({
    id: b.id,
    title: b.title,
    currency: b.currency,
    startDate: b.start_date,
    endDate: b.end_date,
    secondApprovalThresholdMinor: b.second_approval_threshold_minor === null ? null : Number(b.second_approval_threshold_minor),
    versionNumber: b.version_number,
    lines: lines
      .filter((l) => l.version_id === b.version_id)
      .map((l) => {
        const totalMinor = Number(l.total_minor);
        const actualMinor = sumOf(l.line_id, ['approved']);
        const pendingMinor = sumOf(l.line_id, PENDING);
        return { id: l.line_id, code: l.code, category: l.category, description: l.description, totalMinor, actualMinor, pendingMinor, remainingMinor: totalMinor - actualMinor - pendingMinor };
      }),
  }));
}

const scopesOf = (ctx: Ctx, roles: readonly Role[]) => {
  const grants = ctx.actor.grants.filter((g) => roles.includes(g.role));
  if (grants.some((g) => g.scopeType === 'installation')) return null;
  const ids = (type: string) => grants.filter((g) => g.scopeType === type && g.scopeId).map((g) => g.scopeId!);
  return { projectIds: ids('project'), programmeIds: ids('programme'), organisationIds: ids('organisation') };
};

/** Expenditures across projects that the reader may approve now (never their own), oldest first: the home page's card. */
export async function awaitingMyApproval(ctx: Ctx): Promise<AwaitingApproval> {
  const scopes = scopesOf(ctx, EXPENDITURE_APPROVERS);
  if (scopes && !scopes.projectIds.length && !scopes.programmeIds.length && !scopes.organisationIds.length) return { items: [], total: 0 };
  const me = userIdOf(ctx.actor) ?? '';
  const rows = await repo.awaitingDecision(ctx.db, me, scopes);
  const items = rows.flatMap((r) => {
    const chain = projectChain({ id: r.project_id, programmeId: r.programme_id, organisationId: r.organisation_id });
    const access = { can: (roles: readonly Role[]) => hasRole(ctx.actor, roles, chain) };
    const rights = rightsOf(ctx, access, r);
    if (!rights.canApprove) return [];
    return [{ ...toExpenditure(r, rights), project: { id: r.project_id, code: r.project_code, title: r.project_title } }];
  });
  return { items, total: items.length };
}

/** For the attachment service: the expenditure with the reader's rights (404/403 as for reading it). */
export async function loadForAttachment(ctx: Ctx, id: string) {
  const { row, access } = await loadExpenditure(ctx, id);
  return { row, access, rights: rightsOf(ctx, access, row), hydrate: () => hydrate(ctx, access, id) };
}
