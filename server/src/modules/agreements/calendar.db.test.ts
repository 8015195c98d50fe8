import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agreement, ReportCalendar } from '@shared/schemas/agreements.js';
import { buildOrganisation, buildUser } from '../../test/factories.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';
import { type AgreementWorld, buildAgreementWorld, buildGeneratedReport } from './agreements.test-world.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const as = (w: AgreementWorld, who: keyof AgreementWorld['users']): Promise<Agent> => t.as(w.users[who].id);
const fields = (res: { json(): unknown }) => (res.json() as { error: { details?: { field?: string; reason: string }[] } }).error.details?.map((d) => `${d.field}:${d.reason}`);

// Dates relative to the day the test runs, counted with plain UTC arithmetic (not the code under test).
const day = (offset: number) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + offset)).toISOString().slice(0, 10);

async function agreement(w: AgreementWorld, number: string, endOffset: number, dueDays: number): Promise<Agreement> {
  // One yearly report, cut to an agreement of three weeks: its last period ends on the agreement's end.
  const res = await (await as(w, 'manager')).post(`/api/projects/${w.project.id}/agreements`, {
    donorOrganisationId: w.donor.id, agreementNumber: number, startDate: day(endOffset - 20), endDate: day(endOffset), reportFrequency: 'year', reportDueDays: dueDays,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Agreement;
}

const calendar = async (agent: Agent, query: string) => {
  const res = await agent.get(`/api/report-calendar?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ReportCalendar;
};
const window = `from=${day(-90)}&to=${day(90)}`;

describe('report calendar', () => {
  it('marks each report overdue, due soon, upcoming or submitted', async () => {
    const w = await buildAgreementWorld(t.db);
    const overdue = await agreement(w, 'OVERDUE', -11, 10); // due yesterday
    const dueToday = await agreement(w, 'DUE-TODAY', -10, 10);
    const soon = await agreement(w, 'SOON', -5, 19); // due in 14 days: the last "due soon" day
    const upcoming = await agreement(w, 'UPCOMING', -5, 20); // due in 15 days
    const submitted = await agreement(w, 'SUBMITTED', -60, 30); // due 30 days ago, but reported
    const report = { projectId: w.project.id, organisationId: w.lead.id, templateId: w.template.id };
    const done = await buildGeneratedReport(t.db, { ...report, agreementId: submitted.id, periodStart: day(-80), periodEnd: day(-60), finishedAt: '2026-01-05T09:00:00.000Z' });
    // A failed report is no report: the overdue one stays overdue.
    await buildGeneratedReport(t.db, { ...report, agreementId: overdue.id, periodStart: day(-31), periodEnd: day(-11), status: 'failed' });

    const cal = await calendar(await as(w, 'donorViewer'), window);
    expect(cal).toMatchObject({ from: day(-90), to: day(90), today: day(0) });
    const last = (a: Agreement) => cal.items.filter((i) => i.agreementId === a.id).at(-1)!;
    expect(last(overdue)).toMatchObject({ periodEnd: day(-11), dueDate: day(-1), status: 'overdue', report: null });
    expect(last(dueToday)).toMatchObject({ dueDate: day(0), status: 'due_soon' });
    expect(last(soon)).toMatchObject({ dueDate: day(14), status: 'due_soon' });
    expect(last(upcoming)).toMatchObject({ dueDate: day(15), status: 'upcoming' });
    expect(last(submitted)).toMatchObject({ dueDate: day(-30), status: 'submitted', report: { id: done.id, generatedAt: '2026-01-05T09:00:00.000Z' } });
    expect(last(overdue)).toMatchObject({
      agreementNumber: 'OVERDUE', reportFrequency: 'year', donor: { id: w.donor.id, acronym: 'DNR' },
      project: { id: w.project.id, code: w.project.code, title: w.project.title },
      canManage: false,
    });
    expect((await calendar(await as(w, 'manager'), window)).items.every((i) => i.canManage)).toBe(true);
    // In due-date order.
    const dues = cal.items.map((i) => i.dueDate);
    expect(dues).toEqual([...dues].sort());
  });

  it('shows the projects the reader can see, and one project when asked', async () => {
    const w = await buildAgreementWorld(t.db);
    const other = await buildAgreementWorld(t.db);
    const mine = await agreement(w, 'MINE', -5, 30);
    const theirs = await agreement(other, 'THEIRS', -5, 30);
    const ids = (c: ReportCalendar) => [...new Set(c.items.map((i) => i.agreementId))];
    expect(ids(await calendar(await as(w, 'viewer'), window))).toEqual([mine.id]);
    expect(ids(await calendar(await as(w, 'partnerReporter'), window))).toEqual([mine.id]);
    const admin = await t.as((await buildUser(t.db, { organisationId: w.lead.id, grants: [{ role: 'admin', scopeType: 'installation', scopeId: null }] })).id);
    expect(ids(await calendar(admin, window))).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect(ids(await calendar(admin, `${window}&projectId=${other.project.id}`))).toEqual([theirs.id]);
    // Someone who cannot see the project asking for it: 404, as for a project that does not exist.
    expect((await (await as(w, 'viewer')).get(`/api/report-calendar?${window}&projectId=${other.project.id}`)).statusCode).toBe(404);
    const stranger = await t.as((await buildUser(t.db, { organisationId: (await buildOrganisation(t.db)).id })).id);
    expect((await calendar(stranger, window)).items).toEqual([]);
  });

  it('leaves out reports neither earned nor due in the window', async () => {
    const w = await buildAgreementWorld(t.db);
    const res = await (await as(w, 'manager')).post(`/api/projects/${w.project.id}/agreements`, {
      donorOrganisationId: w.donor.id, agreementNumber: 'MONTHLY', startDate: '2026-01-01', endDate: '2026-12-31', reportFrequency: 'month', reportDueDays: 15,
    });
    expect(res.statusCode, res.body).toBe(201);
    const cal = await calendar(await as(w, 'viewer'), `from=2026-06-10&to=2026-07-31&projectId=${w.project.id}`);
    // May's report is due on 15 June; April's was due on 15 May; August's period starts after the window.
    expect(cal.items.map((i) => [i.periodKey, i.dueDate])).toEqual([
      ['2026-05', '2026-06-15'],
      ['2026-06', '2026-07-15'],
      ['2026-07', '2026-08-15'],
    ]);
  });

  it('names the wrong query fields', async () => {
    const w = await buildAgreementWorld(t.db);
    const agent = await as(w, 'viewer');
    expect(fields(await agent.get('/api/report-calendar?to=2026-03-31'))).toEqual(['querystring.from:required']);
    expect(fields(await agent.get('/api/report-calendar?from=2026-04-01&to=2026-03-31'))).toEqual(['querystring.to:end_before_start']);
    const long = await agent.get('/api/report-calendar?from=2026-01-01&to=2030-01-01');
    expect(long.statusCode).toBe(400);
    expect(fields(long)).toEqual(['querystring.to:range_too_long']);
    expect(fields(await agent.get('/api/report-calendar?from=2026-01-01&to=2026-02-30'))).toEqual(['querystring.to:invalid_date']);
  });
});
