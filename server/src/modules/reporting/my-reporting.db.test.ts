import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyReporting } from '@shared/schemas/reporting.js';
import { DAY_MS } from '../../lib/clock.js';
import { buildReportingWorld, buildReviewComment, buildRound } from '../../test/reporting-factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { todayUtc } from './rounds.mapper.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const inDays = (n: number) => new Date(Date.parse(`${todayUtc()}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/**
 * Four open rounds and a closed one. The partner has a draft due in 5 days (one open comment), a
 * reopened package 5 days overdue, a returned one and a submitted one; the other partner's Q3
 * package was submitted by the manager; the lead reports for Q3 too.
 */
async function world() {
  const w = await buildReportingWorld(t.db);
  const { partner, other, lead } = w;
  const { partnerReporter, manager } = w.users;
  const q3 = await buildRound(t.db, {
    projectId: w.project.id, periodKey: '2026-Q3', dueDate: inDays(5),
    reporters: [{ organisationId: partner.id }, { organisationId: other.id, status: 'submitted', submittedBy: manager.id }, { organisationId: lead.id }],
  });
  const q2 = await buildRound(t.db, { projectId: w.project.id, periodKey: '2026-Q2', dueDate: inDays(-5), reporters: [{ organisationId: partner.id, status: 'reopened' }] });
  const q1 = await buildRound(t.db, { projectId: w.project.id, periodKey: '2026-Q1', dueDate: inDays(-20), reporters: [{ organisationId: partner.id, status: 'returned', submittedBy: partnerReporter.id }] });
  const q4 = await buildRound(t.db, { projectId: w.project.id, periodKey: '2025-Q4', dueDate: inDays(-40), reporters: [{ organisationId: partner.id, status: 'submitted', submittedBy: partnerReporter.id }] });
  await buildRound(t.db, { projectId: w.project.id, periodKey: '2025-Q3', dueDate: inDays(-3), status: 'closed', reporters: [{ organisationId: partner.id }] });
  await buildReviewComment(t.db, { submissionId: q3.submissions[0]!.id, authorId: manager.id });
  await buildReviewComment(t.db, { submissionId: q3.submissions[0]!.id, authorId: manager.id, resolved: true });
  return { w, q1, q2, q3, q4 };
}

const read = async (userId: string) => {
  const res = await (await t.as(userId)).get('/api/me/reporting');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as MyReporting;
};

describe("the reader's reporting work", () => {
  it('a partner reporter sees their organisation’s packages due, overdue and returned, by due date', async () => {
    const { w, q1, q2, q3 } = await world();
    const mine = await read(w.users.partnerReporter.id);
    expect(mine.due).toEqual([
      {
        submissionId: q3.submissions[0]!.id, roundId: q3.round.id, projectId: w.project.id, projectCode: w.project.code, projectTitle: w.project.title,
        periodKey: '2026-Q3', dueDate: inDays(5), organisation: { id: w.partner.id, name: w.partner.name, acronym: 'PTR' }, status: 'draft', daysLeft: 5, openComments: 1,
      },
    ]);
    expect(mine.overdue.map((i) => [i.submissionId, i.status, i.daysLeft])).toEqual([[q2.submissions[0]!.id, 'reopened', -5]]);
    expect(mine.returned.map((i) => [i.submissionId, i.daysLeft])).toEqual([[q1.submissions[0]!.id, -20]]);
    expect(mine.toReview).toEqual([]);
    expect(mine.rounds).toEqual([]);
  });

  it('a manager reviews submitted packages except those they submitted, and follows the open rounds with counts', async () => {
    const { w, q1, q2, q3, q4 } = await world();
    const mine = await read(w.users.manager.id);
    expect(mine.toReview.map((i) => [i.submissionId, i.organisation.acronym, i.daysLeft])).toEqual([[q4.submissions[0]!.id, 'PTR', -40]]);
    // The manager reports for the lead organisation too.
    expect(mine.due.map((i) => i.submissionId)).toEqual([q3.submissions[2]!.id]);
    expect(mine.rounds).toEqual([
      { roundId: q4.round.id, projectId: w.project.id, projectCode: w.project.code, periodKey: '2025-Q4', dueDate: inDays(-40), total: 1, submitted: 1, approved: 0, late: 0 },
      { roundId: q1.round.id, projectId: w.project.id, projectCode: w.project.code, periodKey: '2026-Q1', dueDate: inDays(-20), total: 1, submitted: 0, approved: 0, late: 1 },
      { roundId: q2.round.id, projectId: w.project.id, projectCode: w.project.code, periodKey: '2026-Q2', dueDate: inDays(-5), total: 1, submitted: 0, approved: 0, late: 1 },
      { roundId: q3.round.id, projectId: w.project.id, projectCode: w.project.code, periodKey: '2026-Q3', dueDate: inDays(5), total: 3, submitted: 1, approved: 0, late: 0 },
    ]);
  });

  it('a viewer has no reporting work; the other partner only its own', async () => {
    const { w, q3 } = await world();
    expect(await read(w.users.viewer.id)).toEqual({ due: [], overdue: [], returned: [], toReview: [], rounds: [], reminders: [] });
    const other = await read(w.users.otherReporter.id);
    // Its Q3 package is submitted: nothing to fill, and a partner reviews nothing.
    expect([other.due, other.overdue, other.returned, other.toReview, other.rounds]).toEqual([[], [], [], [], []]);
    expect(q3.submissions[1]!.status).toBe('submitted');
  });
});
