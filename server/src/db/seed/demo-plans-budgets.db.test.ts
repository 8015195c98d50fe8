import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertToBudget, lineTotal, sumMinor } from '@shared/domain/money.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.js';
import type { Database } from '../database.js';
import { seedDemo } from './demo.js';

/** The demo's work plans, budgets, expenditures and change requests: the facts the browser journeys rely on. */
let database: TestDatabase;
let db: Database;
const ids = new Map<string, string>();
const projectId = async (code: string) => (await db.selectFrom('projects').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
const userId = async (local: string) => (await db.selectFrom('users').select('id').where('email', '=', `${local}@fieldbook.demo`).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.handle.db;
  await seedDemo(db, 'demo-password-for-tests');
  for (const code of ['LASI-GH-04', 'CLM-KOL-01', 'PROT-ML-01', 'MIGR-TN-01']) ids.set(code, await projectId(code));
  for (const u of ['admin', 'pm', 'me', 'partner', 'budget', 'finance']) ids.set(u, await userId(u));
}, 180_000);
afterAll(() => database.drop());

const lasiBudget = () =>
  db.selectFrom('budgets').selectAll().where('project_id', '=', ids.get('LASI-GH-04')!).where('title', '=', 'Accra and Kumasi city teams 2026').executeTakeFirstOrThrow();

describe('demo work plans', () => {
  it('gives LASI-GH-04 an approved 2026 plan with 15 activities, one delayed with a reason and one not started', async () => {
    const plan = await db.selectFrom('work_plans').selectAll().where('project_id', '=', ids.get('LASI-GH-04')!).where('year', '=', 2026).executeTakeFirstOrThrow();
    expect(plan.status).toBe('approved');
    expect(plan.approved_by).toBe(ids.get('admin'));
    const activities = await db.selectFrom('planned_activities').selectAll().where('work_plan_id', '=', plan.id).orderBy('position').execute();
    expect(activities).toHaveLength(15);
    expect(new Set(activities.map((a) => a.team))).toEqual(new Set(['Accra city team', 'Kumasi city team']));
    expect(activities.every((a) => a.result_node_id && a.location_id)).toBe(true);
    const delayed = activities.filter((a) => a.status === 'delayed');
    expect(delayed.map((a) => a.code)).toEqual(['A8']);
    expect(delayed[0]!.status_note).toContain('postponed');
    expect(activities.filter((a) => a.status === 'not_started').map((a) => a.code)).toEqual(['A15']);
    for (const a of activities) {
      if (a.status === 'done') expect([a.percent_complete, !!a.actual_start, !!a.actual_end]).toEqual([100, true, true]);
      if (a.status === 'not_started') expect([a.percent_complete, a.actual_start, a.actual_end]).toEqual([0, null, null]);
    }
    const milestones = await db.selectFrom('activity_milestones').select('kind').where('activity_id', 'in', activities.map((a) => a.id)).execute();
    expect(new Set(milestones.map((m) => m.kind))).toEqual(new Set(['milestone', 'deliverable']));
  });

  it('gives CLM-KOL-01 SOKADE activities, one of them overdue on 2026-11-24', async () => {
    const sokade = (await db.selectFrom('organisations').select('id').where('acronym', '=', 'SOKADE').executeTakeFirstOrThrow()).id;
    const activities = await db.selectFrom('planned_activities').selectAll().where('project_id', '=', ids.get('CLM-KOL-01')!).execute();
    expect(activities.filter((a) => a.organisation_id === sokade).length).toBeGreaterThanOrEqual(5);
    const overdue = activities.filter((a) => a.planned_end < '2026-11-24' && !['done', 'cancelled'].includes(a.status));
    expect(overdue.map((a) => [a.code, a.organisation_id])).toEqual([['C4', sokade]]);
  });

  it('has a draft plan among the smaller projects', async () => {
    const plans = await db.selectFrom('work_plans').select(['project_id', 'year', 'status']).where('project_id', 'in', [ids.get('PROT-ML-01')!, ids.get('MIGR-TN-01')!]).execute();
    expect(plans.filter((p) => p.status === 'draft')).toEqual([{ project_id: ids.get('MIGR-TN-01'), year: 2027, status: 'draft' }]);
  });
});

describe('demo budgets', () => {
  it('makes every version line quantity × unit cost, with period amounts adding up exactly', async () => {
    const lines = await db.selectFrom('budget_version_lines').selectAll().execute();
    expect(lines.length).toBeGreaterThan(30);
    const amounts = await db.selectFrom('budget_line_amounts').selectAll().execute();
    for (const l of lines) {
      expect(l.total_minor).toBe(lineTotal(l.quantity, l.unit_cost_minor));
      const own = amounts.filter((a) => a.version_id === l.version_id && a.line_id === l.line_id);
      expect(own).toHaveLength(4);
      expect(sumMinor(own.map((a) => a.amount_minor))).toBe(l.total_minor);
    }
  });

  it('puts LASI-GH-04 revision 2 in force through the approved CR-1, with the original superseded', async () => {
    const budget = await lasiBudget();
    expect([budget.currency, budget.current_version, budget.second_approval_threshold_minor, budget.variance_threshold_pct]).toEqual(['GHS', 2, 2_000_000, 10]);
    const versions = await db.selectFrom('budget_versions').selectAll().where('budget_id', '=', budget.id).orderBy('number').execute();
    expect(versions.map((v) => [v.number, v.status, v.submitted_by, v.decided_by])).toEqual([
      [1, 'superseded', ids.get('finance'), ids.get('budget')],
      [2, 'approved', ids.get('finance'), ids.get('budget')],
    ]);
    const cr = await db.selectFrom('change_requests').selectAll().where('id', '=', versions[1]!.change_request_id!).executeTakeFirstOrThrow();
    expect([cr.project_id, cr.number, cr.kind, cr.status, cr.budget_version_id, JSON.parse(cr.changes_json)]).toEqual([
      ids.get('LASI-GH-04'), 1, 'budget', 'approved', versions[1]!.id, { budgetVersionId: versions[1]!.id },
    ]);
    expect(cr.applied_at).not.toBeNull();
    expect(cr.requested_by).not.toBe(cr.decided_by);
    // Stable line ids: both versions describe the same lines; the revision moves GHS 26,000.00 from 3.1 to 2.1.
    const byVersion = async (id: string) =>
      new Map((await db.selectFrom('budget_version_lines').select(['line_id', 'code', 'total_minor']).where('version_id', '=', id).execute()).map((l) => [l.code, l]));
    const [v1, v2] = [await byVersion(versions[0]!.id), await byVersion(versions[1]!.id)];
    expect([...v1.values()].map((l) => l.line_id).sort()).toEqual([...v2.values()].map((l) => l.line_id).sort());
    expect([v1.get('2.1')!.total_minor, v2.get('2.1')!.total_minor, v1.get('3.1')!.total_minor, v2.get('3.1')!.total_minor]).toEqual([5_200_000, 7_800_000, 6_500_000, 3_900_000]);
    expect(sumMinor([...v1.values()].map((l) => l.total_minor))).toBe(sumMinor([...v2.values()].map((l) => l.total_minor)));
  });

  it('over-spends LASI-GH-04 line 2.1 and keeps one expenditure by finance@ waiting', async () => {
    const budget = await lasiBudget();
    const line = await db
      .selectFrom('budget_version_lines')
      .innerJoin('budget_versions', 'budget_versions.id', 'budget_version_lines.version_id')
      .select(['budget_version_lines.line_id', 'budget_version_lines.total_minor'])
      .where('budget_versions.budget_id', '=', budget.id)
      .where('budget_versions.number', '=', 2)
      .where('budget_version_lines.code', '=', '2.1')
      .executeTakeFirstOrThrow();
    const spent = await db.selectFrom('expenditures').select(['amount_budget_minor', 'status']).where('budget_line_id', '=', line.line_id).execute();
    const actual = sumMinor(spent.filter((e) => e.status === 'approved').map((e) => e.amount_budget_minor));
    expect(actual).toBe(8_145_550);
    expect(actual).toBeGreaterThan(line.total_minor);

    const all = await db.selectFrom('expenditures').selectAll().where('project_id', '=', ids.get('LASI-GH-04')!).execute();
    expect(all.filter((e) => e.status === 'approved').length).toBeGreaterThanOrEqual(25);
    const waiting = all.filter((e) => e.status === 'submitted' || e.status === 'awaiting_second_approval');
    expect(waiting.map((e) => [e.status, e.submitted_by, e.invoice_ref, e.amount_minor])).toEqual([['submitted', ids.get('finance'), 'INV-2026-0412', 650_000]]);
    const rejected = all.filter((e) => e.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.rejection_reason).toContain('Duplicate');
    const big = all.filter((e) => e.amount_budget_minor >= budget.second_approval_threshold_minor!);
    expect(big.map((e) => [e.status, e.approvals_required, e.first_approved_by, e.approved_by])).toEqual([['approved', 2, ids.get('budget'), ids.get('admin')]]);
    for (const e of all) {
      expect(e.approvals_required).toBe(e.amount_budget_minor >= 2_000_000 ? 2 : 1);
      expect(e.expense_date <= '2026-11-24').toBe(true);
    }
  });

  it('never lets a submitter approve, and converts every expenditure with convertToBudget', async () => {
    const rows = await db
      .selectFrom('expenditures')
      .innerJoin('budgets', 'budgets.id', 'expenditures.budget_id')
      .selectAll('expenditures')
      .select('budgets.currency as budget_currency')
      .execute();
    for (const e of rows) {
      expect(e.amount_budget_minor).toBe(convertToBudget(e.amount_minor, e.currency, e.exchange_rate, e.budget_currency));
      expect(e.approved_by === null || e.approved_by !== e.submitted_by).toBe(true);
      expect(e.rejected_by === null || e.rejected_by !== e.submitted_by).toBe(true);
      expect(e.first_approved_by === null || (e.first_approved_by !== e.submitted_by && e.first_approved_by !== e.approved_by)).toBe(true);
    }
    const currencies = new Set(rows.map((e) => `${e.budget_currency}←${e.currency}`));
    for (const pair of ['GHS←GHS', 'USD←CDF', 'USD←USD', 'XOF←EUR', 'TND←EUR', 'TND←TND']) expect(currencies).toContain(pair);
    const cdf = rows.find((e) => e.currency === 'CDF' && e.exchange_rate === '2850.00')!;
    // CDF 14,535,000.00 at 2,850 CDF per USD = USD 5,100.00.
    expect([cdf.amount_budget_minor, cdf.rate_source, cdf.rate_date]).toEqual([510_000, 'Banque Centrale du Congo', cdf.expense_date]);
    // EUR 2,400.00 at 0.2941 EUR per TND = TND 8,160.490.
    expect(rows.find((e) => e.currency === 'EUR' && e.budget_currency === 'TND')!.amount_budget_minor).toBe(8_160_490);
    // EUR 7,200.00 at the fixed parity (655.957 XOF per EUR) = XOF 4,722,890 (the rate is EUR per XOF, to 10 decimals).
    expect(rows.find((e) => e.currency === 'EUR' && e.budget_currency === 'XOF')!.amount_budget_minor).toBe(convertToBudget(720_000, 'EUR', '0.0015244902', 'XOF'));
  });
});

describe('demo change requests', () => {
  it('has a submitted target change on CLM-KOL-01 by me@ on a real target cell', async () => {
    const crs = await db.selectFrom('change_requests').selectAll().where('project_id', '=', ids.get('CLM-KOL-01')!).execute();
    expect(crs.map((c) => [c.number, c.kind, c.status, c.requested_by, c.decided_by])).toEqual([[1, 'targets', 'submitted', ids.get('me'), null]]);
    const [change] = JSON.parse(crs[0]!.changes_json) as { indicatorId: string; periodKey: string; locationId: null; disaggregationKey: string; value: number }[];
    const target = await db
      .selectFrom('indicator_targets')
      .innerJoin('indicators', 'indicators.id', 'indicator_targets.indicator_id')
      .innerJoin('results_frameworks', 'results_frameworks.id', 'indicators.framework_id')
      .select(['indicators.code', 'indicator_targets.value', 'results_frameworks.project_id'])
      .where('indicator_targets.indicator_id', '=', change!.indicatorId)
      .where('indicator_targets.period_key', '=', change!.periodKey)
      .where('indicator_targets.location_id', 'is', null)
      .where('indicator_targets.disaggregation_key', '=', change!.disaggregationKey)
      .executeTakeFirstOrThrow();
    expect([target.code, target.value, target.project_id, change!.value]).toEqual(['OC1.2', 85, ids.get('CLM-KOL-01'), 80]);
  });

  it('audits the approvals by the people who made them', async () => {
    const rows = await db.selectFrom('audit_log').select(['action', 'actor_email']).where('action', 'in', ['budget_version.approve', 'change_request.approve', 'expenditure.approve', 'expenditure.reject']).execute();
    expect(rows.filter((r) => r.action === 'change_request.approve').map((r) => r.actor_email)).toEqual(['budget@fieldbook.demo']);
    expect(rows.filter((r) => r.action === 'expenditure.reject')).toHaveLength(1);
    expect(rows.filter((r) => r.action === 'budget_version.approve')).toHaveLength(5);
  });
});
