import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AreaRanking, DashboardSummary, Figure, Trend } from '@shared/schemas/monitoring.js';
import { nowIso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { buildIndicator, buildLocationTree, buildOrganisation, buildProgramme, buildProject, buildResultNode, buildUser } from '../../test/factories.js';
import { buildRound } from '../../test/reporting-factories.js';
import { buildProgrammeNode } from '../../test/results-factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { refreshSubmissionFacts } from './facts.js';

/**
 * Dashboards against numbers worked out by hand. Project, calendar year 2026; four regions
 * (Kayes, Koulikoro, Mopti, Sikasso), a district in each of the first three (Kita, Kati,
 * Bandiagara); Sikasso never reports. Indicators:
 *
 * | code | what        | rules                       | LOP target | other                           |
 * |------|-------------|-----------------------------|------------|---------------------------------|
 * | A1   | reached     | sum / sum, cumulative       | 100        | quarterly targets 20 20 30 30   |
 * | A2   | cases       | latest / sum, decreasing    | 40         | baseline 80; targets Q2 60, Q4 40 |
 * | A3   | % enrolled  | percentage (Σnum ÷ Σden)    | 50         |                                 |
 * | A4   | story       | qualitative                 |            | never on a dashboard            |
 *
 * Packages (Q3 has no round: the missing period):
 *
 * | round (due)        | organisation | status    | sent in                         | values                                     |
 * |--------------------|--------------|-----------|---------------------------------|--------------------------------------------|
 * | Q1 (2026-04-15)    | lead         | approved  | 04-10                           | A1 Kita 10, Kati 20, Bandiagara 15; A2 Kita 60, Kati 30; A3 Kita 36/60, Kati 10/40 |
 * | Q2 (2026-07-15)    | lead         | approved  | 07-20 (late)                    | A2 Kati 20                                 |
 * | Q2                 | partner      | approved  | first 07-10, again 07-25        | A1 Kita 5; A2 Kita 50; A3 Kita 20/50       |
 * | Q4 (2027-01-15)    | lead         | submitted | 2027-01-10                      | A1 Kita 100 (pending)                      |
 * | Q4                 | partner      | draft     |                                 |                                            |
 *
 * Life of project, approved: A1 = 10+20+15+5 = 50 (50 % of 100). A2 = latest per place, Kita 50 +
 * Kati 20 = 70; decreasing from 80 towards 40: (80−70) ÷ (80−40) = 25 %. A3 = 66 ÷ 150 = 44 %
 * (88 % of 50). With the pending package A1 = 150. The partner alone: A1 5, A2 50 (75 %), A3 40 %.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const close = (actual: number | null | undefined, expected: number | null) => {
  if (expected === null) expect(actual ?? null).toBeNull();
  else expect(actual).toBeCloseTo(expected, 6);
};

interface Val {
  i: string;
  l: string;
  v?: number;
  n?: number;
  d?: number;
}
interface Package {
  organisationId: string;
  status: 'draft' | 'submitted' | 'approved';
  submittedAt?: string;
  /** When it was first sent in, if before `submittedAt` (a returned package sent again). */
  firstSubmitAt?: string;
  values?: Val[];
}

/** A round with its packages, values stored as the grid stores them and facts as the review writes them. */
async function round(projectId: string, periodKey: string, dueDate: string, packages: Package[], userId: string) {
  const { submissions } = await buildRound(t.db, { projectId, periodKey, dueDate, reporters: packages.map((p) => ({ organisationId: p.organisationId, status: p.status })) });
  for (const [k, p] of packages.entries()) {
    const s = submissions[k]!;
    await t.db.updateTable('submissions').set({ submitted_at: p.submittedAt ?? null }).where('id', '=', s.id).execute();
    if (p.firstSubmitAt) {
      for (const at of [p.firstSubmitAt, p.submittedAt!]) {
        await t.db.insertInto('submission_events').values({ id: newId(), submission_id: s.id, action: 'submit', from_status: 'draft', to_status: 'submitted', comment: '', user_id: userId, at }).execute();
      }
    }
    for (const x of p.values ?? []) {
      await t.db
        .insertInto('indicator_values')
        .values({
          id: newId(), submission_id: s.id, indicator_id: x.i, location_id: x.l, disaggregation_key: '',
          value: x.n !== undefined ? (100 * x.n) / x.d! : x.v!, numerator: x.n ?? null, denominator: x.d ?? null,
          text_value: null, comment: '', updated_by: userId, updated_at: nowIso(),
        })
        .execute();
    }
    await refreshSubmissionFacts(t.db, s.id);
  }
}

async function setUp() {
  const lead = await buildOrganisation(t.db);
  const partner = await buildOrganisation(t.db, { acronym: 'PTR' });
  const programme = await buildProgramme(t.db, { organisationId: lead.id });
  const project = await buildProject(t.db, { programmeId: programme.id, leadOrganisationId: lead.id, implementingOrganisationIds: [partner.id] });
  await t.db.updateTable('projects').set({ start_date: '2026-01-01', end_date: '2026-12-31' }).where('id', '=', project.id).execute();
  const on = (role: 'me_officer' | 'viewer' | 'partner_reporter', scopeType: 'project' | 'programme' = 'project', scopeId = project.id) => [{ role, scopeType, scopeId }];
  const users = {
    manager: await buildUser(t.db, { organisationId: lead.id, grants: on('me_officer') }),
    viewer: await buildUser(t.db, { organisationId: lead.id, grants: on('viewer') }),
    partner: await buildUser(t.db, { organisationId: partner.id, grants: on('partner_reporter') }),
    programmeManager: await buildUser(t.db, { organisationId: lead.id, grants: [{ role: 'programme_manager', scopeType: 'programme', scopeId: programme.id }] }),
    outsider: await buildUser(t.db, { organisationId: (await buildOrganisation(t.db)).id }),
  };

  const place: Record<string, { region: string; district: string }> = {};
  for (const [region, district] of [['Kayes', 'Kita'], ['Koulikoro', 'Kati'], ['Mopti', 'Bandiagara'], ['Sikasso', 'Bougouni']] as const) {
    const tree = await buildLocationTree(t.db);
    await t.db.updateTable('locations').set({ name: region }).where('id', '=', tree.admin1.id).execute();
    await t.db.updateTable('locations').set({ name: district }).where('id', '=', tree.admin2.id).execute();
    place[district] = { region: tree.admin1.id, district: tree.admin2.id };
  }
  const [kita, kati, bandiagara] = [place.Kita!.district, place.Kati!.district, place.Bandiagara!.district];

  const node = await buildResultNode(t.db, { projectId: project.id, code: 'R1' });
  const ind = async (code: string, v: Record<string, unknown>) => {
    const row = await buildIndicator(t.db, { nodeId: node.id, code, name: code });
    await t.db.updateTable('indicators').set(v).where('id', '=', row.id).execute();
    return row.id;
  };
  const reach = await ind('A1', { cumulative: 1, lop_target: 100, unit: 'people' });
  const cases = await ind('A2', { direction: 'decrease', time_aggregation: 'latest', baseline_value: 80, lop_target: 40 });
  const pct = await ind('A3', { type: 'percentage', unit: '%', lop_target: 50 });
  await ind('A4', { type: 'qualitative' });
  const now = nowIso();
  const target = (indicatorId: string, period: string, value: number) => ({
    id: newId(), indicator_id: indicatorId, period_key: period, location_id: null, disaggregation_key: '', value, created_at: now, updated_at: now,
  });
  await t.db
    .insertInto('indicator_targets')
    .values([
      ...[['2026-Q1', 20], ['2026-Q2', 20], ['2026-Q3', 30], ['2026-Q4', 30]].map(([q, v]) => target(reach, q as string, v as number)),
      target(cases, '2026-Q2', 60),
      target(cases, '2026-Q4', 40),
      // Broken down by place: not a target of the whole project.
      { ...target(reach, '2026-Q1', 999), location_id: kita },
    ])
    .execute();

  const by = users.manager.id;
  await round(project.id, '2026-Q1', '2026-04-15', [{
    organisationId: lead.id, status: 'approved', submittedAt: '2026-04-10T09:00:00.000Z',
    values: [
      { i: reach, l: kita, v: 10 }, { i: reach, l: kati, v: 20 }, { i: reach, l: bandiagara, v: 15 },
      { i: cases, l: kita, v: 60 }, { i: cases, l: kati, v: 30 },
      { i: pct, l: kita, n: 36, d: 60 }, { i: pct, l: kati, n: 10, d: 40 },
    ],
  }], by);
  await round(project.id, '2026-Q2', '2026-07-15', [
    { organisationId: lead.id, status: 'approved', submittedAt: '2026-07-20T08:00:00.000Z', values: [{ i: cases, l: kati, v: 20 }] },
    {
      organisationId: partner.id, status: 'approved', firstSubmitAt: '2026-07-10T10:00:00.000Z', submittedAt: '2026-07-25T10:00:00.000Z',
      values: [{ i: reach, l: kita, v: 5 }, { i: cases, l: kita, v: 50 }, { i: pct, l: kita, n: 20, d: 50 }],
    },
  ], by);
  await round(project.id, '2026-Q4', '2027-01-15', [
    { organisationId: lead.id, status: 'submitted', submittedAt: '2027-01-10T23:59:00.000Z', values: [{ i: reach, l: kita, v: 100 }] },
    { organisationId: partner.id, status: 'draft' },
  ], by);
  return { lead, partner, programme, project, users, place, ids: { reach, cases, pct } };
}

let w: Awaited<ReturnType<typeof setUp>>;
beforeAll(async () => {
  w = await setUp();
});

const summaryOf = async (userId: string, url: string) => {
  const res = await (await t.as(userId)).get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as DashboardSummary;
};
const progress = (s: DashboardSummary) =>
  Object.fromEntries(s.progress.map((p) => [p.code, { actual: p.actual?.value ?? null, pending: p.actual?.pending ?? null, percentMet: p.percentMet }]));

describe('GET /dashboards/project/:id', () => {
  it('shows each indicator’s baseline, target, actual and direction-aware % met, qualitative ones left out', async () => {
    const s = await summaryOf(w.users.manager.id, `/api/dashboards/project/${w.project.id}`);
    expect(s).toMatchObject({ scope: 'project', id: w.project.id, start: '2026-01-01', end: '2026-12-31', includesPending: false, canIncludePending: true });
    expect(s.progress.map((p) => [p.code, p.resultCode, p.baseline, p.target, p.type, p.direction, p.cumulative])).toEqual([
      ['A1', 'R1', null, 100, 'number', 'increase', true],
      ['A2', 'R1', 80, 40, 'number', 'decrease', false],
      ['A3', 'R1', null, 50, 'percentage', 'increase', false],
    ]);
    const p = progress(s);
    close(p.A1!.actual, 50);
    close(p.A1!.percentMet, 50);
    close(p.A2!.actual, 70);
    close(p.A2!.percentMet, 25);
    close(p.A3!.actual, 44);
    close(p.A3!.percentMet, 88);
    const a3 = s.progress.find((x) => x.code === 'A3')!.actual as Figure;
    expect([a3.numerator, a3.denominator, a3.pending]).toEqual([66, 150, false]);
  });

  it('counts packages expected, sent in, approved and sent in by the due date (first sending counts), per round', async () => {
    const s = await summaryOf(w.users.manager.id, `/api/dashboards/project/${w.project.id}`);
    expect(s.completeness).toEqual([
      { periodKey: '2026-Q1', periodStart: '2026-01-01', dueDate: '2026-04-15', expected: 1, submitted: 1, approved: 1, onTime: 1 },
      { periodKey: '2026-Q2', periodStart: '2026-04-01', dueDate: '2026-07-15', expected: 2, submitted: 2, approved: 2, onTime: 1 },
      { periodKey: '2026-Q4', periodStart: '2026-10-01', dueDate: '2027-01-15', expected: 2, submitted: 1, approved: 0, onTime: 1 },
    ]);
  });

  it('adds pending values, marked, only for a reader who may see them', async () => {
    const manager = await summaryOf(w.users.manager.id, `/api/dashboards/project/${w.project.id}?includePending=true`);
    expect(manager.includesPending).toBe(true);
    expect(progress(manager).A1).toMatchObject({ actual: 150, pending: true });
    expect(progress(manager).A3).toMatchObject({ pending: false });
    const viewer = await summaryOf(w.users.viewer.id, `/api/dashboards/project/${w.project.id}?includePending=true`);
    expect(viewer).toMatchObject({ includesPending: false, canIncludePending: false });
    expect(progress(viewer).A1).toMatchObject({ actual: 50, pending: false });
  });

  it('shows a partner its own organisation’s figures and packages only', async () => {
    const s = await summaryOf(w.users.partner.id, `/api/dashboards/project/${w.project.id}`);
    const p = progress(s);
    close(p.A1!.actual, 5);
    close(p.A2!.actual, 50);
    close(p.A2!.percentMet, 75);
    close(p.A3!.actual, 40);
    expect(s.completeness.map((c) => [c.periodKey, c.expected, c.submitted, c.approved, c.onTime])).toEqual([
      ['2026-Q2', 1, 1, 1, 1],
      ['2026-Q4', 1, 0, 0, 0],
    ]);
  });

  it('says how much of the project’s time has passed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      // 91 of the 364 days from 2026-01-01 to 2026-12-31.
      vi.setSystemTime(new Date('2026-04-02T12:00:00Z'));
      close((await summaryOf(w.users.manager.id, `/api/dashboards/project/${w.project.id}`)).elapsed, 25);
    } finally {
      vi.useRealTimers();
    }
  });

  it('is 404 for a project the reader cannot see, or that does not exist', async () => {
    const outsider = await t.as(w.users.outsider.id);
    expect((await outsider.get(`/api/dashboards/project/${w.project.id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/dashboards/project/${w.project.id}/trend?indicatorId=${w.ids.reach}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/dashboards/project/${w.project.id}/areas?indicatorId=${w.ids.reach}`)).statusCode).toBe(404);
    expect((await (await t.as(w.users.manager.id)).get(`/api/dashboards/project/${newId()}`)).statusCode).toBe(404);
  });
});

const trendOf = async (userId: string, url: string) => {
  const res = await (await t.as(userId)).get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Trend;
};
const points = (tr: Trend) => tr.points.map((p) => [p.key, p.actual?.value ?? null, p.target]);

describe('GET /dashboards/:scope/:id/trend', () => {
  it('runs a cumulative indicator’s total through the quarters, with its targets as a running total too', async () => {
    const tr = await trendOf(w.users.manager.id, `/api/dashboards/project/${w.project.id}/trend?indicatorId=${w.ids.reach}&granularity=quarter`);
    expect(tr.cumulative).toBe(true);
    // Q1 10+20+15 = 45; Q2 +5 = 50; Q3 and Q4 nothing new (the Q4 package is pending).
    expect(points(tr)).toEqual([['2026-Q1', 45, 20], ['2026-Q2', 50, 40], ['2026-Q3', 50, 70], ['2026-Q4', 50, 100]]);
    expect(tr.points.map((p) => [p.start, p.end])[0]).toEqual(['2026-01-01', '2026-03-31']);
    const pending = await trendOf(w.users.manager.id, `/api/dashboards/project/${w.project.id}/trend?indicatorId=${w.ids.reach}&includePending=true`);
    expect(pending.points.at(-1)!.actual).toMatchObject({ value: 150, pending: true });
  });

  it('leaves a period without reports empty and pools a percentage per period', async () => {
    const tr = await trendOf(w.users.manager.id, `/api/dashboards/project/${w.project.id}/trend?indicatorId=${w.ids.pct}`);
    // Q1 (36+10) ÷ (60+40) = 46 %; Q2 20 ÷ 50 = 40 %.
    expect(points(tr)).toEqual([['2026-Q1', 46, null], ['2026-Q2', 40, null], ['2026-Q3', null, null], ['2026-Q4', null, null]]);
    expect([tr.points[0]!.actual!.numerator, tr.points[0]!.actual!.denominator]).toEqual([46, 100]);
  });

  it('takes each place’s latest value within a period, and the latest target of the year', async () => {
    const q = await trendOf(w.users.manager.id, `/api/dashboards/project/${w.project.id}/trend?indicatorId=${w.ids.cases}`);
    // Q1 Kita 60 + Kati 30 = 90; Q2 Kita 50 + Kati 20 = 70.
    expect(points(q)).toEqual([['2026-Q1', 90, null], ['2026-Q2', 70, 60], ['2026-Q3', null, null], ['2026-Q4', null, 40]]);
    const y = await trendOf(w.users.manager.id, `/api/dashboards/project/${w.project.id}/trend?indicatorId=${w.ids.cases}&granularity=year`);
    expect(points(y)).toEqual([['2026', 70, 40]]);
  });

  it('is 404 for an indicator of another project', async () => {
    const other = await buildProject(t.db, { programmeId: w.programme.id, leadOrganisationId: w.lead.id });
    const foreign = await buildIndicator(t.db, { nodeId: (await buildResultNode(t.db, { projectId: other.id })).id });
    const res = await (await t.as(w.users.manager.id)).get(`/api/dashboards/project/${w.project.id}/trend?indicatorId=${foreign.id}`);
    expect(res.statusCode).toBe(404);
  });
});

describe('GET /dashboards/:scope/:id/areas', () => {
  const areasOf = async (userId: string, query: string) => {
    const res = await (await t.as(userId)).get(`/api/dashboards/project/${w.project.id}/areas?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as AreaRanking;
    return { top: r.top.map((a) => [a.name, a.figure.value]), bottom: r.bottom.map((a) => [a.name, a.figure.value]), raw: r };
  };

  it('ranks regions by their actual, ties by name, leaving out regions without data', async () => {
    // Kayes (Kita) 10 + 5 = 15, Koulikoro (Kati) 20, Mopti (Bandiagara) 15; Sikasso nothing.
    const r = await areasOf(w.users.manager.id, `indicatorId=${w.ids.reach}&level=admin1&limit=2`);
    expect(r.top).toEqual([['Koulikoro', 20], ['Kayes', 15]]);
    expect(r.bottom).toEqual([['Kayes', 15], ['Mopti', 15]]);
    expect(r.raw.top[0]!.locationId).toBe(w.place.Kati!.region);
    const districts = await areasOf(w.users.manager.id, `indicatorId=${w.ids.reach}&level=admin2`);
    expect(districts.top).toEqual([['Kati', 20], ['Bandiagara', 15], ['Kita', 15]]);
  });

  it('ranks a partner’s own figures only', async () => {
    const r = await areasOf(w.users.partner.id, `indicatorId=${w.ids.reach}`);
    expect(r.top).toEqual([['Kayes', 5]]);
    expect(r.bottom).toEqual([['Kayes', 5]]);
  });
});

describe('GET /dashboards/programme/:id', () => {
  it('rolls the programme’s indicators up from the contributing indicators of the projects the reader can see', async () => {
    // A second project of the programme contributes 7 in Q1 (sent in on time, due 2026-04-30).
    const second = await buildProject(t.db, { programmeId: w.programme.id, leadOrganisationId: w.lead.id });
    await t.db.updateTable('projects').set({ start_date: '2026-01-01', end_date: '2026-12-31' }).where('id', '=', second.id).execute();
    const node = await buildResultNode(t.db, { projectId: second.id });
    const theirs = await buildIndicator(t.db, { nodeId: node.id });
    const programmeIndicator = await buildIndicator(t.db, { nodeId: (await buildProgrammeNode(t.db, { programmeId: w.programme.id, code: 'P1' })).id, code: 'PA1' });
    await t.db.updateTable('indicators').set({ lop_target: 200 }).where('id', '=', programmeIndicator.id).execute();
    await t.db.updateTable('indicators').set({ contributes_to_id: programmeIndicator.id }).where('id', 'in', [w.ids.reach, theirs.id]).execute();
    await round(second.id, '2026-Q1', '2026-04-30', [{ organisationId: w.lead.id, status: 'approved', submittedAt: '2026-04-01T08:00:00.000Z', values: [{ i: theirs.id, l: w.place.Kita!.district, v: 7 }] }], w.users.manager.id);

    const all = await summaryOf(w.users.programmeManager.id, `/api/dashboards/programme/${w.programme.id}`);
    expect(all).toMatchObject({ scope: 'programme', start: '2025-01-01', end: '2027-12-31' });
    expect(all.progress.map((p) => [p.code, p.resultCode, p.target])).toEqual([['PA1', 'P1', 200]]);
    close(all.progress[0]!.actual?.value, 57);
    close(all.progress[0]!.percentMet, 28.5);
    expect(all.completeness.map((c) => [c.periodKey, c.dueDate, c.expected, c.submitted, c.approved, c.onTime])).toEqual([
      ['2026-Q1', '2026-04-30', 2, 2, 2, 2],
      ['2026-Q2', '2026-07-15', 2, 2, 2, 1],
      ['2026-Q4', '2027-01-15', 2, 1, 0, 1],
    ]);
    const tr = await trendOf(w.users.programmeManager.id, `/api/dashboards/programme/${w.programme.id}/trend?indicatorId=${programmeIndicator.id}`);
    expect(tr.points).toHaveLength(12); // 2025-Q1 … 2027-Q4
    expect(points(tr).filter(([, actual]) => actual !== null)).toEqual([['2026-Q1', 52, null], ['2026-Q2', 5, null]]);

    // The viewer sees the first project only: its figures and its packages.
    const viewer = await summaryOf(w.users.viewer.id, `/api/dashboards/programme/${w.programme.id}`);
    close(viewer.progress[0]!.actual?.value, 50);
    expect(viewer.completeness.map((c) => [c.periodKey, c.expected])).toEqual([['2026-Q1', 1], ['2026-Q2', 2], ['2026-Q4', 2]]);
    expect((await (await t.as(w.users.outsider.id)).get(`/api/dashboards/programme/${w.programme.id}`)).statusCode).toBe(404);
  });
});
