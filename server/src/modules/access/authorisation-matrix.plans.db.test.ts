import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUDGET_APPROVERS,
  BUDGET_EDITORS,
  CHANGE_APPROVERS,
  CHANGE_REQUESTERS,
  EXPENDITURE_APPROVERS,
  EXPENDITURE_RECORDERS,
  MONEY_READERS,
  PLAN_EDITORS,
  PROGRESS_REPORTERS,
} from '@shared/plans-roles.js';
import { ROLES, type Role, type ScopeType } from '@shared/roles.js';
import { buildUser } from '../../test/factories.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';
import { exportWorkPlan } from '../workplans/workplans.export.js';
import { SYSTEM_ACTOR } from './actor.js';
import {
  changesOf,
  colleague,
  insertActivity,
  insertBudget,
  insertExpenditure,
  insertPlan,
  PDF,
  PLANS_TAGS,
  type PlansWorld,
  setUpPlansWorld,
  submittedChangeRequest,
} from './authorisation-matrix.plans.js';

/**
 * The authorisation table of work plans, budgets, expenditures, budget vs actual and change
 * requests (issue 7): every role on every scope × every route of those five modules. Expectations
 * come from the WRITTEN policy — shared/src/plans-roles.ts, the modules' doc comments and the issue 7
 * brief — never from the services:
 *
 * - every role is checked on the project's chain (installation, lead organisation, programme,
 *   project); a grant on an organisation that takes part in the project (I) lets one see the project
 *   but never gives a role on it, so I's admin does not see the lead's money;
 * - whoever sees the project reads its work plans and its target and plan change requests;
 *   PLAN_EDITORS change plans; PROGRESS_REPORTERS update the progress of activities carried out by
 *   their own (home) organisation only;
 * - MONEY_READERS read budgets, expenditures, budget vs actual and budget change requests (403 for
 *   those who see the project without money rights); BUDGET_EDITORS, BUDGET_APPROVERS,
 *   EXPENDITURE_RECORDERS and EXPENDITURE_APPROVERS do what their names say;
 * - an expenditure is never approved by its submitter, a second approval never by the first
 *   approver; an original budget never approved by its submitter; a change request never decided by
 *   its requester, and decided by CHANGE_APPROVERS of its kind; only the requester withdraws it;
 *   only the submitter edits or withdraws an expenditure.
 *
 * Answers: 'allowed' (the route's success status), 'forbidden' (403: sees the project but may
 * not), 'hidden' (404: cannot see the project). Each write case gets a target of its own; dry-run
 * imports write nothing and share theirs.
 */

type Scope = 'installation' | 'orgL' | 'progP' | 'projJ' | 'orgI' | 'progQ' | 'projK';
const SCOPES: readonly Scope[] = ['installation', 'orgL', 'progP', 'projJ', 'orgI', 'progQ', 'projK'];
/** J's chain: where a role counts for J. */
const CHAIN: readonly Scope[] = ['installation', 'orgL', 'progP', 'projJ'];
/** Where any role lets one see J: its chain, and the implementing organisation. */
const SEEN_FROM: readonly Scope[] = [...CHAIN, 'orgI'];

interface ActorSpec {
  name: string;
  role: Role | null;
  scope: Scope | null;
  /** The actor's own organisation (users.organisation_id). */
  home: 'L' | 'I';
}
const ACTORS: ActorSpec[] = [
  ...ROLES.flatMap((role) => SCOPES.map((scope): ActorSpec => ({ name: `${role}@${scope}`, role, scope, home: scope === 'orgI' ? 'I' : 'L' }))),
  // The partner's own people holding a reporting role on the project itself.
  { name: 'reporter@projJ of I', role: 'reporter', scope: 'projJ', home: 'I' },
  { name: 'partner_reporter@projJ of I', role: 'partner_reporter', scope: 'projJ', home: 'I' },
  { name: 'signed in, no role', role: null, scope: null, home: 'L' },
];

type Outcome = 'allowed' | 'forbidden' | 'hidden';
const gate = (visible: boolean, allowed: boolean): Outcome => (!visible ? 'hidden' : !allowed ? 'forbidden' : 'allowed');
const sees = (a: ActorSpec) => a.scope !== null && SEEN_FROM.includes(a.scope);
/** One of `roles` on J's chain. */
const on = (a: ActorSpec, roles: readonly Role[]) => a.role !== null && a.scope !== null && roles.includes(a.role) && CHAIN.includes(a.scope);
const read = (a: ActorSpec) => gate(sees(a), true);
const may = (roles: readonly Role[]) => (a: ActorSpec) => gate(sees(a), on(a, roles));
const never = (a: ActorSpec) => gate(sees(a), false);
const anyone = (): Outcome => 'allowed';

interface World extends PlansWorld {
  actorUserId: Map<string, string>;
  agents: Map<string, Agent>;
}
interface Request {
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}
interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  target: string;
  success: number;
  expected(a: ActorSpec): Outcome;
  request(w: World, actorName: string): Promise<Request>;
  /** Repeats another row's check (a download of what a read returns, a rejection beside its approval): asked of SAMPLE only. */
  sampled?: boolean;
}

let t: TestApp;
let seq = 0;
const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;
/** Years for plans made through the API (2000–2099, J's life), one per case. */
let year = 2000;
const db = () => t.db;
const me = (w: World, actor: string) => w.actorUserId.get(actor) ?? null;
const J = (w: World) => w.proj.J;
const budgetDates = { startDate: '2026-01-01', endDate: '2026-12-31' };
const expenditureFields = (w: World) => ({
  budgetId: w.budget.id, budgetLineId: w.budget.lineId, expenseDate: '2026-03-15', description: 'Fuel for the field visit to Mopti', payee: 'Station Total Sévaré',
  invoiceRef: `INV-${unique()}`, amountMinor: 4_500, currency: 'USD', exchangeRate: '1',
});
const activityBody = () => ({ code: `N${unique()}`, title: 'Radio spots on birth registration', plannedStart: '2026-03-01', plannedEnd: '2026-04-30' });
const orgOf = { L: (w: World) => w.org.L, I: (w: World) => w.org.I, none: () => null } as const;
const ORG_LABEL = { L: "the lead organisation's", I: "the implementing partner's", none: 'no organisation’s' } as const;

const ROUTES: RouteCase[] = [
  // ---- Work plans: read with the project, changed by plan editors ----------------------------
  { method: 'GET', path: '/api/projects/:id/work-plans', target: 'J', success: 200, expected: read, request: async (w) => ({ url: `/api/projects/${J(w)}/work-plans` }) },
  {
    method: 'POST', path: '/api/projects/:id/work-plans', target: 'J, a year of its own', success: 201, expected: may(PLAN_EDITORS),
    request: async (w) => ({ url: `/api/projects/${J(w)}/work-plans`, body: { year: year++, title: 'Annual operational plan' } }),
  },
  { method: 'GET', path: '/api/work-plans/:id', target: 'a draft plan of J', success: 200, expected: read, request: async (w) => ({ url: `/api/work-plans/${w.plan.id}` }) },
  {
    method: 'GET', path: '/api/work-plans/:id/export.xlsx', target: 'a draft plan of J', success: 200, sampled: true, expected: read,
    request: async (w) => ({ url: `/api/work-plans/${w.plan.id}/export.xlsx` }),
  },
  {
    method: 'PUT', path: '/api/work-plans/:id', target: 'a draft plan of J', success: 200, expected: may(PLAN_EDITORS),
    request: async (w) => ({ url: `/api/work-plans/${await insertPlan(db(), J(w))}`, body: { title: `Renamed ${unique()}`, ...budgetDates, version: 1 } }),
  },
  {
    method: 'POST', path: '/api/work-plans/:id/approve', target: 'a draft plan of J with an activity', success: 200, expected: may(PLAN_EDITORS),
    request: async (w) => {
      const planId = await insertPlan(db(), J(w));
      await insertActivity(db(), { planId, projectId: J(w), organisationId: w.org.L });
      return { url: `/api/work-plans/${planId}/approve`, body: { version: 1 } };
    },
  },
  {
    method: 'DELETE', path: '/api/work-plans/:id', target: 'a draft plan of J', success: 204, expected: may(PLAN_EDITORS),
    request: async (w) => ({ url: `/api/work-plans/${await insertPlan(db(), J(w))}?version=1` }),
  },
  {
    method: 'POST', path: '/api/work-plans/:id/activities', target: 'a draft plan of J', success: 201, expected: may(PLAN_EDITORS),
    request: async (w) => ({ url: `/api/work-plans/${await insertPlan(db(), J(w))}/activities`, body: activityBody() }),
  },
  {
    method: 'PUT', path: '/api/work-plans/:id/activity-order', target: 'a draft plan of J with two activities', success: 200, expected: may(PLAN_EDITORS),
    request: async (w) => {
      const planId = await insertPlan(db(), J(w));
      const a = await insertActivity(db(), { planId, projectId: J(w), organisationId: w.org.L });
      const b = await insertActivity(db(), { planId, projectId: J(w), organisationId: w.org.I });
      return { url: `/api/work-plans/${planId}/activity-order`, body: { activityIds: [b, a], version: 1 } };
    },
  },
  {
    method: 'POST', path: '/api/work-plans/:id/import', target: 'a draft plan of J, its own workbook, dry run', success: 200, sampled: true, expected: may(PLAN_EDITORS),
    request: async (w) => ({ url: `/api/work-plans/${w.plan.id}/import`, body: { contentBase64: w.planWorkbook, dryRun: true } }),
  },
  {
    method: 'PUT', path: '/api/planned-activities/:id', target: "the lead's activity in a draft plan", success: 200, expected: may(PLAN_EDITORS),
    request: async (w) => ({
      url: `/api/planned-activities/${await insertActivity(db(), { planId: w.draftPlanId, projectId: J(w), organisationId: w.org.L })}`,
      body: { ...activityBody(), organisationId: w.org.L, version: 1 },
    }),
  },
  {
    method: 'DELETE', path: '/api/planned-activities/:id', target: 'an activity in a draft plan', success: 204, expected: may(PLAN_EDITORS),
    request: async (w) => ({ url: `/api/planned-activities/${await insertActivity(db(), { planId: w.draftPlanId, projectId: J(w), organisationId: w.org.L })}?version=1` }),
  },
  // Progress: plan editors, and reporters on J's chain whose own organisation carries the activity out.
  ...(['L', 'I', 'none'] as const).map(
    (o): RouteCase => ({
      method: 'PATCH', path: '/api/planned-activities/:id/progress', target: `${ORG_LABEL[o]} activity in an approved plan`, success: 200,
      expected: (a) => gate(sees(a), on(a, PLAN_EDITORS) || (on(a, PROGRESS_REPORTERS) && a.home === o)),
      request: async (w) => ({
        url: `/api/planned-activities/${await insertActivity(db(), { planId: w.approvedPlanId, projectId: J(w), organisationId: orgOf[o](w) })}/progress`,
        body: { status: 'on_track', percentComplete: 40, statusNote: 'Two of five dialogues held', version: 1 },
      }),
    }),
  ),

  // ---- Budgets: money readers read, editors edit, approvers approve (never the submitter) ----
  { method: 'GET', path: '/api/projects/:id/budgets', target: 'J', success: 200, expected: may(MONEY_READERS), request: async (w) => ({ url: `/api/projects/${J(w)}/budgets` }) },
  {
    method: 'POST', path: '/api/projects/:id/budgets', target: 'J', success: 201, expected: may(BUDGET_EDITORS),
    request: async (w) => ({ url: `/api/projects/${J(w)}/budgets`, body: { title: `Grant budget ${unique()}`, currency: 'USD', ...budgetDates } }),
  },
  { method: 'GET', path: '/api/budgets/:id', target: 'an approved budget of J', success: 200, expected: may(MONEY_READERS), request: async (w) => ({ url: `/api/budgets/${w.budget.id}` }) },
  {
    method: 'GET', path: '/api/budgets/:id/export.xlsx', target: 'an approved budget of J', success: 200, sampled: true, expected: may(MONEY_READERS),
    request: async (w) => ({ url: `/api/budgets/${w.budget.id}/export.xlsx` }),
  },
  {
    method: 'PUT', path: '/api/budgets/:id', target: 'a draft budget of J', success: 200, expected: may(BUDGET_EDITORS),
    request: async (w) => ({
      url: `/api/budgets/${(await insertBudget(db(), J(w), { original: 'draft' })).id}`,
      body: {
        version: 1, title: `Renamed ${unique()}`, currency: 'USD', ...budgetDates, periodType: 'quarter', agreementId: null, secondApprovalThresholdMinor: 500_000,
        varianceThresholdPct: 15,
      },
    }),
  },
  {
    method: 'DELETE', path: '/api/budgets/:id', target: 'a draft budget of J', success: 204, expected: may(BUDGET_EDITORS),
    request: async (w) => ({ url: `/api/budgets/${(await insertBudget(db(), J(w), { original: 'draft' })).id}?version=1` }),
  },
  {
    method: 'POST', path: '/api/budgets/:id/revisions', target: 'an approved budget of J', success: 201, expected: may(BUDGET_EDITORS),
    request: async (w) => ({ url: `/api/budgets/${(await insertBudget(db(), J(w))).id}/revisions`, body: { reason: 'Exchange rate loss on the CDF account' } }),
  },
  {
    method: 'PUT', path: '/api/budget-versions/:id/lines', target: 'the draft original of a budget of J', success: 200, expected: may(BUDGET_EDITORS),
    request: async (w) => ({
      url: `/api/budget-versions/${(await insertBudget(db(), J(w), { original: 'draft' })).versionId}/lines`,
      body: {
        version: 1,
        lines: [{ code: '1.1', category: 'travel', description: 'Field visits', unit: 'trip', quantity: '4', unitCostMinor: 25_000, amounts: { '2026-Q1': 50_000, '2026-Q3': 50_000 } }],
      },
    }),
  },
  {
    method: 'POST', path: '/api/budget-versions/:id/submit', target: 'the draft original of a budget of J', success: 200, expected: may(BUDGET_EDITORS),
    request: async (w) => ({ url: `/api/budget-versions/${(await insertBudget(db(), J(w), { original: 'draft' })).versionId}/submit`, body: { reason: 'Ready for approval' } }),
  },
  ...(['approve', 'reject'] as const).flatMap((decision): RouteCase[] => {
    const body = { note: decision === 'reject' ? 'Personnel costs above the ceiling' : '', version: 1 };
    return [
      {
        method: 'POST', path: `/api/budget-versions/:id/${decision}`, sampled: decision === 'reject', target: "a budget's original submitted by a colleague", success: 200, expected: may(BUDGET_APPROVERS),
        request: async (w) => {
          const b = await insertBudget(db(), J(w), { original: 'submitted', submittedBy: await colleague(db(), w) });
          return { url: `/api/budget-versions/${b.versionId}/${decision}`, body };
        },
      },
      {
        method: 'POST', path: `/api/budget-versions/:id/${decision}`, sampled: decision === 'reject', target: "a budget's original submitted by the actor", success: 200, expected: never,
        request: async (w, actor) => {
          const b = await insertBudget(db(), J(w), { original: 'submitted', submittedBy: me(w, actor) });
          return { url: `/api/budget-versions/${b.versionId}/${decision}`, body };
        },
      },
    ];
  }),

  // ---- Expenditures: money readers read, recorders record, approvers decide ------------------
  {
    method: 'GET', path: '/api/projects/:id/expenditures', target: 'J', success: 200, expected: may(MONEY_READERS),
    request: async (w) => ({ url: `/api/projects/${J(w)}/expenditures` }),
  },
  {
    method: 'GET', path: '/api/projects/:id/expenditures/options', target: 'J', success: 200, expected: may(MONEY_READERS),
    request: async (w) => ({ url: `/api/projects/${J(w)}/expenditures/options` }),
  },
  {
    method: 'POST', path: '/api/projects/:id/expenditures', target: 'a line of the budget in force', success: 201, expected: may(EXPENDITURE_RECORDERS),
    request: async (w) => ({ url: `/api/projects/${J(w)}/expenditures`, body: expenditureFields(w) }),
  },
  { method: 'GET', path: '/api/expenditures/awaiting-my-approval', target: 'mine', success: 200, expected: anyone, request: async () => ({ url: '/api/expenditures/awaiting-my-approval' }) },
  {
    method: 'GET', path: '/api/expenditures/:id', target: "a colleague's pending expenditure", success: 200, expected: may(MONEY_READERS),
    request: async (w) => ({ url: `/api/expenditures/${w.expenditureId}` }),
  },
  {
    method: 'GET', path: '/api/expenditures/:id/attachment', target: "a colleague's pending expenditure", success: 200, expected: may(MONEY_READERS),
    request: async (w) => ({ url: `/api/expenditures/${w.expenditureId}/attachment` }),
  },
  // Only the submitter edits, withdraws or attaches the receipt, before any approval.
  ...(['own', "a colleague's"] as const).flatMap((whose): RouteCase[] => {
    const expected = whose === 'own' ? may(EXPENDITURE_RECORDERS) : never;
    const target = async (w: World, actor: string) =>
      insertExpenditure(db(), { projectId: J(w), budget: w.budget, submittedBy: whose === 'own' ? me(w, actor) : await colleague(db(), w) });
    return [
      {
        method: 'PUT', path: '/api/expenditures/:id', target: `${whose} submitted expenditure`, success: 200, expected,
        request: async (w, actor) => ({ url: `/api/expenditures/${await target(w, actor)}`, body: { ...expenditureFields(w), version: 1 } }),
      },
      {
        method: 'DELETE', path: '/api/expenditures/:id', target: `${whose} submitted expenditure`, success: 204, expected,
        request: async (w, actor) => ({ url: `/api/expenditures/${await target(w, actor)}?version=1` }),
      },
      {
        method: 'POST', path: '/api/expenditures/:id/attachment', target: `${whose} submitted expenditure`, success: 201, expected,
        request: async (w, actor) => ({ url: `/api/expenditures/${await target(w, actor)}/attachment?name=receipt.pdf`, body: PDF, headers: { 'content-type': 'application/pdf' } }),
      },
    ];
  }),
  // Approvers decide, never on their own expenditure, and the second approval is someone else's.
  ...(['approve', 'reject'] as const).flatMap((decision): RouteCase[] => {
    const body = decision === 'approve' ? { version: 1 } : { reason: 'No receipt for the fuel', version: 1 };
    const cases: { target: string; expected: RouteCase['expected']; make(w: World, actor: string): Promise<string> }[] = [
      {
        target: 'submitted by a colleague',
        expected: may(EXPENDITURE_APPROVERS),
        make: async (w) => insertExpenditure(db(), { projectId: J(w), budget: w.budget, submittedBy: await colleague(db(), w) }),
      },
      {
        target: 'submitted by the actor',
        expected: never,
        make: async (w, actor) => insertExpenditure(db(), { projectId: J(w), budget: w.budget, submittedBy: me(w, actor) }),
      },
      {
        target: 'awaiting a second approval, first approved by a colleague',
        expected: may(EXPENDITURE_APPROVERS),
        make: async (w) =>
          insertExpenditure(db(), {
            projectId: J(w), budget: w.budget, status: 'awaiting_second_approval', submittedBy: await colleague(db(), w), firstApprovedBy: await colleague(db(), w, 'budget_holder'),
          }),
      },
    ];
    if (decision === 'approve') {
      cases.push({
        target: 'awaiting a second approval, first approved by the actor',
        expected: never,
        make: async (w, actor) =>
          insertExpenditure(db(), { projectId: J(w), budget: w.budget, status: 'awaiting_second_approval', submittedBy: await colleague(db(), w), firstApprovedBy: me(w, actor) }),
      });
    }
    return cases.map(
      (c): RouteCase => ({
        method: 'POST', path: `/api/expenditures/:id/${decision}`, sampled: decision === 'reject', target: `an expenditure ${c.target}`, success: 200, expected: c.expected,
        request: async (w, actor) => ({ url: `/api/expenditures/${await c.make(w, actor)}/${decision}`, body }),
      }),
    );
  }),

  // ---- Budget vs actual: money readers ------------------------------------------------------
  {
    method: 'GET', path: '/api/budgets/:id/analysis', target: 'an approved budget of J', success: 200, expected: may(MONEY_READERS),
    request: async (w) => ({ url: `/api/budgets/${w.budget.id}/analysis?asOf=2026-11-24` }),
  },
  {
    method: 'GET', path: '/api/budgets/:id/analysis.xlsx', target: 'an approved budget of J', success: 200, sampled: true, expected: may(MONEY_READERS),
    request: async (w) => ({ url: `/api/budgets/${w.budget.id}/analysis.xlsx?asOf=2026-11-24` }),
  },
  {
    method: 'GET', path: '/api/projects/:id/budget-summary', target: 'J', success: 200, expected: may(MONEY_READERS),
    request: async (w) => ({ url: `/api/projects/${J(w)}/budget-summary` }),
  },

  // ---- Change requests ---------------------------------------------------------------------
  { method: 'GET', path: '/api/projects/:id/change-requests', target: 'J', success: 200, expected: read, request: async (w) => ({ url: `/api/projects/${J(w)}/change-requests` }) },
  {
    method: 'GET', path: '/api/projects/:id/change-requests/options', target: 'J', success: 200, expected: read,
    request: async (w) => ({ url: `/api/projects/${J(w)}/change-requests/options` }),
  },
  ...(['targets', 'plan', 'budget'] as const).flatMap((kind): RouteCase[] => {
    // Budget requests are read by money readers only: 403 for others who see the project.
    const reads = (a: ActorSpec) => gate(sees(a), kind !== 'budget' || on(a, MONEY_READERS));
    const decides = (a: ActorSpec) => gate(sees(a), (kind !== 'budget' || on(a, MONEY_READERS)) && on(a, CHANGE_APPROVERS[kind]));
    const ownOnly = (a: ActorSpec) => gate(sees(a), false);
    const text = { title: `Adjust the ${kind}`, description: 'What changes', justification: 'Why it changes', impact: 'What it affects' };
    const rows: RouteCase[] = [
      {
        method: 'POST', path: '/api/projects/:id/change-requests', target: `J, ${kind}`, success: 201,
        expected: (a) => gate(sees(a), (kind !== 'budget' || on(a, MONEY_READERS)) && on(a, CHANGE_REQUESTERS[kind])),
        request: async (w) => ({ url: `/api/projects/${J(w)}/change-requests`, body: { kind, ...text, changes: (await changesOf(db(), w, kind)).changes } }),
      },
      { method: 'GET', path: '/api/change-requests/:id', target: `a ${kind} request`, success: 200, expected: reads, request: async (w) => ({ url: `/api/change-requests/${w.changeRequest[kind]}` }) },
    ];
    for (const decision of ['approve', 'reject'] as const) {
      const body = { note: decision === 'reject' ? 'Not justified by the mid-term review' : '', version: 1 };
      rows.push(
        {
          method: 'POST', path: `/api/change-requests/:id/${decision}`, sampled: decision === 'reject', target: `a ${kind} request by a colleague`, success: 200, expected: decides,
          request: async (w) => ({ url: `/api/change-requests/${await submittedChangeRequest(db(), w, kind, await colleague(db(), w, 'programme_manager'))}/${decision}`, body }),
        },
        {
          method: 'POST', path: `/api/change-requests/:id/${decision}`, sampled: decision === 'reject', target: `a ${kind} request by the actor`, success: 200, expected: ownOnly,
          request: async (w, actor) => ({ url: `/api/change-requests/${await submittedChangeRequest(db(), w, kind, me(w, actor)!)}/${decision}`, body }),
        },
      );
    }
    rows.push(
      {
        method: 'POST', path: '/api/change-requests/:id/withdraw', target: `a ${kind} request by the actor`, success: 200, expected: reads,
        request: async (w, actor) => ({ url: `/api/change-requests/${await submittedChangeRequest(db(), w, kind, me(w, actor)!)}/withdraw`, body: { note: '', version: 1 } }),
      },
      {
        method: 'POST', path: '/api/change-requests/:id/withdraw', target: `a ${kind} request by a colleague`, success: 200, expected: ownOnly,
        request: async (w) => ({ url: `/api/change-requests/${await submittedChangeRequest(db(), w, kind, await colleague(db(), w, 'programme_manager'))}/withdraw`, body: { note: '', version: 1 } }),
      },
    );
    return rows;
  }),
];

const OUTCOME_STATUS = { forbidden: 403, hidden: 404 } as const;
const OUTCOME_CODE = { forbidden: 'forbidden', hidden: 'not_found' } as const;

/**
 * The actors asked on sampled rows: every role on the project and on the implementing partner,
 * each role once more on another scope of the chain, someone on another programme and another
 * project, the partner's reporters on the project, and someone with no role.
 */
const SAMPLE = ACTORS.filter(
  (a) =>
    a.scope === null ||
    a.home === 'I' ||
    a.scope === CHAIN[ROLES.indexOf(a.role!) % 3] ||
    (a.scope === 'projJ' && a.home === 'L') ||
    (a.role === 'admin' && (a.scope === 'progQ' || a.scope === 'projK')),
);

/** Reads first, while the project holds only the world: the writes add plans, budgets and requests that reads would then wade through. */
const ORDERED = [...ROUTES.filter((r) => r.method === 'GET'), ...ROUTES.filter((r) => r.method !== 'GET')];

const matrix = ORDERED.flatMap((route) =>
  (route.sampled ? SAMPLE : ACTORS).map((actor) => {
    const outcome = route.expected(actor);
    const status = outcome === 'allowed' ? route.success : OUTCOME_STATUS[outcome];
    return { name: `${actor.name}: ${route.method} ${route.path} (${route.target}) → ${status} ${outcome}`, actor, route, outcome, status };
  }),
);

const world = {} as World;

beforeAll(async () => {
  t = await createTestApp();
  Object.assign(world, await setUpPlansWorld(t.db), { actorUserId: new Map(), agents: new Map() });
  world.planWorkbook = (await exportWorkPlan({ db: t.db, actor: SYSTEM_ACTOR, requestId: 'matrix', ip: null, locale: 'en' }, world.plan.id)).content.toString('base64');
  const scopeIds: Record<Scope, string | null> = {
    installation: null, orgL: world.org.L, progP: world.prog.P, projJ: world.proj.J, orgI: world.org.I, progQ: world.prog.Q, projK: world.proj.K,
  };
  const scopeTypes: Record<Scope, ScopeType> = {
    installation: 'installation', orgL: 'organisation', progP: 'programme', projJ: 'project', orgI: 'organisation', progQ: 'programme', projK: 'project',
  };
  for (const actor of ACTORS) {
    const grants = actor.role && actor.scope ? [{ role: actor.role, scopeType: scopeTypes[actor.scope], scopeId: scopeIds[actor.scope] }] : [];
    const user = await buildUser(t.db, { organisationId: world.org[actor.home], name: actor.name, grants });
    world.actorUserId.set(actor.name, user.id);
    world.agents.set(actor.name, await t.as(user.id));
  }
});
afterAll(async () => {
  await t.close();
});

// Lists first, while the project holds only the world's requests and expenditures.
describe('lists show exactly what each actor may open', () => {
  for (const actor of ACTORS.filter(sees)) {
    it(`${actor.name} finds the budget change request in the list only with money rights`, async () => {
      const res = await world.agents.get(actor.name)!.get(`/api/projects/${world.proj.J}/change-requests`);
      expect(res.statusCode).toBe(200);
      const ids = new Set(res.json().items.map((r: { id: string }) => r.id));
      expect({ targets: ids.has(world.changeRequest.targets), plan: ids.has(world.changeRequest.plan), budget: ids.has(world.changeRequest.budget) }).toEqual({
        targets: true, plan: true, budget: on(actor, MONEY_READERS),
      });
    });
  }
  for (const actor of ACTORS) {
    it(`${actor.name} is asked to approve the colleague's expenditure only as an approver on J`, async () => {
      const res = await world.agents.get(actor.name)!.get('/api/expenditures/awaiting-my-approval');
      expect(res.statusCode).toBe(200);
      expect(res.json().items.some((e: { id: string }) => e.id === world.expenditureId)).toBe(on(actor, EXPENDITURE_APPROVERS));
    });
  }
});

// Plain loops rather than it.each: vitest shortens interpolated names, and each name must show the whole case.
describe('plans and money authorisation matrix', () => {
  for (const { name, actor, route, outcome, status } of matrix) {
    it(name, async () => {
      const agent = world.agents.get(actor.name)!;
      const { url, body, headers } = await route.request(world, actor.name);
      const res = await agent.request(route.method, url, body, headers);
      const code = res.headers['content-type']?.toString().startsWith('application/json') ? res.json()?.error?.code : undefined;
      expect({ status: res.statusCode, code }).toEqual({ status, code: outcome === 'allowed' ? undefined : OUTCOME_CODE[outcome] });
    });
  }
});

describe('anonymous requests', () => {
  const once = [...new Map(ROUTES.map((r) => [`${r.method} ${r.path}`, r])).values()];
  for (const r of once) {
    it(`answer 401 to ${r.method} ${r.path}`, async () => {
      const { url, body, headers } = await r.request(world, '');
      const res = await t.anonymous().request(r.method, url, body, headers);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    });
  }
});


describe('the route table', () => {
  it('has a row for every route of the work plan, budget, expenditure, budget vs actual and change request modules', () => {
    const spec = t.app.swagger() as { paths: Record<string, Record<string, { tags?: string[] }>> };
    const published = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.tags?.some((tag) => PLANS_TAGS.includes(tag)))
        .map(([m]) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const known = new Set(ROUTES.map((r) => `${r.method} ${r.path}`));
    expect(published.length).toBeGreaterThanOrEqual(45);
    expect(published.filter((r) => !known.has(r))).toEqual([]);
    expect([...known].filter((r) => !published.includes(r))).toEqual([]);
  });
});
