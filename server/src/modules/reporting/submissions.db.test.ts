import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionDetail } from '@shared/schemas/reporting.js';
import { buildCategory, buildIndicator } from '../../test/factories.js';
import { buildReportingWorld, buildReviewComment, buildRound, buildValue } from '../../test/reporting-factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Reported = { items: { submissionId: string; periodKey: string; locationId: string | null; optionIds: string[]; value: number | null; status: string }[]; includesPending: boolean };

describe('GET /submissions/:id', () => {
  it('gives the indicators with result and categories, places, values, comments and rights', async () => {
    const w = await buildReportingWorld(t.db);
    const sex = await buildCategory(t.db, { organisationId: w.lead.id, code: 'sex', options: ['F', 'M'] });
    await t.db.insertInto('indicator_disaggregations').values({ indicator_id: w.indicators[0]!.id, category_id: sex.id, position: 0 }).execute();
    const [A, B] = w.locations;
    const { submissions } = await buildRound(t.db, { projectId: w.project.id, reporters: [{ organisationId: w.partner.id, locationIds: [B!.id, A!.id] }] });
    const id = submissions[0]!.id;
    await buildValue(t.db, { submissionId: id, indicatorId: w.indicators[0]!.id, locationId: A!.id, disaggregationKey: sex.options[1]!.id, value: 7, userId: w.users.partnerReporter.id });
    await buildReviewComment(t.db, { submissionId: id, authorId: w.users.manager.id, indicatorId: w.indicators[0]!.id });

    const res = await (await t.as(w.users.partnerReporter.id)).get(`/api/submissions/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as SubmissionDetail;
    expect(d.submission).toMatchObject({ id, status: 'draft', version: 1, sourceLanguage: 'en', filledCount: 1, expectedCount: 4, openComments: 1 });
    expect(d.round).toMatchObject({ projectId: w.project.id, periodKey: '2025-Q1', status: 'open' });
    expect(d.indicators.map((i) => [i.id, i.resultNode.id, i.categories.map((c) => c.options.map((o) => o.code))])).toEqual(
      expect.arrayContaining([
        [w.indicators[0]!.id, w.node.id, [['F', 'M']]],
        [w.indicators[1]!.id, w.node.id, []],
      ]),
    );
    expect(d.locations.map((l) => l.id)).toEqual([A!, B!].sort((x, y) => x.pcode.localeCompare(y.pcode)).map((l) => l.id));
    expect(d.values).toEqual([
      expect.objectContaining({ indicatorId: w.indicators[0]!.id, locationId: A!.id, optionIds: [sex.options[1]!.id], value: 7, updatedBy: { id: w.users.partnerReporter.id, name: w.users.partnerReporter.name } }),
    ]);
    expect(d.comments).toHaveLength(1);
    expect(d).toMatchObject({ canEdit: true, canReview: false, canReopen: false, canComment: false, flags: [] });
  });

  it('is 404 for a partner of another organisation, and shows a viewer approved packages only', async () => {
    const w = await buildReportingWorld(t.db);
    const { submissions } = await buildRound(t.db, { projectId: w.project.id, reporters: [{ organisationId: w.partner.id }, { organisationId: w.other.id, status: 'approved' }] });
    const [draft, approved] = submissions.map((s) => s.id);
    expect((await (await t.as(w.users.otherReporter.id)).get(`/api/submissions/${draft}`)).statusCode).toBe(404);
    const viewer = await t.as(w.users.viewer.id);
    expect((await viewer.get(`/api/submissions/${draft}`)).statusCode).toBe(404);
    const res = await viewer.get(`/api/submissions/${approved}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ canEdit: false, canReview: false, canReopen: false, canComment: false });
    expect(((await (await t.as(w.users.manager.id)).get(`/api/submissions/${approved}`)).json() as SubmissionDetail).canReopen).toBe(true);
  });

  it('flags totals far from the same organisation’s approved history of earlier rounds', async () => {
    const w = await buildReportingWorld(t.db);
    const [A] = w.locations;
    const ind = w.indicators[0]!.id;
    // Approved Q1–Q3 at place A: 10, 12, 14 (mean 12, SD 2, so 3 SD reaches 18; last 14, double 28). Q4: 30.
    for (const [periodKey, value] of [['2025-Q1', 10], ['2025-Q2', 12], ['2025-Q3', 14]] as const) {
      const { submissions } = await buildRound(t.db, { projectId: w.project.id, periodKey, reporters: [{ organisationId: w.partner.id, locationIds: [A!.id], status: 'approved' }] });
      await buildValue(t.db, { submissionId: submissions[0]!.id, indicatorId: ind, locationId: A!.id, value });
    }
    // A package of another organisation and a later round must not count.
    const { submissions: others } = await buildRound(t.db, { projectId: w.project.id, periodKey: '2026-Q1', reporters: [{ organisationId: w.other.id, locationIds: [A!.id], status: 'approved' }] });
    await buildValue(t.db, { submissionId: others[0]!.id, indicatorId: ind, locationId: A!.id, value: 1000 });
    const { submissions } = await buildRound(t.db, { projectId: w.project.id, periodKey: '2025-Q4', reporters: [{ organisationId: w.partner.id, locationIds: [A!.id] }] });
    await buildValue(t.db, { submissionId: submissions[0]!.id, indicatorId: ind, locationId: A!.id, value: 30 });
    await buildValue(t.db, { submissionId: submissions[0]!.id, indicatorId: w.indicators[1]!.id, locationId: A!.id, value: 5 });
    const d = (await (await t.as(w.users.manager.id)).get(`/api/submissions/${submissions[0]!.id}`)).json() as SubmissionDetail;
    expect(d.flags).toEqual([
      { indicatorId: ind, locationId: A!.id, optionIds: [], reason: 'beyond_3sd', value: 30, reference: 12 },
      { indicatorId: ind, locationId: A!.id, optionIds: [], reason: 'more_than_double', value: 30, reference: 14 },
    ]);
  });
});

describe('comments', () => {
  it('lets reviewers comment on the package or a cell of it; reporters may not comment but may resolve', async () => {
    const w = await buildReportingWorld(t.db);
    const { submissions } = await buildRound(t.db, { projectId: w.project.id, reporters: [{ organisationId: w.partner.id, locationIds: [w.locations[0]!.id] }] });
    const url = `/api/submissions/${submissions[0]!.id}/comments`;
    const manager = await t.as(w.users.manager.id);
    let res = await manager.post(url, { body: 'Overall fine' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ cell: null, body: 'Overall fine', author: { id: w.users.manager.id }, resolvedAt: null });
    res = await manager.post(url, { cell: { indicatorId: w.indicators[0]!.id, locationId: w.locations[1]!.id, optionIds: [] }, body: 'Where?' });
    expect(res.statusCode).toBe(400);
    res = await manager.post(url, { cell: { indicatorId: w.indicators[0]!.id, locationId: w.locations[0]!.id, optionIds: [] }, body: 'Source?' });
    expect(res.statusCode).toBe(201);
    const id = (res.json() as { id: string }).id;
    const reporter = await t.as(w.users.partnerReporter.id);
    expect((await reporter.post(url, { body: 'Me too' })).statusCode).toBe(403);
    expect((await (await t.as(w.users.otherReporter.id)).post(`/api/review-comments/${id}/resolved`, { resolved: true })).statusCode).toBe(404);
    res = await reporter.post(`/api/review-comments/${id}/resolved`, { resolved: true });
    expect(res.statusCode).toBe(200);
    res = await manager.post(`/api/review-comments/${id}/resolved`, { resolved: false });
    expect(res.json()).toMatchObject({ resolvedAt: null });
  });
});

describe('grid saves', () => {
  it('store a percentage as numerator ÷ denominator × 100, and clear a cell sent empty', async () => {
    const w = await buildReportingWorld(t.db);
    const rate = await buildIndicator(t.db, { nodeId: w.node.id, type: 'percentage' });
    const [A] = w.locations;
    const { submissions } = await buildRound(t.db, { projectId: w.project.id, reporters: [{ organisationId: w.partner.id, locationIds: [A!.id] }] });
    const url = `/api/submissions/${submissions[0]!.id}/values`;
    const reporter = await t.as(w.users.partnerReporter.id);
    let res = await reporter.request('PUT', url, { changes: [{ indicatorId: rate.id, locationId: A!.id, numerator: 30, denominator: 40, value: 12 }, { indicatorId: w.indicators[0]!.id, locationId: A!.id, value: 3 }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ saved: 2, problems: [] });
    const stored = () => t.db.selectFrom('indicator_values').select(['indicator_id', 'value', 'numerator', 'denominator']).where('submission_id', '=', submissions[0]!.id).orderBy('value').execute();
    expect((await stored()).map((r) => [r.indicator_id, Number(r.value), r.numerator === null ? null : Number(r.numerator), r.denominator === null ? null : Number(r.denominator)])).toEqual([
      [w.indicators[0]!.id, 3, null, null],
      [rate.id, 75, 30, 40],
    ]);
    res = await reporter.request('PUT', url, { changes: [{ indicatorId: w.indicators[0]!.id, locationId: A!.id }] });
    expect(res.json()).toMatchObject({ saved: 1 });
    expect((await stored()).map((r) => r.indicator_id)).toEqual([rate.id]);
  });
});

describe('value history', () => {
  it('shows a value’s first write, then each change', async () => {
    const w = await buildReportingWorld(t.db);
    const [A] = w.locations;
    const { submissions } = await buildRound(t.db, { projectId: w.project.id, reporters: [{ organisationId: w.partner.id, locationIds: [A!.id] }] });
    const url = `/api/submissions/${submissions[0]!.id}`;
    const reporter = await t.as(w.users.partnerReporter.id);
    const cell = { indicatorId: w.indicators[0]!.id, locationId: A!.id };
    await reporter.request('PUT', `${url}/values`, { changes: [{ ...cell, value: 5 }] });
    let res = await reporter.get(`${url}/value-history?indicatorId=${cell.indicatorId}&locationId=${A!.id}`);
    expect((res.json() as { items: unknown[] }).items).toEqual([expect.objectContaining({ before: null, after: expect.objectContaining({ value: 5 }) })]);
    await reporter.request('PUT', `${url}/values`, { changes: [{ ...cell, value: 6 }] });
    await reporter.request('PUT', `${url}/values`, { changes: [{ ...cell }] });
    res = await reporter.get(`${url}/value-history?indicatorId=${cell.indicatorId}&locationId=${A!.id}`);
    expect((res.json() as { items: { before: { value: number } | null; after: { value: number } | null }[] }).items.map((i) => [i.before?.value ?? null, i.after?.value ?? null])).toEqual([
      [5, 6],
      [6, null],
    ]);
  });
});

describe('GET /indicators/:id/values', () => {
  it('gives approved values to everyone who sees the project, pending ones only to those who may see them', async () => {
    const w = await buildReportingWorld(t.db);
    const [A] = w.locations;
    const ind = w.indicators[0]!.id;
    const { submissions } = await buildRound(t.db, {
      projectId: w.project.id,
      reporters: [{ organisationId: w.partner.id, locationIds: [A!.id], status: 'approved' }, { organisationId: w.other.id, locationIds: [A!.id], status: 'submitted' }, { organisationId: w.lead.id, locationIds: [A!.id] }],
    });
    const [approved, submitted, draft] = submissions.map((s) => s.id) as [string, string, string];
    await buildValue(t.db, { submissionId: approved, indicatorId: ind, locationId: A!.id, value: 10 });
    await buildValue(t.db, { submissionId: submitted, indicatorId: ind, locationId: A!.id, value: 20 });
    await buildValue(t.db, { submissionId: draft, indicatorId: ind, locationId: A!.id, value: 30 });
    const values = async (userId: string, pending: boolean) => (await (await t.as(userId)).get(`/api/indicators/${ind}/values?includePending=${pending}`)).json() as Reported;

    const viewer = await values(w.users.viewer.id, true);
    expect(viewer.includesPending).toBe(false);
    expect(viewer.items.map((i) => [i.submissionId, i.value, i.status])).toEqual([[approved, 10, 'approved']]);
    const manager = await values(w.users.manager.id, true);
    expect(manager.includesPending).toBe(true);
    expect(manager.items.map((i) => [i.value, i.status]).sort()).toEqual([[10, 'approved'], [20, 'pending'], [30, 'pending']]);
    expect((await values(w.users.manager.id, false)).items.map((i) => i.value)).toEqual([10]);
    // A partner sees its own pending package, never another organisation's.
    const other = await values(w.users.otherReporter.id, true);
    expect(other.items.map((i) => [i.value, i.status]).sort()).toEqual([[10, 'approved'], [20, 'pending']]);
    expect(other.items[0]).toMatchObject({ periodKey: '2025-Q1', locationId: A!.id, optionIds: [] });
  });
});
