import type { Role } from '@shared/roles.js';
import type { Database } from '../../db/database.js';
import { nowIso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { addVersion, buildBudget } from '../../test/expenditures-factories.js';
import { buildIndicator, buildOrganisation, buildProgramme, buildProject, buildResultNode, buildUser } from '../../test/factories.js';

/**
 * The world of the plans-and-money authorisation matrix (issue 7), written straight to the tables
 * (the data model of the plans-and-money migration) so that each write case gets a target of its
 * own for the price of a few inserts:
 *
 *   organisation L (lead) ─ programme P ─ project J (implemented with organisation I)
 *                                       └ project K (another project of the same programme)
 *                         └ programme Q (another programme of L)
 *   organisation I (implementing partner of J)
 *
 * Project J runs 2000–2099 so that every case creating a work plan through the API has a year of
 * its own; plans inserted here take years from 3000 on (the year is a label once a plan exists).
 */

export interface PlansWorld {
  org: { L: string; I: string };
  prog: { P: string; Q: string };
  proj: { J: string; K: string };
  /** A result node and a quarterly indicator of J's framework. */
  nodeId: string;
  indicatorId: string;
  /** A draft work plan of J read by every case, with activities of L, of I and of no organisation. */
  plan: { id: string; activities: string[] };
  /** The plan's workbook, for dry-run imports. */
  planWorkbook?: string;
  /** An approved USD budget of J (2026, quarterly, line 1.1 = USD 1,000.00, version 1 in force). */
  budget: { id: string; versionId: string; lineId: string };
  /** A pending expenditure of a colleague on that line, with a receipt. */
  expenditureId: string;
  /** One change request of each kind by a colleague, submitted. */
  changeRequest: Record<'targets' | 'plan' | 'budget', string>;
  /** A draft plan and an approved plan that per-case activities are added to. */
  draftPlanId: string;
  approvedPlanId: string;
}

/** The OpenAPI tags of the five modules' routes: their rows are in authorisation-matrix.plans.db.test.ts. */
export const PLANS_TAGS = ['work plans', 'budgets', 'expenditures', 'budget-analysis', 'change requests'];

let seq = 0;
const next = () => ++seq;

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

/** Someone of organisation L with a role on J: the submitter or requester of one case's target. */
export async function colleague(db: Database, w: Pick<PlansWorld, 'org' | 'proj'>, role: Role = 'finance_officer') {
  return (await buildUser(db, { organisationId: w.org.L, grants: [{ role, scopeType: 'project', scopeId: w.proj.J }] })).id;
}

export async function insertPlan(db: Database, projectId: string, status: 'draft' | 'approved' = 'draft') {
  const now = nowIso();
  const id = newId();
  await db
    .insertInto('work_plans')
    .values({
      id, project_id: projectId, year: 3000 + next(), title: 'Annual operational plan', start_date: '2026-01-01', end_date: '2026-12-31', status,
      approved_by: null, approved_at: status === 'approved' ? now : null, version: 1, created_by: null, created_at: now, updated_at: now,
    })
    .execute();
  return id;
}

export async function insertActivity(db: Database, o: { planId: string; projectId: string; organisationId: string | null }) {
  const now = nowIso();
  const id = newId();
  const n = next();
  await db
    .insertInto('planned_activities')
    .values({
      id, work_plan_id: o.planId, project_id: o.projectId, result_node_id: null, code: `A${n}`, title: `Community dialogue ${n}`, description: '',
      planned_start: '2026-02-01', planned_end: '2026-05-31', responsible: '', team: '', organisation_id: o.organisationId, location_id: null,
      status: 'not_started', percent_complete: 0, actual_start: null, actual_end: null, status_note: '', status_updated_by: null, status_updated_at: null,
      position: n, version: 1, created_at: now, updated_at: now,
    })
    .execute();
  return id;
}

const LINES = [{ code: '1.1', category: 'personnel', totalMinor: 100_000 }];

/**
 * A USD budget of the project: `original` approved (in force) or as a draft / submitted original;
 * `revision` adds version 2 as a draft or submitted revision.
 */
export async function insertBudget(
  db: Database,
  projectId: string,
  o: { original?: 'approved' | 'draft' | 'submitted'; submittedBy?: string | null; revision?: 'draft' | 'submitted' } = {},
) {
  const original = o.original ?? 'approved';
  const { budget, version, lineIds } = await buildBudget(db, { projectId, currency: 'USD', lines: LINES, approved: original === 'approved' });
  if (original === 'submitted') {
    await db.updateTable('budget_versions').set({ status: 'submitted', submitted_by: o.submittedBy ?? null, submitted_at: nowIso() }).where('id', '=', version.id).execute();
  }
  const revision = o.revision ? await addVersion(db, budget.id, 2, o.revision, LINES, lineIds) : undefined;
  return { id: budget.id, versionId: version.id, lineId: lineIds['1.1']!, revisionId: revision?.id };
}

export async function insertExpenditure(
  db: Database,
  o: {
    projectId: string;
    budget: { id: string; lineId: string };
    submittedBy: string | null;
    status?: 'submitted' | 'awaiting_second_approval';
    firstApprovedBy?: string | null;
    receipt?: boolean;
  },
) {
  const now = nowIso();
  const id = newId();
  const status = o.status ?? 'submitted';
  await db
    .insertInto('expenditures')
    .values({
      id, project_id: o.projectId, budget_id: o.budget.id, budget_line_id: o.budget.lineId, expense_date: '2026-03-15', description: 'Fuel for the field visit to Mopti',
      payee: 'Station Total Sévaré', invoice_ref: `INV-${next()}`, amount_minor: 12_550, currency: 'USD', exchange_rate: '1', rate_source: '', rate_date: null,
      amount_budget_minor: 12_550, status, approvals_required: status === 'awaiting_second_approval' ? 2 : 1, submitted_by: o.submittedBy, submitted_at: now,
      first_approved_by: status === 'awaiting_second_approval' ? (o.firstApprovedBy ?? null) : null, first_approved_at: status === 'awaiting_second_approval' ? now : null,
      approved_by: null, approved_at: null, rejected_by: null, rejected_at: null, rejection_reason: '',
      attachment_name: o.receipt ? 'receipt.pdf' : null, attachment_type: o.receipt ? 'application/pdf' : null, attachment_size: o.receipt ? PDF.length : null,
      attachment_sha256: o.receipt ? 'matrix' : null, version: 1, created_at: now, updated_at: now,
    })
    .execute();
  if (o.receipt) await db.insertInto('expenditure_attachments').values({ expenditure_id: id, content: PDF }).execute();
  return id;
}

export async function insertChangeRequest(
  db: Database,
  o: { projectId: string; kind: 'targets' | 'plan' | 'budget'; changes: unknown; requestedBy: string | null; budgetVersionId?: string },
) {
  const now = nowIso();
  const id = newId();
  // Numbered after the project's last request, as the service numbers those made through the API.
  const last = await db.selectFrom('change_requests').select((eb) => eb.fn.max('number').as('n')).where('project_id', '=', o.projectId).executeTakeFirst();
  await db
    .insertInto('change_requests')
    .values({
      id, project_id: o.projectId, number: Number(last?.n ?? 0) + 1, kind: o.kind, title: `Adjust the ${o.kind}`, description: 'What changes', justification: 'Why it changes', impact: '',
      changes_json: JSON.stringify(o.changes), budget_version_id: o.budgetVersionId ?? null, status: 'submitted', requested_by: o.requestedBy, requested_at: now,
      decided_by: null, decided_at: null, decision_note: '', applied_at: null, version: 1, created_at: now, updated_at: now,
    })
    .execute();
  if (o.budgetVersionId) {
    await db.updateTable('budget_versions').set({ status: 'submitted', submitted_by: o.requestedBy, submitted_at: now, change_request_id: id }).where('id', '=', o.budgetVersionId).execute();
  }
  return id;
}

/** A quarterly indicator of its own in J's framework, so that target changes never meet another case's. */
export async function freshIndicator(db: Database, nodeId: string) {
  return (await buildIndicator(db, { nodeId })).id;
}

/** Changes of each kind, each on a target of its own (an indicator, an activity of the approved plan, a budget with a draft revision). */
export async function changesOf(db: Database, w: PlansWorld, kind: 'targets' | 'plan' | 'budget', submitted = false) {
  if (kind === 'targets') {
    return { changes: [{ indicatorId: await freshIndicator(db, w.nodeId), periodKey: '2026-Q1', locationId: null, disaggregationKey: '', value: 120 }] };
  }
  if (kind === 'plan') {
    return { changes: [{ activityId: await insertActivity(db, { planId: w.approvedPlanId, projectId: w.proj.J, organisationId: w.org.L }), plannedEnd: '2026-07-31' }] };
  }
  const b = await insertBudget(db, w.proj.J, { revision: submitted ? 'submitted' : 'draft' });
  return { changes: { budgetVersionId: b.revisionId! }, budgetVersionId: b.revisionId! };
}

/** A submitted change request of the kind, by `requestedBy`, on targets of its own. */
export async function submittedChangeRequest(db: Database, w: PlansWorld, kind: 'targets' | 'plan' | 'budget', requestedBy: string) {
  const { changes, budgetVersionId } = await changesOf(db, w, kind);
  return insertChangeRequest(db, { projectId: w.proj.J, kind, changes, requestedBy, ...(budgetVersionId ? { budgetVersionId } : {}) });
}

export async function setUpPlansWorld(db: Database): Promise<PlansWorld> {
  const L = await buildOrganisation(db, { name: `Sahel Child Protection ${newId().slice(0, 6)}`, acronym: 'LEAD' });
  const I = await buildOrganisation(db, { name: `Association Kasa ${newId().slice(0, 6)}`, acronym: 'PART' });
  await db.updateTable('organisations').set({ fiscal_year_start_month: 1 }).where('id', 'in', [L.id, I.id]).execute();
  const P = await buildProgramme(db, { organisationId: L.id });
  const Q = await buildProgramme(db, { organisationId: L.id });
  const J = await buildProject(db, { programmeId: P.id, leadOrganisationId: L.id, implementingOrganisationIds: [I.id] });
  const K = await buildProject(db, { programmeId: P.id, leadOrganisationId: L.id });
  await db.updateTable('projects').set({ start_date: '2000-01-01', end_date: '2099-12-31' }).where('id', '=', J.id).execute();
  const node = await buildResultNode(db, { projectId: J.id, code: '1.1', title: 'Children reintegrated' });
  const indicatorId = await freshIndicator(db, node.id);

  const base = { org: { L: L.id, I: I.id }, proj: { J: J.id, K: K.id } };
  const other = await colleague(db, base);
  const planId = await insertPlan(db, J.id);
  const activities = [];
  for (const organisationId of [L.id, I.id, null]) activities.push(await insertActivity(db, { planId, projectId: J.id, organisationId }));
  const budget = await insertBudget(db, J.id);
  const w: PlansWorld = {
    ...base,
    prog: { P: P.id, Q: Q.id },
    nodeId: node.id,
    indicatorId,
    plan: { id: planId, activities },
    budget: { id: budget.id, versionId: budget.versionId, lineId: budget.lineId },
    expenditureId: '',
    changeRequest: { targets: '', plan: '', budget: '' },
    draftPlanId: await insertPlan(db, J.id),
    approvedPlanId: await insertPlan(db, J.id, 'approved'),
  };
  w.expenditureId = await insertExpenditure(db, { projectId: J.id, budget: w.budget, submittedBy: other, receipt: true });
  for (const kind of ['targets', 'plan', 'budget'] as const) w.changeRequest[kind] = await submittedChangeRequest(db, w, kind, other);
  return w;
}
