import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BudgetDetail, BudgetList, BudgetSummary } from '@shared/schemas/budgets.js';
import { buildBudgetWorld, buildLineExpenditure, type BudgetWorld } from '../../test/budgets-factories.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';
import { BUDGET_HEADER_ROW } from './budgets.xlsx.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const as = (w: BudgetWorld, who: keyof BudgetWorld['users']): Promise<Agent> => t.as(w.users[who].id);
const problems = (res: { json(): unknown }) =>
  (res.json() as { error: { details?: { field?: string; reason: string; params?: Record<string, unknown> }[] } }).error.details?.map((d) => `${d.field}:${d.reason}`);

/**
 * The hand-computed budget of these tests (USD, 2026, quarters Q1–Q4):
 *   1.1 personnel  12 × 2,500.00          = 30,000.00  (7,500.00 each quarter)
 *   2.1 travel     2.5 × 1,333.33         =  3,333.33  (3,333.325 rounded half away from zero; 1,111.11 in Q1–Q3)
 *   2.2 travel     3 × 450.50             =  1,351.50  (all in Q2)
 *   9.1 indirect   0.07 × 34,684.83       =  2,427.94  (2,427.9381 rounded; split 606.99, 606.99, 606.98, 606.98)
 * personnel 30,000.00, travel 4,684.83, indirect 2,427.94; grand total 37,112.77
 * Q1 9,218.10 · Q2 10,569.60 · Q3 9,218.09 · Q4 8,106.98
 */
const lines = (w: BudgetWorld) => [
  { code: '1.1', category: 'personnel', description: 'Project coordinator', unit: 'month', quantity: '12', unitCostMinor: 250000, note: '', amounts: { '2026-Q1': 750000, '2026-Q2': 750000, '2026-Q3': 750000, '2026-Q4': 750000 } },
  {
    code: '2.1', category: 'travel', description: 'Kumasi market forums', unit: 'forum', quantity: '2.5', unitCostMinor: 133333, resultNodeId: w.node.id, activityId: w.activity.id,
    amounts: { '2026-Q1': 111111, '2026-Q2': 111111, '2026-Q3': 111111 },
  },
  { code: '2.2', category: 'travel', description: '=HYPERLINK("http://evil.example","Accra field visits")', unit: 'trip', quantity: '3', unitCostMinor: 45050, amounts: { '2026-Q2': 135150 } },
  { code: '9.1', category: 'indirect', description: 'Indirect costs 7%', unit: 'rate', quantity: '0.07', unitCostMinor: 3468483, amounts: { '2026-Q1': 60699, '2026-Q2': 60699, '2026-Q3': 60698, '2026-Q4': 60698 } },
];

async function createBudget(w: BudgetWorld, over: Record<string, unknown> = {}): Promise<BudgetSummary> {
  const res = await (await as(w, 'finance')).post(`/api/projects/${w.project.id}/budgets`, { title: 'City teams 2026', ...over });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as BudgetSummary;
}
const detail = async (agent: Agent, id: string, version?: number) => {
  const res = await agent.get(`/api/budgets/${id}${version ? `?version=${version}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as BudgetDetail;
};
const putLines = (agent: Agent, versionId: string, version: number, body: unknown[]) => agent.request('PUT', `/api/budget-versions/${versionId}/lines`, { version, lines: body });

/** A budget whose original (the table above) is approved by the budget holder. */
async function approvedBudget(w: BudgetWorld) {
  const b = await createBudget(w);
  const finance = await as(w, 'finance');
  let d = await detail(finance, b.id);
  const saved = await putLines(finance, d.selected.id, d.selected.version, lines(w));
  expect(saved.statusCode, saved.body).toBe(200);
  d = saved.json() as BudgetDetail;
  const submitted = await finance.post(`/api/budget-versions/${d.selected.id}/submit`, { reason: 'First budget' });
  expect(submitted.statusCode, submitted.body).toBe(200);
  d = submitted.json() as BudgetDetail;
  const approved = await (await as(w, 'holder')).post(`/api/budget-versions/${d.selected.id}/approve`, { note: 'Fine', version: d.selected.version });
  expect(approved.statusCode, approved.body).toBe(200);
  return approved.json() as BudgetDetail;
}

describe('creating a budget', () => {
  it('defaults to the project currency, dates and quarters and starts an empty original draft, audited', async () => {
    const w = await buildBudgetWorld(t.db, { currency: 'GHS' });
    const b = await createBudget(w, { secondApprovalThresholdMinor: 2000000 });
    expect(b).toMatchObject({
      projectId: w.project.id, title: 'City teams 2026', currency: 'GHS', startDate: '2026-01-01', endDate: '2026-12-31', periodType: 'quarter',
      secondApprovalThresholdMinor: 2000000, varianceThresholdPct: 10, currentVersion: null, totalMinor: 0, latestVersion: { number: 1, status: 'draft' },
    });
    const d = await detail(await as(w, 'finance'), b.id);
    expect(d.periods.map((p) => [p.key, p.label, p.start, p.end])).toEqual([
      ['2026-Q1', 'Q1 2026', '2026-01-01', '2026-03-31'],
      ['2026-Q2', 'Q2 2026', '2026-04-01', '2026-06-30'],
      ['2026-Q3', 'Q3 2026', '2026-07-01', '2026-09-30'],
      ['2026-Q4', 'Q4 2026', '2026-10-01', '2026-12-31'],
    ]);
    // In French the quarters are called as the IPTT and pivot tables call them.
    const fr = (await (await t.as(w.users.finance.id, { 'accept-language': 'fr' })).get(`/api/budgets/${b.id}`)).json() as BudgetDetail;
    expect(fr.periods.map((p) => p.label)).toEqual(['T1 2026', 'T2 2026', 'T3 2026', 'T4 2026']);
    expect(d.versions.map((v) => [v.number, v.kind, v.status, v.inForce])).toEqual([[1, 'original', 'draft', false]]);
    expect(d).toMatchObject({ canEdit: true, canSubmit: false, canApprove: false, canRevise: false, canDelete: true, canChangeStructure: true });
    expect(d.options.resultNodes.map((n) => n.code)).toEqual(['1.1']);
    expect(d.options.activities.map((a) => a.code)).toEqual(['A1']);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'organisation_id']).where('entity_id', '=', b.id).execute();
    expect(audit).toEqual([{ action: 'budget.create', organisation_id: w.lead.id }]);
  });

  it('uses the fiscal year of the lead organisation for its period keys', async () => {
    const w = await buildBudgetWorld(t.db, { fyStartMonth: 10 });
    const b = await createBudget(w, { startDate: '2026-01-01', endDate: '2026-06-30' });
    const d = await detail(await as(w, 'finance'), b.id);
    expect(d.periods.map((p) => [p.key, p.label])).toEqual([['FY2026-Q2', 'Q2 FY2026'], ['FY2026-Q3', 'Q3 FY2026']]);
  });

  it('refuses an agreement of another project and dates the wrong way round, naming the fields', async () => {
    const w = await buildBudgetWorld(t.db);
    const res = await (await as(w, 'finance')).post(`/api/projects/${w.project.id}/budgets`, {
      title: 'x', startDate: '2026-12-31', endDate: '2026-01-01', agreementId: '00000000-0000-4000-8000-000000000000', currency: 'ZZZ',
    });
    expect(res.statusCode).toBe(400);
    expect(problems(res)).toEqual(['body.currency:unknown_code', 'body.endDate:end_before_start', 'body.agreementId:budget_agreement_not_of_project']);
  });
});

describe('draft lines', () => {
  it('computes totals by line, category and period exactly as the hand-computed table', async () => {
    const w = await buildBudgetWorld(t.db);
    const b = await createBudget(w);
    const finance = await as(w, 'finance');
    const d0 = await detail(finance, b.id);
    const res = await putLines(finance, d0.selected.id, d0.selected.version, lines(w));
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as BudgetDetail;
    expect(d.lines.map((l) => [l.code, l.category, l.quantity, l.unitCostMinor, l.totalMinor])).toEqual([
      ['1.1', 'personnel', '12', 250000, 3000000],
      ['2.1', 'travel', '2.5', 133333, 333333],
      ['2.2', 'travel', '3', 45050, 135150],
      ['9.1', 'indirect', '0.07', 3468483, 242794],
    ]);
    expect(d.lines[1]).toMatchObject({ resultNode: { id: w.node.id, code: '1.1' }, activity: { id: w.activity.id, code: 'A1' }, amounts: { '2026-Q1': 111111, '2026-Q2': 111111, '2026-Q3': 111111, '2026-Q4': 0 } });
    expect(d.totals.byCategory.map((c) => [c.category, c.totalMinor])).toEqual([['personnel', 3000000], ['travel', 468483], ['indirect', 242794]]);
    expect(d.totals.byPeriod).toEqual([
      { periodKey: '2026-Q1', totalMinor: 921810 },
      { periodKey: '2026-Q2', totalMinor: 1056960 },
      { periodKey: '2026-Q3', totalMinor: 921809 },
      { periodKey: '2026-Q4', totalMinor: 810698 },
    ]);
    expect(d.totals.totalMinor).toBe(3711277);
    expect(d.selected).toMatchObject({ totalMinor: 3711277, version: 2 });
    expect(d.canSubmit).toBe(true);
    const list = (await finance.get(`/api/projects/${w.project.id}/budgets`)).json() as BudgetList;
    expect(list.items.map((i) => [i.title, i.totalMinor, i.currentVersion])).toEqual([['City teams 2026', 3711277, null]]);

    // Saving again keeps the stable line ids it is given and the audit records both saves.
    const again = await putLines(finance, d.selected.id, d.selected.version, d.lines.map((l) => ({ ...lines(w).find((x) => x.code === l.code)!, lineId: l.lineId })));
    expect(again.statusCode, again.body).toBe(200);
    expect((again.json() as BudgetDetail).lines.map((l) => l.lineId)).toEqual(d.lines.map((l) => l.lineId));
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', d.selected.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['budget_version.lines', 'budget_version.lines']);
  });

  it('refuses every problem at once, each on its field path, and says by how much the amounts are off', async () => {
    const w = await buildBudgetWorld(t.db);
    const b = await createBudget(w);
    const finance = await as(w, 'finance');
    const d = await detail(finance, b.id);
    const [l1, l2, l3, l4] = lines(w);
    const res = await putLines(finance, d.selected.id, d.selected.version, [
      { ...l1!, amounts: { '2026-Q1': 750000, '2026-Q2': 750000, '2026-Q3': 750000, '2026-Q4': 740000 } },
      { ...l2!, category: 'catering', resultNodeId: w.otherNode.id, activityId: w.otherActivity.id },
      { ...l3!, code: '1.1', quantity: '1.23456', amounts: { '2026-Q2': 135150, '2027-Q1': 5 } },
      { ...l4!, amounts: { '2026-Q1': 300000 } },
    ]);
    expect(res.statusCode).toBe(400);
    expect(problems(res)).toEqual([
      'body.lines.0.amounts:budget_amounts_short',
      'body.lines.1.category:budget_category_invalid',
      'body.lines.1.resultNodeId:budget_result_not_of_project',
      'body.lines.1.activityId:budget_activity_not_of_project',
      'body.lines.2.code:budget_duplicate_code',
      'body.lines.2.quantity:budget_quantity_invalid',
      'body.lines.2.amounts.2027-Q1:budget_period_unknown',
      'body.lines.3.amounts:budget_amounts_over',
    ]);
    const details = (res.json() as { error: { details: { params?: Record<string, unknown>; message: string }[] } }).error.details;
    expect(details[0]!.params).toEqual({ allocated: 'USD 29900.00', total: 'USD 30000.00', difference: 'USD 100.00' });
    expect(details[0]!.message).toBe('The period amounts add up to USD 29900.00, USD 100.00 short of the line total USD 30000.00.');
    expect(details[7]!.params).toEqual({ allocated: 'USD 3000.00', total: 'USD 2427.94', difference: 'USD 572.06' });
    // Nothing was written.
    expect((await detail(finance, b.id)).lines).toEqual([]);
  });

  it('answers 409 to a stale version and leaves the newer save in place', async () => {
    const w = await buildBudgetWorld(t.db);
    const b = await createBudget(w);
    const finance = await as(w, 'finance');
    const d = await detail(finance, b.id);
    expect((await putLines(finance, d.selected.id, d.selected.version, lines(w).slice(0, 1))).statusCode).toBe(200);
    const late = await putLines(await as(w, 'manager'), d.selected.id, d.selected.version, lines(w));
    expect(late.statusCode).toBe(409);
    expect(problems(late)).toEqual(['version:stale_version']);
    expect((await detail(finance, b.id)).lines.map((l) => l.code)).toEqual(['1.1']);
  });

  it('refuses to remove a line that has expenditures', async () => {
    const w = await buildBudgetWorld(t.db);
    const b = await createBudget(w);
    const finance = await as(w, 'finance');
    let d = (await putLines(finance, (await detail(finance, b.id)).selected.id, 1, lines(w))).json() as BudgetDetail;
    const travel = d.lines.find((l) => l.code === '2.2')!;
    await buildLineExpenditure(t.db, { projectId: w.project.id, budgetId: b.id, lineId: travel.lineId, amountMinor: 1000, currency: 'USD' });
    d = await detail(finance, b.id);
    expect(d.lines.find((l) => l.code === '2.2')!.expenditureCount).toBe(1);
    const kept = d.lines.filter((l) => l.code !== '2.2').map((l) => ({ ...lines(w).find((x) => x.code === l.code)!, lineId: l.lineId }));
    const res = await putLines(finance, d.selected.id, d.selected.version, kept);
    expect(res.statusCode).toBe(400);
    expect(problems(res)).toEqual(['body.lines:budget_line_has_expenditures']);
    expect(d.canDelete).toBe(false);
    expect((await finance.delete(`/api/budgets/${b.id}`)).statusCode).toBe(409);
  });
});

describe('approving the original', () => {
  it('goes draft → submitted → approved by a budget holder other than the submitter, sets the version in force, audited', async () => {
    const w = await buildBudgetWorld(t.db);
    const b = await createBudget(w);
    const holder2 = await as(w, 'holder2');
    let d = await detail(holder2, b.id);
    d = (await putLines(holder2, d.selected.id, d.selected.version, lines(w))).json() as BudgetDetail;
    const submitted = await holder2.post(`/api/budget-versions/${d.selected.id}/submit`, { reason: 'For the 2026 plan' });
    expect(submitted.statusCode, submitted.body).toBe(200);
    d = submitted.json() as BudgetDetail;
    expect(d.selected).toMatchObject({ status: 'submitted', reason: 'For the 2026 plan', submittedBy: { id: w.users.holder2.id, name: 'Hamid Holder' } });
    expect(d.canEdit).toBe(false);
    expect(d.canApprove).toBe(false);

    // Not by the one who submitted it, though a budget holder.
    const own = await holder2.post(`/api/budget-versions/${d.selected.id}/approve`, { note: '', version: d.selected.version });
    expect(own.statusCode).toBe(403);
    expect(problems(own)).toEqual(['id:own_budget_submission']);
    expect((own.json() as { error: { details: { message: string }[] } }).error.details[0]!.message).toBe('You submitted this budget: someone else must approve or reject it.');
    // Not by a finance officer: they edit budgets, they do not approve them.
    expect((await (await as(w, 'finance')).post(`/api/budget-versions/${d.selected.id}/approve`, { note: '', version: d.selected.version })).statusCode).toBe(403);
    // Lines of a submitted version do not change.
    expect((await putLines(holder2, d.selected.id, d.selected.version, lines(w))).statusCode).toBe(409);

    const holder = await as(w, 'holder');
    expect((await holder.get(`/api/budgets/${b.id}`)).json()).toMatchObject({ canApprove: true });
    const approved = await holder.post(`/api/budget-versions/${d.selected.id}/approve`, { note: 'Approved for 2026', version: d.selected.version });
    expect(approved.statusCode, approved.body).toBe(200);
    d = approved.json() as BudgetDetail;
    expect(d.budget.currentVersion).toBe(1);
    expect(d.selected).toMatchObject({ status: 'approved', inForce: true, decidedBy: { name: 'Hawa Holder' }, decisionNote: 'Approved for 2026' });
    expect(d).toMatchObject({ canEdit: false, canRevise: true, canDelete: false, canChangeStructure: false });
    const audit = await t.db.selectFrom('audit_log').select(['action', 'reason', 'note']).where('entity_id', '=', d.selected.id).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['budget_version.lines', 'budget_version.submit', 'budget_version.approve']);

    // Once approved, the currency and periods stay; the thresholds may change.
    const settings = { version: d.budget.version, title: 'City teams 2026', currency: 'USD', startDate: '2026-01-01', endDate: '2026-12-31', periodType: 'quarter', agreementId: null, secondApprovalThresholdMinor: 500000, varianceThresholdPct: 15 };
    const put = (body: unknown) => holder.request('PUT', `/api/budgets/${b.id}`, body);
    expect(problems(await put({ ...settings, periodType: 'month' }))).toEqual(['id:budget_structure_locked']);
    const ok = await put(settings);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ secondApprovalThresholdMinor: 500000, varianceThresholdPct: 15 });
    expect((await put(settings)).statusCode).toBe(409);
    expect((await holder.delete(`/api/budgets/${b.id}`)).statusCode).toBe(409);
  });

  it('rejects with a note; the original can then be corrected and submitted again', async () => {
    const w = await buildBudgetWorld(t.db);
    const b = await createBudget(w);
    const finance = await as(w, 'finance');
    let d = await detail(finance, b.id);
    d = (await putLines(finance, d.selected.id, d.selected.version, lines(w))).json() as BudgetDetail;
    d = (await finance.post(`/api/budget-versions/${d.selected.id}/submit`, { reason: '' })).json() as BudgetDetail;
    const holder = await as(w, 'holder');
    expect((await holder.post(`/api/budget-versions/${d.selected.id}/reject`, { note: '', version: d.selected.version })).statusCode).toBe(400);
    const rejected = await holder.post(`/api/budget-versions/${d.selected.id}/reject`, { note: 'Indirect rate is 7% of direct costs only', version: d.selected.version });
    expect(rejected.statusCode, rejected.body).toBe(200);
    d = rejected.json() as BudgetDetail;
    expect(d.selected).toMatchObject({ status: 'rejected', decisionNote: 'Indirect rate is 7% of direct costs only' });
    expect(d.budget.currentVersion).toBeNull();
    d = await detail(finance, b.id);
    expect(d).toMatchObject({ canEdit: true, canSubmit: true });
    expect((await finance.post(`/api/budget-versions/${d.selected.id}/submit`, { reason: 'Corrected' })).json()).toMatchObject({ selected: { status: 'submitted' } });
  });

  it('refuses to submit an empty budget', async () => {
    const w = await buildBudgetWorld(t.db);
    const b = await createBudget(w);
    const finance = await as(w, 'finance');
    const d = await detail(finance, b.id);
    const res = await finance.post(`/api/budget-versions/${d.selected.id}/submit`, { reason: '' });
    expect(res.statusCode).toBe(400);
    expect(problems(res)).toEqual(['body.lines:budget_no_lines']);
  });
});

describe('revisions', () => {
  it('copies the version in force into a draft, shows original / current / this version, and goes in force through a change request', async () => {
    const w = await buildBudgetWorld(t.db);
    const v1 = await approvedBudget(w);
    const finance = await as(w, 'finance');
    const started = await finance.post(`/api/budgets/${v1.budget.id}/revisions`, { reason: 'Forums cost more' });
    expect(started.statusCode, started.body).toBe(201);
    let d = started.json() as BudgetDetail;
    expect(d.selected).toMatchObject({ number: 2, kind: 'revision', status: 'draft', reason: 'Forums cost more', inForce: false, totalMinor: 3711277 });
    expect(d.lines.map((l) => [l.code, l.totalMinor, l.originalTotalMinor, l.currentTotalMinor])).toEqual([
      ['1.1', 3000000, 3000000, 3000000],
      ['2.1', 333333, 333333, 333333],
      ['2.2', 135150, 135150, 135150],
      ['9.1', 242794, 242794, 242794],
    ]);
    expect(d.lines.map((l) => l.lineId)).toEqual(v1.lines.map((l) => l.lineId));
    expect(d).toMatchObject({ canEdit: true, canSubmit: false, canRequestChange: true, canRevise: false, comparison: { originalNumber: 1, currentNumber: 1 } });
    // One open revision at a time.
    const second = await finance.post(`/api/budgets/${v1.budget.id}/revisions`, { reason: 'Again' });
    expect(second.statusCode).toBe(409);
    expect(problems(second)).toEqual(['id:budget_revision_open']);
    // The page without ?version still shows the version in force.
    expect((await detail(finance, v1.budget.id)).selected.number).toBe(1);

    // Forums: 4 instead of 2.5 (5,333.32); Accra visits removed; a new line 3.1.
    const copy = d;
    const by = (code: string) => copy.lines.find((l) => l.code === code)!;
    const [l1, l2, , l4] = lines(w);
    const saved = await putLines(finance, d.selected.id, d.selected.version, [
      { ...l1!, lineId: by('1.1').lineId },
      { ...l2!, lineId: by('2.1').lineId, quantity: '4', amounts: { '2026-Q1': 133333, '2026-Q2': 133333, '2026-Q3': 133333, '2026-Q4': 133333 } },
      { ...l4!, lineId: by('9.1').lineId },
      { code: '3.1', category: 'supplies', description: 'Forum kits', unit: 'kit', quantity: '10', unitCostMinor: 1999, amounts: { '2026-Q3': 19990 } },
    ]);
    expect(saved.statusCode, saved.body).toBe(200);
    d = saved.json() as BudgetDetail;
    expect(d.lines.map((l) => [l.code, l.totalMinor, l.originalTotalMinor, l.currentTotalMinor])).toEqual([
      ['1.1', 3000000, 3000000, 3000000],
      ['2.1', 533332, 333333, 333333],
      ['9.1', 242794, 242794, 242794],
      ['3.1', 19990, null, null],
    ]);
    expect(d.removedLines).toEqual([{ lineId: by('2.2').lineId, code: '2.2', description: lines(w)[2]!.description, category: 'travel', originalTotalMinor: 135150, currentTotalMinor: 135150 }]);
    // 3,000,000 + 533,332 + 242,794 + 19,990
    expect(d.totals).toMatchObject({ totalMinor: 3796116, originalTotalMinor: 3711277, currentTotalMinor: 3711277 });
    expect(d.totals.byCategory.map((c) => [c.category, c.totalMinor, c.originalTotalMinor])).toEqual([
      ['personnel', 3000000, 3000000],
      ['travel', 533332, 468483],
      ['supplies', 19990, 0],
      ['indirect', 242794, 242794],
    ]);
    // A revision is not submitted with the original's button.
    expect(problems(await finance.post(`/api/budget-versions/${d.selected.id}/submit`, { reason: '' }))).toEqual(['id:budget_revision_through_change_request']);

    // Submitted through a change request and approved there by the budget holder.
    const cr = await finance.post(`/api/projects/${w.project.id}/change-requests`, {
      kind: 'budget', title: 'Revision 2', description: 'More forums', justification: 'Demand in Kumasi', impact: '+USD 848.39', changes: { budgetVersionId: d.selected.id },
    });
    expect(cr.statusCode, cr.body).toBe(201);
    const crBody = cr.json() as { id: string; version: number };
    d = await detail(finance, v1.budget.id, 2);
    expect(d.selected).toMatchObject({ status: 'submitted', changeRequestId: crBody.id });
    expect(d.canEdit).toBe(false);
    const ok = await (await as(w, 'holder')).post(`/api/change-requests/${crBody.id}/approve`, { note: 'Yes', version: crBody.version });
    expect(ok.statusCode, ok.body).toBe(200);
    d = await detail(finance, v1.budget.id);
    expect(d.budget.currentVersion).toBe(2);
    expect(d.selected).toMatchObject({ number: 2, status: 'approved', inForce: true });
    expect(d.versions.map((v) => [v.number, v.status, v.inForce])).toEqual([[1, 'superseded', false], [2, 'approved', true]]);
    expect(d.lines.map((l) => [l.code, l.originalTotalMinor, l.currentTotalMinor, l.totalMinor])[1]).toEqual(['2.1', 333333, 533332, 533332]);
    expect(d.canRevise).toBe(true);
  });

  it('cannot start before the original is approved', async () => {
    const w = await buildBudgetWorld(t.db);
    const b = await createBudget(w);
    const res = await (await as(w, 'finance')).post(`/api/budgets/${b.id}/revisions`, { reason: 'x' });
    expect(res.statusCode).toBe(409);
    expect(problems(res)).toEqual(['id:budget_not_in_force']);
  });
});

describe('who may do what', () => {
  it('lets money readers read, editors edit, and answers 403 to people without money rights and 404 to those who do not see the project', async () => {
    const w = await buildBudgetWorld(t.db);
    const b = await createBudget(w);
    const d = await detail(await as(w, 'finance'), b.id);
    for (const who of ['finance', 'holder', 'manager', 'me'] as const) {
      const agent = await as(w, who);
      expect((await agent.get(`/api/budgets/${b.id}`)).statusCode, who).toBe(200);
      expect((await agent.get(`/api/projects/${w.project.id}/budgets`)).statusCode, who).toBe(200);
    }
    for (const who of ['reporter', 'partner', 'viewer'] as const) {
      const agent = await as(w, who);
      expect((await agent.get(`/api/budgets/${b.id}`)).statusCode, who).toBe(403);
      expect((await agent.get(`/api/projects/${w.project.id}/budgets`)).statusCode, who).toBe(403);
      expect((await agent.get(`/api/budgets/${b.id}/export.xlsx`)).statusCode, who).toBe(403);
    }
    const outsider = await as(w, 'outsider');
    expect((await outsider.get(`/api/budgets/${b.id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/projects/${w.project.id}/budgets`)).statusCode).toBe(404);
    expect((await putLines(outsider, d.selected.id, 1, [])).statusCode).toBe(404);
    // The M&E officer reads the money but does not edit it.
    const me = await as(w, 'me');
    expect((await me.get(`/api/budgets/${b.id}`)).json()).toMatchObject({ canEdit: false, canSubmit: false });
    expect((await putLines(me, d.selected.id, 1, lines(w))).statusCode).toBe(403);
    expect((await me.post(`/api/projects/${w.project.id}/budgets`, { title: 'x' })).statusCode).toBe(403);
    expect((await t.anonymous().get(`/api/budgets/${b.id}`)).statusCode).toBe(401);
  });

  it('deletes a budget while nothing is approved, audited', async () => {
    const w = await buildBudgetWorld(t.db);
    const b = await createBudget(w);
    expect((await (await as(w, 'me')).delete(`/api/budgets/${b.id}`)).statusCode).toBe(403);
    expect((await (await as(w, 'manager')).delete(`/api/budgets/${b.id}`)).statusCode).toBe(204);
    expect((await (await as(w, 'finance')).get(`/api/budgets/${b.id}`)).statusCode).toBe(404);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', b.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['budget.create', 'budget.delete']);
  });
});

describe('export', () => {
  it('writes the version as lines × periods with subtotals, values only, injection neutralised', async () => {
    const w = await buildBudgetWorld(t.db);
    const v1 = await approvedBudget(w);
    const res = await (await as(w, 'finance')).get(`/api/budgets/${v1.budget.id}/export.xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="City-teams-2026-v1.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const row = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(row(BUDGET_HEADER_ROW)).toEqual(['Code', 'Category', 'Description', 'Unit', 'Quantity', 'Unit cost', 'Q1 2026', 'Q2 2026', 'Q3 2026', 'Q4 2026', 'Total', 'Result', 'Activity', 'Note']);
    const h = BUDGET_HEADER_ROW;
    expect(row(h + 1).slice(0, 11)).toEqual(['1.1', 'Personnel', 'Project coordinator', 'month', 12, 2500, 7500, 7500, 7500, 7500, 30000]);
    expect(row(h + 2)).toEqual([undefined, undefined, 'Subtotal: Personnel', undefined, undefined, undefined, 7500, 7500, 7500, 7500, 30000]);
    expect(row(h + 3).slice(0, 13)).toEqual(['2.1', 'Travel', 'Kumasi market forums', 'forum', 2.5, 1333.33, 1111.11, 1111.11, 1111.11, 0, 3333.33, '1.1 Market forums held', 'A1 Kumasi market forums']);
    // Text that looks like a formula stays text.
    expect(ws.getCell(h + 4, 3).value).toBe(`'${lines(w)[2]!.description}`);
    expect(row(h + 5)[2]).toBe('Subtotal: Travel');
    expect(row(h + 5).slice(6)).toEqual([1111.11, 2462.61, 1111.11, 0, 4684.83]);
    expect(row(h + 8)).toEqual([undefined, undefined, 'Grand total', undefined, undefined, undefined, 9218.1, 10569.6, 9218.09, 8106.98, 37112.77]);
    ws.eachRow((r) => r.eachCell((c) => expect(c.formula).toBeUndefined()));
  });
});
