import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlannedActivity, WorkPlan, WorkPlanList } from '@shared/schemas/workplans.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';
import { buildWorkPlanWorld, type WorkPlanWorld } from '../../test/workplans-factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const as = (w: WorkPlanWorld, who: keyof WorkPlanWorld['users']): Promise<Agent> => t.as(w.users[who].id);
type ErrorJson = { error: { code: string; details?: { field?: string; reason: string }[] } };
const details = (res: { json(): unknown }) => (res.json() as ErrorJson).error.details?.map((d) => `${d.field}:${d.reason}`);

async function newPlan(w: WorkPlanWorld, year = 2026): Promise<WorkPlan> {
  const res = await (await as(w, 'manager')).post(`/api/projects/${w.project.id}/work-plans`, { year, title: `Annual operational plan ${year}` });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as WorkPlan;
}

const forum = (w: WorkPlanWorld, over: Record<string, unknown> = {}) => ({
  code: 'A1',
  title: 'Kumasi market forums',
  resultNodeId: w.activityNode.id,
  plannedStart: '2026-02-01',
  plannedEnd: '2026-06-30',
  responsible: 'K. Mensah',
  team: 'Kumasi city team',
  organisationId: w.partner.id,
  locationId: w.locations[0]!.id,
  milestones: [
    { kind: 'milestone', title: 'Forum venues booked', dueDate: '2026-02-15' },
    { kind: 'deliverable', title: 'Forum report', dueDate: '2026-07-15' },
  ],
  ...over,
});

async function newActivity(w: WorkPlanWorld, planId: string, over: Record<string, unknown> = {}): Promise<PlannedActivity> {
  const res = await (await as(w, 'manager')).post(`/api/work-plans/${planId}/activities`, forum(w, over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as PlannedActivity;
}

const auditOf = (id: string) => t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', id).orderBy('at').execute();

describe('work plans', () => {
  it('creates a plan for a year, clipped to the project, one per year, audited', async () => {
    const w = await buildWorkPlanWorld(t.db);
    const manager = await as(w, 'manager');
    // The project starts on 15 March 2025: the 2025 plan starts then.
    const res = await manager.post(`/api/projects/${w.project.id}/work-plans`, { year: 2025, title: 'AOP 2025' });
    expect(res.statusCode, res.body).toBe(201);
    const p2025 = res.json() as WorkPlan;
    expect(p2025).toMatchObject({ year: 2025, startDate: '2025-03-15', endDate: '2025-12-31', status: 'draft', version: 1, canEdit: true, canApprove: true, activities: [] });
    const p2026 = await newPlan(w);
    expect([p2026.startDate, p2026.endDate]).toEqual(['2026-01-01', '2026-12-31']);

    const again = await manager.post(`/api/projects/${w.project.id}/work-plans`, { year: 2026, title: 'Another' });
    expect(again.statusCode).toBe(409);
    expect(details(again)).toEqual(['body.year:work_plan_year_taken']);
    const outside = await manager.post(`/api/projects/${w.project.id}/work-plans`, { year: 2024, title: 'Before the project' });
    expect(outside.statusCode).toBe(400);
    expect(details(outside)).toEqual(['body.year:year_outside_project']);

    const list = (await manager.get(`/api/projects/${w.project.id}/work-plans`)).json() as WorkPlanList;
    expect(list.items.map((p) => p.year)).toEqual([2026, 2025]);
    expect(list.canCreate).toBe(true);

    const audit = await auditOf(p2026.id);
    expect(audit.map((a) => [a.action, a.organisation_id])).toEqual([['work_plan.create', w.lead.id]]);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ year: 2026, status: 'draft' });
  });

  it('gives the plan with its activities, milestones, names, overdue flag and form options', async () => {
    const w = await buildWorkPlanWorld(t.db);
    const plan = await newPlan(w);
    const late = await newActivity(w, plan.id, { code: 'A0', title: 'Baseline survey', plannedStart: '2026-01-05', plannedEnd: '2026-03-31', milestones: [] });
    const a = await newActivity(w, plan.id, { plannedEnd: '2099-06-30' });
    const got = (await (await as(w, 'viewer')).get(`/api/work-plans/${plan.id}`)).json() as WorkPlan;
    expect(got.activities.map((x) => x.code)).toEqual(['A0', 'A1']);
    expect(got.activities[1]).toMatchObject({
      id: a.id,
      resultNode: { id: w.activityNode.id, code: '1.1.1', title: 'Run market forums' },
      organisationId: w.partner.id,
      organisationName: w.partner.name,
      locationName: w.locations[0]!.name,
      locationPcode: w.locations[0]!.pcode,
      status: 'not_started',
      overdue: false,
      milestones: [
        { kind: 'milestone', title: 'Forum venues booked', dueDate: '2026-02-15', doneDate: null },
        { kind: 'deliverable', title: 'Forum report', dueDate: '2026-07-15', doneDate: null },
      ],
      canEdit: false,
      canUpdateProgress: false,
    });
    // Planned to end on 31 March 2026, not started: overdue (the clock says it is later than that).
    expect(got.activities[0]).toMatchObject({ id: late.id, overdue: true });
    expect(got.overdueCount).toBe(1);
    expect({ canEdit: got.canEdit, canApprove: got.canApprove }).toEqual({ canEdit: false, canApprove: false });
    expect(got.options.resultNodes.filter((n) => n.level > 0).map((n) => [n.code, n.level])).toEqual([['1', 1], ['1.1', 2], ['1.1.1', 3]]);
    expect(got.options.organisations.map((o) => o.id).sort()).toEqual([w.lead.id, w.partner.id, w.other.id].sort());
    expect(got.options.locations.map((l) => l.id).sort()).toEqual(w.locations.map((l) => l.id).sort());
    expect(got.options.teams).toEqual(['Kumasi city team']);
  });

  it('lets viewers read but not write, and hides the project from outsiders', async () => {
    const w = await buildWorkPlanWorld(t.db);
    const plan = await newPlan(w);
    const a = await newActivity(w, plan.id);
    const viewer = await as(w, 'viewer');
    expect((await viewer.get(`/api/projects/${w.project.id}/work-plans`)).statusCode).toBe(200);
    expect((await viewer.get(`/api/work-plans/${plan.id}/export.xlsx`)).statusCode).toBe(200);
    expect((await viewer.post(`/api/projects/${w.project.id}/work-plans`, { year: 2025, title: 'x' })).statusCode).toBe(403);
    expect((await viewer.request('PUT', `/api/planned-activities/${a.id}`, { ...forum(w), version: 1 })).statusCode).toBe(403);
    expect((await viewer.patch(`/api/planned-activities/${a.id}/progress`, { status: 'on_track', percentComplete: 10, version: 1 })).statusCode).toBe(403);
    expect((await viewer.post(`/api/work-plans/${plan.id}/approve`, { version: 1 })).statusCode).toBe(403);

    const outsider = await as(w, 'outsider');
    expect((await outsider.get(`/api/projects/${w.project.id}/work-plans`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/work-plans/${plan.id}`)).statusCode).toBe(404);
    expect((await outsider.patch(`/api/planned-activities/${a.id}/progress`, { status: 'on_track', percentComplete: 10, version: 1 })).statusCode).toBe(404);
    expect((await outsider.get(`/api/work-plans/${plan.id}/export.xlsx`)).statusCode).toBe(404);
  });

  it('approves a draft plan, then locks planned dates, adding, deleting and cancelling', async () => {
    const w = await buildWorkPlanWorld(t.db);
    const plan = await newPlan(w);
    const a = await newActivity(w, plan.id);
    const manager = await as(w, 'manager');
    expect((await manager.post(`/api/work-plans/${plan.id}/approve`, { version: 99 })).statusCode).toBe(409);
    const res = await manager.post(`/api/work-plans/${plan.id}/approve`, { version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const approved = res.json() as WorkPlan;
    expect(approved).toMatchObject({ status: 'approved', approvedBy: { id: w.users.manager.id }, version: 2, canApprove: false });
    expect((await auditOf(plan.id)).map((e) => e.action)).toEqual(['work_plan.create', 'work_plan.approve']);

    const again = await manager.post(`/api/work-plans/${plan.id}/approve`, { version: 2 });
    expect([again.statusCode, details(again)]).toEqual([409, ['status:work_plan_not_draft']]);

    const moved = await manager.request('PUT', `/api/planned-activities/${a.id}`, { ...forum(w), plannedEnd: '2026-09-30', version: 1 });
    expect(moved.statusCode).toBe(409);
    expect((moved.json() as ErrorJson).error.code).toBe('invalid_transition');
    expect(details(moved)).toEqual(['body.plannedEnd:plan_approved_use_change_request']);
    const cancelled = await manager.request('PUT', `/api/planned-activities/${a.id}`, { ...forum(w), status: 'cancelled', version: 1 });
    expect([cancelled.statusCode, details(cancelled)]).toEqual([409, ['body.status:plan_approved_use_change_request']]);
    const added = await manager.post(`/api/work-plans/${plan.id}/activities`, forum(w, { code: 'A2' }));
    expect([added.statusCode, details(added)]).toEqual([409, ['status:plan_approved_use_change_request']]);
    const deleted = await manager.delete(`/api/planned-activities/${a.id}?version=1`);
    expect(deleted.statusCode).toBe(409);
    const planDeleted = await manager.delete(`/api/work-plans/${plan.id}?version=2`);
    expect([planDeleted.statusCode, details(planDeleted)]).toEqual([409, ['status:work_plan_not_draft']]);

    // The title and progress still change.
    const retitled = await manager.request('PUT', `/api/planned-activities/${a.id}`, { ...forum(w), title: 'Kumasi and Accra market forums', status: 'on_track', percentComplete: 20, actualStart: '2026-02-03', version: 1 });
    expect(retitled.statusCode, retitled.body).toBe(200);
    expect(retitled.json()).toMatchObject({ title: 'Kumasi and Accra market forums', status: 'on_track', percentComplete: 20, version: 2, statusUpdatedBy: { id: w.users.manager.id } });
  });

  it('deletes a draft plan and a draft activity, audited', async () => {
    const w = await buildWorkPlanWorld(t.db);
    const plan = await newPlan(w);
    const a = await newActivity(w, plan.id);
    const manager = await as(w, 'manager');
    expect((await manager.delete(`/api/planned-activities/${a.id}?version=1`)).statusCode).toBe(204);
    expect((await auditOf(a.id)).map((e) => e.action)).toEqual(['planned_activity.create', 'planned_activity.delete']);
    expect((await manager.delete(`/api/work-plans/${plan.id}?version=1`)).statusCode).toBe(204);
    expect((await manager.get(`/api/work-plans/${plan.id}`)).statusCode).toBe(404);
  });

  it('checks progress: done means 100 % and an actual end, the end not before the start, no stale writes', async () => {
    const w = await buildWorkPlanWorld(t.db);
    const plan = await newPlan(w);
    const a = await newActivity(w, plan.id);
    const manager = await as(w, 'manager');
    const url = `/api/planned-activities/${a.id}/progress`;
    const notDone = await manager.patch(url, { status: 'done', percentComplete: 80, actualStart: '2026-03-10', version: 1 });
    expect([notDone.statusCode, details(notDone)]).toEqual([400, ['body.percentComplete:done_needs_full_percent', 'body.actualEnd:done_needs_actual_end']]);
    const backwards = await manager.patch(url, { status: 'on_track', percentComplete: 50, actualStart: '2026-03-10', actualEnd: '2026-03-01', version: 1 });
    expect(details(backwards)).toEqual(['body.actualEnd:end_before_start']);
    const future = await manager.patch(url, { status: 'on_track', percentComplete: 50, actualStart: '2098-03-10', version: 1 });
    expect(details(future)).toEqual(['body.actualStart:actual_date_in_future']);
    const cancel = await manager.patch(url, { status: 'cancelled', percentComplete: 50, version: 1 });
    expect(cancel.statusCode).toBe(400);

    const milestones = a.milestones.map((m) => ({ id: m.id, doneDate: m.title === 'Forum venues booked' ? '2026-02-14' : null }));
    const ok = await manager.patch(url, { status: 'done', percentComplete: 100, actualStart: '2026-02-02', actualEnd: '2026-06-20', statusNote: 'All six forums held', milestones, version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'done', percentComplete: 100, actualEnd: '2026-06-20', version: 2, overdue: false });
    expect((ok.json() as PlannedActivity).milestones.map((m) => m.doneDate)).toEqual(['2026-02-14', null]);

    const stale = await manager.patch(url, { status: 'on_track', percentComplete: 90, version: 1 });
    expect([stale.statusCode, details(stale)]).toEqual([409, ['body.version:stale_version']]);
    const audit = await auditOf(a.id);
    expect(audit.map((e) => e.action)).toEqual(['planned_activity.create', 'planned_activity.progress']);
    expect(JSON.parse(audit[1]!.before_json!)).toMatchObject({ status: 'not_started', percentComplete: 0 });
    expect(JSON.parse(audit[1]!.after_json!)).toMatchObject({ status: 'done', percentComplete: 100, actualEnd: '2026-06-20' });
  });

  it("lets a partner reporter update their own organisation's activity, and no other", async () => {
    const w = await buildWorkPlanWorld(t.db);
    const plan = await newPlan(w);
    const ours = await newActivity(w, plan.id);
    const theirs = await newActivity(w, plan.id, { code: 'A2', organisationId: w.other.id });
    await (await as(w, 'manager')).post(`/api/work-plans/${plan.id}/approve`, { version: 1 });
    const partner = await as(w, 'partnerReporter');
    const view = (await partner.get(`/api/work-plans/${plan.id}`)).json() as WorkPlan;
    expect(view.activities.map((a) => [a.code, a.canEdit, a.canUpdateProgress])).toEqual([['A1', false, true], ['A2', false, false]]);

    const body = { status: 'delayed', percentComplete: 30, actualStart: '2026-02-10', statusNote: 'Venue flooded', version: 1 };
    const res = await partner.patch(`/api/planned-activities/${ours.id}/progress`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'delayed', statusNote: 'Venue flooded', statusUpdatedBy: { id: w.users.partnerReporter.id, name: w.users.partnerReporter.name } });
    expect((await partner.patch(`/api/planned-activities/${theirs.id}/progress`, body)).statusCode).toBe(403);
    // A reporter never changes the plan fields.
    expect((await partner.request('PUT', `/api/planned-activities/${ours.id}`, { ...forum(w), version: 2 })).statusCode).toBe(403);
    // The lead's reporter is not the activity's organisation either.
    expect((await (await as(w, 'leadReporter')).patch(`/api/planned-activities/${ours.id}/progress`, { ...body, version: 2 })).statusCode).toBe(403);
  });

  it('reorders the activities of a plan, all of them once each', async () => {
    const w = await buildWorkPlanWorld(t.db);
    const plan = await newPlan(w);
    const a = await newActivity(w, plan.id);
    const b = await newActivity(w, plan.id, { code: 'A2' });
    const manager = await as(w, 'manager');
    const partial = await manager.request('PUT', `/api/work-plans/${plan.id}/activity-order`, { activityIds: [b.id], version: 1 });
    expect([partial.statusCode, details(partial)]).toEqual([400, ['body.activityIds:not_every_activity']]);
    const res = await manager.request('PUT', `/api/work-plans/${plan.id}/activity-order`, { activityIds: [b.id, a.id], version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as WorkPlan).activities.map((x) => x.code)).toEqual(['A2', 'A1']);
    expect((res.json() as WorkPlan).version).toBe(2);
    const stale = await manager.request('PUT', `/api/work-plans/${plan.id}/activity-order`, { activityIds: [a.id, b.id], version: 1 });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses references outside the project and duplicate codes', async () => {
    const w = await buildWorkPlanWorld(t.db);
    const plan = await newPlan(w);
    await newActivity(w, plan.id);
    const manager = await as(w, 'manager');
    const other = await buildWorkPlanWorld(t.db);
    const bad = await manager.post(`/api/work-plans/${plan.id}/activities`, forum(w, { code: 'A9', resultNodeId: other.activityNode.id, locationId: other.locations[0]!.id, plannedEnd: '2026-01-01' }));
    expect([bad.statusCode, details(bad)]).toEqual([400, ['body.plannedEnd:end_before_start', 'body.resultNodeId:not_project_result', 'body.locationId:not_project_location']]);
    const dup = await manager.post(`/api/work-plans/${plan.id}/activities`, forum(w));
    expect([dup.statusCode, details(dup)]).toEqual([409, ['body.code:duplicate']]);
  });
});
