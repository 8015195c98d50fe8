import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildProgramme, buildProject, buildUser } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let n = 0;
const unique = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

/** A programme manager of a fresh organisation. */
async function manager() {
  const org = await buildOrganisation(t.db);
  const user = await buildUser(t.db, { organisationId: org.id, grants: [{ role: 'programme_manager', scopeType: 'organisation', scopeId: org.id }] });
  return { org, user, agent: await t.as(user.id) };
}

const auditOf = (action: string, entityId: string) =>
  t.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('entity_id', '=', entityId).execute();
const parsed = (text: string | null | undefined) => (text ? JSON.parse(text) : null);
const fieldsOf = (res: { json(): { error: { details: { field: string; reason: string }[] } } }) =>
  res.json().error.details.map((d) => [d.field, d.reason]);

describe('creating a programme', () => {
  it('stores it with defaults and audits it under the owning organisation', async () => {
    const { agent, org, user } = await manager();
    const code = `RES-${unique()}`;
    const res = await agent.post('/api/programmes', { organisationId: org.id, code, name: 'Resilience in the Sahel', startDate: '2025-01-01', endDate: '2027-12-31' });
    expect(res.statusCode).toBe(201);
    const programme = res.json();
    expect(programme).toMatchObject({ organisationId: org.id, organisationName: org.name, code, status: 'active', description: '', projectCount: 0 });
    const [entry] = await auditOf('programme.create', programme.id);
    expect(entry).toMatchObject({ actor_user_id: user.id, organisation_id: org.id, before_json: null });
    expect(parsed(entry?.after_json)).toEqual({
      id: programme.id, organisationId: org.id, code, name: 'Resilience in the Sahel', description: '', status: 'active', startDate: '2025-01-01', endDate: '2027-12-31',
    });
  });

  it('answers 400 naming body.endDate when the end is before the start, and writes nothing', async () => {
    const { agent, org } = await manager();
    const code = `BAD-${unique()}`;
    const res = await agent.post('/api/programmes', { organisationId: org.id, code, name: 'Backwards', startDate: '2026-01-01', endDate: '2025-12-31' });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual([['body.endDate', 'end_before_start']]);
    expect(await t.db.selectFrom('programmes').select('id').where('code', '=', code).execute()).toEqual([]);
  });

  it('answers 400 naming body.organisationId when the organisation does not exist', async () => {
    const { agent } = await manager();
    const res = await agent.post('/api/programmes', { organisationId: '00000000-0000-4000-8000-000000000000', code: 'X', name: 'Nowhere' });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual([['body.organisationId', 'unknown_reference']]);
  });

  it.each([
    ['code', { code: 'has space' }, 'pattern_mismatch'],
    ['code', { code: 'x'.repeat(41) }, 'too_long'],
    ['startDate', { startDate: '2025-02-30' }, 'invalid_date'],
    ['status', { status: 'paused' }, 'invalid_value'],
  ])('refuses an invalid %s (%j), naming it', async (field, patch, reason) => {
    const { agent, org } = await manager();
    const res = await agent.post('/api/programmes', { organisationId: org.id, code: `C-${unique()}`, name: 'Invalid', ...patch });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual([[`body.${field}`, reason]]);
  });

  it('answers 409 naming code when the organisation already uses the code, but another organisation may', async () => {
    const { agent, org } = await manager();
    const existing = await buildProgramme(t.db, { organisationId: org.id });
    const res = await agent.post('/api/programmes', { organisationId: org.id, code: existing.code, name: 'Twin' });
    expect(res.statusCode).toBe(409);
    expect(fieldsOf(res)).toEqual([['code', 'duplicate']]);
    const elsewhere = await manager();
    expect((await elsewhere.agent.post('/api/programmes', { organisationId: elsewhere.org.id, code: existing.code, name: 'Same code' })).statusCode).toBe(201);
  });
});

describe('updating a programme', () => {
  it('changes the fields sent and audits before and after', async () => {
    const { agent, org, user } = await manager();
    const programme = await buildProgramme(t.db, { organisationId: org.id });
    const res = await agent.patch(`/api/programmes/${programme.id}`, { status: 'closed', description: 'Finished early', endDate: '2026-06-30' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed', description: 'Finished early', endDate: '2026-06-30', startDate: programme.start_date, name: programme.name });
    const [entry] = await auditOf('programme.update', programme.id);
    expect(entry).toMatchObject({ actor_user_id: user.id, organisation_id: org.id });
    expect(parsed(entry?.before_json)).toMatchObject({ status: 'active', description: '', endDate: '2027-12-31' });
    expect(parsed(entry?.after_json)).toMatchObject({ status: 'closed', description: 'Finished early', endDate: '2026-06-30' });
  });

  it('checks a new end date against the stored start date', async () => {
    const { agent, org } = await manager();
    const programme = await buildProgramme(t.db, { organisationId: org.id });
    const res = await agent.patch(`/api/programmes/${programme.id}`, { endDate: '2024-12-31' });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual([['body.endDate', 'end_before_start']]);
    expect(await auditOf('programme.update', programme.id)).toEqual([]);
  });

  it('may clear both dates', async () => {
    const { agent, org } = await manager();
    const programme = await buildProgramme(t.db, { organisationId: org.id });
    const res = await agent.patch(`/api/programmes/${programme.id}`, { startDate: null, endDate: null });
    expect(res.json()).toMatchObject({ startDate: null, endDate: null });
  });

  it('answers 409 naming code when renamed to another programme’s code, but may keep its own', async () => {
    const { agent, org } = await manager();
    const a = await buildProgramme(t.db, { organisationId: org.id });
    const b = await buildProgramme(t.db, { organisationId: org.id });
    const res = await agent.patch(`/api/programmes/${b.id}`, { code: a.code });
    expect(res.statusCode).toBe(409);
    expect(fieldsOf(res)).toEqual([['code', 'duplicate']]);
    expect((await agent.patch(`/api/programmes/${b.id}`, { code: b.code, name: 'Same code' })).statusCode).toBe(200);
  });

  it('lets a programme manager of just that programme edit it', async () => {
    const org = await buildOrganisation(t.db);
    const programme = await buildProgramme(t.db, { organisationId: org.id });
    const user = await buildUser(t.db, { organisationId: org.id, grants: [{ role: 'programme_manager', scopeType: 'programme', scopeId: programme.id }] });
    expect((await (await t.as(user.id)).patch(`/api/programmes/${programme.id}`, { name: 'Mine to edit' })).statusCode).toBe(200);
  });
});

describe('reading programmes', () => {
  it('lists with the project count, filtered by text and organisation', async () => {
    const { agent, org } = await manager();
    const tag = unique();
    const water = await buildProgramme(t.db, { organisationId: org.id, name: `Water ${tag}` });
    await buildProgramme(t.db, { organisationId: org.id, name: `Food ${tag}` });
    await buildProject(t.db, { programmeId: water.id, leadOrganisationId: org.id });
    await buildProject(t.db, { programmeId: water.id, leadOrganisationId: org.id });
    const res = await agent.get(`/api/programmes?q=water ${tag}`);
    expect(res.json()).toMatchObject({ total: 1, items: [{ id: water.id, projectCount: 2 }] });
    const all = await agent.get(`/api/programmes?organisationId=${org.id}`);
    expect(all.json().items.map((p: { name: string }) => p.name)).toEqual([`Food ${tag}`, `Water ${tag}`]);
  });

  it('shows a programme to a reporter of one of its projects', async () => {
    const org = await buildOrganisation(t.db);
    const programme = await buildProgramme(t.db, { organisationId: org.id });
    const project = await buildProject(t.db, { programmeId: programme.id, leadOrganisationId: org.id });
    const user = await buildUser(t.db, { organisationId: org.id, grants: [{ role: 'reporter', scopeType: 'project', scopeId: project.id }] });
    const agent = await t.as(user.id);
    expect((await agent.get(`/api/programmes/${programme.id}`)).statusCode).toBe(200);
    expect((await agent.get('/api/programmes')).json().items.map((p: { id: string }) => p.id)).toEqual([programme.id]);
  });

  it('answers 404 for an unknown programme', async () => {
    const { agent } = await manager();
    expect((await agent.get('/api/programmes/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
