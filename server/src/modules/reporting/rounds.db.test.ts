import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Round } from '@shared/schemas/reporting.js';
import { nowIso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { buildIndicator, buildOrganisation, buildProject, buildResultNode, buildUser } from '../../test/factories.js';
import { buildReportingWorld, buildReviewComment, buildRound, buildSubmissionEvent, buildValue, type ReportingWorld } from '../../test/reporting-factories.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const as = (w: ReportingWorld, who: keyof ReportingWorld['users']): Promise<Agent> => t.as(w.users[who].id);
const fields = (res: { json(): unknown }) => (res.json() as { error: { details?: { field?: string; reason: string }[] } }).error.details?.map((d) => `${d.field}:${d.reason}`);

describe('round options', () => {
  it('lists periods of each type in the lead organisation fiscal year with the taken ones, organisations with roles, places and indicators', async () => {
    const w = await buildReportingWorld(t.db);
    await t.db.updateTable('organisations').set({ fiscal_year_start_month: 10 }).where('id', '=', w.lead.id).execute();
    await buildRound(t.db, { projectId: w.project.id, reporters: [], periodKey: 'FY2025-Q2', fyStartMonth: 10 });
    const res = await (await as(w, 'manager')).get(`/api/projects/${w.project.id}/round-options`);
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json() as { periods: { type: string; key: string; start: string; end: string; taken: boolean }[]; organisations: { id: string; roles: string[] }[]; locations: { id: string }[]; indicators: { id: string }[] };
    // Project 2025-01-01 – 2026-12-31 with an October fiscal year: FY2025-Q2 (Jan–Mar 2025) to FY2027-Q1 (Oct–Dec 2026).
    const quarters = o.periods.filter((p) => p.type === 'quarter');
    expect(quarters.map((p) => p.key)).toEqual(['FY2025-Q2', 'FY2025-Q3', 'FY2025-Q4', 'FY2026-Q1', 'FY2026-Q2', 'FY2026-Q3', 'FY2026-Q4', 'FY2027-Q1']);
    expect(quarters[0]).toEqual({ type: 'quarter', key: 'FY2025-Q2', start: '2025-01-01', end: '2025-03-31', taken: true });
    expect(quarters.filter((p) => p.taken)).toHaveLength(1);
    expect(o.periods.filter((p) => p.type === 'month')).toHaveLength(24);
    expect(o.periods.filter((p) => p.type === 'year').map((p) => p.key)).toEqual(['FY2025', 'FY2026', 'FY2027']);
    expect(o.periods.filter((p) => p.type === 'semester').map((p) => p.key)).toEqual(['FY2025-H1', 'FY2025-H2', 'FY2026-H1', 'FY2026-H2', 'FY2027-H1']);
    const roles = Object.fromEntries(o.organisations.map((x) => [x.id, x.roles]));
    expect(roles).toEqual({ [w.lead.id]: ['owner', 'lead'], [w.partner.id]: ['implementing'], [w.other.id]: ['implementing'] });
    expect(o.locations.map((l) => l.id).sort()).toEqual(w.locations.map((l) => l.id).sort());
    expect(o.indicators.map((i) => i.id).sort()).toEqual(w.indicators.map((i) => i.id).sort());
  });

  it('is for managers only (403), and 404 for a project the reader cannot see', async () => {
    const w = await buildReportingWorld(t.db);
    expect((await (await as(w, 'partnerReporter')).get(`/api/projects/${w.project.id}/round-options`)).statusCode).toBe(403);
    expect((await (await as(w, 'viewer')).get(`/api/projects/${w.project.id}/round-options`)).statusCode).toBe(403);
    const stranger = await buildUser(t.db, { organisationId: (await buildOrganisation(t.db)).id });
    expect((await (await t.as(stranger.id)).get(`/api/projects/${w.project.id}/round-options`)).statusCode).toBe(404);
  });
});

describe('opening a round', () => {
  it('creates the round, its indicators and one draft package per organisation with its places, audited', async () => {
    const w = await buildReportingWorld(t.db);
    const [a, b] = w.locations;
    const res = await (await as(w, 'manager')).post(`/api/projects/${w.project.id}/rounds`, {
      periodType: 'quarter', periodKey: '2025-Q3', dueDate: '2025-10-15', title: 'Q3 report',
      reporters: [{ organisationId: w.partner.id, locationIds: [a!.id, b!.id, a!.id] }, { organisationId: w.lead.id }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const round = res.json() as Round;
    expect(round).toMatchObject({ periodType: 'quarter', periodKey: '2025-Q3', periodStart: '2025-07-01', periodEnd: '2025-09-30', dueDate: '2025-10-15', title: 'Q3 report', status: 'open', canManage: true });
    expect(round.indicatorIds.sort()).toEqual(w.indicators.map((i) => i.id).sort());
    const partner = round.submissions.find((s) => s.organisation.id === w.partner.id)!;
    expect(partner).toMatchObject({ status: 'draft', version: 1, filledCount: 0, expectedCount: 4, openComments: 0, submittedBy: null });
    expect(partner.locationIds.sort()).toEqual([a!.id, b!.id].sort());
    // The lead reports for the project as a whole: 2 indicators × 1.
    expect(round.submissions.find((s) => s.organisation.id === w.lead.id)).toMatchObject({ expectedCount: 2, locationIds: [] });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', round.id).execute();
    expect(audit.map((e) => e.action)).toEqual(['reporting_round.create']);
    expect(JSON.parse(audit[0]!.after_json!).reporters[w.partner.id]).toHaveLength(2);
  });

  it('takes a subset of the indicators', async () => {
    const w = await buildReportingWorld(t.db);
    const res = await (await as(w, 'manager')).post(`/api/projects/${w.project.id}/rounds`, {
      periodType: 'month', periodKey: '2025-03', dueDate: '2025-04-10', indicatorIds: [w.indicators[1]!.id], reporters: [{ organisationId: w.partner.id }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as Round).indicatorIds).toEqual([w.indicators[1]!.id]);
  });

  it('names every field that is wrong', async () => {
    const w = await buildReportingWorld(t.db);
    const outsider = await buildOrganisation(t.db);
    const elsewhere = await buildProject(t.db, { programmeId: w.programme.id, leadOrganisationId: w.lead.id });
    const foreignIndicator = await buildIndicator(t.db, { nodeId: (await buildResultNode(t.db, { projectId: elsewhere.id })).id });
    const manager = await as(w, 'manager');
    const url = `/api/projects/${w.project.id}/rounds`;
    const bad = await manager.post(url, {
      periodType: 'quarter', periodKey: '2024-Q4', dueDate: '2025-01-10', reporters: [{ organisationId: w.partner.id }],
    });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['body.periodKey:unknown_round_period']);
    // A month key is not a quarter.
    expect(fields(await manager.post(url, { periodType: 'quarter', periodKey: '2025-03', dueDate: '2025-04-10', reporters: [{ organisationId: w.partner.id }] }))).toEqual([
      'body.periodKey:unknown_round_period',
    ]);
    const many = await manager.post(url, {
      periodType: 'quarter', periodKey: '2025-Q2', dueDate: '2025-03-31', indicatorIds: [w.indicators[0]!.id, foreignIndicator.id],
      reporters: [{ organisationId: w.partner.id, locationIds: [w.locations[0]!.id, elsewhere.id] }, { organisationId: outsider.id }, { organisationId: w.partner.id }],
    });
    expect(many.statusCode).toBe(400);
    expect(fields(many)).toEqual([
      'body.dueDate:due_before_period_start',
      'body.indicatorIds.1:not_framework_indicator',
      'body.reporters.0.locationIds.1:not_project_location',
      'body.reporters.1.organisationId:not_project_organisation',
      'body.reporters.2.organisationId:duplicate',
    ]);
    expect((many.json() as { error: { details: { message: string }[] } }).error.details[0]!.message).toContain('1 Apr 2025');
    expect(fields(await manager.post(url, { periodType: 'year', periodKey: '2025', dueDate: '2026-01-31', reporters: [] }))).toEqual(['body.reporters:too_small']);
    expect(await t.db.selectFrom('reporting_rounds').select('id').where('project_id', '=', w.project.id).execute()).toHaveLength(0);
  });

  it('refuses a second round for the same period with 409 and a project without indicators', async () => {
    const w = await buildReportingWorld(t.db);
    const manager = await as(w, 'manager');
    const body = { periodType: 'semester', periodKey: '2025-H2', dueDate: '2026-01-15', reporters: [{ organisationId: w.partner.id }] };
    expect((await manager.post(`/api/projects/${w.project.id}/rounds`, body)).statusCode).toBe(201);
    const again = await manager.post(`/api/projects/${w.project.id}/rounds`, body);
    expect(again.statusCode).toBe(409);
    expect(fields(again)).toEqual(['body.periodKey:duplicate']);
    const empty = await buildProject(t.db, { programmeId: w.programme.id, leadOrganisationId: w.lead.id });
    const programmeManager = await t.as((await buildUser(t.db, { organisationId: w.lead.id, grants: [{ role: 'programme_manager', scopeType: 'programme', scopeId: w.programme.id }] })).id);
    const none = await programmeManager.post(`/api/projects/${empty.id}/rounds`, { ...body, reporters: [{ organisationId: w.lead.id }] });
    expect(fields(none)).toEqual(['body.indicatorIds:no_round_indicators']);
  });

  it('is for managers only', async () => {
    const w = await buildReportingWorld(t.db);
    const body = { periodType: 'quarter', periodKey: '2025-Q1', dueDate: '2025-04-15', reporters: [{ organisationId: w.partner.id }] };
    expect((await (await as(w, 'partnerReporter')).post(`/api/projects/${w.project.id}/rounds`, body)).statusCode).toBe(403);
    expect((await (await as(w, 'leadReporter')).post(`/api/projects/${w.project.id}/rounds`, body)).statusCode).toBe(403);
    const stranger = await buildUser(t.db, { organisationId: (await buildOrganisation(t.db)).id });
    expect((await (await t.as(stranger.id)).post(`/api/projects/${w.project.id}/rounds`, body)).statusCode).toBe(404);
  });
});

describe('who sees which packages', () => {
  async function reportedWorld() {
    const w = await buildReportingWorld(t.db);
    const [a, b] = w.locations;
    const q1 = await buildRound(t.db, {
      projectId: w.project.id, periodKey: '2025-Q1', dueDate: '2025-04-15',
      reporters: [
        { organisationId: w.partner.id, locationIds: [a!.id, b!.id], status: 'approved', submittedBy: w.users.partnerReporter.id, decidedBy: w.users.manager.id },
        { organisationId: w.other.id, status: 'submitted', submittedBy: w.users.otherReporter.id },
      ],
    });
    const q2 = await buildRound(t.db, {
      projectId: w.project.id, periodKey: '2025-Q2', dueDate: '2025-07-15',
      reporters: [{ organisationId: w.partner.id, locationIds: [a!.id] }, { organisationId: w.other.id }],
    });
    const [partnerQ1, otherQ1] = q1.submissions;
    // Partner Q1: 3 filled cells of 4 (indicator 0 at A twice by breakdown, indicator 0 at B, indicator 1 at A); a value outside its places is not counted.
    await buildValue(t.db, { submissionId: partnerQ1!.id, indicatorId: w.indicators[0]!.id, locationId: a!.id });
    await buildValue(t.db, { submissionId: partnerQ1!.id, indicatorId: w.indicators[0]!.id, locationId: a!.id, disaggregationKey: 'x' });
    await buildValue(t.db, { submissionId: partnerQ1!.id, indicatorId: w.indicators[0]!.id, locationId: b!.id });
    await buildValue(t.db, { submissionId: partnerQ1!.id, indicatorId: w.indicators[1]!.id, locationId: a!.id });
    await buildValue(t.db, { submissionId: partnerQ1!.id, indicatorId: w.indicators[1]!.id, locationId: null });
    // Other Q1 reports for the whole project: 1 of 2.
    await buildValue(t.db, { submissionId: otherQ1!.id, indicatorId: w.indicators[1]!.id, locationId: null });
    await buildReviewComment(t.db, { submissionId: otherQ1!.id, authorId: w.users.manager.id });
    await buildReviewComment(t.db, { submissionId: otherQ1!.id, authorId: w.users.manager.id, indicatorId: w.indicators[0]!.id });
    await buildReviewComment(t.db, { submissionId: otherQ1!.id, authorId: w.users.manager.id, resolved: true });
    return { w, q1, q2 };
  }
  const orgsOf = (r: Round) => r.submissions.map((s) => s.organisation.acronym).sort();

  it('a manager sees every package with its counts, newest period first', async () => {
    const { w, q1 } = await reportedWorld();
    const res = await (await as(w, 'manager')).get(`/api/projects/${w.project.id}/rounds`);
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: Round[] }).items;
    expect(items.map((r) => r.periodKey)).toEqual(['2025-Q2', '2025-Q1']);
    const q1v = items[1]!;
    expect(q1v.id).toBe(q1.round.id);
    const [other, partner] = [q1v.submissions.find((s) => s.organisation.acronym === 'OTH')!, q1v.submissions.find((s) => s.organisation.acronym === 'PTR')!];
    expect(partner).toMatchObject({ status: 'approved', filledCount: 3, expectedCount: 4, late: false, openComments: 0, submittedBy: { id: w.users.partnerReporter.id } });
    expect(other).toMatchObject({ status: 'submitted', filledCount: 1, expectedCount: 2, late: false, openComments: 2 });
    // Q2 is due 2025-07-15, long past: both drafts are late.
    expect(items[0]!.submissions.map((s) => s.late)).toEqual([true, true]);
    expect(items[0]!.canManage).toBe(true);
  });

  it("a partner reporter sees their organisation's packages only, a viewer approved ones only, a stranger nothing", async () => {
    const { w, q1, q2 } = await reportedWorld();
    const partnerList = (await (await as(w, 'partnerReporter')).get(`/api/projects/${w.project.id}/rounds`)).json() as { items: Round[] };
    expect(partnerList.items.map((r) => [r.periodKey, orgsOf(r), r.canManage])).toEqual([['2025-Q2', ['PTR'], false], ['2025-Q1', ['PTR'], false]]);
    const otherList = (await (await as(w, 'otherReporter')).get(`/api/projects/${w.project.id}/rounds`)).json() as { items: Round[] };
    // The other partner sees its own packages and the partner's approved one.
    expect(otherList.items.map((r) => [r.periodKey, orgsOf(r)])).toEqual([['2025-Q2', ['OTH']], ['2025-Q1', ['OTH', 'PTR']]]);
    const viewer = await as(w, 'viewer');
    const viewerList = (await viewer.get(`/api/projects/${w.project.id}/rounds`)).json() as { items: Round[] };
    expect(viewerList.items.map((r) => [r.periodKey, orgsOf(r)])).toEqual([['2025-Q1', ['PTR']]]);
    // A round without a package the viewer may see does not exist for them.
    expect((await viewer.get(`/api/rounds/${q2.round.id}`)).statusCode).toBe(404);
    expect(orgsOf((await viewer.get(`/api/rounds/${q1.round.id}`)).json() as Round)).toEqual(['PTR']);
    const stranger = await buildUser(t.db, { organisationId: (await buildOrganisation(t.db)).id });
    expect((await (await t.as(stranger.id)).get(`/api/rounds/${q1.round.id}`)).statusCode).toBe(404);
    expect((await (await t.as(stranger.id)).get(`/api/projects/${w.project.id}/rounds`)).statusCode).toBe(404);
  });
});

describe('changing a round', () => {
  it('changes due date, title and status, adds an organisation and moves an editable package, audited before and after', async () => {
    const w = await buildReportingWorld(t.db);
    const [a, b] = w.locations;
    const { round, submissions } = await buildRound(t.db, { projectId: w.project.id, periodKey: '2025-Q3', reporters: [{ organisationId: w.partner.id, locationIds: [a!.id], status: 'returned' }] });
    const res = await (await as(w, 'manager')).patch(`/api/rounds/${round.id}`, {
      dueDate: '2025-10-31', title: 'Third quarter', status: 'closed',
      reporters: [{ organisationId: w.partner.id, locationIds: [a!.id, b!.id] }, { organisationId: w.other.id, locationIds: [b!.id] }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as Round;
    expect(r).toMatchObject({ dueDate: '2025-10-31', title: 'Third quarter', status: 'closed' });
    expect(r.submissions.find((s) => s.id === submissions[0]!.id)!.locationIds.sort()).toEqual([a!.id, b!.id].sort());
    expect(r.submissions.find((s) => s.organisation.id === w.other.id)).toMatchObject({ status: 'draft', locationIds: [b!.id] });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', round.id).where('action', '=', 'reporting_round.update').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json!)).toMatchObject({ dueDate: '2025-09-30', status: 'open', reporters: { [w.partner.id]: [a!.id] } });
    expect(JSON.parse(audit.after_json!)).toMatchObject({ dueDate: '2025-10-31', status: 'closed', title: 'Third quarter' });
  });

  it('refuses to move a submitted package, to strand values, or a due date before the period', async () => {
    const w = await buildReportingWorld(t.db);
    const [a, b] = w.locations;
    const { round, submissions } = await buildRound(t.db, {
      projectId: w.project.id, periodKey: '2025-Q3',
      reporters: [{ organisationId: w.partner.id, locationIds: [a!.id], status: 'submitted', submittedBy: w.users.partnerReporter.id }, { organisationId: w.other.id, locationIds: [a!.id] }],
    });
    await buildValue(t.db, { submissionId: submissions[1]!.id, indicatorId: w.indicators[0]!.id, locationId: a!.id });
    const manager = await as(w, 'manager');
    const res = await manager.patch(`/api/rounds/${round.id}`, {
      dueDate: '2025-06-30', reporters: [{ organisationId: w.partner.id, locationIds: [b!.id] }, { organisationId: w.other.id, locationIds: [b!.id] }],
    });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['body.dueDate:due_before_period_start', 'body.reporters.0.locationIds:package_not_editable', 'body.reporters.1.locationIds:location_has_values']);
    // Adding a place keeps the one with values: allowed. Same places for the submitted package: nothing to change, allowed.
    const ok = await manager.patch(`/api/rounds/${round.id}`, { reporters: [{ organisationId: w.partner.id, locationIds: [a!.id] }, { organisationId: w.other.id, locationIds: [a!.id, b!.id] }] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await (await as(w, 'partnerReporter')).patch(`/api/rounds/${round.id}`, { title: 'x' })).statusCode).toBe(403);
  });
});

describe('deleting a round', () => {
  it('deletes an untouched round with its packages, audited', async () => {
    const w = await buildReportingWorld(t.db);
    const { round, submissions } = await buildRound(t.db, { projectId: w.project.id, reporters: [{ organisationId: w.partner.id, locationIds: [w.locations[0]!.id] }] });
    expect((await (await as(w, 'partnerReporter')).delete(`/api/rounds/${round.id}`)).statusCode).toBe(403);
    const res = await (await as(w, 'manager')).delete(`/api/rounds/${round.id}`);
    expect(res.statusCode, res.body).toBe(204);
    expect(await t.db.selectFrom('submissions').select('id').where('id', '=', submissions[0]!.id).execute()).toHaveLength(0);
    expect(await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', round.id).execute()).toEqual([{ action: 'reporting_round.delete' }]);
  });

  it('refuses with 409 round_has_data when a package holds values or a narrative, or was ever submitted', async () => {
    const w = await buildReportingWorld(t.db);
    const manager = await as(w, 'manager');
    const withValue = await buildRound(t.db, { projectId: w.project.id, periodKey: '2025-Q1', reporters: [{ organisationId: w.partner.id }] });
    await buildValue(t.db, { submissionId: withValue.submissions[0]!.id, indicatorId: w.indicators[0]!.id });
    const withEvent = await buildRound(t.db, { projectId: w.project.id, periodKey: '2025-Q2', reporters: [{ organisationId: w.partner.id, status: 'returned' }] });
    await buildSubmissionEvent(t.db, { submissionId: withEvent.submissions[0]!.id, userId: w.users.partnerReporter.id });
    const withNarrative = await buildRound(t.db, { projectId: w.project.id, periodKey: '2025-Q3', reporters: [{ organisationId: w.partner.id }] });
    await t.db
      .insertInto('narratives')
      .values({ id: newId(), submission_id: withNarrative.submissions[0]!.id, section: 'achievements', result_node_id: null, language: 'en', text: 'Wells dug', updated_by: w.users.partnerReporter.id, updated_at: nowIso() })
      .execute();
    for (const { round } of [withValue, withEvent, withNarrative]) {
      const res = await manager.delete(`/api/rounds/${round.id}`);
      expect(res.statusCode).toBe(409);
      expect(fields(res)).toEqual(['round:round_has_data']);
    }
    expect(await t.db.selectFrom('reporting_rounds').select('id').where('project_id', '=', w.project.id).execute()).toHaveLength(3);
  });
});
