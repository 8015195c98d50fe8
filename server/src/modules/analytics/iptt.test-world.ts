import type { Database } from '../../db/database.js';
import { nowIso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { buildIndicator, buildLocationTree, buildOrganisation, buildProgramme, buildProject, buildResultNode, buildUser } from '../../test/factories.js';
import { buildCategory, buildProgrammeNode } from '../../test/results-factories.js';
import { rebuildTotals } from './facts.js';
import { keyNumbers } from './keys.repository.js';

/**
 * The small world of the IPTT tests, with every figure of it worked out by hand in iptt.db.test.ts.
 * Facts are written straight into analytics_facts, as the review service would for packages in
 * these statuses, so the tests depend on nothing but the fact table's documented layout.
 */

const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

export interface FactInput {
  indicatorId: string;
  projectId: string;
  organisationId: string;
  locationId: string | null;
  /** Option ids joined by '|' in the indicator's category order; '' = the total. */
  key?: string;
  /** First and last day of the reporting period. */
  start: string;
  end: string;
  approved?: boolean;
  value?: number;
  numerator?: number;
  denominator?: number;
}

export async function writeFacts(db: Database, facts: FactInput[]) {
  for (const f of facts) {
    const approved = f.approved ?? true;
    // One package per project, organisation, period and status: a package has one value per cell.
    const submission = `${f.projectId}/${f.organisationId}/${f.start}/${approved}`;
    const [s, i, o, p] = await Promise.all([
      keyNumbers(db, 'submission', [submission], true),
      keyNumbers(db, 'indicator', [f.indicatorId], true),
      keyNumbers(db, 'organisation', [f.organisationId], true),
      keyNumbers(db, 'project', [f.projectId], true),
    ]);
    const location = f.locationId ? (await keyNumbers(db, 'location', [f.locationId], true)).get(f.locationId)! : 0;
    const combo = f.key ? (await keyNumbers(db, 'combo', [f.key], true)).get(f.key)! : 0;
    await db
      .insertInto('analytics_facts')
      .values({
        submission_no: s.get(submission)!, indicator_no: i.get(f.indicatorId)!, location_no: location, organisation_no: o.get(f.organisationId)!,
        project_no: p.get(f.projectId)!, combo_no: combo, month_start: monthIndex(f.start), month_end: monthIndex(f.end), approved: approved ? 1 : 0,
        value: f.value ?? null, numerator: f.numerator ?? null, denominator: f.denominator ?? null,
      })
      .execute();
  }
  await rebuildTotals(db); // as facts.ts keeps them
}

interface IndicatorSetup {
  nodeId: string;
  code: string;
  type?: string;
  time?: string;
  location?: string;
  direction?: string;
  cumulative?: boolean;
  baseline?: number;
  lopTarget?: number;
  categoryIds?: string[];
  contributesTo?: string;
}

async function indicator(db: Database, o: IndicatorSetup) {
  const row = await buildIndicator(db, { nodeId: o.nodeId, code: o.code, type: o.type ?? 'number', name: `Indicator ${o.code}` });
  await db
    .updateTable('indicators')
    .set({
      time_aggregation: o.time ?? 'sum', location_aggregation: o.location ?? 'sum', direction: o.direction ?? 'increase', cumulative: o.cumulative ? 1 : 0,
      baseline_value: o.baseline ?? null, lop_target: o.lopTarget ?? null, contributes_to_id: o.contributesTo ?? null, unit: 'people',
    })
    .where('id', '=', row.id)
    .execute();
  if (o.categoryIds?.length) {
    await db.insertInto('indicator_disaggregations').values(o.categoryIds.map((category_id, position) => ({ indicator_id: row.id, category_id, position }))).execute();
  }
  return row;
}

/** Targets for all the indicator's places together, or for one place. */
export async function setTargets(db: Database, indicatorId: string, targets: [period: string, key: string, value: number][], locationId: string | null = null) {
  const now = nowIso();
  await db
    .insertInto('indicator_targets')
    .values(targets.map(([period_key, disaggregation_key, value]) => ({
      id: newId(), indicator_id: indicatorId, period_key, location_id: locationId, disaggregation_key, value, created_at: now, updated_at: now,
    })))
    .execute();
}

const Q = {
  q1: { start: '2025-01-01', end: '2025-03-31' },
  q2: { start: '2025-04-01', end: '2025-06-30' },
  q3: { start: '2025-07-01', end: '2025-09-30' },
  q4: { start: '2025-10-01', end: '2025-12-31' },
};

/**
 * Organisation ORG runs programme PRG (2025) with projects P1 and P2 in Mali; partner PART
 * implements part of P1. P1's framework: goal G1 (I3 decreasing, I4 percentage) above outcome O1
 * (I1 by sex, I2 cumulative, I5 qualitative). P1 and P2's first indicators roll up into the
 * programme indicator PI. Places X and Y are in Mali, Z in Senegal; RX is X's region.
 *
 * Besides the targets for all places together, some are set per place (only a place filter reads
 * them):
 *
 *   I1  X  LOP 600 (F 350, M 250); Q1 120 (F 70, M 50), Q2 160, Q3 160, Q4 160
 *       Y  LOP 300 (F 180);        Q1 60, Q2 80
 *       RX LOP 650
 *   I2  X  LOP 150; Q1 40, Q2 40, Q4 40 (cumulative)
 *   I3  X  LOP 25; Q4 25 (decreasing)
 *   I4  X  LOP 80; Q1 70, Q2 85 (percentage)
 *       Y  LOP 40; Q1 30
 */
export async function buildIpttWorld(db: Database) {
  const org = await buildOrganisation(db, { name: 'Lead organisation', acronym: 'ORG' });
  const partner = await buildOrganisation(db, { name: 'Partner organisation', acronym: 'PART' });
  const outsider = await buildOrganisation(db, { name: 'Outside organisation' });
  const programme = await buildProgramme(db, { organisationId: org.id, code: `PRG-${newId().slice(0, 6)}` });
  await db.updateTable('programmes').set({ start_date: '2025-01-01', end_date: '2025-12-31' }).where('id', '=', programme.id).execute();
  const p1 = await buildProject(db, { programmeId: programme.id, leadOrganisationId: org.id, implementingOrganisationIds: [partner.id], code: `P1-${newId().slice(0, 6)}`, title: 'Water for Kolwezi' });
  const p2 = await buildProject(db, { programmeId: programme.id, leadOrganisationId: org.id, code: `P2-${newId().slice(0, 6)}` });
  for (const p of [p1, p2]) {
    await db.updateTable('projects').set({ start_date: '2025-01-01', end_date: '2025-12-31' }).where('id', '=', p.id).execute();
    await db.insertInto('project_countries').values({ project_id: p.id, country_code: 'MLI' }).execute();
  }
  await db.insertInto('project_sectors').values({ project_id: p1.id, sector_code: '14030' }).execute();
  const mali1 = await buildLocationTree(db, 'MLI');
  const mali2 = await buildLocationTree(db, 'MLI');
  const senegal = await buildLocationTree(db, 'SEN');
  const [X, Y, Z] = [mali1.admin2, mali2.admin2, senegal.admin2];
  await db.insertInto('project_locations').values([{ project_id: p1.id, location_id: X.id }, { project_id: p1.id, location_id: Y.id }, { project_id: p2.id, location_id: Z.id }]).execute();

  const sex = await buildCategory(db, { organisationId: org.id, code: `sex${newId().slice(0, 4)}`, options: ['F', 'M'] });
  const [F, M] = sex.options.map((o) => o.id) as [string, string];

  const g1 = await buildResultNode(db, { projectId: p1.id, level: 0, code: 'G1', title: 'Healthier households' });
  const o1 = await buildResultNode(db, { projectId: p1.id, parentId: g1.id, level: 1, code: 'O1', title: 'Safe water used' });
  const pn = await buildProgrammeNode(db, { programmeId: programme.id, code: 'PG1' });
  const pi = await indicator(db, { nodeId: pn.id, code: 'PI', lopTarget: 2000 });
  const i3 = await indicator(db, { nodeId: g1.id, code: 'I3', time: 'latest', direction: 'decrease', baseline: 40, lopTarget: 20 });
  const i4 = await indicator(db, { nodeId: g1.id, code: 'I4', type: 'percentage', lopTarget: 80 });
  const i1 = await indicator(db, { nodeId: o1.id, code: 'I1', lopTarget: 1000, categoryIds: [sex.id], contributesTo: pi.id });
  const i2 = await indicator(db, { nodeId: o1.id, code: 'I2', cumulative: true, lopTarget: 400 });
  const i5 = await indicator(db, { nodeId: o1.id, code: 'I5', type: 'qualitative' });
  // Positions: I3 before I4, I1 before I2 before I5 (the factory puts every indicator at 0).
  for (const [row, position] of [[i4, 1], [i2, 1], [i5, 2]] as const) await db.updateTable('indicators').set({ position }).where('id', '=', row.id).execute();
  const p2node = await buildResultNode(db, { projectId: p2.id, level: 0, code: 'G1', title: 'Second project goal' });
  const j1 = await indicator(db, { nodeId: p2node.id, code: 'J1', contributesTo: pi.id });

  await setTargets(db, pi.id, [['2025-Q1', '', 500]]);
  await setTargets(db, i1.id, [
    ['2025-Q1', '', 200], ['2025-Q2', '', 300], ['2025-Q3', '', 250], ['2025-Q4', '', 250],
    ['LOP', F, 600], ['LOP', M, 400], ['2025-Q1', F, 120], ['2025-Q1', M, 80],
  ]);
  await setTargets(db, i2.id, [['2025-Q1', '', 100], ['2025-Q2', '', 100], ['2025-Q3', '', 100], ['2025-Q4', '', 100]]);
  await setTargets(db, i3.id, [['2025-Q1', '', 35], ['2025-Q2', '', 30], ['2025-Q3', '', 25], ['2025-Q4', '', 20]]);
  await setTargets(db, i4.id, [['2025-Q1', '', 70], ['2025-Q2', '', 75]]);
  await setTargets(db, i1.id, [
    ['LOP', '', 600], ['LOP', F, 350], ['LOP', M, 250], ['2025-Q1', '', 120], ['2025-Q1', F, 70], ['2025-Q1', M, 50],
    ['2025-Q2', '', 160], ['2025-Q3', '', 160], ['2025-Q4', '', 160],
  ], X.id);
  await setTargets(db, i1.id, [['LOP', '', 300], ['LOP', F, 180], ['2025-Q1', '', 60], ['2025-Q2', '', 80]], Y.id);
  await setTargets(db, i1.id, [['LOP', '', 650]], mali1.admin1.id);
  await setTargets(db, i2.id, [['LOP', '', 150], ['2025-Q1', '', 40], ['2025-Q2', '', 40], ['2025-Q4', '', 40]], X.id);
  await setTargets(db, i3.id, [['LOP', '', 25], ['2025-Q4', '', 25]], X.id);
  await setTargets(db, i4.id, [['LOP', '', 80], ['2025-Q1', '', 70], ['2025-Q2', '', 85]], X.id);
  await setTargets(db, i4.id, [['LOP', '', 40], ['2025-Q1', '', 30]], Y.id);

  const of = (projectId: string, organisationId: string) => (indicatorId: string, period: { start: string; end: string }, locationId: string | null, v: Partial<FactInput>) =>
    ({ indicatorId, projectId, organisationId, locationId, ...period, ...v });
  const lead = of(p1.id, org.id);
  const part = of(p1.id, partner.id);
  const sexed = (f: ReturnType<typeof lead>, female: number, male: number): FactInput[] => [
    f, { ...f, key: F, value: female }, { ...f, key: M, value: male },
  ];
  await writeFacts(db, [
    // I1 (by sex): Q1 X 100 (60/40) + Y 50 (30/20); Q2 X 120 (70/50) + partner Y 25 (15/10); Q3 only a pending 10 (6/4); Q4 X 80 (40/40) + Y 40 (25/15).
    ...sexed(lead(i1.id, Q.q1, X.id, { value: 100 }), 60, 40),
    ...sexed(lead(i1.id, Q.q1, Y.id, { value: 50 }), 30, 20),
    ...sexed(lead(i1.id, Q.q2, X.id, { value: 120 }), 70, 50),
    ...sexed(part(i1.id, Q.q2, Y.id, { value: 25 }), 15, 10),
    ...sexed(lead(i1.id, Q.q3, X.id, { value: 10, approved: false }), 6, 4),
    ...sexed(lead(i1.id, Q.q4, X.id, { value: 80 }), 40, 40),
    ...sexed(lead(i1.id, Q.q4, Y.id, { value: 40 }), 25, 15),
    // I2 (cumulative): Q1 50, Q2 70, Q3 nothing, Q4 60.
    lead(i2.id, Q.q1, X.id, { value: 50 }),
    lead(i2.id, Q.q2, X.id, { value: 70 }),
    lead(i2.id, Q.q4, X.id, { value: 60 }),
    // I3 (decreasing, latest): Q1 38, Q2 33, Q3 nothing, Q4 24.
    lead(i3.id, Q.q1, X.id, { value: 38 }),
    lead(i3.id, Q.q2, X.id, { value: 33 }),
    lead(i3.id, Q.q4, X.id, { value: 24 }),
    // I4 (percentage): Q1 X 30/40 and Y 10/60; Q2 X 45/50.
    lead(i4.id, Q.q1, X.id, { numerator: 30, denominator: 40 }),
    lead(i4.id, Q.q1, Y.id, { numerator: 10, denominator: 60 }),
    lead(i4.id, Q.q2, X.id, { numerator: 45, denominator: 50 }),
    // J1 (P2, rolls up into PI): Q1 30 in Mali (X) and 7 in Senegal (Z).
    { indicatorId: j1.id, projectId: p2.id, organisationId: org.id, locationId: X.id, ...Q.q1, value: 30 },
    { indicatorId: j1.id, projectId: p2.id, organisationId: org.id, locationId: Z.id, ...Q.q1, value: 7 },
  ]);

  const user = (organisationId: string, grants: Parameters<typeof buildUser>[1]['grants']) => buildUser(db, { organisationId, grants });
  const users = {
    manager: await user(org.id, [{ role: 'programme_manager', scopeType: 'organisation', scopeId: org.id }]),
    viewer: await user(org.id, [{ role: 'viewer', scopeType: 'programme', scopeId: programme.id }]),
    partner: await user(partner.id, [{ role: 'partner_reporter', scopeType: 'organisation', scopeId: partner.id }]),
    outsider: await user(outsider.id, [{ role: 'programme_manager', scopeType: 'organisation', scopeId: outsider.id }]),
  };
  return { org, partner, programme, p1, p2, places: { X, Y, Z, RX: mali1.admin1, mali: mali1.country }, sex, F, M, nodes: { g1, o1, pn }, indicators: { i1, i2, i3, i4, i5, j1, pi }, users };
}
export type IpttWorld = Awaited<ReturnType<typeof buildIpttWorld>>;
