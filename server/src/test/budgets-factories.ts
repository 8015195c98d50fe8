import type { Role } from '@shared/roles.js';
import type { Database } from '../db/database.js';
import { nowIso } from '../lib/clock.js';
import { newId } from '../lib/ids.js';
import { buildOrganisation, buildProgramme, buildProject, buildResultNode, buildUser } from './factories.js';

/**
 * A project for the budget tests: one person per role that matters for budgets (editors, two
 * approvers, money readers who may not edit, people who see the project but not its money, and an
 * outsider who does not see it), a result node and a work-plan activity to link lines to, and the
 * same in another project (for "not of this project" checks).
 */
export async function buildBudgetWorld(db: Database, o: { currency?: string; fyStartMonth?: number } = {}) {
  const lead = await buildOrganisation(db, { acronym: 'LEAD' });
  if (o.fyStartMonth) await db.updateTable('organisations').set({ fiscal_year_start_month: o.fyStartMonth }).where('id', '=', lead.id).execute();
  const partnerOrg = await buildOrganisation(db, { acronym: 'PART' });
  const other = await buildOrganisation(db);
  const programme = await buildProgramme(db, { organisationId: lead.id });
  const project = await buildProject(db, { programmeId: programme.id, leadOrganisationId: lead.id, implementingOrganisationIds: [partnerOrg.id] });
  await db.updateTable('projects').set({ currency: o.currency ?? 'USD', start_date: '2026-01-01', end_date: '2026-12-31' }).where('id', '=', project.id).execute();
  const otherProject = await buildProject(db, { programmeId: programme.id, leadOrganisationId: lead.id });

  const on = (role: Role, scopeType: 'organisation' | 'programme' | 'project', scopeId: string) => [{ role, scopeType, scopeId }];
  const users = {
    finance: await buildUser(db, { organisationId: lead.id, name: 'Fatima Finance', grants: on('finance_officer', 'organisation', lead.id) }),
    manager: await buildUser(db, { organisationId: lead.id, name: 'Paul Manager', grants: on('programme_manager', 'programme', programme.id) }),
    holder: await buildUser(db, { organisationId: lead.id, name: 'Hawa Holder', grants: on('budget_holder', 'programme', programme.id) }),
    holder2: await buildUser(db, { organisationId: lead.id, name: 'Hamid Holder', grants: on('budget_holder', 'project', project.id) }),
    me: await buildUser(db, { organisationId: lead.id, name: 'Mo Evaluation', grants: on('me_officer', 'project', project.id) }),
    reporter: await buildUser(db, { organisationId: lead.id, grants: on('reporter', 'project', project.id) }),
    partner: await buildUser(db, { organisationId: partnerOrg.id, grants: on('partner_reporter', 'project', project.id) }),
    viewer: await buildUser(db, { organisationId: lead.id, grants: on('viewer', 'project', project.id) }),
    outsider: await buildUser(db, { organisationId: other.id, grants: on('budget_holder', 'organisation', other.id) }),
  };

  const node = await buildResultNode(db, { projectId: project.id, code: '1.1', title: 'Market forums held' });
  const otherNode = await buildResultNode(db, { projectId: otherProject.id, code: '9.9', title: 'Elsewhere' });
  const activity = await buildActivity(db, project.id, 'A1', 'Kumasi market forums');
  const otherActivity = await buildActivity(db, otherProject.id, 'Z1', 'Elsewhere');
  return { lead, other, programme, project, otherProject, users, node, otherNode, activity, otherActivity };
}
export type BudgetWorld = Awaited<ReturnType<typeof buildBudgetWorld>>;

/** A draft work plan of the project with one activity. */
export async function buildActivity(db: Database, projectId: string, code: string, title: string) {
  const now = nowIso();
  const plan = {
    id: newId(), project_id: projectId, year: 2026, title: `Plan ${code}`, start_date: '2026-01-01', end_date: '2026-12-31', status: 'draft',
    approved_by: null, approved_at: null, version: 1, created_by: null, created_at: now, updated_at: now,
  };
  await db.insertInto('work_plans').values(plan).execute();
  const activity = {
    id: newId(), work_plan_id: plan.id, project_id: projectId, result_node_id: null, code, title, description: '', planned_start: '2026-02-01',
    planned_end: '2026-05-31', responsible: '', team: '', organisation_id: null, location_id: null, status: 'not_started', percent_complete: 0,
    actual_start: null, actual_end: null, status_note: '', status_updated_by: null, status_updated_at: null, position: 0, version: 1, created_at: now, updated_at: now,
  };
  await db.insertInto('planned_activities').values(activity).execute();
  return activity;
}

/** An expenditure straight into the table, so a line "has spending" without the expenditures module. */
export async function buildLineExpenditure(db: Database, o: { projectId: string; budgetId: string; lineId: string; amountMinor: number; currency: string }) {
  const now = nowIso();
  await db
    .insertInto('expenditures')
    .values({
      id: newId(), project_id: o.projectId, budget_id: o.budgetId, budget_line_id: o.lineId, expense_date: '2026-02-10', description: 'Hall hire', payee: 'Kumasi Hall',
      invoice_ref: '', amount_minor: o.amountMinor, currency: o.currency, exchange_rate: '1', rate_source: '', rate_date: null, amount_budget_minor: o.amountMinor,
      status: 'submitted', approvals_required: 1, submitted_by: null, submitted_at: now, first_approved_by: null, first_approved_at: null, approved_by: null,
      approved_at: null, rejected_by: null, rejected_at: null, rejection_reason: '', attachment_name: null, attachment_type: null, attachment_size: null,
      attachment_sha256: null, version: 1, created_at: now, updated_at: now,
    })
    .execute();
}
