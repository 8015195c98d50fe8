import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator } from '@shared/schemas/index.js';
import { nowIso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { buildIndicator, buildOrganisation, buildProgramme, buildProject, buildResultNode, buildUser } from '../../test/factories.js';
import { buildCategory, buildProgrammeNode } from '../../test/results-factories.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let pm: Agent;
type Category = Awaited<ReturnType<typeof buildCategory>>;
let world: { orgId: string; programmeId: string; sex: Category; age: Category; foreign: Category };

beforeAll(async () => {
  t = await createTestApp();
  const org = await buildOrganisation(t.db);
  const programme = await buildProgramme(t.db, { organisationId: org.id });
  const other = await buildOrganisation(t.db);
  world = {
    orgId: org.id,
    programmeId: programme.id,
    sex: await buildCategory(t.db, { organisationId: org.id, code: 'sex', options: ['female', 'male'] }),
    age: await buildCategory(t.db, { organisationId: org.id, code: 'age', options: ['0-17', '18+'] }),
    foreign: await buildCategory(t.db, { organisationId: other.id, code: 'sex', options: ['female', 'male'] }),
  };
  pm = await t.as((await buildUser(t.db, { organisationId: org.id, grants: [{ role: 'programme_manager', scopeType: 'programme', scopeId: programme.id }] })).id);
});
afterAll(() => t.close());

const why = { reason: 'adaptive_management' };

async function projectNode(programmeId = world.programmeId) {
  const project = await buildProject(t.db, { programmeId, leadOrganisationId: world.orgId });
  return { project, node: await buildResultNode(t.db, { projectId: project.id }) };
}

async function addIndicator(nodeId: string, body: Record<string, unknown>) {
  const res = await pm.post(`/api/result-nodes/${nodeId}/indicators`, { code: `I${newId().slice(0, 8)}`, name: 'People reached', type: 'number', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Indicator;
}

async function addTarget(indicatorId: string, period: string, key = '') {
  const now = nowIso();
  await t.db
    .insertInto('indicator_targets')
    .values({ id: newId(), indicator_id: indicatorId, period_key: period, location_id: null, disaggregation_key: key, value: 10, created_at: now, updated_at: now })
    .execute();
}

describe('indicator categories', () => {
  it('keeps the categories in the order picked, and audits them by code', async () => {
    const { node } = await projectNode();
    const created = await addIndicator(node.id, { categoryIds: [world.age.id, world.sex.id] });
    expect(created.categoryIds).toEqual([world.age.id, world.sex.id]);
    expect(((await pm.get(`/api/indicators/${created.id}`)).json() as Indicator).categoryIds).toEqual([world.age.id, world.sex.id]);
    const res = await pm.patch(`/api/indicators/${created.id}`, { changes: { categoryIds: [world.sex.id] }, why });
    expect(res.statusCode, res.body).toBe(200);
    const history = (await pm.get(`/api/indicators/${created.id}/history`)).json();
    expect(history.items[0].changes).toEqual([{ field: 'categoryIds', before: ['age', 'sex'], after: ['sex'] }]);
  });

  it('refuses categories of another organisation and the same category twice, naming each item', async () => {
    const { node } = await projectNode();
    const res = await pm.post(`/api/result-nodes/${node.id}/indicators`, { code: 'C1', name: 'x', type: 'number', categoryIds: [world.sex.id, world.foreign.id, world.sex.id] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      expect.objectContaining({ field: 'body.categoryIds.1', reason: 'unknown_reference' }),
      expect.objectContaining({ field: 'body.categoryIds.2', reason: 'duplicate' }),
    ]);
    const created = await addIndicator(node.id, {});
    const patch = await pm.patch(`/api/indicators/${created.id}`, { changes: { categoryIds: [world.foreign.id] }, why });
    expect(patch.json().error.details[0]).toMatchObject({ field: 'body.changes.categoryIds.0', reason: 'unknown_reference' });
  });
});

describe('changes that would strand targets', () => {
  it('refuses a new frequency while period targets exist, but not for life-of-project targets only', async () => {
    const { node } = await projectNode();
    const lopOnly = await addIndicator(node.id, { frequency: 'quarter' });
    await addTarget(lopOnly.id, 'LOP');
    expect((await pm.patch(`/api/indicators/${lopOnly.id}`, { changes: { frequency: 'year' }, why })).statusCode).toBe(200);
    const periodic = await addIndicator(node.id, { frequency: 'quarter' });
    await addTarget(periodic.id, '2025-Q1');
    const res = await pm.patch(`/api/indicators/${periodic.id}`, { changes: { frequency: 'year' }, why });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'changes.frequency', reason: 'targets_exist' })]);
  });

  it('refuses removing a category a target is split by, allows removing an unused one, and rewrites keys when reordered', async () => {
    const { node } = await projectNode();
    const ind = await addIndicator(node.id, { categoryIds: [world.sex.id, world.age.id] });
    const [female] = world.sex.options;
    const [child] = world.age.options;
    await addTarget(ind.id, '2025-Q1', `${female!.id}|${child!.id}`);
    await addTarget(ind.id, 'LOP', female!.id);

    const removeAge = await pm.patch(`/api/indicators/${ind.id}`, { changes: { categoryIds: [world.sex.id] }, why });
    expect(removeAge.statusCode).toBe(409);
    expect(removeAge.json().error.details[0]).toMatchObject({ field: 'changes.categoryIds', reason: 'targets_exist' });

    const reorder = await pm.patch(`/api/indicators/${ind.id}`, { changes: { categoryIds: [world.age.id, world.sex.id] }, why });
    expect(reorder.statusCode, reorder.body).toBe(200);
    const keys = await t.db.selectFrom('indicator_targets').select('disaggregation_key').where('indicator_id', '=', ind.id).orderBy('period_key').execute();
    expect(keys.map((k) => k.disaggregation_key)).toEqual([`${child!.id}|${female!.id}`, female!.id]);

    const unused = await addIndicator(node.id, { categoryIds: [world.sex.id, world.age.id] });
    await addTarget(unused.id, '2025-Q1', female!.id);
    expect((await pm.patch(`/api/indicators/${unused.id}`, { changes: { categoryIds: [world.sex.id] }, why })).statusCode).toBe(200);
  });
});

describe('roll-up to the programme framework', () => {
  async function programmeIndicator(type = 'number') {
    const node = await buildProgrammeNode(t.db, { programmeId: world.programmeId });
    return addIndicator(node.id, { type });
  }

  it('links a project indicator to a programme indicator of the same type, and clears the link with null', async () => {
    const target = await programmeIndicator();
    const { node } = await projectNode();
    const ind = await addIndicator(node.id, { contributesToId: target.id });
    expect(ind.contributesToId).toBe(target.id);
    const cleared = await pm.patch(`/api/indicators/${ind.id}`, { changes: { contributesToId: null }, why });
    expect((cleared.json() as Indicator).contributesToId).toBeNull();
  });

  it('refuses a link outside the programme, from a programme indicator, or across types', async () => {
    const target = await programmeIndicator('percentage');
    const elsewhere = await buildProgramme(t.db, { organisationId: world.orgId });
    const foreign = await buildIndicator(t.db, { nodeId: (await buildProgrammeNode(t.db, { programmeId: elsewhere.id })).id });
    const { node } = await projectNode();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ contributesToId: foreign.id }, 'body.contributesToId', 'not_in_programme'],
      [{ contributesToId: node.id }, 'body.contributesToId', 'not_in_programme'],
      [{ contributesToId: target.id, type: 'number' }, 'body.contributesToId', 'type_mismatch'],
    ];
    for (const [body, field, reason] of cases) {
      const res = await pm.post(`/api/result-nodes/${node.id}/indicators`, { code: 'R1', name: 'x', type: 'number', ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details[0]).toMatchObject({ field, reason });
    }
    const programmeNode = await buildProgrammeNode(t.db, { programmeId: world.programmeId });
    const fromProgramme = await pm.post(`/api/result-nodes/${programmeNode.id}/indicators`, { code: 'R2', name: 'x', type: 'percentage', contributesToId: target.id });
    expect(fromProgramme.json().error.details[0]).toMatchObject({ reason: 'not_in_programme' });

    // Keeping the link while changing the type names the type; changing a programme indicator's type strands its contributors.
    const linked = await addIndicator(node.id, { type: 'percentage', contributesToId: target.id });
    const retyped = await pm.patch(`/api/indicators/${linked.id}`, { changes: { type: 'number' }, why });
    expect(retyped.json().error.details[0]).toMatchObject({ field: 'body.changes.type', reason: 'type_mismatch' });
    const retypedTarget = await pm.patch(`/api/indicators/${target.id}`, { changes: { type: 'number' }, why });
    expect(retypedTarget.statusCode).toBe(409);
    expect(retypedTarget.json().error.details[0]).toMatchObject({ field: 'changes.type', reason: 'type_mismatch' });
  });

  it('lists contributions among the projects the reader can see', async () => {
    const target = await programmeIndicator();
    const a = await projectNode();
    const b = await projectNode();
    const fromA = await addIndicator(a.node.id, { contributesToId: target.id, code: 'A-1' });
    await addIndicator(b.node.id, { contributesToId: target.id, code: 'B-1' });
    const all = (await pm.get(`/api/indicators/${target.id}/contributions`)).json();
    expect(all.items).toHaveLength(2);
    const partner = await t.as((await buildUser(t.db, { organisationId: world.orgId, grants: [{ role: 'partner_reporter', scopeType: 'project', scopeId: a.project.id }] })).id);
    const seen = await partner.get(`/api/indicators/${target.id}/contributions`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().items).toEqual([
      { indicator: { id: fromA.id, code: 'A-1', name: 'People reached', type: 'number', unit: '' }, project: { id: a.project.id, code: a.project.code, title: a.project.title } },
    ]);
  });

  it('deletes a programme indicator with contributors only when confirmed, clearing and auditing their links', async () => {
    const target = await programmeIndicator();
    const { node } = await projectNode();
    const ind = await addIndicator(node.id, { contributesToId: target.id });
    const warned = await pm.delete(`/api/indicators/${target.id}`);
    expect(warned.statusCode).toBe(409);
    expect(warned.json().error.details[0]).toMatchObject({ reason: 'has_dependants', params: { indicators: 1 } });
    expect((await pm.delete(`/api/indicators/${target.id}?confirm=true`)).statusCode).toBe(200);
    expect(((await pm.get(`/api/indicators/${ind.id}`)).json() as Indicator).contributesToId).toBeNull();
    const history = (await pm.get(`/api/indicators/${ind.id}/history`)).json();
    expect(history.items[0]).toMatchObject({ action: 'indicator.update', changes: [{ field: 'contributesToId', before: target.id, after: null }] });
  });
});
