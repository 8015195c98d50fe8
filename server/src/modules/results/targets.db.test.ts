import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorTargets } from '@shared/schemas/index.js';
import { nowIso } from '../../lib/clock.js';
import type { Ctx } from '../../lib/context.js';
import { newId } from '../../lib/ids.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { buildCategory, buildIndicator, buildLocationTree, buildOrganisation, buildProgramme, buildProject, buildResultNode, buildUser } from '../../test/factories.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';
import { setIndicatorCategories } from '../disaggregations/disaggregations.repository.js';
import { putTargets } from './targets.service.js';
import { targetsOfIndicator } from './targets.repository.js';

let t: TestApp;
let orgId: string;
let programmeId: string;
let me: Agent;

beforeAll(async () => {
  t = await createTestApp();
  orgId = (await buildOrganisation(t.db)).id;
  programmeId = (await buildProgramme(t.db, { organisationId: orgId })).id;
  me = await t.as((await buildUser(t.db, { organisationId: orgId, grants: [{ role: 'me_officer', scopeType: 'organisation', scopeId: orgId }] })).id);
});
afterAll(() => t.close());

/**
 * A project (2025-01-01 to 2026-12-31, from the factory) with two locations and a quarterly
 * indicator split by sex × age (0–17, 18+).
 */
async function world(o: { type?: string; frequency?: string; fyStart?: number } = {}) {
  const org = await buildOrganisation(t.db);
  if (o.fyStart) await t.db.updateTable('organisations').set({ fiscal_year_start_month: o.fyStart }).where('id', '=', org.id).execute();
  const programme = await buildProgramme(t.db, { organisationId: org.id });
  const project = await buildProject(t.db, { programmeId: programme.id, leadOrganisationId: org.id });
  const { admin1, admin2 } = await buildLocationTree(t.db, 'COD');
  await t.db.insertInto('project_locations').values([{ project_id: project.id, location_id: admin2.id }, { project_id: project.id, location_id: admin1.id }]).execute();
  const indicator = await buildIndicator(t.db, { nodeId: (await buildResultNode(t.db, { projectId: project.id })).id, type: o.type ?? 'number' });
  if (o.frequency) await t.db.updateTable('indicators').set({ frequency: o.frequency }).where('id', '=', indicator.id).execute();
  const sex = await buildCategory(t.db, { organisationId: org.id, code: 'sex', options: ['female', 'male'] });
  const age = await buildCategory(t.db, { organisationId: org.id, code: 'age', ages: [[0, 17], [18, null]] });
  await setIndicatorCategories(t.db, indicator.id, [sex.id, age.id]);
  const editor = await t.as((await buildUser(t.db, { organisationId: org.id, grants: [{ role: 'me_officer', scopeType: 'organisation', scopeId: org.id }] })).id);
  const [female, male] = sex.options.map((x) => x.id) as [string, string];
  const [child, adult] = age.options.map((x) => x.id) as [string, string];
  return { org, programme, project, indicator, admin1, admin2, female, male, child, adult, editor };
}

const put = (agent: Agent, indicatorId: string, targets: unknown[], why: unknown = { reason: 'donor_requirement' }) =>
  agent.request('PUT', `/api/indicators/${indicatorId}/targets`, { targets, why });

const get = async (agent: Agent, indicatorId: string) => {
  const res = await agent.get(`/api/indicators/${indicatorId}/targets`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as IndicatorTargets;
};

describe('what a targets editor is given', () => {
  it('lists the quarters over the project, its locations by P-code and the categories in the indicator order', async () => {
    const w = await world();
    const view = await get(w.editor, w.indicator.id);
    expect(view.frequency).toBe('quarter');
    expect(view.periods.map((p) => p.key)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(view.periods[0]).toEqual({ key: '2025-Q1', start: '2025-01-01', end: '2025-03-31' });
    expect(view.locations.map((l) => [l.id, l.level])).toEqual([[w.admin1.id, 'admin1'], [w.admin2.id, 'admin2']]);
    expect(view.categories.map((c) => c.code)).toEqual(['sex', 'age']);
    expect(view.categories[0]!.usedBy).toBe(1);
    expect(view).toMatchObject({ indicatorId: w.indicator.id, lopTarget: null, targets: [], canEdit: true });
  });

  it('names periods after the fiscal year of the organisation: an April start gives FY keys', async () => {
    const w = await world({ fyStart: 4 });
    // January–March 2025 is the last quarter of FY2025 (April 2024 – March 2025); October–December 2026 is Q3 of FY2027.
    expect((await get(w.editor, w.indicator.id)).periods.map((p) => p.key)).toEqual([
      'FY2025-Q4', 'FY2026-Q1', 'FY2026-Q2', 'FY2026-Q3', 'FY2026-Q4', 'FY2027-Q1', 'FY2027-Q2', 'FY2027-Q3',
    ]);
    const yearly = await world({ fyStart: 4, frequency: 'year' });
    expect((await get(yearly.editor, yearly.indicator.id)).periods).toEqual([
      { key: 'FY2025', start: '2024-04-01', end: '2025-03-31' },
      { key: 'FY2026', start: '2025-04-01', end: '2026-03-31' },
      { key: 'FY2027', start: '2026-04-01', end: '2027-03-31' },
    ]);
  });

  it('has no periods for a life-of-project indicator, only LOP breakdowns', async () => {
    const w = await world({ frequency: 'lop' });
    expect((await get(w.editor, w.indicator.id)).periods).toEqual([]);
    expect((await put(w.editor, w.indicator.id, [{ period: '2025-Q1', value: 1 }])).json().error.details).toMatchObject([{ field: 'body.targets.0.period', reason: 'unknown_period' }]);
    expect((await put(w.editor, w.indicator.id, [{ period: 'LOP', optionIds: [w.female], value: 1 }])).statusCode).toBe(200);
  });

  it('uses the programme dates and no locations for a programme framework', async () => {
    const now = nowIso();
    const framework = { id: newId(), project_id: null, programme_id: programmeId, template: 'custom', level_labels_json: '[]', created_at: now, updated_at: now };
    await t.db.insertInto('results_frameworks').values(framework).execute();
    const node = { id: newId(), framework_id: framework.id, parent_id: null, level: 0, code: 'G', title: 'Goal', titles_json: '{}', description: '', position: 0, created_at: now, updated_at: now };
    await t.db.insertInto('result_nodes').values(node).execute();
    const indicator = await buildIndicator(t.db, { nodeId: node.id });
    await t.db.updateTable('indicators').set({ frequency: 'year' }).where('id', '=', indicator.id).execute();
    const view = await get(me, indicator.id);
    // buildProgramme runs 2025-01-01 to 2027-12-31.
    expect(view.periods.map((p) => p.key)).toEqual(['2025', '2026', '2027']);
    expect(view.locations).toEqual([]);
    await t.db.updateTable('programmes').set({ start_date: null, end_date: null }).where('id', '=', programmeId).execute();
    expect((await get(me, indicator.id)).periods).toEqual([]);
  });
});

describe('checking targets before writing', () => {
  it('reports every problem at once, by entry and field, and writes nothing', async () => {
    const w = await world();
    const stranger = (await buildLocationTree(t.db, 'MLI')).admin1.id;
    const res = await put(w.editor, w.indicator.id, [
      { period: '2025-Q1', value: 100 }, // fine
      { period: '2024-Q4', value: 1 }, // before the project
      { period: 'LOP', value: 1 }, // the total: that is lopTarget
      { period: '2025-Q1', locationId: stranger, value: 1 }, // not a project location
      { period: '2025-Q1', optionIds: [newId()], value: 1 }, // not an option of the indicator
      { period: '2025-Q1', optionIds: [w.female, w.male], value: 1 }, // two options of one category
      { period: '2025-Q1', value: 5 }, // the first entry again
      { period: '2025-Q2', optionIds: [w.child, w.female], value: -1 }, // negative count (options in any order)
      { period: '2025-Q2', optionIds: [w.female, w.child], value: 3 }, // the same cell as the one before is not reported: that one was refused
    ], { reason: 'other', note: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string; reason: string }) => [d.field, d.reason])).toEqual([
      ['body.why.note', 'required'],
      ['body.targets.1.period', 'unknown_period'],
      ['body.targets.2.period', 'use_lop_target'],
      ['body.targets.3.locationId', 'not_project_location'],
      ['body.targets.4.optionIds', 'unknown_option'],
      ['body.targets.5.optionIds', 'same_category_twice'],
      ['body.targets.6.period', 'duplicate_target'],
      ['body.targets.7.value', 'too_small'],
    ]);
    expect(res.json().error.details[1]).toMatchObject({ params: { period: '2024-Q4' }, message: "Period '2024-Q4' is not one of the indicator's periods." });
    expect(await targetsOfIndicator(t.db, w.indicator.id)).toEqual([]);
  });

  it('holds values to the indicator type: percentages 0–100, yes/no 0 or 1, nothing for qualitative ones', async () => {
    const pct = await world({ type: 'percentage' });
    const pctRes = await put(pct.editor, pct.indicator.id, [{ period: '2025-Q1', value: 100 }, { period: '2025-Q2', value: 100.5 }, { period: '2025-Q3', value: -0.1 }]);
    expect(pctRes.json().error.details).toMatchObject([
      { field: 'body.targets.1.value', reason: 'too_big', params: { maximum: 100 } },
      { field: 'body.targets.2.value', reason: 'too_small', params: { minimum: 0 } },
    ]);
    const yn = await world({ type: 'yes_no' });
    const ynRes = await put(yn.editor, yn.indicator.id, [{ period: '2025-Q1', value: 1 }, { period: '2025-Q2', value: 0 }, { period: '2025-Q3', value: 0.5 }]);
    expect(ynRes.json().error.details).toMatchObject([{ field: 'body.targets.2.value', reason: 'yes_no_value' }]);
    const q = await world({ type: 'qualitative' });
    expect((await put(q.editor, q.indicator.id, [{ period: '2025-Q1', value: 1 }])).json().error.details).toMatchObject([{ field: 'body.targets.0.value', reason: 'not_numeric' }]);
    expect((await put(q.editor, q.indicator.id, [])).statusCode).toBe(200);
    const money = await world({ type: 'currency' });
    expect((await put(money.editor, money.indicator.id, [{ period: '2025-Q1', value: 2_500_000.5 }])).statusCode).toBe(200);
  });
});

describe('replacing targets', () => {
  it('replaces the whole set, keeps options in category order, and records only the cells that changed', async () => {
    const w = await world();
    const first = await put(w.editor, w.indicator.id, [
      { period: '2025-Q1', value: 100 },
      { period: '2025-Q1', locationId: w.admin2.id, value: 60 },
      { period: 'LOP', optionIds: [w.child, w.female], value: 40 },
      { period: '2025-Q2', value: 120 },
    ]);
    expect(first.statusCode, first.body).toBe(200);
    expect((first.json() as IndicatorTargets).targets).toEqual([
      { period: '2025-Q1', locationId: null, optionIds: [], value: 100 },
      { period: '2025-Q1', locationId: w.admin2.id, optionIds: [], value: 60 },
      { period: '2025-Q2', locationId: null, optionIds: [], value: 120 },
      { period: 'LOP', locationId: null, optionIds: [w.female, w.child], value: 40 },
    ]);
    const kept = (await targetsOfIndicator(t.db, w.indicator.id)).find((r) => r.period_key === '2025-Q2')!;

    // 2025-Q1 changes, 2025-Q1 at the district goes, 2025-Q2 stays, LOP female/child stays, 2025-Q3 comes.
    const second = await put(
      w.editor,
      w.indicator.id,
      [
        { period: '2025-Q2', value: 120 },
        { period: '2025-Q1', value: 90 },
        { period: 'LOP', optionIds: [w.female, w.child], value: 40 },
        { period: '2025-Q3', locationId: w.admin1.id, optionIds: [w.male], value: 15 },
      ],
      { reason: 'implementation_delay', note: 'Rainy season' },
    );
    expect(second.statusCode, second.body).toBe(200);
    const rows = await targetsOfIndicator(t.db, w.indicator.id);
    expect(rows).toHaveLength(4);
    expect(rows.find((r) => r.period_key === '2025-Q2')).toEqual(kept);
    expect(rows.find((r) => r.period_key === '2025-Q3')).toMatchObject({ location_id: w.admin1.id, disaggregation_key: w.male, value: 15 });

    const history = (await w.editor.get(`/api/indicators/${w.indicator.id}/history`)).json().items as { reason: string; changes: unknown[] }[];
    expect(history).toHaveLength(2);
    // Two entries can share a millisecond, so they are told apart by their reason rather than their order.
    const [latest, earlier] = [history.find((h) => h.reason === 'implementation_delay')!, history.find((h) => h.reason === 'donor_requirement')!];
    expect(latest).toMatchObject({ action: 'indicator.targets', note: 'Rainy season' });
    expect(latest.changes).toEqual([
      { field: 'target 2025-Q1', before: 100, after: 90 },
      { field: `target 2025-Q1 · ${w.admin2.pcode}`, before: 60, after: null },
      { field: `target 2025-Q3 · ${w.admin1.pcode} · male`, before: null, after: 15 },
    ]);
    expect(earlier.changes).toContainEqual({ field: 'target LOP · female/0-17', before: null, after: 40 });
  });

  it('writes no history entry when nothing changes', async () => {
    const w = await world();
    await put(w.editor, w.indicator.id, [{ period: '2025-Q1', value: 10 }]);
    await put(w.editor, w.indicator.id, [{ period: '2025-Q1', value: 10 }]);
    expect((await w.editor.get(`/api/indicators/${w.indicator.id}/history`)).json().items).toHaveLength(1);
  });

  it('joins an outer transaction: when the caller rolls back, no target and no history remain', async () => {
    const w = await world();
    const failed = t.db.transaction().execute(async (trx) => {
      const ctx: Ctx = { db: trx, actor: SYSTEM_ACTOR, requestId: 'test', ip: null, locale: 'en' };
      await putTargets(ctx, w.indicator.id, { targets: [{ period: '2025-Q1', locationId: null, optionIds: [], value: 7 }], why: { reason: 'correction', note: '' } });
      expect(await targetsOfIndicator(trx, w.indicator.id)).toHaveLength(1);
      throw new Error('the import found a problem further down');
    });
    await expect(failed).rejects.toThrow('further down');
    expect(await targetsOfIndicator(t.db, w.indicator.id)).toEqual([]);
    expect((await w.editor.get(`/api/indicators/${w.indicator.id}/history`)).json().items).toEqual([]);
  });
});

describe('who may read and set targets', () => {
  it('lets partners and viewers read but not set them, and hides them from outsiders', async () => {
    const w = await world();
    await put(w.editor, w.indicator.id, [{ period: '2025-Q1', value: 10 }]);
    const partner = await t.as((await buildUser(t.db, { organisationId: w.org.id, grants: [{ role: 'partner_reporter', scopeType: 'project', scopeId: w.project.id }] })).id);
    const viewer = await t.as((await buildUser(t.db, { organisationId: w.org.id, grants: [{ role: 'viewer', scopeType: 'programme', scopeId: w.programme.id }] })).id);
    for (const reader of [partner, viewer]) {
      const view = await get(reader, w.indicator.id);
      expect(view.canEdit).toBe(false);
      expect(view.targets).toHaveLength(1);
      expect((await put(reader, w.indicator.id, [])).statusCode).toBe(403);
    }
    // me is an M&E officer of another organisation: the project is out of sight.
    expect((await me.get(`/api/indicators/${w.indicator.id}/targets`)).statusCode).toBe(404);
    expect((await put(me, w.indicator.id, [])).statusCode).toBe(404);
    expect((await put(w.editor, newId(), [])).statusCode).toBe(404);
    expect(await targetsOfIndicator(t.db, w.indicator.id)).toHaveLength(1);
  });
});
