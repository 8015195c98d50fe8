import type { Database } from '../db/database.js';
import { nowIso } from '../lib/clock.js';
import { newId } from '../lib/ids.js';
import { setIndicatorCategories } from '../modules/disaggregations/disaggregations.repository.js';
import { buildCategory, buildIndicator, buildLocationTree, buildOrganisation, buildProgramme, buildProject, buildResultNode, buildUser } from './factories.js';

/**
 * A project (2025-01-01 to 2026-12-31, USD) ready for change requests:
 * - a quarterly number indicator split by sex (female, male) with targets 2026-Q1 total 100 and female 50;
 * - an approved 2026 work plan (2026-01-01 to 2026-12-31) with A1 (Feb–Apr, on track), A2 (Mar–Jun, not started) and A3 (done);
 * - a USD budget: version 1 approved and in force (1.1 = 1,000.00, 2.1 = 500.00) and a draft revision 2
 *   (1.1 = 1,200.00, 2.1 = 500.00, new 3.1 = 300.00);
 * - people by role on the project, a second programme manager, a viewer and an outsider.
 */
export async function buildChangeRequestWorld(db: Database) {
  const org = await buildOrganisation(db);
  const other = await buildOrganisation(db);
  const programme = await buildProgramme(db, { organisationId: org.id });
  const project = await buildProject(db, { programmeId: programme.id, leadOrganisationId: org.id });
  const otherProject = await buildProject(db, { programmeId: programme.id, leadOrganisationId: org.id });
  const { admin2 } = await buildLocationTree(db, 'MLI');
  await db.insertInto('project_locations').values({ project_id: project.id, location_id: admin2.id }).execute();

  const on = (role: 'me_officer' | 'programme_manager' | 'budget_holder' | 'finance_officer' | 'viewer' | 'admin') => ({
    organisationId: org.id,
    grants: [{ role, scopeType: 'project' as const, scopeId: project.id }],
  });
  const users = {
    me: await buildUser(db, on('me_officer')),
    manager: await buildUser(db, on('programme_manager')),
    manager2: await buildUser(db, on('programme_manager')),
    budgetHolder: await buildUser(db, on('budget_holder')),
    finance: await buildUser(db, on('finance_officer')),
    viewer: await buildUser(db, on('viewer')),
    outsider: await buildUser(db, { organisationId: other.id, grants: [{ role: 'admin', scopeType: 'organisation', scopeId: other.id }] }),
  };

  const node = await buildResultNode(db, { projectId: project.id });
  const indicator = await buildIndicator(db, { nodeId: node.id, code: 'IND-1', name: 'People trained' });
  const sex = await buildCategory(db, { organisationId: org.id, code: 'sex', options: ['female', 'male'] });
  await setIndicatorCategories(db, indicator.id, [sex.id]);
  const [female, male] = sex.options.map((o) => o.id) as [string, string];
  const now = nowIso();
  const target = (period: string, key: string, value: number) => ({
    id: newId(), indicator_id: indicator.id, period_key: period, location_id: null, disaggregation_key: key, value, created_at: now, updated_at: now,
  });
  await db.insertInto('indicator_targets').values([target('2026-Q1', '', 100), target('2026-Q1', female, 50)]).execute();
  const otherIndicator = await buildIndicator(db, { nodeId: (await buildResultNode(db, { projectId: otherProject.id })).id });

  const plan = { id: newId(), project_id: project.id, year: 2026, title: 'Annual operational plan 2026', start_date: '2026-01-01', end_date: '2026-12-31', status: 'approved', approved_by: users.manager.id, approved_at: now, version: 1, created_by: users.me.id, created_at: now, updated_at: now };
  await db.insertInto('work_plans').values(plan).execute();
  const activity = (code: string, start: string, end: string, status: string, position: number) => ({
    id: newId(), work_plan_id: plan.id, project_id: project.id, result_node_id: node.id, code, title: `Activity ${code}`, description: '', planned_start: start, planned_end: end,
    responsible: '', team: '', organisation_id: org.id, location_id: null, status, percent_complete: status === 'done' ? 100 : 0, actual_start: null, actual_end: null,
    status_note: '', status_updated_by: null, status_updated_at: null, position, version: 1, created_at: now, updated_at: now,
  });
  const activities = [activity('A1', '2026-02-01', '2026-04-30', 'on_track', 0), activity('A2', '2026-03-01', '2026-06-30', 'not_started', 1), activity('A3', '2026-01-10', '2026-01-31', 'done', 2)];
  await db.insertInto('planned_activities').values(activities).execute();

  const budget = {
    id: newId(), project_id: project.id, agreement_id: null, title: 'Project budget', currency: 'USD', start_date: '2025-01-01', end_date: '2026-12-31', period_type: 'year',
    second_approval_threshold_minor: null, variance_threshold_pct: 10, current_version: 1, version: 1, created_by: users.finance.id, created_at: now, updated_at: now,
  };
  await db.insertInto('budgets').values(budget).execute();
  const version = (number: number, status: string) => ({
    id: newId(), budget_id: budget.id, number, status, reason: '', submitted_by: null, submitted_at: null, decided_by: null, decided_at: null, decision_note: '',
    change_request_id: null, version: 1, created_by: users.finance.id, created_at: now, updated_at: now,
  });
  const v1 = version(1, 'approved');
  const v2 = version(2, 'draft');
  await db.insertInto('budget_versions').values([v1, v2]).execute();
  const lines = { l1: newId(), l2: newId(), l3: newId() };
  await db.insertInto('budget_lines').values(Object.values(lines).map((id) => ({ id, budget_id: budget.id, created_at: now }))).execute();
  const vline = (versionId: string, lineId: string, code: string, total: number, position: number) => ({
    version_id: versionId, line_id: lineId, code, category: 'personnel', description: `Line ${code}`, unit: 'lump sum', quantity: '1', unit_cost_minor: total, total_minor: total,
    result_node_id: null, activity_id: null, note: '', position,
  });
  await db
    .insertInto('budget_version_lines')
    .values([vline(v1.id, lines.l1, '1.1', 100_000, 0), vline(v1.id, lines.l2, '2.1', 50_000, 1), vline(v2.id, lines.l1, '1.1', 120_000, 0), vline(v2.id, lines.l2, '2.1', 50_000, 1), vline(v2.id, lines.l3, '3.1', 30_000, 2)])
    .execute();

  return { org, programme, project, otherProject, location: admin2, users, indicator, otherIndicator, female, male, plan, activities, budget, v1, v2, lines };
}
export type ChangeRequestWorld = Awaited<ReturnType<typeof buildChangeRequestWorld>>;
