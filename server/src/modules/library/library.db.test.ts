import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryIndicator } from '@shared/schemas/index.js';
import type { Role, ScopeType } from '@shared/roles.js';
import { buildIndicator, buildOrganisation, buildProgramme, buildProject, buildResultNode, buildUser } from '../../test/factories.js';
import { buildCategory, linkToLibrary } from '../../test/results-factories.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let editor: Agent;
let world: { orgId: string; programmeId: string; sexId: string; foreignCategoryId: string };

const as = async (role: Role, scopeType: ScopeType, scopeId: string | null) =>
  t.as((await buildUser(t.db, { organisationId: world.orgId, grants: [{ role, scopeType, scopeId }] })).id);

beforeAll(async () => {
  t = await createTestApp();
  const org = await buildOrganisation(t.db, { name: 'Global Protection Cluster' });
  const other = await buildOrganisation(t.db);
  const programme = await buildProgramme(t.db, { organisationId: org.id });
  world = {
    orgId: org.id,
    programmeId: programme.id,
    sexId: (await buildCategory(t.db, { organisationId: org.id, code: 'sex' })).id,
    foreignCategoryId: (await buildCategory(t.db, { organisationId: other.id, code: 'sex' })).id,
  };
  editor = await as('me_officer', 'organisation', org.id);
});
afterAll(() => t.close());

const entryBody = (over: Record<string, unknown> = {}) => ({
  code: `PROT-${Math.random().toString(36).slice(2, 8)}`,
  name: 'Number of people reached with protection services',
  type: 'number',
  unit: 'people',
  source: 'Global Protection Cluster indicator registry',
  categoryIds: [world.sexId],
  ...over,
});

async function create(over: Record<string, unknown> = {}) {
  const res = await editor.post(`/api/organisations/${world.orgId}/library`, entryBody(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as LibraryIndicator;
}

/** An indicator in some project, linked to the entry as adopting would. */
async function adoptedBy(entryId: string) {
  const project = await buildProject(t.db, { programmeId: world.programmeId, leadOrganisationId: world.orgId });
  const indicator = await buildIndicator(t.db, { nodeId: (await buildResultNode(t.db, { projectId: project.id })).id });
  await linkToLibrary(t.db, indicator.id, entryId);
}

describe('an organisation’s library', () => {
  it('adds an entry with its definition, names the organisation, and audits it with categories by code', async () => {
    const entry = await create({ frequency: 'month', cumulative: true, names: { fr: 'Nombre de personnes atteintes' } });
    expect(entry).toMatchObject({
      organisationId: world.orgId, organisationName: 'Global Protection Cluster', type: 'number', unit: 'people', frequency: 'month',
      cumulative: true, categoryIds: [world.sexId], archived: false, adoptedCount: 0, names: { fr: 'Nombre de personnes atteintes' },
    });
    expect((await editor.get(`/api/library-indicators/${entry.id}`)).json()).toEqual(entry);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'library_indicator').where('entity_id', '=', entry.id).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'library_indicator.create', organisation_id: world.orgId });
    expect(JSON.parse(audit.after_json!)).toMatchObject({ code: entry.code, categoryIds: ['sex'] });
  });

  it('takes only its own organisation’s categories, and each code once', async () => {
    const res = await editor.post(`/api/organisations/${world.orgId}/library`, entryBody({ categoryIds: [world.foreignCategoryId] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'body.categoryIds.0', reason: 'unknown_reference' });
    const entry = await create();
    const again = await editor.post(`/api/organisations/${world.orgId}/library`, entryBody({ code: entry.code }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details[0].field).toBe('code');
  });

  it('searches by code or name and leaves archived entries out unless asked', async () => {
    const kept = await create({ name: 'Children in learning spaces' });
    const retired = await create({ name: 'Children in learning spaces (old definition)' });
    expect((await editor.patch(`/api/library-indicators/${retired.id}`, { archived: true })).statusCode).toBe(200);
    const list = (await editor.get(`/api/organisations/${world.orgId}/library?q=learning%20SPACES`)).json();
    expect(list.items.map((i: LibraryIndicator) => i.id)).toEqual([kept.id]);
    expect(list.canEdit).toBe(true);
    const all = (await editor.get(`/api/organisations/${world.orgId}/library?q=learning&includeArchived=true`)).json();
    expect(all.items.map((i: LibraryIndicator) => i.id).sort()).toEqual([kept.id, retired.id].sort());
  });
});

describe('an adopted entry', () => {
  it('keeps what makes values comparable, but its wording can change', async () => {
    const entry = await create();
    await adoptedBy(entry.id);
    await adoptedBy(entry.id);
    expect(((await editor.get(`/api/library-indicators/${entry.id}`)).json() as LibraryIndicator).adoptedCount).toBe(2);
    const locked = await editor.patch(`/api/library-indicators/${entry.id}`, { type: 'percentage', categoryIds: [], cumulative: false, name: 'Renamed' });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.details).toEqual([
      expect.objectContaining({ field: 'type', reason: 'in_use', params: { name: entry.code, count: 2 } }),
      expect.objectContaining({ field: 'categoryIds', reason: 'in_use' }),
    ]);
    const renamed = await editor.patch(`/api/library-indicators/${entry.id}`, { name: 'Renamed', type: 'number' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Renamed', adoptedCount: 2 });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'library_indicator.update').where('entity_id', '=', entry.id).executeTakeFirstOrThrow();
    expect([JSON.parse(audit.before_json!), JSON.parse(audit.after_json!)]).toEqual([{ name: entry.name }, { name: 'Renamed' }]);
  });

  it('cannot be deleted, only archived; an entry nobody adopted can', async () => {
    const entry = await create();
    await adoptedBy(entry.id);
    const refused = await editor.delete(`/api/library-indicators/${entry.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details[0]).toMatchObject({ reason: 'in_use', params: { name: entry.code, count: 1 } });
    expect((await editor.patch(`/api/library-indicators/${entry.id}`, { archived: true })).json()).toMatchObject({ archived: true });

    const unused = await create();
    expect((await editor.delete(`/api/library-indicators/${unused.id}`)).statusCode).toBe(200);
    expect((await editor.get(`/api/library-indicators/${unused.id}`)).statusCode).toBe(404);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'library_indicator.delete').where('entity_id', '=', unused.id).executeTakeFirst();
    expect(audit).toBeDefined();
  });
});

describe('who reads and keeps a library', () => {
  it('lets any role on the organisation read it and its managers and M&E officers change it', async () => {
    const entry = await create();
    for (const [role, canEdit] of [['admin', true], ['programme_manager', true], ['me_officer', true], ['viewer', false], ['reporter', false]] as const) {
      const agent = await as(role, 'organisation', world.orgId);
      const list = await agent.get(`/api/organisations/${world.orgId}/library`);
      expect([role, list.statusCode, list.json().canEdit]).toEqual([role, 200, canEdit]);
      const res = await agent.patch(`/api/library-indicators/${entry.id}`, { dataSource: `Set by ${role}` });
      expect([role, res.statusCode]).toEqual([role, canEdit ? 200 : 403]);
      expect([role, (await agent.post(`/api/organisations/${world.orgId}/library`, entryBody())).statusCode]).toEqual([role, canEdit ? 201 : 403]);
    }
    const installationViewer = await as('viewer', 'installation', null);
    expect((await installationViewer.get(`/api/library-indicators/${entry.id}`)).statusCode).toBe(200);
    expect((await installationViewer.delete(`/api/library-indicators/${entry.id}`)).statusCode).toBe(403);
  });

  it('hides it from roles below the organisation, who adopt through their framework instead', async () => {
    const entry = await create();
    const programmeManager = await as('programme_manager', 'programme', world.programmeId);
    expect((await programmeManager.get(`/api/organisations/${world.orgId}/library`)).statusCode).toBe(404);
    expect((await programmeManager.get(`/api/library-indicators/${entry.id}`)).statusCode).toBe(404);
    expect((await programmeManager.patch(`/api/library-indicators/${entry.id}`, { name: 'x' })).statusCode).toBe(404);
    expect((await programmeManager.get(`/api/programmes/${world.programmeId}/library`)).json().items.map((i: LibraryIndicator) => i.id)).toContain(entry.id);
  });
});
