import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PivotResult } from '@shared/schemas/monitoring.js';
import { buildOrganisation, buildUser } from '../../test/factories.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';
import { buildPivotWorld, type PivotWorld } from '../analytics/pivot.test-world.js';
import { isHxlHashtag } from './hxl.js';

/**
 * The values as HXL CSV, checked against the pivot world (pivot.test-world.ts): its numbers are
 * known by hand, and the pivot's answer over the same values is the reference for every sum.
 */
let t: TestApp;
let w: PivotWorld;
let manager: Agent;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildPivotWorld(t.db);
  // The world's sex category, made a real one: kind sex, options female and male, so it maps to +f / +m.
  await t.db.updateTable('disaggregation_categories').set({ kind: 'sex' }).where('id', '=', w.sex.id).execute();
  await t.db.updateTable('disaggregation_options').set({ code: 'female' }).where('id', '=', w.sex.F).execute();
  await t.db.updateTable('disaggregation_options').set({ code: 'male' }).where('id', '=', w.sex.M).execute();
  manager = await t.as(w.users.manager.id);
});
afterAll(() => t.close());

type Row = Record<string, string>;
/** The file's lines: headings, hashtags, and the data rows keyed by hashtag. */
async function download(agent: Agent, query = '') {
  const res = await agent.get(`/api/projects/${w.project.id}/values.hxl.csv${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const lines = parse(res.rawPayload.toString('utf8'), { bom: true, relax_column_count: false }) as string[][];
  const [headings, hashtags, ...data] = lines as [string[], string[], ...string[][]];
  const rows: Row[] = data.map((cells) => Object.fromEntries(hashtags.map((h, i) => [h, cells[i]!])));
  return { res, headings, hashtags, rows };
}

const sum = (rows: Row[], tag: string) => rows.reduce((s, r) => s + (r[tag] ? Number(r[tag]) : 0), 0);
const byQuarter = { type: 'period', granularity: 'quarter' } as const;

describe('values as HXL CSV', () => {
  it('answers UTF-8 CSV with a BOM, readable headings and a row of valid HXL hashtags', async () => {
    const { res, headings, hashtags } = await download(manager);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="fieldbook-values-[A-Za-z0-9._-]+-\d{4}-\d{2}-\d{2}\.hxl\.csv"$/);
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(headings).toContain('Indicator code');
    expect(hashtags.length).toBe(headings.length);
    for (const tag of hashtags) expect(isHxlHashtag(tag), tag).toBe(true);
    expect(new Set(hashtags).size).toBe(hashtags.length);
    expect(hashtags).toEqual(expect.arrayContaining([
      '#org+name', '#org+code', '#adm1+name', '#adm1+code', '#adm2+name', '#adm2+code', '#loc+name', '#loc+code', '#indicator+code', '#indicator+name',
      '#indicator+value+num', '#indicator+value+num+f', '#indicator+value+num+m', '#date+start', '#date+end', '#sector+code', '#activity+code',
      '#activity+name', '#meta+disaggregation', '#meta+status',
    ]));
    // Only the attribute columns the indicators can fill: no age band here.
    expect(hashtags.some((h) => h.includes('+children'))).toBe(false);
  });

  it('holds, added up, the figures the pivot shows: totals, each sex, and percentages as Σnumerator ÷ Σdenominator', async () => {
    const { rows } = await download(manager);
    const ask = async (indicatorId: string, bySex: boolean) =>
      (await manager.post('/api/pivot', {
        indicatorIds: [indicatorId], rows: bySex ? [{ type: 'category', categoryId: w.sex.id }] : [], columns: [byQuarter],
      })).json() as PivotResult;
    const totals = await ask(w.ids.reach, false);
    const bySex = await ask(w.ids.reach, true);
    const sexRow = (option: string) => bySex.cells[bySex.rowMembers.findIndex((m) => m[0]!.key === option)]!;
    const ofPeriod = (key: string, code: string) => rows.filter((r) => r['#meta+period'] === key && r['#indicator+code'] === code);
    for (const [q, key] of [[0, '2025-Q1'], [1, '2025-Q2']] as const) {
      const reach = ofPeriod(key, 'IND-1');
      expect(sum(reach.filter((r) => r['#meta+disaggregation'] === ''), '#indicator+value+num')).toBe(totals.cells[0]![q]!.value);
      expect(sum(reach, '#indicator+value+num+f')).toBe(sexRow(w.sex.F)[q]!.value);
      expect(sum(reach, '#indicator+value+num+m')).toBe(sexRow(w.sex.M)[q]!.value);
    }
    // By hand: Q1 lead 6+4, 3+2, 4+3 = 22; Q2 lead 2+2, 3+3 and partner 1+2 = 13.
    expect(totals.cells[0]!.slice(0, 2).map((c) => c?.value)).toEqual([22, 13]);
    const pct = ofPeriod('2025-Q1', 'IND-2').filter((r) => !r['#meta+disaggregation']);
    expect(pct).toHaveLength(2);
    const pooled = (100 * sum(pct, '#indicator+numerator+num')) / sum(pct, '#indicator+denominator+num');
    expect(pooled).toBeCloseTo(40, 10); // (30 + 10) ÷ (60 + 40)
    const pctPivot = await ask(w.ids.pct, false);
    expect(pctPivot.cells[0]![0]!.value).toBeCloseTo(pooled, 10);
  });

  it('names each row: organisation, places with P-codes, period, indicator, combination, approval', async () => {
    const { rows } = await download(manager);
    const row = rows.find((r) => r['#meta+period'] === '2025-Q2' && r['#loc+name'] === 'Echo' && r['#indicator+code'] === 'IND-1' && r['#indicator+value+num+f'] !== '')!;
    const echo = await t.db.selectFrom('locations').select('pcode').where('id', '=', w.places.echo).executeTakeFirstOrThrow();
    const alpha = await t.db.selectFrom('locations').select('pcode').where('id', '=', w.regions.alpha).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      '#org+name': w.partner.name, '#adm1+name': 'Alpha', '#adm1+code': alpha.pcode, '#adm2+name': 'Echo', '#adm2+code': echo.pcode, '#loc+code': echo.pcode,
      '#country+code': 'MLI', '#date+start': '2025-04-01', '#date+end': '2025-06-30', '#indicator+name': 'People reached', '#meta+disaggregation': 'F',
      '#indicator+value+num+f': '1', '#indicator+value+num': '', '#indicator+value+num+m': '', '#meta+status': 'approved', '#activity+code': w.project.code,
    });
    // One row per value: 3 indicators' totals and breakdowns over the approved packages.
    expect(rows).toHaveLength(3 * 3 + 2 * 3 + 3 + 2 * 3 + 1 + 3 + 1);
  });

  it('leaves packages not yet approved out for viewers, and marks them for managers who ask', async () => {
    const viewer = await t.as(w.users.viewer.id);
    const seen = await download(viewer, '?includePending=true');
    expect(seen.rows.some((r) => r['#meta+period'] === '2025-Q3')).toBe(false);
    expect(new Set(seen.rows.map((r) => r['#meta+status']))).toEqual(new Set(['approved']));
    expect((await download(manager)).rows.some((r) => r['#meta+period'] === '2025-Q3')).toBe(false);
    const asked = await download(manager, '?includePending=true');
    const pending = asked.rows.filter((r) => r['#meta+period'] === '2025-Q3');
    expect(pending).toHaveLength(3);
    expect(new Set(pending.map((r) => r['#meta+status']))).toEqual(new Set(['pending (not yet approved)']));
  });

  it('gives a partner only its own organisation’s values', async () => {
    const partner = await t.as(w.users.partnerReporter.id);
    const { rows } = await download(partner);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r['#org+name']))).toEqual(new Set([w.partner.name]));
  });

  it('answers 404 to someone of another organisation, 401 without a session', async () => {
    const stranger = await buildOrganisation(t.db);
    const user = await buildUser(t.db, { organisationId: stranger.id, grants: [{ role: 'viewer', scopeType: 'organisation', scopeId: stranger.id }] });
    expect((await (await t.as(user.id)).get(`/api/projects/${w.project.id}/values.hxl.csv`)).statusCode).toBe(404);
    expect((await t.anonymous().get(`/api/projects/${w.project.id}/values.hxl.csv`)).statusCode).toBe(401);
  });

  it('keeps to the months asked for, and refuses an end before the start', async () => {
    const { rows } = await download(manager, '?from=2025-04-15&to=2025-06-30');
    expect(new Set(rows.map((r) => r['#meta+period']))).toEqual(new Set(['2025-Q2']));
    const res = await manager.get(`/api/projects/${w.project.id}/values.hxl.csv?from=2025-06-01&to=2025-01-31`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'validation_failed', details: [{ field: 'querystring.to', reason: 'end_before_start' }] } });
  });

  it('neutralises text that a spreadsheet would run as a formula: comments and place names', async () => {
    const value = await t.db.selectFrom('indicator_values').select('id').where('indicator_id', '=', w.ids.stock).where('location_id', '=', w.places.foxtrot).executeTakeFirstOrThrow();
    await t.db.updateTable('indicator_values').set({ comment: '=HYPERLINK("http://evil.example","x")' }).where('id', '=', value.id).execute();
    await t.db.updateTable('locations').set({ name: '+SUM(A1:A9)' }).where('id', '=', w.places.foxtrot).execute();
    try {
      const { rows } = await download(manager);
      const row = rows.find((r) => r['#meta+comment']?.includes('HYPERLINK'))!;
      expect(row['#meta+comment']).toBe(`'=HYPERLINK("http://evil.example","x")`);
      expect(row['#loc+name']).toBe(`'+SUM(A1:A9)`);
      expect(rows.every((r) => Object.values(r).every((c) => !/^[=+\-@\t\r]/.test(c) || /^-\d/.test(c)))).toBe(true);
    } finally {
      await t.db.updateTable('indicator_values').set({ comment: '' }).where('id', '=', value.id).execute();
      await t.db.updateTable('locations').set({ name: 'Foxtrot' }).where('id', '=', w.places.foxtrot).execute();
    }
  });
});
