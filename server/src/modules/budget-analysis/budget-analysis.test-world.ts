import type { Database } from '../../db/database.js';
import { nowIso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { buildBudget, buildBudgetLine, buildBudgetVersion, buildExpenditure } from '../../test/budget-analysis-factories.js';
import { buildOrganisation, buildResultNode, buildUser } from '../../test/factories.js';
import { buildReportingWorld, buildRound, buildValue } from '../../test/reporting-factories.js';
import { refreshSubmissionFacts } from '../analytics/facts.js';

/**
 * The reporting world with the budget of shared/src/domain/budget-analysis.test.ts: a USD budget
 * for 2026 by quarter, original (v1, superseded) and revision (v2, in force), read on 2026-05-15.
 *
 *   1.1 personnel  1 200 000 [v1 1 000 000]  300 000 a quarter                 → result R1 (directly)
 *   2.1 travel       400 000 [v1   400 000]  Q1 100 000, Q2 100 000, Q3 200 000 → R1 through its work-plan activity
 *   3.1 equipment          0 [v1    50 000]                                        → no result
 *   4.1 supplies     600 000 [—]             Q3 300 000, Q4 300 000              → R2
 *
 * Approved spending: 1.1 USD 2 000.00 (02-10), XOF 1 211 000 at 605.5 (04-20, BCEAO) = 200 000,
 * CDF 2 845 000.00 at 2 845 (05-15, BCC) = 100 000; 2.1 USD 4 500.00 (03-01), USD 300.00 (06-01, after
 * asOf); 3.1 USD 100.00 (04-02). Pending: 1.1 USD 500.00 (05-10). Rejected: 4.1 USD 999.00 (never counts).
 * R1's indicator "Children enrolled" has an approved actual of 400 children.
 */
export const AS_OF = '2026-05-15';

export async function buildBudgetWorld(db: Database) {
  const w = await buildReportingWorld(db);
  const finance = await buildUser(db, { organisationId: w.lead.id, grants: [{ role: 'finance_officer', scopeType: 'project', scopeId: w.project.id }] });
  const stranger = await buildUser(db, { organisationId: (await buildOrganisation(db)).id });
  const r1 = w.node;
  await db.updateTable('result_nodes').set({ code: '1.1', title: 'Children enrolled in school' }).where('id', '=', r1.id).execute();
  const r2 = await buildResultNode(db, { projectId: w.project.id, code: '1.2', title: 'Classrooms equipped' });
  const indicator = w.indicators[0]!;
  await db.updateTable('indicators').set({ name: 'Children enrolled', unit: 'children', code: 'IND-1' }).where('id', '=', indicator.id).execute();
  const round = await buildRound(db, { projectId: w.project.id, periodKey: '2026-Q1', reporters: [{ organisationId: w.lead.id, locationIds: [w.locations[0]!.id], status: 'approved' }] });
  await buildValue(db, { submissionId: round.submissions[0]!.id, indicatorId: indicator.id, locationId: w.locations[0]!.id, value: 400 });
  await refreshSubmissionFacts(db, round.submissions[0]!.id);

  // A work-plan activity carrying out R1, which line 2.1 is linked to.
  const now = nowIso();
  const plan = { id: newId(), project_id: w.project.id, year: 2026, title: '2026 plan', start_date: '2026-01-01', end_date: '2026-12-31', status: 'approved', approved_by: null, approved_at: now, version: 1, created_by: null, created_at: now, updated_at: now };
  await db.insertInto('work_plans').values(plan).execute();
  const activity = {
    id: newId(), work_plan_id: plan.id, project_id: w.project.id, result_node_id: r1.id, code: 'A1', title: 'Enrolment campaign', description: '',
    planned_start: '2026-01-01', planned_end: '2026-06-30', responsible: '', team: '', organisation_id: null, location_id: null, status: 'on_track',
    percent_complete: 30, actual_start: null, actual_end: null, status_note: '', status_updated_by: null, status_updated_at: null, position: 0, version: 1,
    created_at: now, updated_at: now,
  };
  await db.insertInto('planned_activities').values(activity).execute();

  const budget = await buildBudget(db, { projectId: w.project.id, title: 'Education budget 2026', currentVersion: 2 });
  const v1 = await buildBudgetVersion(db, { budgetId: budget.id, number: 1, status: 'superseded' });
  const v2 = await buildBudgetVersion(db, { budgetId: budget.id, number: 2, status: 'approved', reason: 'More teachers' });
  const q = (a: number, b: number, c: number, d: number) => ({ '2026-Q1': a, '2026-Q2': b, '2026-Q3': c, '2026-Q4': d });
  const b = budget.id;
  const l11 = await buildBudgetLine(db, { budgetId: b, versionId: v1.id, code: '1.1', category: 'personnel', totalMinor: 1_000_000, amounts: q(250_000, 250_000, 250_000, 250_000), resultNodeId: r1.id, position: 0 });
  const l21 = await buildBudgetLine(db, { budgetId: b, versionId: v1.id, code: '2.1', category: 'travel', totalMinor: 400_000, amounts: q(100_000, 100_000, 200_000, 0), activityId: activity.id, position: 1 });
  const l31 = await buildBudgetLine(db, { budgetId: b, versionId: v1.id, code: '3.1', category: 'equipment', totalMinor: 50_000, amounts: q(50_000, 0, 0, 0), position: 2 });
  await buildBudgetLine(db, { budgetId: b, versionId: v2.id, lineId: l11, code: '1.1', category: 'personnel', totalMinor: 1_200_000, amounts: q(300_000, 300_000, 300_000, 300_000), resultNodeId: r1.id, position: 0, description: 'Teachers' });
  await buildBudgetLine(db, { budgetId: b, versionId: v2.id, lineId: l21, code: '2.1', category: 'travel', totalMinor: 400_000, amounts: q(100_000, 100_000, 200_000, 0), activityId: activity.id, position: 1, description: 'Field visits' });
  await buildBudgetLine(db, { budgetId: b, versionId: v2.id, lineId: l31, code: '3.1', category: 'equipment', totalMinor: 0, position: 2, description: 'Laptops (cut)' });
  const l41 = await buildBudgetLine(db, { budgetId: b, versionId: v2.id, code: '4.1', category: 'supplies', totalMinor: 600_000, amounts: q(0, 0, 300_000, 300_000), resultNodeId: r2.id, position: 3, description: '=HYPERLINK("http://x")' });

  const e = (lineId: string, date: string, amountMinor: number, extra: { currency?: string; rate?: string; status?: string; rateSource?: string; rateDate?: string } = {}) =>
    buildExpenditure(db, { projectId: w.project.id, budgetId: b, lineId, date, amountMinor, ...extra });
  await e(l11, '2026-02-10', 200_000);
  await e(l11, '2026-04-20', 1_211_000, { currency: 'XOF', rate: '605.5', rateSource: 'BCEAO', rateDate: '2026-04-20' });
  await e(l11, '2026-05-15', 284_500_000, { currency: 'CDF', rate: '2845', rateSource: 'BCC', rateDate: '2026-05-15' });
  await e(l21, '2026-03-01', 450_000);
  await e(l21, '2026-06-01', 30_000);
  await e(l31, '2026-04-02', 10_000);
  await e(l11, '2026-05-10', 50_000, { status: 'submitted' });
  await e(l41, '2026-05-01', 99_900, { status: 'rejected' });

  return { ...w, users: { ...w.users, finance, stranger }, r1, r2, indicator, activity, budget, v1, v2, lines: { l11, l21, l31, l41 } };
}
export type BudgetWorld = Awaited<ReturnType<typeof buildBudgetWorld>>;
