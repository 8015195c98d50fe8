import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '@shared/errors.js';
import type { IatiCheck } from '@shared/schemas/iati.js';
import type { Iptt, IpttRow } from '@shared/schemas/monitoring.js';
import { newId } from '../../lib/ids.js';
import { buildOrganisation, buildUser } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildIpttWorld, type IpttWorld } from '../analytics/iptt.test-world.js';
import { readActivities, type ReadActivity, type ReadValue } from './iati.test-reader.js';
import { validateIatiXml } from './iati.test-validator.js';

/**
 * The IATI export of the IPTT test world's project P1 (quarters of 2025; figures worked out by hand
 * in iptt.db.test.ts): first with what IATI needs missing, then completed, exported, validated with
 * xmllint against the official 2.03 schema and compared number by number with the IPTT.
 */
let t: TestApp;
let w: IpttWorld;
const TITLE = 'Water for Kolwezi <b>&"quoted"</b>';

beforeAll(async () => {
  t = await createTestApp();
  w = await buildIpttWorld(t.db);
  await t.db.updateTable('projects').set({ title: TITLE }).where('id', '=', w.p1.id).execute();
});
afterAll(async () => t.close());

const agentOf = (userId: string) => t.as(userId);
async function check(userId: string, ids: string[]) {
  const res = await (await agentOf(userId)).get(`/api/iati/check?projectIds=${ids.join(',')}`);
  return { status: res.statusCode, body: res.json() as IatiCheck };
}
const exportXml = async (userId: string, ids: string[], extra = '') => (await agentOf(userId)).get(`/api/iati/activities.xml?projectIds=${ids.join(',')}${extra}`);

describe('before the project has what IATI needs', () => {
  it('lists every missing piece, each with its field, the place to fix it and a message in the reader\'s language', async () => {
    const { status, body } = await check(w.users.manager.id, [w.p1.id]);
    expect(status).toBe(200);
    expect(body.ready).toBe(false);
    const p = body.projects[0]!;
    expect(p.iatiIdentifier).toBeNull();
    expect(p.problems.map((x) => [x.severity, x.reason, x.field, x.fix])).toEqual([
      ['error', 'iati_reporting_org_identifier', `organisations.${w.org.id}.iatiIdentifier`, { kind: 'organisation', id: w.org.id }],
      ['error', 'iati_no_description', 'project.description', { kind: 'project', id: w.p1.id }],
      ['error', 'iati_baseline_year', `indicators.${w.indicators.i3.id}.baselineDate`, { kind: 'indicator', id: w.indicators.i3.id }],
      ['warning', 'iati_participant_identifier', `organisations.${w.partner.id}.iatiIdentifier`, { kind: 'organisation', id: w.partner.id }],
    ]);
    expect(p.problems[0]!.message).toBe('The lead organisation "Lead organisation" has no IATI organisation identifier. Add it to the organisation (for example GB-CHC-202918).');
    expect(p.problems[2]!.message).toContain('Indicator "I3 Indicator I3"');

    const french = await (await t.as(w.users.manager.id, { 'accept-language': 'fr' })).get(`/api/iati/check?projectIds=${w.p2.id}`);
    const p2 = (french.json() as IatiCheck).projects[0]!;
    expect(p2.problems.map((x) => x.reason)).toEqual(['iati_reporting_org_identifier', 'iati_no_description', 'iati_no_sector']);
    expect(p2.problems[2]!.message).toBe("Le projet n'a pas de secteur CAD.");
  });

  it('refuses the XML with the same problems instead of writing an invalid file', async () => {
    const res = await exportXml(w.users.manager.id, [w.p1.id, w.p2.id]);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/json');
    const body = res.json() as ErrorBody;
    expect(body.error.code).toBe('validation_failed');
    const fields = body.error.details!.map((d) => d.field);
    expect(fields).toContain(`projects.${w.p1.id}.project.description`);
    expect(fields).toContain(`projects.${w.p2.id}.project.sectors`);
    // Warnings do not block.
    expect(fields).not.toContain(`projects.${w.p1.id}.organisations.${w.partner.id}.iatiIdentifier`);
    expect(body.error.details!.find((d) => d.reason === 'iati_no_sector')!.message).toBe('The project has no DAC sector.');
  });

  it('refuses a project whose country is not in the IATI list', async () => {
    await t.db.insertInto('project_countries').values({ project_id: w.p2.id, country_code: 'ZZZ' }).execute();
    const { body } = await check(w.users.manager.id, [w.p2.id]);
    expect(body.projects[0]!.problems.find((p) => p.reason === 'iati_unknown_country')).toMatchObject({ field: 'project.countries.1', params: { code: 'ZZZ' } });
    await t.db.deleteFrom('project_countries').where('project_id', '=', w.p2.id).where('country_code', '=', 'ZZZ').execute();
  });
});

describe('the complete project', () => {
  let activity: ReadActivity;
  let xml: string;
  let donor: Awaited<ReturnType<typeof buildOrganisation>>;

  beforeAll(async () => {
    donor = await buildOrganisation(t.db, { name: 'Nordic Water Fund', type: '10' });
    await t.db.updateTable('organisations').set({ iati_identifier: 'GB-CHC-555001' }).where('id', '=', w.org.id).execute();
    await t.db.updateTable('organisations').set({ iati_identifier: 'SE-0-SE-6-55501' }).where('id', '=', donor.id).execute();
    await t.db.insertInto('project_organisations').values({ project_id: w.p1.id, organisation_id: donor.id, role: 'donor' }).execute();
    await t.db.updateTable('projects').set({ description: 'Safe water points & hygiene in "two" districts.' }).where('id', '=', w.p1.id).execute();
    await t.db.insertInto('project_countries').values({ project_id: w.p1.id, country_code: 'SEN' }).execute();
    await t.db.insertInto('project_sectors').values([{ project_id: w.p1.id, sector_code: '14031' }, { project_id: w.p1.id, sector_code: '14032' }]).execute();
    await t.db.updateTable('indicators').set({ baseline_date: '2024-12-31' }).where('id', '=', w.indicators.i3.id).execute();
    await t.db.updateTable('result_nodes').set({ titles_json: JSON.stringify({ fr: 'Eau potable utilisée', es: 'Agua segura usada' }) }).where('id', '=', w.nodes.o1.id).execute();

    const { body } = await check(w.users.manager.id, [w.p1.id]);
    expect(body.projects[0]!.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(body.ready).toBe(true);
    const res = await exportXml(w.users.manager.id, [w.p1.id]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="fieldbook-iati-${w.p1.code}-\\d{4}-\\d{2}-\\d{2}\\.xml"$`));
    xml = res.body;
    activity = readActivities(xml)[0]!;
  });

  it('validates against the official IATI 2.03 schema', () => {
    const result = validateIatiXml(xml);
    expect(result.errors).toBe('');
    expect(result.valid).toBe(true);
  });

  it('identifies the activity by the lead organisation and the project, with its organisations in their IATI roles', () => {
    expect(activity.identifier).toBe(`GB-CHC-555001-${w.p1.code}`);
    expect(activity.lang).toBe('en');
    expect(activity.reportingOrg).toEqual({ ref: 'GB-CHC-555001', type: '22' });
    expect(activity.participants).toEqual([
      { ref: 'GB-CHC-555001', type: '22', role: '2' },
      { ref: 'SE-0-SE-6-55501', type: '10', role: '1' },
      { ref: null, type: '22', role: '4' },
    ]);
    expect(activity.status).toBe('2');
    expect(activity.dates).toEqual([['1', '2025-01-01'], ['2', '2025-01-01'], ['3', '2025-12-31']]);
  });

  it('splits countries and sectors evenly, to exactly 100, with countries as IATI alpha-2 codes', () => {
    expect(activity.countries).toEqual([['ML', '50'], ['SN', '50']]);
    expect(activity.sectors).toEqual([['1', '14030', '33.34'], ['1', '14031', '33.33'], ['1', '14032', '33.33']]);
  });

  it('gives each place its P-code as reference, its country and its admin level', () => {
    const places = [w.places.X, w.places.Y].sort((a, b) => a.pcode.localeCompare(b.pcode));
    expect(activity.locations).toEqual(places.map((p) => ({ ref: p.pcode, administrative: [['A4', '0', 'ML']], feature: 'ADM2' })));
  });

  it('round-trips a title with markup characters as text', () => {
    expect(xml).toContain('Water for Kolwezi &lt;b&gt;&amp;"quoted"&lt;/b&gt;');
    const title = execFileSync('xmllint', ['--xpath', 'string(//iati-activity/title/narrative)', '-'], { input: xml }).toString('utf8').replace(/\n$/, '');
    expect(title).toBe(TITLE);
  });

  it('writes results by level type with their indicators, measures, directions, baselines and translations', () => {
    expect(activity.results.map((r) => [r.type, r.title])).toEqual([
      ['3', ['Healthier households']],
      ['2', ['Safe water used', 'Eau potable utilisée', 'Agua segura usada']],
    ]);
    const [i3, i4] = activity.results[0]!.indicators;
    expect(i3).toMatchObject({ measure: '1', ascending: '0', baseline: { year: '2024', isoDate: '2024-12-31', value: '40' } });
    expect(i4).toMatchObject({ measure: '2', ascending: '1', baseline: null });
    const [i1, i2, i5] = activity.results[1]!.indicators;
    expect(i1!.title).toEqual(['Indicator I1']);
    expect(i2!.measure).toBe('1');
    // Qualitative: no figures, no periods.
    expect(i5).toMatchObject({ measure: '5', periods: [] });
  });

  it('has the IPTT\'s targets and approved actuals in each period, by disaggregation option', async () => {
    const res = await (await agentOf(w.users.manager.id)).get(`/api/iptt?scope=project&id=${w.p1.id}&granularity=quarter`);
    const iptt = res.json() as Iptt;
    const byTitle = new Map(activity.results.flatMap((r) => r.indicators).map((i) => [i.title[0]!, i]));
    let compared = 0;
    for (const row of iptt.rows.filter((r): r is Extract<IpttRow, { kind: 'indicator' }> => r.kind === 'indicator' && r.type !== 'qualitative')) {
      const exported = byTitle.get(row.name)!;
      const options = iptt.rows.filter((r): r is Extract<IpttRow, { kind: 'disaggregation' }> => r.kind === 'disaggregation' && r.indicatorId === row.indicatorId);
      iptt.periods.forEach((period, n) => {
        const expected = (pick: 'target' | 'actual') => {
          const of = (c: (typeof row.periods)[number]) => (pick === 'target' ? c.target : (c.actual?.value ?? null));
          const out: ReadValue[] = [];
          const whole = of(row.periods[n]!);
          if (whole !== null) out.push({ value: String(Number(whole.toFixed(6))), dimensions: [] });
          for (const o of options) {
            const v = of(o.periods[n]!);
            if (v !== null) out.push({ value: String(Number(v.toFixed(6))), dimensions: [{ name: o.categoryName, value: o.optionLabel }] });
          }
          return out;
        };
        const p = exported.periods.find((x) => x.start === period.start);
        const targets = expected('target');
        const actuals = expected('actual');
        if (targets.length === 0 && actuals.length === 0) expect(p).toBeUndefined();
        else {
          expect(p, `${row.code} ${period.key}`).toMatchObject({ end: period.end, targets, actuals });
          compared += targets.length + actuals.length;
        }
      });
    }
    expect(compared).toBeGreaterThan(20);

    // Hand-checked against iptt.db.test.ts: I1's first quarter, and Q3's pending value left out.
    const i1 = byTitle.get('Indicator I1')!;
    const [F, M] = w.sex.options;
    expect(i1.periods[0]).toEqual({
      start: '2025-01-01', end: '2025-03-31',
      targets: [{ value: '200', dimensions: [] }, { value: '120', dimensions: [{ name: w.sex.name, value: F!.label }] }, { value: '80', dimensions: [{ name: w.sex.name, value: M!.label }] }],
      actuals: [{ value: '150', dimensions: [] }, { value: '90', dimensions: [{ name: w.sex.name, value: F!.label }] }, { value: '60', dimensions: [{ name: w.sex.name, value: M!.label }] }],
    });
    expect(i1.periods[2]).toEqual({ start: '2025-07-01', end: '2025-09-30', targets: [{ value: '250', dimensions: [] }], actuals: [] });
  });

  it('writes narratives in the language asked for, translations in the others', async () => {
    const res = await exportXml(w.users.manager.id, [w.p1.id], '&language=fr');
    expect(res.statusCode).toBe(200);
    const a = readActivities(res.body)[0]!;
    expect(a.lang).toBe('fr');
    expect(a.results[1]!.title).toEqual(['Safe water used', 'Agua segura usada']);
    expect(validateIatiXml(res.body).valid).toBe(true);
  });

  it('gives no actual to a period not yet begun, where the IPTT carries a running total forward', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const end = `${Number(today.slice(0, 4)) + 1}-12-31`;
    await t.db.updateTable('projects').set({ end_date: end }).where('id', '=', w.p1.id).execute();
    try {
      const iptt = (await (await agentOf(w.users.manager.id)).get(`/api/iptt?scope=project&id=${w.p1.id}&granularity=quarter`)).json() as Iptt;
      const i2 = iptt.rows.find((r): r is Extract<IpttRow, { kind: 'indicator' }> => r.kind === 'indicator' && r.indicatorId === w.indicators.i2.id)!;
      const future = iptt.periods.flatMap((p, n) => (p.start > today ? [{ ...p, actual: i2.periods[n]!.actual?.value }] : []));
      expect(future.length).toBeGreaterThan(0);
      expect(future.every((p) => p.actual === 180)).toBe(true); // the running total, carried forward

      const res = await exportXml(w.users.manager.id, [w.p1.id]);
      expect(validateIatiXml(res.body).valid).toBe(true);
      const exported = readActivities(res.body)[0]!.results[1]!.indicators[1]!;
      expect(exported.periods.filter((p) => p.start! > today).flatMap((p) => p.actuals)).toEqual([]);
      expect(exported.periods.find((p) => p.start === '2025-10-01')!.actuals).toEqual([{ value: '180', dimensions: [] }]);
    } finally {
      await t.db.updateTable('projects').set({ end_date: '2025-12-31' }).where('id', '=', w.p1.id).execute();
    }
  });

  it('exports one project at its own address too', async () => {
    const res = await (await agentOf(w.users.manager.id)).get(`/api/projects/${w.p1.id}/iati.xml`);
    expect(res.statusCode).toBe(200);
    expect(readActivities(res.body).map((a) => a.identifier)).toEqual([`GB-CHC-555001-${w.p1.code}`]);
  });
});

describe('who may export', () => {
  it('lets managers and M&E officers of the project export; readers get 403, others 404', async () => {
    const meOfficer = await buildUser(t.db, { organisationId: w.org.id, grants: [{ role: 'me_officer', scopeType: 'project', scopeId: w.p1.id }] });
    const admin = await buildUser(t.db, { organisationId: w.org.id, grants: [{ role: 'admin', scopeType: 'installation', scopeId: null }] });
    const reporter = await buildUser(t.db, { organisationId: w.org.id, grants: [{ role: 'reporter', scopeType: 'project', scopeId: w.p1.id }] });
    const cases: [string, string, number][] = [
      ['programme manager', w.users.manager.id, 200],
      ['M&E officer on the project', meOfficer.id, 200],
      ['installation admin', admin.id, 200],
      ['viewer of the programme', w.users.viewer.id, 403],
      ['reporter on the project', reporter.id, 403],
      ['partner implementing the project', w.users.partner.id, 403],
      ['manager of another organisation', w.users.outsider.id, 404],
    ];
    for (const [who, userId, status] of cases) {
      expect((await check(userId, [w.p1.id])).status, `${who}: check`).toBe(status);
      expect((await exportXml(userId, [w.p1.id])).statusCode, `${who}: activities.xml`).toBe(status);
      expect((await (await agentOf(userId)).get(`/api/projects/${w.p1.id}/iati.xml`)).statusCode, `${who}: project iati.xml`).toBe(status);
    }
    expect((await t.anonymous().get(`/api/iati/check?projectIds=${w.p1.id}`)).statusCode).toBe(401);
  });

  it('answers 404 for a project that does not exist, even among visible ones', async () => {
    expect((await exportXml(w.users.manager.id, [w.p1.id, newId()])).statusCode).toBe(404);
    expect((await check(w.users.manager.id, [newId()])).status).toBe(404);
  });

  it('refuses a list that is not project ids', async () => {
    expect((await exportXml(w.users.manager.id, ['not-an-id'])).statusCode).toBe(400);
    expect((await (await agentOf(w.users.manager.id)).get('/api/iati/activities.xml')).statusCode).toBe(400);
  });
});
