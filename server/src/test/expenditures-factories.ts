import type { Role } from '@shared/roles.js';
import type { Database } from '../db/database.js';
import { nowIso } from '../lib/clock.js';
import { newId } from '../lib/ids.js';
import { buildOrganisation, buildProgramme, buildProject, buildUser } from './factories.js';

/**
 * Budgets written straight to the tables (the data model of the plans-and-money migration), so the
 * expenditure tests need nothing from the budgets module: a budget, its versions, stable lines
 * and what each version says of them.
 */
export interface LineSpec {
  code: string;
  description?: string;
  category?: string;
  /** In minor units of the budget currency. */
  totalMinor: number;
}

export async function buildBudget(
  db: Database,
  o: {
    projectId: string;
    currency: string;
    title?: string;
    startDate?: string;
    endDate?: string;
    thresholdMinor?: number | null;
    /** The original's lines; `approved: false` leaves it a draft (no version in force). */
    lines: LineSpec[];
    approved?: boolean;
  },
) {
  const now = nowIso();
  const approved = o.approved ?? true;
  const budget = {
    id: newId(), project_id: o.projectId, agreement_id: null, title: o.title ?? `Budget ${o.currency}`, currency: o.currency,
    start_date: o.startDate ?? '2026-01-01', end_date: o.endDate ?? '2026-12-31', period_type: 'quarter',
    second_approval_threshold_minor: o.thresholdMinor ?? null, variance_threshold_pct: 10, current_version: approved ? 1 : null, version: 1,
    created_by: null, created_at: now, updated_at: now,
  };
  await db.insertInto('budgets').values(budget).execute();
  const lineIds: Record<string, string> = {};
  for (const l of o.lines) {
    lineIds[l.code] = newId();
    await db.insertInto('budget_lines').values({ id: lineIds[l.code]!, budget_id: budget.id, created_at: now }).execute();
  }
  const version = await addVersion(db, budget.id, 1, approved ? 'approved' : 'draft', o.lines, lineIds);
  return { budget, version, lineIds };
}

/** A version of the budget saying `lines` (lines named by code; new codes get new stable lines). */
export async function addVersion(db: Database, budgetId: string, number: number, status: string, lines: LineSpec[], lineIds: Record<string, string>) {
  const now = nowIso();
  const version = {
    id: newId(), budget_id: budgetId, number, status, reason: '', submitted_by: null, submitted_at: null, decided_by: null, decided_at: null,
    decision_note: '', change_request_id: null, version: 1, created_by: null, created_at: now, updated_at: now,
  };
  await db.insertInto('budget_versions').values(version).execute();
  let position = 0;
  for (const l of lines) {
    if (!lineIds[l.code]) {
      lineIds[l.code] = newId();
      await db.insertInto('budget_lines').values({ id: lineIds[l.code]!, budget_id: budgetId, created_at: now }).execute();
    }
    await db
      .insertInto('budget_version_lines')
      .values({
        version_id: version.id, line_id: lineIds[l.code]!, code: l.code, category: l.category ?? 'other_direct', description: l.description ?? `Line ${l.code}`,
        unit: 'lump sum', quantity: '1', unit_cost_minor: l.totalMinor, total_minor: l.totalMinor, result_node_id: null, activity_id: null, note: '',
        position: position++,
      })
      .execute();
  }
  return version;
}

/**
 * A project of one organisation with one person per role that matters for money: recorders
 * (finance officer on the organisation, programme manager), two budget holders (approvers) and an
 * admin, money readers who may not record (M&E officer), people who see the project but not its
 * money (reporter, partner reporter, viewer) and someone of another organisation who does not see it.
 */
export async function buildMoneyWorld(db: Database, projectCurrency = 'USD') {
  const lead = await buildOrganisation(db, { acronym: 'LEAD' });
  const partnerOrg = await buildOrganisation(db, { acronym: 'PART' });
  const other = await buildOrganisation(db);
  const programme = await buildProgramme(db, { organisationId: lead.id });
  const project = await buildProject(db, { programmeId: programme.id, leadOrganisationId: lead.id, implementingOrganisationIds: [partnerOrg.id] });
  if (projectCurrency !== 'USD') await db.updateTable('projects').set({ currency: projectCurrency }).where('id', '=', project.id).execute();
  const on = (role: Role, scopeType: 'organisation' | 'programme' | 'project', scopeId: string) => [{ role, scopeType, scopeId }];
  const users = {
    finance: await buildUser(db, { organisationId: lead.id, name: 'Fatima Finance', grants: on('finance_officer', 'organisation', lead.id) }),
    finance2: await buildUser(db, { organisationId: lead.id, name: 'Frank Finance', grants: on('finance_officer', 'project', project.id) }),
    manager: await buildUser(db, { organisationId: lead.id, name: 'Paul Manager', grants: on('programme_manager', 'programme', programme.id) }),
    holder: await buildUser(db, { organisationId: lead.id, name: 'Hawa Holder', grants: on('budget_holder', 'programme', programme.id) }),
    holder2: await buildUser(db, { organisationId: lead.id, name: 'Hamid Holder', grants: on('budget_holder', 'project', project.id) }),
    admin: await buildUser(db, { organisationId: lead.id, name: 'Ada Admin', grants: on('admin', 'organisation', lead.id) }),
    me: await buildUser(db, { organisationId: lead.id, name: 'Mo Evaluation', grants: on('me_officer', 'project', project.id) }),
    reporter: await buildUser(db, { organisationId: lead.id, grants: on('reporter', 'project', project.id) }),
    partner: await buildUser(db, { organisationId: partnerOrg.id, grants: on('partner_reporter', 'project', project.id) }),
    viewer: await buildUser(db, { organisationId: lead.id, grants: on('viewer', 'project', project.id) }),
    outsider: await buildUser(db, { organisationId: other.id, grants: on('finance_officer', 'organisation', other.id) }),
    outsiderHolder: await buildUser(db, { organisationId: other.id, grants: on('budget_holder', 'organisation', other.id) }),
  };
  return { lead, partnerOrg, other, programme, project, users };
}
export type MoneyWorld = Awaited<ReturnType<typeof buildMoneyWorld>>;
