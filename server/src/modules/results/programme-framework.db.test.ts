import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Framework, Indicator, ResultNode } from '@shared/schemas/index.js';
import { buildOrganisation, buildProgramme, buildProject, buildUser } from '../../test/factories.js';
import { buildCategory } from '../../test/results-factories.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let pm: Agent;
let partner: Agent;
let viewer: Agent;
let outsider: Agent;
let world: { orgId: string; programmeId: string; projectId: string; categoryIds: string[] };

beforeAll(async () => {
  t = await createTestApp();
  const org = await buildOrganisation(t.db);
  const programme = await buildProgramme(t.db, { organisationId: org.id });
  const project = await buildProject(t.db, { programmeId: programme.id, leadOrganisationId: org.id });
  const sex = await buildCategory(t.db, { organisationId: org.id, code: 'sex', options: ['female', 'male'] });
  const age = await buildCategory(t.db, { organisationId: org.id, code: 'age', options: ['0-17', '18+'] });
  world = { orgId: org.id, programmeId: programme.id, projectId: project.id, categoryIds: [sex.id, age.id] };
  const as = async (grants: Parameters<typeof buildUser>[1]['grants'], organisationId = org.id) =>
    t.as((await buildUser(t.db, { organisationId, grants })).id);
  pm = await as([{ role: 'programme_manager', scopeType: 'programme', scopeId: programme.id }]);
  partner = await as([{ role: 'partner_reporter', scopeType: 'project', scopeId: project.id }]);
  viewer = await as([{ role: 'viewer', scopeType: 'programme', scopeId: programme.id }]);
  const other = await buildOrganisation(t.db);
  outsider = await as([{ role: 'admin', scopeType: 'organisation', scopeId: other.id }], other.id);
});
afterAll(() => t.close());

const programmeFramework = async (agent = pm) => {
  const res = await agent.get(`/api/programmes/${world.programmeId}/framework`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Framework;
};

const programmeFrameworkOf = async (agent: Agent, programmeId: string) => (await agent.get(`/api/programmes/${programmeId}/framework`)).json() as Framework;

describe('a programme framework', () => {
  it('is made on first read, names its programme and offers the organisation’s categories', async () => {
    const f = await programmeFramework();
    expect(f).toMatchObject({ programmeId: world.programmeId, projectId: null, canEdit: true, programmeIndicators: [] });
    expect(f.categories.map((c) => c.code).sort()).toEqual(['age', 'sex']);
    expect(f.categories.find((c) => c.code === 'sex')!.options.map((o) => o.code)).toEqual(['female', 'male']);
  });

  it('is built like a project’s: template, nodes, indicators, through the same by-id routes', async () => {
    const patched = await pm.patch(`/api/programmes/${world.programmeId}/framework`, { template: 'eu' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((patched.json() as Framework).levels[0]!.en).toBe('Overall objective');

    const created = await pm.post(`/api/programmes/${world.programmeId}/framework/nodes`, { parentId: null, level: 0, code: 'PG1', title: 'Portfolio goal' });
    expect(created.statusCode, created.body).toBe(201);
    const goal = created.json() as ResultNode;
    expect((await pm.patch(`/api/result-nodes/${goal.id}`, { title: 'Children in mining areas are protected' })).statusCode).toBe(200);

    const ind = await pm.post(`/api/result-nodes/${goal.id}/indicators`, { code: 'PG1.a', name: 'Children withdrawn', type: 'number', categoryIds: world.categoryIds });
    expect(ind.statusCode, ind.body).toBe(201);
    const indicator = ind.json() as Indicator;
    expect(indicator).toMatchObject({ programmeId: world.programmeId, projectId: null, categoryIds: world.categoryIds, libraryIndicatorId: null, contributesToId: null });

    const f = await programmeFramework();
    expect(f.nodes.map((n) => n.title)).toContain('Children in mining areas are protected');
    expect(f.indicators.find((i) => i.id === indicator.id)!.categoryIds).toEqual(world.categoryIds);

    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'indicator.create').where('entity_id', '=', indicator.id).executeTakeFirstOrThrow();
    expect(audit.organisation_id).toBe(world.orgId);
    expect(JSON.parse(audit.after_json!).categoryIds).toEqual(['sex', 'age']);
  });

  it('is offered to the programme’s projects for roll-up, without being made by reading a project', async () => {
    const other = await buildProgramme(t.db, { organisationId: world.orgId });
    const lonely = await buildProject(t.db, { programmeId: other.id, leadOrganisationId: world.orgId });
    const admin = await t.as((await buildUser(t.db, { organisationId: world.orgId, grants: [{ role: 'admin', scopeType: 'organisation', scopeId: world.orgId }] })).id);
    const res = await admin.get(`/api/projects/${lonely.id}/framework`);
    expect((res.json() as Framework).programmeIndicators).toEqual([]);
    expect(await t.db.selectFrom('results_frameworks').select('id').where('programme_id', '=', other.id).executeTakeFirst()).toBeUndefined();

    const project = (await pm.get(`/api/projects/${world.projectId}/framework`)).json() as Framework;
    const programme = await programmeFramework();
    expect(project.programmeIndicators.map((p) => p.id)).toEqual(programme.indicators.map((i) => i.id));
    expect(project.programmeIndicators[0]).toEqual({ id: programme.indicators[0]!.id, code: 'PG1.a', name: 'Children withdrawn', type: 'number', unit: '' });
  });
});

describe('deleting from a programme framework', () => {
  it('closes the gap among the remaining results and indicators', async () => {
    const other = await buildProgramme(t.db, { organisationId: world.orgId });
    const admin = await t.as((await buildUser(t.db, { organisationId: world.orgId, grants: [{ role: 'admin', scopeType: 'programme', scopeId: other.id }] })).id);
    const add = async (code: string) =>
      ((await admin.post(`/api/programmes/${other.id}/framework/nodes`, { parentId: null, level: 0, code, title: code })).json() as ResultNode).id;
    const [, second] = [await add('A'), await add('B'), await add('C')];
    expect((await admin.delete(`/api/result-nodes/${second}`)).statusCode).toBe(200);
    const indicators = [];
    for (const code of ['I1', 'I2', 'I3']) indicators.push((await admin.post(`/api/result-nodes/${(await programmeFrameworkOf(admin, other.id)).nodes[0]!.id}/indicators`, { code, name: code, type: 'number' })).json() as Indicator);
    expect((await admin.delete(`/api/indicators/${indicators[0]!.id}`)).statusCode).toBe(200);
    const after = await programmeFrameworkOf(admin, other.id);
    expect(after.nodes.map((n) => [n.code, n.position])).toEqual([['A', 0], ['C', 1]]);
    expect(after.indicators.map((i) => [i.code, i.position])).toEqual([['I2', 0], ['I3', 1]]);
  });
});

describe('who may change a programme framework', () => {
  it('lets a partner on one of its projects and a programme viewer read it, never change it', async () => {
    for (const reader of [partner, viewer]) {
      expect((await programmeFramework(reader)).canEdit).toBe(false);
      expect((await reader.patch(`/api/programmes/${world.programmeId}/framework`, { template: 'usaid' })).statusCode).toBe(403);
      const node = await reader.post(`/api/programmes/${world.programmeId}/framework/nodes`, { parentId: null, level: 0, code: 'X', title: 'Not allowed' });
      expect(node.statusCode).toBe(403);
    }
    const goal = (await programmeFramework()).nodes[0]!;
    expect((await partner.patch(`/api/result-nodes/${goal.id}`, { title: 'Renamed by a partner' })).statusCode).toBe(403);
    expect((await viewer.post(`/api/result-nodes/${goal.id}/indicators`, { code: 'V1', name: 'By a viewer', type: 'number' })).statusCode).toBe(403);
  });

  it('hides it from someone who cannot see the programme', async () => {
    expect((await outsider.get(`/api/programmes/${world.programmeId}/framework`)).statusCode).toBe(404);
    expect((await outsider.patch(`/api/programmes/${world.programmeId}/framework`, { template: 'usaid' })).statusCode).toBe(404);
  });
});
