import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorMap } from '@shared/schemas/monitoring.js';
import { nowIso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { buildCategory, buildIndicator, buildOrganisation, buildProgramme, buildProject, buildResultNode, buildUser } from '../../test/factories.js';
import { buildRound } from '../../test/reporting-factories.js';
import { buildProgrammeNode } from '../../test/results-factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { refreshSubmissionFacts } from './facts.js';

/**
 * The indicator map against numbers worked out by hand. A country of its own with three regions:
 * Nord (with a shape; districts Alpha, with the site Camp, and Beta), Sud (a shape, never reports)
 * and Est (no shape). A region of another country reports too and must not appear.
 *
 * | round | organisation | status    | values (total, F, M)                                  |
 * |-------|--------------|-----------|-------------------------------------------------------|
 * | Q1    | lead         | approved  | Camp 7 (4, 3); Beta 5 (2, 3); Elsewhere 30            |
 * | Q2    | partner      | approved  | Alpha 10 (6, 4)                                       |
 * | Q3    | lead         | submitted | Beta 100 (pending)                                    |
 *
 * Regions: Nord = 7 + 5 + 10 = 22, Sud and Est no data. Districts: Alpha = 7 (its site) + 10 = 17,
 * Beta 5. Girls only: Nord 4 + 2 + 6 = 12. From Q2 on: Nord 10. The partner alone: Nord 10.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let counter = 0;
const code = (prefix: string) => `${prefix}${Date.now().toString(36).toUpperCase()}${counter++}`;

// Mali-like coordinates (Bamako's first points in the demo boundary file), rounded by hand below.
const nordShape = { type: 'Polygon', coordinates: [[[-7.92937, 12.68175], [-7.92967, 12.68189], [-7.92971, 12.68191], [-7.9301, 12.6802], [-7.92937, 12.68175]]] };
const nordRounded = { type: 'Polygon', coordinates: [[[-7.929, 12.682], [-7.93, 12.682], [-7.93, 12.68], [-7.929, 12.682]]] };
const sudShape = { type: 'MultiPolygon', coordinates: [[[[-5.0004, 11.0], [-5.0, 11.5], [-4.5, 11.5], [-5.0004, 11.0]]]] };
const sudRounded = { type: 'MultiPolygon', coordinates: [[[[-5, 11], [-5, 11.5], [-4.5, 11.5], [-5, 11]]]] };

async function place(name: string, level: string, parentId: string | null, geometry: object | null = null) {
  const now = nowIso();
  const row = { id: newId(), parent_id: parentId, level, pcode: code('X'), name, names_json: '{}', geometry_json: geometry ? JSON.stringify(geometry) : null, created_at: now, updated_at: now };
  await t.db.insertInto('locations').values(row).execute();
  return row;
}

async function setUp() {
  const lead = await buildOrganisation(t.db);
  const partner = await buildOrganisation(t.db);
  const programme = await buildProgramme(t.db, { organisationId: lead.id });
  const project = await buildProject(t.db, { programmeId: programme.id, leadOrganisationId: lead.id, implementingOrganisationIds: [partner.id] });
  await t.db.updateTable('projects').set({ start_date: '2026-01-01', end_date: '2026-12-31' }).where('id', '=', project.id).execute();
  const on = (role: 'me_officer' | 'viewer' | 'partner_reporter') => [{ role, scopeType: 'project' as const, scopeId: project.id }];
  const users = {
    manager: await buildUser(t.db, { organisationId: lead.id, grants: on('me_officer') }),
    viewer: await buildUser(t.db, { organisationId: lead.id, grants: on('viewer') }),
    partner: await buildUser(t.db, { organisationId: partner.id, grants: on('partner_reporter') }),
    admin: await buildUser(t.db, { organisationId: lead.id, grants: [{ role: 'admin', scopeType: 'installation', scopeId: null }] }),
    outsider: await buildUser(t.db, { organisationId: (await buildOrganisation(t.db)).id }),
  };

  const country = await place('Testland', 'country', null);
  const other = await place('Otherland', 'country', null);
  await t.db.insertInto('project_countries').values({ project_id: project.id, country_code: country.pcode }).execute();
  const nord = await place('Nord', 'admin1', country.id, nordShape);
  const sud = await place('Sud', 'admin1', country.id, sudShape);
  const est = await place('Est', 'admin1', country.id);
  const alpha = await place('Alpha', 'admin2', nord.id);
  const beta = await place('Beta', 'admin2', nord.id);
  const camp = await place('Camp', 'site', alpha.id);
  const elsewhere = await place('Elsewhere', 'admin1', other.id);

  const node = await buildResultNode(t.db, { projectId: project.id });
  const reach = await buildIndicator(t.db, { nodeId: node.id, code: 'M1' });
  const sex = await buildCategory(t.db, { organisationId: lead.id, code: 'sex', options: ['F', 'M'] });
  const [F, M] = sex.options.map((o) => o.id) as [string, string];
  await t.db.insertInto('indicator_disaggregations').values({ indicator_id: reach.id, category_id: sex.id, position: 0 }).execute();
  const now = nowIso();
  const target = (locationId: string | null, period: string, key: string, value: number) => ({
    id: newId(), indicator_id: reach.id, period_key: period, location_id: locationId, disaggregation_key: key, value, created_at: now, updated_at: now,
  });
  // Only the first is Nord's life-of-project target; the others are a breakdown and a period target.
  await t.db.insertInto('indicator_targets').values([target(nord.id, 'LOP', '', 50), target(nord.id, 'LOP', F, 30), target(nord.id, '2026-Q1', '', 10), target(null, 'LOP', '', 80)]).execute();

  const pkg = async (periodKey: string, organisationId: string, status: 'approved' | 'submitted', values: [string, number, number?, number?][]) => {
    const { submissions } = await buildRound(t.db, { projectId: project.id, periodKey, reporters: [{ organisationId, status }] });
    const s = submissions[0]!;
    for (const [locationId, total, f, m] of values) {
      const cells: [string, number | undefined][] = [['', total], [F, f], [M, m]];
      for (const [key, value] of cells) {
        if (value === undefined) continue;
        await t.db
          .insertInto('indicator_values')
          .values({
            id: newId(), submission_id: s.id, indicator_id: reach.id, location_id: locationId, disaggregation_key: key, value, numerator: null, denominator: null,
            text_value: null, comment: '', updated_by: users.manager.id, updated_at: now,
          })
          .execute();
      }
    }
    await refreshSubmissionFacts(t.db, s.id);
  };
  await pkg('2026-Q1', lead.id, 'approved', [[camp.id, 7, 4, 3], [beta.id, 5, 2, 3], [elsewhere.id, 30]]);
  await pkg('2026-Q2', partner.id, 'approved', [[alpha.id, 10, 6, 4]]);
  await pkg('2026-Q3', lead.id, 'submitted', [[beta.id, 100]]);
  return { programme, project, users, country, places: { nord, sud, est, alpha, beta, camp }, reach, F };
}

let w: Awaited<ReturnType<typeof setUp>>;
beforeAll(async () => {
  w = await setUp();
});

const mapOf = async (userId: string, query = '', indicatorId = w.reach.id) => {
  const res = await (await t.as(userId)).get(`/api/indicators/${indicatorId}/map${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as IndicatorMap;
};
const figures = (m: IndicatorMap) => m.areas.map((a) => [a.name, a.figure?.value ?? null]);

describe('GET /indicators/:id/map', () => {
  it('gives every region of the project’s countries, a region without data as no data (never 0), with its target and shape', async () => {
    const m = await mapOf(w.users.manager.id);
    expect(m).toMatchObject({ level: 'admin1', from: null, to: null, includesPending: false, canIncludePending: true });
    expect(m.indicator).toMatchObject({ indicatorId: w.reach.id, code: 'M1', type: 'number' });
    expect(figures(m)).toEqual([['Est', null], ['Nord', 22], ['Sud', null]]);
    expect(m.areas.map((a) => [a.name, a.target])).toEqual([['Est', null], ['Nord', 50], ['Sud', null]]);
    expect(m.areas.find((a) => a.name === 'Nord')!.figure).toMatchObject({ value: 22, pending: false });
    expect(m.shapes).toEqual([
      { locationId: w.places.nord.id, geometry: nordRounded },
      { locationId: w.places.sud.id, geometry: sudRounded },
    ]);
  });

  it('counts a value reported at a site in its district and its region', async () => {
    expect(figures(await mapOf(w.users.manager.id, '?level=admin2'))).toEqual([['Alpha', 17], ['Beta', 5]]);
    expect(figures(await mapOf(w.users.manager.id, '?level=site'))).toEqual([['Camp', 7]]);
  });

  it('shows one disaggregation option, and a date range', async () => {
    expect(figures(await mapOf(w.users.manager.id, `?optionId=${w.F}`))).toEqual([['Est', null], ['Nord', 12], ['Sud', null]]);
    expect(figures(await mapOf(w.users.manager.id, `?level=admin2&optionId=${w.F}`))).toEqual([['Alpha', 10], ['Beta', 2]]);
    const later = await mapOf(w.users.manager.id, '?from=2026-04-01&to=2026-12-31');
    expect(later).toMatchObject({ from: '2026-04-01', to: '2026-12-31' });
    expect(figures(later)).toEqual([['Est', null], ['Nord', 10], ['Sud', null]]);
    const res = await (await t.as(w.users.manager.id)).get(`/api/indicators/${w.reach.id}/map?optionId=${newId()}`);
    expect(res.statusCode).toBe(400);
  });

  it('adds pending values for a manager who asks, never for a viewer', async () => {
    const manager = await mapOf(w.users.manager.id, '?includePending=true');
    expect(manager.includesPending).toBe(true);
    expect(manager.areas.find((a) => a.name === 'Nord')!.figure).toMatchObject({ value: 122, pending: true });
    const viewer = await mapOf(w.users.viewer.id, '?includePending=true');
    expect(viewer).toMatchObject({ includesPending: false, canIncludePending: false });
    expect(figures(viewer)).toEqual([['Est', null], ['Nord', 22], ['Sud', null]]);
  });

  it('shows a partner its own organisation’s figures only', async () => {
    expect(figures(await mapOf(w.users.partner.id, '?level=admin2'))).toEqual([['Alpha', 10], ['Beta', null]]);
  });

  it('maps a programme indicator from its contributors over the countries of the programme’s projects', async () => {
    const programmeIndicator = await buildIndicator(t.db, { nodeId: (await buildProgrammeNode(t.db, { programmeId: w.programme.id })).id });
    await t.db.updateTable('indicators').set({ contributes_to_id: programmeIndicator.id }).where('id', '=', w.reach.id).execute();
    try {
      expect(figures(await mapOf(w.users.manager.id, '', programmeIndicator.id))).toEqual([['Est', null], ['Nord', 22], ['Sud', null]]);
    } finally {
      await t.db.updateTable('indicators').set({ contributes_to_id: null }).where('id', '=', w.reach.id).execute();
    }
  });

  it('is 404 for an indicator the reader cannot see, or that does not exist', async () => {
    expect((await (await t.as(w.users.outsider.id)).get(`/api/indicators/${w.reach.id}/map`)).statusCode).toBe(404);
    expect((await (await t.as(w.users.manager.id)).get(`/api/indicators/${newId()}/map`)).statusCode).toBe(404);
  });

  it('draws a Mali boundary imported from the demo file, rounded to 3 decimals', async () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const file = JSON.parse(fs.readFileSync(path.join(here, '../../db/seed/boundaries/mli-adm1-regions.geojson'), 'utf8')) as { features: { geometry: { type: string; coordinates: number[][][] } }[] };
    const feature = file.features[0]!;
    const pcode = code('ML');
    const content = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { pcode, name: 'Bamako' }, geometry: feature.geometry }] });
    const imported = await (await t.as(w.users.admin.id)).post('/api/locations/import', { format: 'geojson', level: 'admin1', parentPcode: w.country.pcode, content });
    expect(imported.statusCode, imported.body).toBe(200);

    const m = await mapOf(w.users.manager.id);
    const bamako = m.areas.find((a) => a.name === 'Bamako')!;
    expect(bamako.figure).toBeNull();
    const shape = m.shapes.find((s) => s.locationId === bamako.locationId)!.geometry as { type: string; coordinates: number[][][] };
    expect(shape.type).toBe('Polygon');
    // The file's first point is (−7.92937, 12.68175).
    expect(feature.geometry.coordinates[0]![0]).toEqual([-7.92937, 12.68175]);
    expect(shape.coordinates[0]![0]).toEqual([-7.929, 12.682]);
    expect(shape.coordinates).toHaveLength(feature.geometry.coordinates.length);
    for (const ring of shape.coordinates) {
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring.at(-1)).toEqual(ring[0]);
      for (const [x, y] of ring) for (const n of [x!, y!]) expect(Math.abs(n * 1000 - Math.round(n * 1000))).toBeLessThan(1e-6);
    }
    expect(JSON.stringify(shape).length).toBeLessThan(JSON.stringify(feature.geometry).length);
  });
});
