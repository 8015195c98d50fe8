import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionDetail, SubmissionSummary } from '@shared/schemas/reporting.js';
import { nowIso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { buildCategory, buildUser } from '../../test/factories.js';
import { buildReportingWorld, buildRound } from '../../test/reporting-factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Json = { json(): unknown; statusCode: number; body: string };
const details = (res: Json) => (res.json() as { error: { details?: { field?: string; reason: string; message: string; params?: Record<string, unknown> }[] } }).error.details ?? [];
const reasons = (res: Json) => details(res).map((d) => `${d.field}:${d.reason}`);
const errorCode = (res: Json) => (res.json() as { error: { code: string } }).error.code;

/** A world whose first indicator is broken down by sex (F, M), with a round where the partner reports for both places. */
async function setUp() {
  const w = await buildReportingWorld(t.db);
  const sex = await buildCategory(t.db, { organisationId: w.lead.id, code: 'sex', options: ['F', 'M'] });
  await t.db.insertInto('indicator_disaggregations').values({ indicator_id: w.indicators[0]!.id, category_id: sex.id, position: 0 }).execute();
  const { round, submissions } = await buildRound(t.db, {
    projectId: w.project.id,
    reporters: [{ organisationId: w.partner.id, locationIds: w.locations.map((l) => l.id) }, { organisationId: w.lead.id, locationIds: w.locations.map((l) => l.id) }],
  });
  const [F, M] = sex.options.map((o) => o.id) as [string, string];
  return { w, round, partnerPackage: submissions[0]!, leadPackage: submissions[1]!, F, M };
}

async function writeNarratives(submissionId: string, userId: string) {
  const now = nowIso();
  await t.db
    .insertInto('narratives')
    .values(['achievements', 'challenges'].map((section) => ({ id: newId(), submission_id: submissionId, section, result_node_id: null, language: 'en', text: `Our ${section}.`, updated_by: userId, updated_at: now })))
    .execute();
}

const count = async (table: 'audit_log' | 'value_history' | 'submission_events', column: 'entity_id' | 'submission_id', id: string, action?: string) => {
  let q = t.db.selectFrom(table as 'audit_log').select((e) => e.fn.countAll<number>().as('n')).where(column as 'entity_id', '=', id);
  if (action) q = q.where('action', '=', action);
  return Number((await q.executeTakeFirstOrThrow()).n);
};

describe('the review cycle', () => {
  it('draft → submitted → returned with a value comment → corrected → submitted → approved (locked) → reopened with a reason', async () => {
    const { w, partnerPackage, F, M } = await setUp();
    const [A, B] = w.locations.map((l) => l.id) as [string, string];
    const [people, other] = w.indicators.map((i) => i.id) as [string, string];
    const reporter = await t.as(w.users.partnerReporter.id);
    const manager = await t.as(w.users.manager.id);
    const url = `/api/submissions/${partnerPackage.id}`;

    // Draft: a save with a breakdown that does not add up (4 + 5 = 9, total 10) is kept, with a warning.
    let res = await reporter.request('PUT', `${url}/values`, {
      changes: [
        { indicatorId: people, locationId: A, value: 10 },
        { indicatorId: people, locationId: A, optionIds: [F], value: 4 },
        { indicatorId: people, locationId: A, optionIds: [M], value: 5 },
        { indicatorId: people, locationId: B, value: 20 },
        { indicatorId: other, locationId: A, value: 3 },
        { indicatorId: other, locationId: B, value: 4 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const saved = res.json() as { saved: number; problems: { reason: string; severity: string; params: Record<string, unknown> }[] };
    expect(saved.saved).toBe(6);
    expect(saved.problems).toEqual([expect.objectContaining({ reason: 'breakdown_sum_mismatch', severity: 'warning', params: expect.objectContaining({ sum: 9, total: 10, indicator: w.indicators[0]!.code }) })]);

    // Submitting is refused: the breakdown is now an error, and both narratives are missing.
    res = await reporter.post(`${url}/submit`, { version: 1 });
    expect(res.statusCode, res.body).toBe(400);
    expect(reasons(res).sort()).toEqual([`narratives.achievements:missing_narrative`, `narratives.challenges:missing_narrative`, `values.${w.indicators[0]!.code}.${w.locations[0]!.pcode}:breakdown_sum_mismatch`]);

    await reporter.request('PUT', `${url}/values`, { changes: [{ indicatorId: people, locationId: A, optionIds: [M], value: 6 }] });
    await writeNarratives(partnerPackage.id, w.users.partnerReporter.id);
    res = await reporter.post(`${url}/submit`, { version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', version: 2, submittedBy: { id: w.users.partnerReporter.id } });

    // Submitted: values are locked for the reporter; the reporter cannot review.
    res = await reporter.request('PUT', `${url}/values`, { changes: [{ indicatorId: other, locationId: B, value: 5 }] });
    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('invalid_transition');
    expect((await reporter.post(`${url}/approve`, { version: 2 })).statusCode).toBe(403);

    // A return needs a comment; value comments must name cells of the package.
    expect((await manager.post(`${url}/return`, { version: 2, comment: '' })).statusCode).toBe(400);
    res = await manager.post(`${url}/return`, { version: 2, comment: 'Check B', valueComments: [{ indicatorId: other, locationId: w.users.viewer.id, optionIds: [], body: 'x' }] });
    expect(res.statusCode).toBe(400);
    expect(reasons(res)).toEqual(['valueComments.0.locationId:location_not_in_package']);
    res = await manager.post(`${url}/return`, { version: 2, comment: 'Please check place B', valueComments: [{ indicatorId: other, locationId: B, optionIds: [], body: 'Seems low' }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'returned', version: 3, decidedBy: { id: w.users.manager.id }, openComments: 1 });

    // Returned: the reporter corrects the value and resolves the comment.
    let detail = (await reporter.get(url)).json() as SubmissionDetail;
    expect(detail.canEdit).toBe(true);
    expect(detail.comments).toEqual([expect.objectContaining({ body: 'Seems low', cell: { indicatorId: other, locationId: B, optionIds: [] }, resolvedAt: null, author: { id: w.users.manager.id, name: w.users.manager.name } })]);
    res = await reporter.request('PUT', `${url}/values`, { changes: [{ indicatorId: other, locationId: B, value: 7, comment: 'Late register added' }] });
    expect(res.statusCode, res.body).toBe(200);
    res = await reporter.post(`/api/review-comments/${detail.comments[0]!.id}/resolved`, { resolved: true });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { resolvedAt: string | null }).resolvedAt).not.toBeNull();

    res = await reporter.get(`${url}/value-history?indicatorId=${other}&locationId=${B}`);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { items: unknown[] }).items).toEqual([
      expect.objectContaining({ before: { value: 4, numerator: null, denominator: null, text: null, comment: '' }, after: { value: 7, numerator: null, denominator: null, text: null, comment: 'Late register added' }, source: 'grid', user: { id: w.users.partnerReporter.id, name: w.users.partnerReporter.name } }),
    ]);

    expect((await reporter.post(`${url}/submit`, { version: 3 })).statusCode).toBe(200);
    res = await manager.post(`${url}/approve`, { version: 4, comment: 'Thanks' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', version: 5, decidedBy: { id: w.users.manager.id } });

    // Approved: locked.
    res = await reporter.request('PUT', `${url}/values`, { changes: [{ indicatorId: other, locationId: B, value: 8 }] });
    expect(res.statusCode).toBe(409);
    expect(reasons(res)).toEqual(['status:not_editable']);
    expect((await reporter.post(`${url}/reopen`, { version: 5, reason: 'Typo' })).statusCode).toBe(403);
    expect((await manager.post(`${url}/reopen`, { version: 5 })).statusCode).toBe(400);
    res = await manager.post(`${url}/reopen`, { version: 5, reason: 'Donor found a typo in place B' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'reopened', version: 6 });

    detail = (await reporter.get(url)).json() as SubmissionDetail;
    expect(detail.canEdit).toBe(true);
    expect(detail.events.map((e) => [e.action, e.fromStatus, e.toStatus, e.comment, e.user.name])).toEqual([
      ['submit', 'draft', 'submitted', '', w.users.partnerReporter.name],
      ['return', 'submitted', 'returned', 'Please check place B', w.users.manager.name],
      ['submit', 'returned', 'submitted', '', w.users.partnerReporter.name],
      ['approve', 'submitted', 'approved', 'Thanks', w.users.manager.name],
      ['reopen', 'approved', 'reopened', 'Donor found a typo in place B', w.users.manager.name],
    ]);
    expect(await count('audit_log', 'entity_id', partnerPackage.id, 'submission.reopen')).toBe(1);
    expect(await count('audit_log', 'entity_id', partnerPackage.id, 'submission.values')).toBe(3);
  });

  it('never lets the person who submitted approve it', async () => {
    const { w, leadPackage } = await setUp();
    const [A, B] = w.locations.map((l) => l.id) as [string, string];
    const manager = await t.as(w.users.manager.id);
    const changes = w.indicators.flatMap((i) => [A, B].map((locationId) => ({ indicatorId: i.id, locationId, value: 1 })));
    expect((await manager.request('PUT', `/api/submissions/${leadPackage.id}/values`, { changes })).statusCode).toBe(200);
    await writeNarratives(leadPackage.id, w.users.manager.id);
    expect((await manager.post(`/api/submissions/${leadPackage.id}/submit`, { version: 1 })).statusCode).toBe(200);
    expect(((await manager.get(`/api/submissions/${leadPackage.id}`)).json() as SubmissionDetail).canReview).toBe(false);
    const res = await manager.post(`/api/submissions/${leadPackage.id}/approve`, { version: 2 });
    expect(res.statusCode).toBe(403);
    const other = await buildUser(t.db, { organisationId: w.lead.id, grants: [{ role: 'me_officer', scopeType: 'project', scopeId: w.project.id }] });
    expect((await (await t.as(other.id)).post(`/api/submissions/${leadPackage.id}/approve`, { version: 2 })).statusCode).toBe(200);
  });

  it('lets exactly one of two reviewers acting at once with the same version win; the other gets 409 stale_version', async () => {
    const w = await buildReportingWorld(t.db);
    const { submissions } = await buildRound(t.db, { projectId: w.project.id, reporters: [{ organisationId: w.partner.id, status: 'submitted', submittedBy: w.users.partnerReporter.id }] });
    const id = submissions[0]!.id;
    const second = await buildUser(t.db, { organisationId: w.lead.id, grants: [{ role: 'programme_manager', scopeType: 'project', scopeId: w.project.id }] });
    const [a, b] = await Promise.all([
      (await t.as(w.users.manager.id)).post(`/api/submissions/${id}/approve`, { version: 1 }),
      (await t.as(second.id)).post(`/api/submissions/${id}/return`, { version: 1, comment: 'No' }),
    ]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(errorCode(loser)).toBe('conflict');
    expect(reasons(loser)).toEqual(['version:stale_version']);
    expect(await count('submission_events', 'submission_id', id)).toBe(1);
    const row = await t.db.selectFrom('submissions').select(['version']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.version).toBe(2);
  });

  it('acts once for a retried save, submit and approve with the same Idempotency-Key', async () => {
    const { w, partnerPackage } = await setUp();
    const [A, B] = w.locations.map((l) => l.id) as [string, string];
    const reporter = await t.as(w.users.partnerReporter.id);
    const url = `/api/submissions/${partnerPackage.id}`;
    const changes = w.indicators.flatMap((i) => [A, B].map((locationId) => ({ indicatorId: i.id, locationId, value: 2 })));
    const save = () => reporter.request('PUT', `${url}/values`, { changes }, { 'idempotency-key': 'save-key-0001' });
    const first = await save();
    expect(first.statusCode, first.body).toBe(200);
    await reporter.request('PUT', `${url}/values`, { changes: changes.map((c) => ({ ...c, value: 3 })) });
    const retried = await save();
    expect(retried.statusCode).toBe(200);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.json()).toEqual(first.json());
    // The retry did not write 2 again over the 3s: no history rows beyond the one real update of 4 cells.
    expect(await count('value_history', 'submission_id', partnerPackage.id)).toBe(4);
    expect(await count('audit_log', 'entity_id', partnerPackage.id, 'submission.values')).toBe(2);

    await writeNarratives(partnerPackage.id, w.users.partnerReporter.id);
    const submit = () => reporter.post(`${url}/submit`, { version: 1 }, { 'idempotency-key': 'submit-key-01' });
    const s1 = await submit();
    const s2 = await submit();
    expect([s1.statusCode, s2.statusCode]).toEqual([200, 200]);
    expect((s2.json() as SubmissionSummary).version).toBe(2);
    expect(await count('submission_events', 'submission_id', partnerPackage.id)).toBe(1);

    const manager = await t.as(w.users.manager.id);
    const approve = () => manager.post(`${url}/approve`, { version: 2 }, { 'idempotency-key': 'approve-key-1' });
    const a1 = await approve();
    const a2 = await approve();
    expect([a1.statusCode, a2.statusCode]).toEqual([200, 200]);
    expect(a2.json()).toEqual(a1.json());
    expect(await count('audit_log', 'entity_id', partnerPackage.id, 'submission.approve')).toBe(1);
    // The same key on another route is a conflict, a malformed key a 400.
    expect((await manager.post(`${url}/reopen`, { version: 3, reason: 'x' }, { 'idempotency-key': 'approve-key-1' })).statusCode).toBe(409);
    expect((await manager.post(`${url}/reopen`, { version: 3, reason: 'x' }, { 'idempotency-key': 'bad key' })).statusCode).toBe(400);
  });
});

describe('entry errors', () => {
  it('name the change, field and reason, in French for a French reader', async () => {
    const { w, partnerPackage } = await setUp();
    const reporter = await t.as(w.users.partnerReporter.id, { 'accept-language': 'fr' });
    const [A] = w.locations.map((l) => l.id) as [string];
    const res = await reporter.request('PUT', `/api/submissions/${partnerPackage.id}/values`, {
      changes: [
        { indicatorId: w.indicators[0]!.id, locationId: A, value: 1 },
        { indicatorId: w.indicators[1]!.id, locationId: A, text: 'beaucoup' },
        { indicatorId: w.indicators[1]!.id, locationId: w.users.viewer.id, value: 2 },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(details(res).map((d) => [d.field, d.reason, d.message])).toEqual([
      ['changes.1.text', 'text_not_allowed', `L'indicateur ${w.indicators[1]!.code} prend un nombre, pas du texte.`],
      ['changes.2.locationId', 'location_not_in_package', 'Ce lieu ne fait pas partie des lieux de ce rapport.'],
    ]);
    // Nothing was written.
    expect(await t.db.selectFrom('indicator_values').selectAll().where('submission_id', '=', partnerPackage.id).execute()).toEqual([]);
  });

  it('a closed round answers 409 period_locked; a viewer answers 403 on an approved package', async () => {
    const w = await buildReportingWorld(t.db);
    const { submissions } = await buildRound(t.db, { projectId: w.project.id, status: 'closed', reporters: [{ organisationId: w.partner.id }, { organisationId: w.other.id, status: 'approved' }] });
    const res = await (await t.as(w.users.partnerReporter.id)).request('PUT', `/api/submissions/${submissions[0]!.id}/values`, { changes: [{ indicatorId: w.indicators[0]!.id, locationId: null, value: 1 }] });
    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('period_locked');
    const viewer = await t.as(w.users.viewer.id);
    expect((await viewer.request('PUT', `/api/submissions/${submissions[1]!.id}/values`, { changes: [{ indicatorId: w.indicators[0]!.id, locationId: null, value: 1 }] })).statusCode).toBe(403);
  });
});
