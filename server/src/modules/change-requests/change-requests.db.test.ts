import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRequest, ChangeRequestDetail, ChangeRequestList, ChangeRequestOptions, IndicatorTargets } from '@shared/schemas/index.js';
import { buildChangeRequestWorld, type ChangeRequestWorld } from '../../test/change-requests-factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Res = { statusCode: number; body: string; json: () => unknown };
type Who = keyof ChangeRequestWorld['users'];
const as = (w: ChangeRequestWorld, who: Who) => t.as(w.users[who].id);
const details = (res: Res) => ((res.json() as { error: { details?: { field: string; reason: string }[] } }).error.details ?? []).map((d) => `${d.field}:${d.reason}`);
const code = (res: Res) => (res.json() as { error: { code: string } }).error.code;

const text = { title: 'Adjust', description: 'What changes', justification: 'Why it changes', impact: 'Who is affected' };

async function create(w: ChangeRequestWorld, who: Who, body: Record<string, unknown>) {
  return (await as(w, who)).post(`/api/projects/${w.project.id}/change-requests`, { ...text, ...body });
}
async function created(w: ChangeRequestWorld, who: Who, body: Record<string, unknown>): Promise<ChangeRequest> {
  const res = await create(w, who, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as ChangeRequest;
}
async function detail(w: ChangeRequestWorld, who: Who, id: string): Promise<ChangeRequestDetail> {
  const res = await (await as(w, who)).get(`/api/change-requests/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ChangeRequestDetail;
}
const act = async (w: ChangeRequestWorld, who: Who, id: string, action: 'approve' | 'reject' | 'withdraw', body: Record<string, unknown>) =>
  (await as(w, who)).post(`/api/change-requests/${id}/${action}`, body);
const audits = (entityId: string) => t.db.selectFrom('audit_log').select(['action', 'note', 'before_json', 'after_json']).where('entity_id', '=', entityId).orderBy('at').execute();

describe('target change requests', () => {
  it('are made numbered per project, previewed before → after and, once approved, written through the targets service with the indicator history', async () => {
    const w = await buildChangeRequestWorld(t.db);
    const changes = [
      { indicatorId: w.indicator.id, periodKey: '2026-Q1', locationId: null, disaggregationKey: '', value: 80 },
      { indicatorId: w.indicator.id, periodKey: '2026-Q1', locationId: null, disaggregationKey: w.female, value: 40 },
      { indicatorId: w.indicator.id, periodKey: '2026-Q2', locationId: w.location.id, disaggregationKey: w.male, value: 15 },
    ];
    const cr = await created(w, 'me', { kind: 'targets', changes });
    expect(cr).toMatchObject({ number: 1, reference: 'CR-1', status: 'submitted', kind: 'targets', version: 1, canApprove: false, canWithdraw: true });
    expect(cr.requestedBy?.id).toBe(w.users.me.id);
    const second = await created(w, 'manager', { kind: 'targets', changes: [changes[0]] });
    expect(second.number).toBe(2);

    const d = await detail(w, 'manager', cr.id);
    expect(d.canApprove).toBe(true);
    expect(d.preview.kind).toBe('targets');
    if (d.preview.kind !== 'targets') return;
    expect(d.preview.rows.map((r) => [r.periodKey, r.location?.pcode ?? null, r.options, r.before, r.after])).toEqual([
      ['2026-Q1', null, [], 100, 80],
      ['2026-Q1', null, ['female'], 50, 40],
      ['2026-Q2', w.location.pcode, ['male'], null, 15],
    ]);

    const approved = await act(w, 'manager', cr.id, 'approve', { note: 'Agreed with the donor', version: 1 });
    expect(approved.statusCode, approved.body).toBe(200);
    const after = approved.json() as ChangeRequestDetail;
    expect(after).toMatchObject({ status: 'approved', version: 2, decisionNote: 'Agreed with the donor', canApprove: false });
    expect(after.appliedAt).not.toBeNull();
    expect(after.decidedBy?.id).toBe(w.users.manager.id);

    const targets = (await (await as(w, 'viewer')).get(`/api/indicators/${w.indicator.id}/targets`)).json() as IndicatorTargets;
    expect(targets.targets.map((x) => [x.period, x.locationId, x.optionIds, x.value])).toEqual([
      ['2026-Q1', null, [], 80],
      ['2026-Q1', null, [w.female], 40],
      ['2026-Q2', w.location.id, [w.male], 15],
    ]);
    const history = (await (await as(w, 'manager')).get(`/api/indicators/${w.indicator.id}/history`)).json() as { items: { reason: string; note: string | null }[] };
    expect(history.items.some((h) => h.reason === 'adaptive_management' && h.note === 'CR-1: Adjust')).toBe(true);

    // The applied request keeps showing what it changed, though the targets now say 80.
    const kept = await detail(w, 'viewer', cr.id);
    if (kept.preview.kind !== 'targets') throw new Error('kind');
    expect(kept.preview.rows.map((r) => [r.before, r.after])).toEqual([[100, 80], [50, 40], [null, 15]]);

    expect((await audits(cr.id)).map((a) => a.action)).toEqual(['change_request.create', 'change_request.approve']);

    const history2 = (await (await as(w, 'viewer')).get(`/api/projects/${w.project.id}/change-requests?status=approved`)).json() as ChangeRequestList;
    expect(history2.items.map((i) => i.reference)).toEqual(['CR-1']);
  });

  it('lists every problem at once with its field path', async () => {
    const w = await buildChangeRequestWorld(t.db);
    const res = await create(w, 'me', {
      kind: 'targets',
      changes: [
        { indicatorId: w.otherIndicator.id, periodKey: '2026-Q1', locationId: null, disaggregationKey: '', value: 1 },
        { indicatorId: w.indicator.id, periodKey: '2030-Q1', locationId: null, disaggregationKey: '', value: 1 },
        { indicatorId: w.indicator.id, periodKey: '2026-Q1', locationId: w.otherIndicator.id, disaggregationKey: '', value: -1 },
        { indicatorId: w.indicator.id, periodKey: '2026-Q1', locationId: null, disaggregationKey: 'nonsense', value: 1 },
        { indicatorId: w.indicator.id, periodKey: 'LOP', locationId: null, disaggregationKey: '', value: 1 },
        { indicatorId: w.indicator.id, periodKey: '2026-Q3', locationId: null, disaggregationKey: '', value: null },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(details(res)).toEqual([
      'body.changes.0.indicatorId:indicator_not_of_project',
      'body.changes.1.periodKey:unknown_period',
      'body.changes.2.locationId:not_project_location',
      'body.changes.2.value:too_small',
      'body.changes.3.disaggregationKey:unknown_option',
      'body.changes.4.periodKey:use_lop_target',
      'body.changes.5.value:no_current_target',
    ]);
    const missing = await create(w, 'me', { kind: 'targets', title: '', changes: [] });
    expect(missing.statusCode).toBe(400);
    expect(details(missing).sort()).toEqual(['body.changes:too_small', 'body.title:required']);
    expect(await t.db.selectFrom('change_requests').select('id').where('project_id', '=', w.project.id).execute()).toEqual([]);
  });

  it('fails approval when the change no longer fits, and applies nothing', async () => {
    const w = await buildChangeRequestWorld(t.db);
    const cr = await created(w, 'me', { kind: 'targets', changes: [
      { indicatorId: w.indicator.id, periodKey: '2026-Q1', locationId: null, disaggregationKey: '', value: 70 },
      { indicatorId: w.indicator.id, periodKey: '2026-Q1', locationId: null, disaggregationKey: w.female, value: null },
    ] });
    // Meanwhile the female target was removed on the targets page.
    await t.db.deleteFrom('indicator_targets').where('indicator_id', '=', w.indicator.id).where('disaggregation_key', '=', w.female).execute();
    const res = await act(w, 'manager', cr.id, 'approve', { note: '', version: 1 });
    expect(res.statusCode).toBe(400);
    expect(details(res)).toEqual(['changes.1.value:no_current_target']);
    const rows = await t.db.selectFrom('indicator_targets').select(['value']).where('indicator_id', '=', w.indicator.id).execute();
    expect(rows.map((r) => r.value)).toEqual([100]);
    expect((await detail(w, 'manager', cr.id)).status).toBe('submitted');
  });
});

describe('plan change requests', () => {
  it('move planned dates and cancel activities when approved, with audit before and after', async () => {
    const w = await buildChangeRequestWorld(t.db);
    const [a1, a2] = w.activities;
    const cr = await created(w, 'me', { kind: 'plan', changes: [{ activityId: a1!.id, plannedEnd: '2026-06-30' }, { activityId: a2!.id, cancel: true }] });
    const d = await detail(w, 'manager', cr.id);
    if (d.preview.kind !== 'plan') throw new Error('kind');
    expect(d.preview.rows.map((r) => [r.code, r.before.plannedEnd, r.after.plannedEnd, r.before.status, r.after.status])).toEqual([
      ['A1', '2026-04-30', '2026-06-30', 'on_track', 'on_track'],
      ['A2', '2026-06-30', '2026-06-30', 'not_started', 'cancelled'],
    ]);
    const res = await act(w, 'manager', cr.id, 'approve', { note: 'ok', version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const rows = await t.db.selectFrom('planned_activities').select(['code', 'planned_start', 'planned_end', 'status', 'version']).where('work_plan_id', '=', w.plan.id).orderBy('position').execute();
    expect(rows.map((r) => [r.code, r.planned_start, r.planned_end, r.status, r.version])).toEqual([
      ['A1', '2026-02-01', '2026-06-30', 'on_track', 2],
      ['A2', '2026-03-01', '2026-06-30', 'cancelled', 2],
      ['A3', '2026-01-10', '2026-01-31', 'done', 1],
    ]);
    const trail = await audits(a1!.id);
    expect(trail.map((a) => [a.action, a.note])).toEqual([['planned_activity.change_request', 'CR-1']]);
    expect(JSON.parse(trail[0]!.before_json!)).toEqual({ plannedStart: '2026-02-01', plannedEnd: '2026-04-30', status: 'on_track' });
  });

  it('checks dates against the activity and the plan, every problem with its field', async () => {
    const w = await buildChangeRequestWorld(t.db);
    const [a1, a2, a3] = w.activities;
    const res = await create(w, 'me', {
      kind: 'plan',
      changes: [
        { activityId: a1!.id, plannedStart: '2026-05-01' },
        { activityId: a2!.id, plannedEnd: '2027-01-15' },
        { activityId: a3!.id, cancel: true },
        { activityId: a1!.id, cancel: true },
        { activityId: w.indicator.id, cancel: true },
        { activityId: a2!.id },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(details(res)).toEqual([
      'body.changes.0.plannedStart:end_before_start',
      'body.changes.1.plannedEnd:date_outside_plan',
      'body.changes.2.cancel:activity_done',
      'body.changes.3.activityId:duplicate_change',
      'body.changes.4.activityId:activity_not_of_project',
      'body.changes.5.activityId:duplicate_change',
    ]);
    const empty = await create(w, 'me', { kind: 'plan', changes: [{ activityId: a2!.id }] });
    expect(details(empty)).toEqual(['body.changes.0:change_empty']);
    const bad = await create(w, 'me', { kind: 'plan', changes: [{ activityId: a2!.id, plannedEnd: '2026-02-30' }] });
    expect(details(bad)).toEqual(['body.changes.0.plannedEnd:invalid_date']);
  });

  it('are for approved plans only: a draft plan is edited directly, and the dialog does not offer its activities', async () => {
    const w = await buildChangeRequestWorld(t.db);
    await t.db.updateTable('work_plans').set({ status: 'draft', approved_by: null, approved_at: null }).where('id', '=', w.plan.id).execute();
    const res = await create(w, 'me', { kind: 'plan', changes: [{ activityId: w.activities[0]!.id, plannedEnd: '2026-06-30' }] });
    expect(res.statusCode).toBe(400);
    expect(details(res)).toEqual(['body.changes.0.activityId:plan_not_approved']);
    const options = (await (await as(w, 'me')).get(`/api/projects/${w.project.id}/change-requests/options`)).json() as ChangeRequestOptions;
    expect(options.canRequest).toContain('plan');
    expect(options.activities).toEqual([]);
    expect(await t.db.selectFrom('change_requests').select('id').where('project_id', '=', w.project.id).execute()).toEqual([]);
  });
});

describe('budget change requests', () => {
  it('submit the revision, preview the lines and totals, and put it in force when approved', async () => {
    const w = await buildChangeRequestWorld(t.db);
    const cr = await created(w, 'finance', { kind: 'budget', changes: { budgetVersionId: w.v2.id } });
    const v2 = await t.db.selectFrom('budget_versions').select(['status', 'change_request_id']).where('id', '=', w.v2.id).executeTakeFirstOrThrow();
    expect(v2).toEqual({ status: 'submitted', change_request_id: cr.id });

    const d = await detail(w, 'budgetHolder', cr.id);
    if (d.preview.kind !== 'budget' || !d.preview.budget) throw new Error('kind');
    // 1,000.00 + 500.00 = 1,500.00 in force; 1,200.00 + 500.00 + 300.00 = 2,000.00 proposed.
    expect(d.preview.budget).toMatchObject({ currency: 'USD', versionNumber: 2, baseNumber: 1, totalBeforeMinor: 150_000, totalAfterMinor: 200_000 });
    expect(d.preview.budget.lines.map((l) => [l.code, l.beforeMinor, l.afterMinor])).toEqual([['1.1', 100_000, 120_000], ['2.1', 50_000, 50_000], ['3.1', null, 30_000]]);
    expect(d.canApprove).toBe(true);
    expect((await detail(w, 'manager', cr.id)).canApprove).toBe(false);
    expect((await act(w, 'manager', cr.id, 'approve', { note: '', version: 1 })).statusCode).toBe(403);

    const res = await act(w, 'budgetHolder', cr.id, 'approve', { note: 'Within the envelope', version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const budget = await t.db.selectFrom('budgets').select(['current_version']).where('id', '=', w.budget.id).executeTakeFirstOrThrow();
    expect(budget.current_version).toBe(2);
    const versions = await t.db.selectFrom('budget_versions').select(['number', 'status']).where('budget_id', '=', w.budget.id).orderBy('number').execute();
    expect(versions).toEqual([{ number: 1, status: 'superseded' }, { number: 2, status: 'approved' }]);
    // Once in force, it is compared with the version it replaced.
    const kept = await detail(w, 'finance', cr.id);
    if (kept.preview.kind !== 'budget' || !kept.preview.budget) throw new Error('kind');
    expect([kept.preview.budget.baseNumber, kept.preview.budget.totalBeforeMinor, kept.preview.budget.totalAfterMinor]).toEqual([1, 150_000, 200_000]);
  });

  it('returns the revision to draft when rejected (a note required) or withdrawn', async () => {
    const w = await buildChangeRequestWorld(t.db);
    const cr = await created(w, 'finance', { kind: 'budget', changes: { budgetVersionId: w.v2.id } });
    const noNote = await act(w, 'budgetHolder', cr.id, 'reject', { note: '', version: 1 });
    expect(details(noNote)).toEqual(['body.note:required']);
    const rejected = await act(w, 'budgetHolder', cr.id, 'reject', { note: 'Line 3.1 is not justified', version: 1 });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect((rejected.json() as ChangeRequest).status).toBe('rejected');
    let v2 = await t.db.selectFrom('budget_versions').select(['status', 'change_request_id', 'decision_note']).where('id', '=', w.v2.id).executeTakeFirstOrThrow();
    expect(v2).toEqual({ status: 'draft', change_request_id: null, decision_note: 'Line 3.1 is not justified' });
    expect((await t.db.selectFrom('budgets').select('current_version').where('id', '=', w.budget.id).executeTakeFirstOrThrow()).current_version).toBe(1);

    const again = await created(w, 'finance', { kind: 'budget', changes: { budgetVersionId: w.v2.id } });
    expect(again.number).toBe(2);
    expect((await act(w, 'budgetHolder', again.id, 'withdraw', { version: 1 })).statusCode).toBe(403);
    const withdrawn = await act(w, 'finance', again.id, 'withdraw', { version: 1 });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    v2 = await t.db.selectFrom('budget_versions').select(['status', 'change_request_id', 'decision_note']).where('id', '=', w.v2.id).executeTakeFirstOrThrow();
    expect(v2.status).toBe('draft');
    expect((await act(w, 'budgetHolder', again.id, 'approve', { note: '', version: 2 })).statusCode).toBe(409);
  });

  it('refuses a version that is not a draft revision of this project', async () => {
    const w = await buildChangeRequestWorld(t.db);
    expect(details(await create(w, 'finance', { kind: 'budget', changes: { budgetVersionId: w.v1.id } }))).toEqual(['body.changes.budgetVersionId:budget_version_not_draft_revision']);
    expect(details(await create(w, 'finance', { kind: 'budget', changes: { budgetVersionId: w.indicator.id } }))).toEqual(['body.changes.budgetVersionId:budget_version_not_of_project']);
  });

  it('is hidden from readers who may not see money', async () => {
    const w = await buildChangeRequestWorld(t.db);
    const budgetCr = await created(w, 'finance', { kind: 'budget', changes: { budgetVersionId: w.v2.id } });
    const planCr = await created(w, 'me', { kind: 'plan', changes: [{ activityId: w.activities[0]!.id, cancel: true }] });
    const viewer = await as(w, 'viewer');
    const list = (await viewer.get(`/api/projects/${w.project.id}/change-requests`)).json() as ChangeRequestList;
    expect(list.items.map((i) => i.id)).toEqual([planCr.id]);
    expect(list.canRequest).toEqual([]);
    expect((await viewer.get(`/api/change-requests/${budgetCr.id}`)).statusCode).toBe(403);
    const options = (await viewer.get(`/api/projects/${w.project.id}/change-requests/options`)).json() as ChangeRequestOptions;
    expect(options.draftRevisions).toEqual([]);
    const finance = (await (await as(w, 'finance')).get(`/api/projects/${w.project.id}/change-requests?kind=budget`)).json() as ChangeRequestList;
    expect(finance.items.map((i) => i.id)).toEqual([budgetCr.id]);
  });
});

describe('who may do what', () => {
  it('refuses the requester approving their own request, the wrong role, and unseen projects', async () => {
    const w = await buildChangeRequestWorld(t.db);
    const cr = await created(w, 'manager', { kind: 'plan', changes: [{ activityId: w.activities[0]!.id, cancel: true }] });
    const own = await act(w, 'manager', cr.id, 'approve', { note: '', version: 1 });
    expect(own.statusCode).toBe(403);
    expect(details(own)).toEqual(['id:own_change_request']);
    expect((await act(w, 'me', cr.id, 'approve', { note: '', version: 1 })).statusCode).toBe(403);
    expect((await act(w, 'viewer', cr.id, 'reject', { note: 'no', version: 1 })).statusCode).toBe(403);
    expect((await create(w, 'viewer', { kind: 'plan', changes: [{ activityId: w.activities[0]!.id, cancel: true }] })).statusCode).toBe(403);
    expect((await create(w, 'me', { kind: 'budget', changes: { budgetVersionId: w.v2.id } })).statusCode).toBe(403);
    const outsider = await as(w, 'outsider');
    expect((await outsider.get(`/api/change-requests/${cr.id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/projects/${w.project.id}/change-requests`)).statusCode).toBe(404);
    expect((await outsider.post(`/api/change-requests/${cr.id}/approve`, { note: '', version: 1 })).statusCode).toBe(404);
    expect((await create(w, 'outsider', { kind: 'plan', changes: [{ activityId: w.activities[0]!.id, cancel: true }] })).statusCode).toBe(404);
    const approved = await act(w, 'manager2', cr.id, 'approve', { note: '', version: 1 });
    expect(approved.statusCode, approved.body).toBe(200);
  });

  it('answers 409 to a stale version and lets one of two approvers acting at once win', async () => {
    const w = await buildChangeRequestWorld(t.db);
    const cr = await created(w, 'me', { kind: 'targets', changes: [{ indicatorId: w.indicator.id, periodKey: '2026-Q1', locationId: null, disaggregationKey: '', value: 90 }] });
    const stale = await act(w, 'manager', cr.id, 'approve', { note: '', version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(details(stale)).toEqual(['version:stale_version']);
    const [a, b] = await Promise.all([act(w, 'manager', cr.id, 'approve', { note: 'a', version: 1 }), act(w, 'manager2', cr.id, 'reject', { note: 'b', version: 1 })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(code(loser)).toBe('conflict');
    const decisions = (await audits(cr.id)).filter((x) => x.action !== 'change_request.create');
    expect(decisions).toHaveLength(1);
    const after = await detail(w, 'me', cr.id);
    expect(after.version).toBe(2);
    const late = await act(w, 'manager2', cr.id, 'approve', { note: '', version: 2 });
    expect(late.statusCode).toBe(409);
    expect(code(late)).toBe('invalid_transition');
  });

  it('numbers requests made at the same moment one after the other', async () => {
    const w = await buildChangeRequestWorld(t.db);
    const body = (activity: number) => ({ kind: 'plan', changes: [{ activityId: w.activities[activity]!.id, plannedEnd: '2026-07-31' }] });
    // Both may read the same last number: the unique index refuses the second insert, which is made again once.
    const results = await Promise.all([create(w, 'me', body(0)), create(w, 'manager', body(1))]);
    expect(results.map((r) => r.statusCode)).toEqual([201, 201]);
    expect(results.map((r) => (r.json() as ChangeRequest).number).sort()).toEqual([1, 2]);
  });

  it('gives the dialog the project indicators, activities and draft revisions', async () => {
    const w = await buildChangeRequestWorld(t.db);
    const options = (await (await as(w, 'finance')).get(`/api/projects/${w.project.id}/change-requests/options`)).json() as ChangeRequestOptions;
    expect(options.canRequest).toEqual(['budget']);
    expect(options.draftRevisions.map((v) => [v.number, v.budgetTitle, v.currency])).toEqual([[2, 'Project budget', 'USD']]);
    const me = (await (await as(w, 'me')).get(`/api/projects/${w.project.id}/change-requests/options`)).json() as ChangeRequestOptions;
    expect(me.canRequest).toEqual(['targets', 'plan']);
    expect(me.indicators.map((i) => i.code)).toEqual(['IND-1']);
    expect(me.activities.map((a) => a.code)).toEqual(['A1', 'A2', 'A3']);
  });
});
