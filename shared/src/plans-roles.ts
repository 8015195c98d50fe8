import type { Role } from './roles.js';

/**
 * Who may do what with a project's work plan, budget, expenditures and change requests. The
 * server checks these on the project's scope chain (plans-access.ts); the web uses the same lists
 * only to hide what a person could not open anyway.
 */

/** See budgets, expenditures and budget vs actual. Reporters, partners, viewers and grant roles do not. */
export const MONEY_READERS: readonly Role[] = ['admin', 'programme_manager', 'me_officer', 'budget_holder', 'finance_officer'];
/** Create budgets, edit draft versions, start revisions. */
export const BUDGET_EDITORS: readonly Role[] = ['admin', 'programme_manager', 'budget_holder', 'finance_officer'];
/** Approve an original budget and a budget change request. */
export const BUDGET_APPROVERS: readonly Role[] = ['admin', 'budget_holder'];
/** Record expenditures against budget lines. */
export const EXPENDITURE_RECORDERS: readonly Role[] = ['admin', 'programme_manager', 'budget_holder', 'finance_officer'];
/** Approve or reject expenditures (never one's own; a second, different approver above the threshold). */
export const EXPENDITURE_APPROVERS: readonly Role[] = ['admin', 'budget_holder'];
/** Create and change work plans and their activities, approve a plan. */
export const PLAN_EDITORS: readonly Role[] = ['admin', 'programme_manager', 'me_officer'];
/**
 * Also update an activity's progress (status, % complete, actual dates, note), but only for
 * activities whose responsible organisation is their own.
 */
export const PROGRESS_REPORTERS: readonly Role[] = ['reporter', 'partner_reporter'];

export const CHANGE_KINDS = ['targets', 'plan', 'budget'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export const CHANGE_REQUESTERS: Record<ChangeKind, readonly Role[]> = {
  targets: ['admin', 'programme_manager', 'me_officer'],
  plan: ['admin', 'programme_manager', 'me_officer'],
  budget: BUDGET_EDITORS,
};
/** Never the requester: the service checks that too. */
export const CHANGE_APPROVERS: Record<ChangeKind, readonly Role[]> = {
  targets: ['admin', 'programme_manager'],
  plan: ['admin', 'programme_manager'],
  budget: BUDGET_APPROVERS,
};
