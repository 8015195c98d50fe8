import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator, LibraryIndicator } from '@shared/schemas/index.js';
import { buildOrganisation, buildProgramme, buildProject, buildResultNode, buildUser } from '../../test/factories.js';
import { buildCategory, buildLibraryIndicator } from '../../test/results-factories.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';

/**
 * The programme's owner (Save the Children–like, with sex and age categories) runs a project that
 * a donor funds; the donor keeps a standard list using its own sex and disability categories.
 */
let t: TestApp;
let pm: Agent;
let partner: Agent;
let outsider: Agent;
let world: {
  ownerId: string;
  donorId: string;
  programmeId: string;
  projectId: string;
  ownerSexId: string;
  donorSexId: string;
  donorDisabilityId: string;
  entries: { owner: string; donor: string; donorDisability: string; archived: string; unrelated: string };
};

beforeAll(async () => {
  t = await createTestApp();
  const owner = await buildOrganisation(t.db);
  const donor = await buildOrganisation(t.db, { name: 'Donor with a results framework' });
  const unrelated = await buildOrganisation(t.db);
  const programme = await buildProgramme(t.db, { organisationId: owner.id });
  const project = await buildProject(t.db, { programmeId: programme.id, leadOrganisationId: owner.id });
  await t.db.insertInto('project_organisations').values({ project_id: project.id, organisation_id: donor.id, role: 'donor' }).execute();
  const ownerSex = await buildCategory(t.db, { organisationId: owner.id, code: 'sex' });
  await buildCategory(t.db, { organisationId: owner.id, code: 'age' });
  const donorSex = await buildCategory(t.db, { organisationId: donor.id, code: 'sex' });
  const donorDisability = await buildCategory(t.db, { organisationId: donor.id, code: 'disability' });
  world = {
    ownerId: owner.id,
    donorId: donor.id,
    programmeId: programme.id,
    projectId: project.id,
    ownerSexId: ownerSex.id,
    donorSexId: donorSex.id,
    donorDisabilityId: donorDisability.id,
    entries: {
      owner: (await buildLibraryIndicator(t.db, { organisationId: owner.id, code: 'OWN-1' })).id,
      donor: (await buildLibraryIndicator(t.db, { organisationId: donor.id, code: 'DON-1', type: 'percentage', categoryIds: [donorSex.id] })).id,
      donorDisability: (await buildLibraryIndicator(t.db, { organisationId: donor.id, code: 'DON-2', categoryIds: [donorSex.id, donorDisability.id] })).id,
      archived: (await buildLibraryIndicator(t.db, { organisationId: donor.id, code: 'DON-OLD', archived: true })).id,
      unrelated: (await buildLibraryIndicator(t.db, { organisationId: unrelated.id, code: 'ELSE-1' })).id,
    },
  };
  pm = await t.as((await buildUser(t.db, { organisationId: owner.id, grants: [{ role: 'programme_manager', scopeType: 'programme', scopeId: programme.id }] })).id);
  partner = await t.as((await buildUser(t.db, { organisationId: owner.id, grants: [{ role: 'partner_reporter', scopeType: 'project', scopeId: project.id }] })).id);
  outsider = await t.as((await buildUser(t.db, { organisationId: unrelated.id, grants: [{ role: 'admin', scopeType: 'organisation', scopeId: unrelated.id }] })).id);
});
afterAll(() => t.close());

const codes = (res: { json(): unknown }) => (res.json() as { items: LibraryIndicator[] }).items.map((i) => i.code).sort();
const why = { reason: 'donor_requirement' };

async function node() {
  return (await buildResultNode(t.db, { projectId: world.projectId })).id;
}

async function adopt(body: Record<string, unknown>, agent = pm) {
  return agent.post(`/api/result-nodes/${await node()}/adopt`, body);
}

describe('what a framework may adopt', () => {
  it('offers a project the entries of its programme’s owner and of its lead, implementing and donor organisations', async () => {
    for (const reader of [pm, partner]) {
      const res = await reader.get(`/api/projects/${world.projectId}/library`);
      expect(res.statusCode).toBe(200);
      expect(codes(res)).toEqual(['DON-1', 'DON-2', 'OWN-1']);
      expect((res.json() as { canEdit: boolean }).canEdit).toBe(false);
    }
    expect(codes(await pm.get(`/api/projects/${world.projectId}/library?q=don-2`))).toEqual(['DON-2']);
  });

  it('offers a programme the entries of its owner and of the organisations in its projects, and hides both lists from those who cannot see them', async () => {
    expect(codes(await pm.get(`/api/programmes/${world.programmeId}/library`))).toEqual(['DON-1', 'DON-2', 'OWN-1']);
    expect((await outsider.get(`/api/projects/${world.projectId}/library`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/programmes/${world.programmeId}/library`)).statusCode).toBe(404);
  });
});

describe('adopting', () => {
  it('copies the definition, maps the categories by code onto the organisation’s own, and stays linked', async () => {
    const res = await adopt({ libraryIndicatorId: world.entries.donor, lopTarget: 60, responsible: 'M&E officer' });
    expect(res.statusCode, res.body).toBe(201);
    const indicator = res.json() as Indicator;
    expect(indicator).toMatchObject({
      code: 'DON-1', type: 'percentage', unit: 'people', lopTarget: 60, responsible: 'M&E officer',
      categoryIds: [world.ownerSexId], libraryIndicatorId: world.entries.donor, projectId: world.projectId,
    });
    const history = (await pm.get(`/api/indicators/${indicator.id}/history`)).json();
    expect(history.items[0]).toMatchObject({ action: 'indicator.adopt' });
    expect(history.items[0].changes).toContainEqual({ field: 'categoryIds', before: null, after: ['sex'] });
    const donorAdmin = await t.as((await buildUser(t.db, { organisationId: world.donorId, grants: [{ role: 'admin', scopeType: 'organisation', scopeId: world.donorId }] })).id);
    expect(((await donorAdmin.get(`/api/library-indicators/${world.entries.donor}`)).json() as LibraryIndicator).adoptedCount).toBe(1);
  });

  it('names a category the framework’s organisation lacks', async () => {
    const res = await adopt({ libraryIndicatorId: world.entries.donorDisability });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'body.libraryIndicatorId', reason: 'missing_category', params: { code: 'disability' } })]);
  });

  it('answers 409 on a code already used, and takes another code', async () => {
    const n = await node();
    expect((await pm.post(`/api/result-nodes/${n}/adopt`, { libraryIndicatorId: world.entries.owner })).statusCode).toBe(201);
    const again = await pm.post(`/api/result-nodes/${n}/adopt`, { libraryIndicatorId: world.entries.owner });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details[0].field).toBe('code');
    expect((await pm.post(`/api/result-nodes/${n}/adopt`, { libraryIndicatorId: world.entries.owner, code: 'OWN-1b' })).statusCode).toBe(201);
  });

  it('refuses archived entries and entries of organisations outside the framework', async () => {
    for (const id of [world.entries.archived, world.entries.unrelated]) {
      const res = await adopt({ libraryIndicatorId: id });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0]).toMatchObject({ field: 'body.libraryIndicatorId', reason: 'unknown_reference' });
    }
  });

  it('needs the right to edit the framework', async () => {
    expect((await adopt({ libraryIndicatorId: world.entries.owner, code: 'P-1' }, partner)).statusCode).toBe(403);
    expect((await adopt({ libraryIndicatorId: world.entries.owner, code: 'P-2' }, outsider)).statusCode).toBe(404);
  });
});

describe('a linked indicator', () => {
  async function linked() {
    const res = await adopt({ libraryIndicatorId: world.entries.donor, code: `L-${Math.random().toString(36).slice(2, 8)}` });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Indicator;
  }

  it('keeps the library’s type, unit, aggregation and categories, but takes its own wording and targets', async () => {
    const i = await linked();
    const res = await pm.patch(`/api/indicators/${i.id}`, { changes: { unit: 'households', categoryIds: [], cumulative: false }, why });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toEqual([
      expect.objectContaining({ field: 'changes.unit', reason: 'linked_to_library' }),
      expect.objectContaining({ field: 'changes.categoryIds', reason: 'linked_to_library' }),
    ]);
    const ok = await pm.patch(`/api/indicators/${i.id}`, { changes: { name: 'Share of girls enrolled', lopTarget: 70 }, why });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('can be unlinked, with its reason, and then changed in the same request', async () => {
    const i = await linked();
    const res = await pm.patch(`/api/indicators/${i.id}`, { changes: { libraryIndicatorId: null, unit: 'households' }, why: { reason: 'context_change', note: 'The project counts households' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ libraryIndicatorId: null, unit: 'households' });
    const entry = (await pm.get(`/api/indicators/${i.id}/history`)).json().items[0];
    expect(entry).toMatchObject({ reason: 'context_change', note: 'The project counts households' });
    expect(entry.changes).toEqual([
      { field: 'unit', before: 'people', after: 'households' },
      { field: 'libraryIndicatorId', before: world.entries.donor, after: null },
    ]);
  });
});
