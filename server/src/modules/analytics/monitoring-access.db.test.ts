import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AreaRanking, DashboardSummary, Figure, IndicatorMap, Iptt, PivotDefinitionInput, PivotResult } from '@shared/schemas/monitoring.js';
import type { Role, ScopeType } from '@shared/roles.js';
import { buildIndicator, buildLocationTree, buildOrganisation, buildProgramme, buildProject, buildResultNode, buildUser } from '../../test/factories.js';
import { buildRound, buildValue } from '../../test/reporting-factories.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';
import { refreshSubmissionFacts } from './facts.js';

/**
 * Which figures each reader gets, asked of every monitoring surface (IPTT, pivot, dashboard, area
 * ranking, map) and checked against one table worked out by hand, so the surfaces cannot disagree
 * on scope. Project 2026 led by L, implemented with P; regions R1 (district D1) and R2 (D2).
 *
 * | round   | organisation | status    | values          |
 * |---------|--------------|-----------|-----------------|
 * | 2026-Q1 | L            | approved  | D1 10, D2 20    |
 * | 2026-Q1 | P            | approved  | D1 3            |
 * | 2026-Q2 | L            | submitted | D1 100          |
 * | 2026-Q2 | P            | submitted | D2 50           |
 *
 * Approved: 33 (Q1), R1 13, R2 20. With pending: 183, Q2 150, R1 113, R2 70. P alone: 3 in R1;
 * with its own pending 53 (Q2 50 in R2).
 */

interface Seen {
  total: number | null;
  /** 2026-Q1, 2026-Q2. */
  quarters: [number | null, number | null];
  /** R1, R2 (null: no data there). */
  regions: [number | null, number | null];
  /** Organisations whose figures appear. */
  organisations: string[];
  includesPending: boolean;
  /** Packages counted by the dashboard's completeness per round (Q1, Q2). */
  packages: [number, number];
}

let t: TestApp;
let w: Awaited<ReturnType<typeof setUp>>;

async function setUp() {
  const L = await buildOrganisation(t.db, { acronym: 'LEAD' });
  const P = await buildOrganisation(t.db, { acronym: 'PTNR' });
  const programme = await buildProgramme(t.db, { organisationId: L.id });
  const project = await buildProject(t.db, { programmeId: programme.id, leadOrganisationId: L.id, implementingOrganisationIds: [P.id] });
  await t.db.updateTable('projects').set({ start_date: '2026-01-01', end_date: '2026-12-31' }).where('id', '=', project.id).execute();
  const one = await buildLocationTree(t.db, 'MLI');
  const two = await buildLocationTree(t.db, 'MLI');
  await t.db.insertInto('project_countries').values({ project_id: project.id, country_code: 'MLI' }).execute();
  await t.db.insertInto('project_locations').values([one.admin2, two.admin2].map((l) => ({ project_id: project.id, location_id: l.id }))).execute();
  const indicator = await buildIndicator(t.db, { nodeId: (await buildResultNode(t.db, { projectId: project.id })).id });

  const user = (organisationId: string, role: Role, scopeType: ScopeType, scopeId: string) => buildUser(t.db, { organisationId, grants: [{ role, scopeType, scopeId }] });
  const users = {
    manager: await user(L.id, 'me_officer', 'project', project.id),
    viewer: await user(L.id, 'viewer', 'project', project.id),
    partnerReporter: await user(P.id, 'partner_reporter', 'project', project.id),
    // Staff of P who see the project only because P implements it.
    partnerStaff: await user(P.id, 'viewer', 'organisation', P.id),
    partnerAdmin: await user(P.id, 'admin', 'organisation', P.id),
  };

  const D1 = one.admin2.id;
  const D2 = two.admin2.id;
  const rounds: { period: string; packages: { org: string; status: 'approved' | 'submitted'; values: [string, number][] }[] }[] = [
    { period: '2026-Q1', packages: [{ org: L.id, status: 'approved', values: [[D1, 10], [D2, 20]] }, { org: P.id, status: 'approved', values: [[D1, 3]] }] },
    { period: '2026-Q2', packages: [{ org: L.id, status: 'submitted', values: [[D1, 100]] }, { org: P.id, status: 'submitted', values: [[D2, 50]] }] },
  ];
  for (const r of rounds) {
    const { submissions } = await buildRound(t.db, {
      projectId: project.id, periodKey: r.period, indicatorIds: [indicator.id],
      reporters: r.packages.map((p) => ({ organisationId: p.org, status: p.status, submittedBy: users.manager.id })),
    });
    for (const [k, p] of r.packages.entries()) {
      for (const [locationId, value] of p.values) await buildValue(t.db, { submissionId: submissions[k]!.id, indicatorId: indicator.id, locationId, value });
      await refreshSubmissionFacts(t.db, submissions[k]!.id);
    }
  }
  return { L, P, programme, project, indicator, regions: [one.admin1.id, two.admin1.id] as const, users };
}

beforeAll(async () => {
  t = await createTestApp();
  w = await setUp();
});
afterAll(() => t.close());

const value = (f: Figure | null | undefined) => f?.value ?? null;
const orgName = (id: string) => (id === w.L.id ? 'L' : id === w.P.id ? 'P' : id);
const ok = <T>(res: { statusCode: number; body: string; json(): unknown }): T => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};

/** What each surface shows the reader; each fills the fields it can answer, the others stay undefined. */
async function surfaces(agent: Agent, includePending: boolean) {
  const pending = `includePending=${includePending}`;

  const iptt = ok<Iptt>(await agent.get(`/api/iptt?scope=project&id=${w.project.id}&granularity=quarter&${pending}`));
  const row = iptt.rows.find((r) => r.kind === 'indicator' && r.indicatorId === w.indicator.id);
  if (row?.kind !== 'indicator') throw new Error('The IPTT has no row for the indicator');
  const byKey = new Map(iptt.periods.map((p, i) => [p.key, value(row.periods[i]?.actual)]));

  const def: PivotDefinitionInput = { indicatorIds: [w.indicator.id], rows: [{ type: 'organisation' }], columns: [{ type: 'period', granularity: 'quarter' }], includePending };
  const pivot = ok<PivotResult>(await agent.post('/api/pivot', def));
  const columns = new Map(pivot.columnMembers.map((m, i) => [m[0]!.key, value(pivot.columnTotals[i])]));

  const dashboard = ok<DashboardSummary>(await agent.get(`/api/dashboards/project/${w.project.id}?${pending}`));
  const areas = ok<AreaRanking>(await agent.get(`/api/dashboards/project/${w.project.id}/areas?indicatorId=${w.indicator.id}&level=admin1&${pending}`));
  const ranked = new Map(areas.top.map((a) => [a.locationId, value(a.figure)]));
  const map = ok<IndicatorMap>(await agent.get(`/api/indicators/${w.indicator.id}/map?level=admin1&${pending}`));
  const mapped = new Map(map.areas.map((a) => [a.locationId, value(a.figure)]));
  const regions = (m: Map<string, number | null>): [number | null, number | null] => [m.get(w.regions[0]) ?? null, m.get(w.regions[1]) ?? null];
  const packages = (key: string) => dashboard.completeness.find((c) => c.periodKey === key)?.expected ?? 0;

  return {
    iptt: {
      total: value(row.lop.actual),
      quarters: [byKey.get('2026-Q1') ?? null, byKey.get('2026-Q2') ?? null],
      organisations: iptt.options.organisations.map((o) => orgName(o.id)).sort(),
      includesPending: iptt.includesPending,
    },
    pivot: {
      total: value(pivot.grandTotal),
      quarters: [columns.get('2026-Q1') ?? null, columns.get('2026-Q2') ?? null],
      organisations: pivot.rowMembers.map((m) => orgName(m[0]!.key)).sort(),
      includesPending: pivot.includesPending,
    },
    dashboard: {
      total: value(dashboard.progress.find((p) => p.indicatorId === w.indicator.id)?.actual),
      regions: regions(ranked),
      includesPending: dashboard.includesPending,
      packages: [packages('2026-Q1'), packages('2026-Q2')],
    },
    map: { regions: regions(mapped), includesPending: map.includesPending },
  } satisfies Record<string, Partial<Seen>>;
}

/** The one table every surface must agree with, by hand (see the header). */
const ALL_APPROVED: Seen = { total: 33, quarters: [33, null], regions: [13, 20], organisations: ['L', 'P'], includesPending: false, packages: [2, 2] };
const ALL_WITH_PENDING: Seen = { total: 183, quarters: [33, 150], regions: [113, 70], organisations: ['L', 'P'], includesPending: true, packages: [2, 2] };
const P_APPROVED: Seen = { total: 3, quarters: [3, null], regions: [3, null], organisations: ['P'], includesPending: false, packages: [1, 1] };
const P_WITH_OWN_PENDING: Seen = { total: 53, quarters: [3, 50], regions: [3, 50], organisations: ['P'], includesPending: true, packages: [1, 1] };

async function expectEverywhere(userId: string, includePending: boolean, seen: Seen) {
  const s = await surfaces(await t.as(userId), includePending);
  expect(s).toEqual({
    iptt: { total: seen.total, quarters: seen.quarters, organisations: seen.organisations, includesPending: seen.includesPending },
    pivot: { total: seen.total, quarters: seen.quarters, organisations: seen.organisations, includesPending: seen.includesPending },
    dashboard: { total: seen.total, regions: seen.regions, includesPending: seen.includesPending, packages: seen.packages },
    map: { regions: seen.regions, includesPending: seen.includesPending },
  });
}

describe('monitoring figures follow the reader’s scope on every surface', () => {
  it('a manager gets every organisation’s figures, pending ones when asked', async () => {
    await expectEverywhere(w.users.manager.id, false, ALL_APPROVED);
    await expectEverywhere(w.users.manager.id, true, ALL_WITH_PENDING);
  });

  it('a viewer asking for pending values gets approved ones only', async () => {
    await expectEverywhere(w.users.viewer.id, true, ALL_APPROVED);
  });

  it('a partner reporter gets its own organisation’s figures only, its own pending ones when asked', async () => {
    await expectEverywhere(w.users.partnerReporter.id, false, P_APPROVED);
    await expectEverywhere(w.users.partnerReporter.id, true, P_WITH_OWN_PENDING);
  });

  it('staff of an organisation that only implements the project get its own figures there, approved only', async () => {
    await expectEverywhere(w.users.partnerStaff.id, true, P_APPROVED);
    await expectEverywhere(w.users.partnerAdmin.id, true, P_APPROVED);
  });

  it('a partner asking for the lead organisation’s figures gets none of them', async () => {
    const partner = await t.as(w.users.partnerReporter.id);
    const iptt = ok<Iptt>(await partner.get(`/api/iptt?scope=project&id=${w.project.id}&organisationIds=${w.L.id}&includePending=true`));
    const row = iptt.rows.find((r) => r.kind === 'indicator');
    expect(row?.kind === 'indicator' ? row.lop.actual : 'no row').toBeNull();
    const pivot = ok<PivotResult>(
      await partner.post('/api/pivot', { indicatorIds: [w.indicator.id], rows: [], columns: [], filters: { organisationIds: [w.L.id] }, includePending: true }),
    );
    expect(pivot.grandTotal).toBeNull();
  });

  it('the lead organisation’s consolidated IPTT shows partner staff their own figures of the project', async () => {
    const iptt = ok<Iptt>(await (await t.as(w.users.partnerStaff.id)).get(`/api/iptt?scope=organisation&id=${w.L.id}&includePending=true`));
    expect(iptt.rows.filter((r) => r.kind === 'project').map((r) => r.kind === 'project' && r.projectId)).toEqual([w.project.id]);
    const row = iptt.rows.find((r) => r.kind === 'indicator' && r.indicatorId === w.indicator.id);
    expect(row?.kind === 'indicator' ? row.lop.actual : null).toMatchObject({ value: 3, pending: false });
  });
});
