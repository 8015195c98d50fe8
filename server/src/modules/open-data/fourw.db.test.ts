import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.js';
import { nowIso } from '../../lib/clock.js';
import { buildOrganisation, buildProgramme, buildUser } from '../../test/factories.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';
import { buildPivotWorld, type PivotWorld } from '../analytics/pivot.test-world.js';
import { isHxlHashtag } from './hxl.js';

/**
 * The 4W table over the pivot world: one project in Mali with three districts, IND-1 "People
 * reached" made a people indicator. Reached, approved only, by district (pivot.test-world.ts):
 * Delta 6+4 + 2+2 = 14, Echo 3+2 + 1+2 = 8, Foxtrot 4+3 + 3+3 = 13 (the pending Q3 package never counts).
 */
let t: TestApp;
let w: PivotWorld;
let manager: Agent;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildPivotWorld(t.db);
  await t.db.updateTable('indicators').set({ unit: 'people', lop_target: 50 }).where('id', '=', w.ids.reach).execute();
  await t.db.insertInto('project_sectors').values({ project_id: w.project.id, sector_code: '15160' }).execute();
  await t.db.deleteFrom('project_countries').where('project_id', '=', w.project.id).execute();
  await t.db.insertInto('project_countries').values({ project_id: w.project.id, country_code: 'MLI' }).execute();
  const now = nowIso();
  await t.db
    .insertInto('indicator_targets')
    .values({ id: newId(), indicator_id: w.ids.reach, period_key: 'LOP', location_id: w.places.delta, disaggregation_key: '', value: 20, created_at: now, updated_at: now })
    .execute();
  manager = await t.as(w.users.manager.id);
});
afterAll(() => t.close());

type Row = Record<string, string>;
async function download(agent: Agent, query = '') {
  const res = await agent.get(`/api/open-data/4w.hxl.csv${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const [headings, hashtags, ...data] = parse(res.rawPayload.toString('utf8'), { bom: true }) as [string[], string[], ...string[][]];
  return { res, headings, hashtags, rows: data.map((cells): Row => Object.fromEntries(hashtags.map((h, i) => [h, cells[i]!]))) };
}

describe('4W as HXL CSV', () => {
  it('has readable headings over valid HXL hashtags', async () => {
    const { res, headings, hashtags } = await download(manager);
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="fieldbook-4w-all-\d{4}-\d{2}-\d{2}\.hxl\.csv"$/);
    expect(headings[0]).toBe('Lead organisation');
    for (const tag of hashtags) expect(isHxlHashtag(tag), tag).toBe(true);
    expect(hashtags).toEqual(expect.arrayContaining([
      '#org+prog+name', '#org+impl+name', '#sector+code', '#sector+name', '#activity+code', '#activity+name', '#status+name', '#date+start', '#date+end',
      '#adm1+name', '#adm1+code', '#adm2+name', '#adm2+code', '#targeted', '#reached',
    ]));
  });

  it('gives one row per project and place with organisations, sector, dates and people reached from approved values', async () => {
    const { rows } = await download(manager);
    const mine = rows.filter((r) => r['#activity+code'] === w.project.code);
    expect(mine.map((r) => r['#adm2+name'])).toEqual(['Delta', 'Echo', 'Foxtrot']);
    expect(mine.map((r) => r['#adm1+name'])).toEqual(['Alpha', 'Alpha', 'Beta']);
    expect(mine.map((r) => r['#reached'])).toEqual(['14', '8', '13']);
    // A target set for the place; none for the others (the project's own target is not split between places).
    expect(mine.map((r) => r['#targeted'])).toEqual(['20', '', '']);
    expect(mine[0]).toMatchObject({
      '#org+prog+name': w.lead.name, '#sector+code': '15160', '#indicator+code': 'IND-1', '#country+code': 'MLI',
      '#date+start': '2025-01-01', '#date+end': '2025-12-31',
    });
    expect(mine[0]!['#org+impl+name']!.split('; ').sort()).toEqual([w.partner.name, w.other.name].sort());
    expect(mine[0]!['#sector+name']).not.toBe('');
  });

  it('leaves people columns empty when no indicator is clearly about people reached', async () => {
    await t.db.updateTable('indicators').set({ unit: 'sessions' }).where('id', '=', w.ids.reach).execute();
    try {
      const mine = (await download(manager)).rows.filter((r) => r['#activity+code'] === w.project.code);
      expect(mine.map((r) => [r['#indicator+code'], r['#targeted'], r['#reached']])).toEqual([['', '', ''], ['', '', ''], ['', '', '']]);
    } finally {
      await t.db.updateTable('indicators').set({ unit: 'people' }).where('id', '=', w.ids.reach).execute();
    }
  });

  it('filters by programme and country; a programme the reader cannot see is a 404', async () => {
    expect((await download(manager, `?programmeId=${w.programme.id}`)).rows).toHaveLength(3);
    expect((await download(manager, '?country=mli')).rows).toHaveLength(3);
    expect((await download(manager, '?country=GHA')).rows).toHaveLength(0);
    const elsewhere = await buildProgramme(t.db, { organisationId: (await buildOrganisation(t.db)).id });
    expect((await manager.get(`/api/open-data/4w.hxl.csv?programmeId=${elsewhere.id}`)).statusCode).toBe(404);
  });

  it('shows nothing of projects the reader cannot see, and a partner only its own figures', async () => {
    const stranger = await buildOrganisation(t.db);
    const user = await buildUser(t.db, { organisationId: stranger.id, grants: [{ role: 'viewer', scopeType: 'organisation', scopeId: stranger.id }] });
    expect((await download(await t.as(user.id))).rows).toHaveLength(0);
    const partner = (await download(await t.as(w.users.partnerReporter.id))).rows.filter((r) => r['#activity+code'] === w.project.code);
    // The partner reported only in Echo (Q2: 1 + 2).
    expect(partner.map((r) => r['#reached'])).toEqual(['', '3', '']);
  });

  it('neutralises a project title that looks like a formula', async () => {
    const { title } = await t.db.selectFrom('projects').select('title').where('id', '=', w.project.id).executeTakeFirstOrThrow();
    await t.db.updateTable('projects').set({ title: '@SUM(1+1)' }).where('id', '=', w.project.id).execute();
    try {
      const mine = (await download(manager)).rows.filter((r) => r['#activity+code'] === w.project.code);
      expect(mine[0]!['#activity+name']).toBe(`'@SUM(1+1)`);
    } finally {
      await t.db.updateTable('projects').set({ title }).where('id', '=', w.project.id).execute();
    }
  });
});
