import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Framework, Indicator, ResultNode } from '@shared/schemas/index.js';
import { buildOrganisation, buildProgramme, buildProject, buildUser } from '../../test/factories.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let pm: Agent;
let world: { orgId: string; programmeId: string };

beforeAll(async () => {
  t = await createTestApp();
  const org = await buildOrganisation(t.db);
  const programme = await buildProgramme(t.db, { organisationId: org.id });
  world = { orgId: org.id, programmeId: programme.id };
  const user = await buildUser(t.db, { organisationId: org.id, grants: [{ role: 'programme_manager', scopeType: 'programme', scopeId: programme.id }] });
  pm = await t.as(user.id);
});
afterAll(() => t.close());

async function freshProject() {
  return (await buildProject(t.db, { programmeId: world.programmeId, leadOrganisationId: world.orgId })).id;
}

const addNode = async (project: string, body: { parentId: string | null; level: number; code: string; title: string }) => {
  const res = await pm.post(`/api/projects/${project}/framework/nodes`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as ResultNode;
};

const framework = async (project: string, agent = pm) => (await agent.get(`/api/projects/${project}/framework`)).json() as Framework;

describe('building a framework', () => {
  it('starts empty with the generic level names, and follows a donor template when chosen', async () => {
    const p = await freshProject();
    const empty = await framework(p);
    expect(empty.nodes).toEqual([]);
    expect(empty.levels.map((l) => l.en)).toEqual(['Goal', 'Outcome', 'Output', 'Activity']);
    expect(empty.canEdit).toBe(true);
    const usaid = (await pm.patch(`/api/projects/${p}/framework`, { template: 'usaid' })).json() as Framework;
    expect(usaid.levels.map((l) => l.en)).toEqual(['Strategic objective', 'Intermediate result', 'Sub-intermediate result', 'Output']);
    expect(usaid.levels[1]!.fr).toBe('Résultat intermédiaire');
  });

  it('renames a level in one language and keeps the template names elsewhere', async () => {
    const p = await freshProject();
    const res = await pm.patch(`/api/projects/${p}/framework`, { template: 'eu', levels: [{}, { en: 'Pillar', fr: 'Pilier' }, {}, {}] });
    const levels = (res.json() as Framework).levels;
    expect(levels[1]).toEqual({ en: 'Pillar', fr: 'Pilier', es: 'Objetivo específico', ar: 'الهدف المحدد' });
    expect(levels[0]!.en).toBe('Overall objective');
  });

  it('lists nodes parents first and siblings by position', async () => {
    const p = await freshProject();
    const goal = await addNode(p, { parentId: null, level: 0, code: '1', title: 'Children in mining areas are protected' });
    const o2 = await addNode(p, { parentId: goal.id, level: 1, code: '1.2', title: 'Households earn more' });
    const o1 = await addNode(p, { parentId: goal.id, level: 1, code: '1.1', title: 'Children withdrawn and in school' });
    const out = await addNode(p, { parentId: o2.id, level: 2, code: '1.2.1', title: 'Savings groups formed' });
    expect((await framework(p)).nodes.map((n) => n.code)).toEqual(['1', '1.2', '1.2.1', '1.1']);
    // Reorder: 1.1 first.
    const moved = (await pm.post(`/api/result-nodes/${o1.id}/move`, { parentId: goal.id, position: 0 })).json() as Framework;
    expect(moved.nodes.map((n) => [n.code, n.position])).toEqual([['1', 0], ['1.1', 0], ['1.2', 1], ['1.2.1', 0]]);
    // Move the output under the other outcome.
    const reparented = (await pm.post(`/api/result-nodes/${out.id}/move`, { parentId: o1.id, position: 5 })).json() as Framework;
    expect(reparented.nodes.find((n) => n.id === out.id)!.parentId).toBe(o1.id);
  });

  it('refuses a child that does not sit one level below its parent, naming the field', async () => {
    const p = await freshProject();
    const goal = await addNode(p, { parentId: null, level: 0, code: 'G', title: 'Goal' });
    const res = await pm.post(`/api/projects/${p}/framework/nodes`, { parentId: goal.id, level: 2, code: 'X', title: 'Output straight under the goal' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'body.parentId', reason: 'wrong_parent_level' });
    const outcome = await addNode(p, { parentId: goal.id, level: 1, code: 'O', title: 'Outcome' });
    const bad = await pm.post(`/api/result-nodes/${outcome.id}/move`, { parentId: outcome.id, position: 0 });
    expect(bad.statusCode).toBe(400);
  });

  it('answers 409 on the code field when a code is already used in the framework', async () => {
    const p = await freshProject();
    await addNode(p, { parentId: null, level: 0, code: '1', title: 'Goal' });
    const res = await pm.post(`/api/projects/${p}/framework/nodes`, { parentId: null, level: 0, code: '1', title: 'Another goal' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details[0].field).toBe('code');
  });
});

describe('deleting a result', () => {
  it('warns with the number of results and indicators below, and deletes them all only when confirmed', async () => {
    const p = await freshProject();
    const goal = await addNode(p, { parentId: null, level: 0, code: '1', title: 'Goal' });
    const outcome = await addNode(p, { parentId: goal.id, level: 1, code: '1.1', title: 'Outcome' });
    await addNode(p, { parentId: outcome.id, level: 2, code: '1.1.1', title: 'Output' });
    await pm.post(`/api/result-nodes/${outcome.id}/indicators`, { code: 'OC1', name: 'Children enrolled', type: 'number' });
    const warned = await pm.delete(`/api/result-nodes/${outcome.id}`);
    expect(warned.statusCode).toBe(409);
    expect(warned.json().error.details[0]).toMatchObject({ reason: 'has_dependants', params: { nodes: 1, indicators: 1 } });
    expect((await framework(p)).nodes).toHaveLength(3);
    expect((await pm.delete(`/api/result-nodes/${outcome.id}?confirm=true`)).statusCode).toBe(200);
    const after = await framework(p);
    expect(after.nodes.map((n) => n.code)).toEqual(['1']);
    expect(after.indicators).toEqual([]);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'result_node.delete').where('entity_id', '=', outcome.id).executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json!)).toMatchObject({ nodes: ['1.1.1'], indicators: ['OC1'] });
  });

  it('deletes a leaf without asking', async () => {
    const p = await freshProject();
    const goal = await addNode(p, { parentId: null, level: 0, code: '1', title: 'Goal' });
    expect((await pm.delete(`/api/result-nodes/${goal.id}`)).statusCode).toBe(200);
  });
});

describe('indicators', () => {
  const percentage = {
    code: '1.1.a',
    name: 'Percentage of withdrawn children attending school regularly',
    names: { fr: "Pourcentage d'enfants retirés qui fréquentent l'école régulièrement" },
    type: 'percentage',
    unit: '%',
    direction: 'increase',
    timeAggregation: 'latest',
    locationAggregation: 'sum',
    baselineValue: 35,
    baselineDate: '2024-01-15',
    lopTarget: 80,
    frequency: 'quarter',
    meansOfVerification: 'School attendance registers, verified by spot checks',
  };

  async function indicator(p: string) {
    const goal = await addNode(p, { parentId: null, level: 0, code: 'G', title: 'Goal' });
    const res = await pm.post(`/api/result-nodes/${goal.id}/indicators`, percentage);
    expect(res.statusCode, res.body).toBe(201);
    return { goal, indicator: res.json() as Indicator };
  }

  it('keeps every reference-sheet field as entered', async () => {
    const { indicator: created } = await indicator(await freshProject());
    const read = (await pm.get(`/api/indicators/${created.id}`)).json() as Indicator;
    expect(read).toMatchObject({ ...percentage, cumulative: false, definition: '' });
  });

  it('requires a reason for every change, and a note when the reason is "other"', async () => {
    const { indicator: created } = await indicator(await freshProject());
    const noReason = await pm.patch(`/api/indicators/${created.id}`, { changes: { lopTarget: 75 } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.map((d: { field: string }) => d.field)).toContain('body.why');
    const noNote = await pm.patch(`/api/indicators/${created.id}`, { changes: { lopTarget: 75 }, why: { reason: 'other' } });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.details[0]).toMatchObject({ field: 'body.why.note', reason: 'required' });
    expect(((await pm.get(`/api/indicators/${created.id}`)).json() as Indicator).lopTarget).toBe(80);
  });

  it('records who, when, why and each field before and after in the history', async () => {
    const { indicator: created } = await indicator(await freshProject());
    const res = await pm.patch(`/api/indicators/${created.id}`, {
      changes: { lopTarget: 70, meansOfVerification: 'Attendance registers' },
      why: { reason: 'donor_requirement', note: 'Donor asked for a realistic target after the mid-term review' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const history = (await pm.get(`/api/indicators/${created.id}/history`)).json();
    expect(history.items).toHaveLength(2);
    const [update, create] = history.items;
    expect(update).toMatchObject({ action: 'indicator.update', reason: 'donor_requirement', note: 'Donor asked for a realistic target after the mid-term review' });
    expect(update.changes).toHaveLength(2);
    expect(update.changes).toEqual(
      expect.arrayContaining([
        { field: 'lopTarget', before: 80, after: 70 },
        { field: 'meansOfVerification', before: percentage.meansOfVerification, after: 'Attendance registers' },
      ]),
    );
    expect(create.action).toBe('indicator.create');
    expect(update.actorName).toBeTruthy();
  });

  it('records nothing when a "change" changes nothing', async () => {
    const { indicator: created } = await indicator(await freshProject());
    await pm.patch(`/api/indicators/${created.id}`, { changes: { lopTarget: 80 }, why: { reason: 'correction' } });
    expect((await pm.get(`/api/indicators/${created.id}/history`)).json().items).toHaveLength(1);
  });

  it('moves an indicator to another result and keeps positions dense', async () => {
    const p = await freshProject();
    const { goal, indicator: first } = await indicator(p);
    const second = (await pm.post(`/api/result-nodes/${goal.id}/indicators`, { ...percentage, code: '1.1.b' })).json() as Indicator;
    const outcome = await addNode(p, { parentId: goal.id, level: 1, code: 'O', title: 'Outcome' });
    const fw = (await pm.post(`/api/indicators/${first.id}/move`, { resultNodeId: outcome.id, position: 0 })).json() as Framework;
    expect(fw.indicators.find((i) => i.id === first.id)).toMatchObject({ resultNodeId: outcome.id, position: 0 });
    expect(fw.indicators.find((i) => i.id === second.id)).toMatchObject({ resultNodeId: goal.id, position: 0 });
  });

  it('refuses a duplicate code on the changes.code field', async () => {
    const p = await freshProject();
    const { goal, indicator: first } = await indicator(p);
    await pm.post(`/api/result-nodes/${goal.id}/indicators`, { ...percentage, code: 'OTHER' });
    const res = await pm.patch(`/api/indicators/${first.id}`, { changes: { code: 'OTHER' }, why: { reason: 'correction' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details[0].field).toBe('changes.code');
  });
});

describe('who may change a framework', () => {
  it('lets an M&E officer of the organisation edit, and a donor viewer and a partner reporter only read', async () => {
    const org = await buildOrganisation(t.db);
    const programme = await buildProgramme(t.db, { organisationId: org.id });
    const p = (await buildProject(t.db, { programmeId: programme.id, leadOrganisationId: org.id })).id;
    const me = await t.as((await buildUser(t.db, { organisationId: org.id, grants: [{ role: 'me_officer', scopeType: 'organisation', scopeId: org.id }] })).id);
    const donor = await t.as((await buildUser(t.db, { organisationId: org.id, grants: [{ role: 'viewer', scopeType: 'programme', scopeId: programme.id }] })).id);
    const partner = await t.as((await buildUser(t.db, { organisationId: org.id, grants: [{ role: 'partner_reporter', scopeType: 'project', scopeId: p }] })).id);
    const outsider = await t.as((await buildUser(t.db, { organisationId: (await buildOrganisation(t.db)).id })).id);

    expect((await me.post(`/api/projects/${p}/framework/nodes`, { parentId: null, level: 0, code: '1', title: 'Goal' })).statusCode).toBe(201);
    for (const reader of [donor, partner]) {
      const fw = await framework(p, reader);
      expect(fw.nodes).toHaveLength(1);
      expect(fw.canEdit).toBe(false);
      expect((await reader.post(`/api/projects/${p}/framework/nodes`, { parentId: null, level: 0, code: '2', title: 'Goal' })).statusCode).toBe(403);
    }
    expect((await outsider.get(`/api/projects/${p}/framework`)).statusCode).toBe(404);
  });
});
