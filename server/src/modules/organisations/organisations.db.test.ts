import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let n = 0;
const unique = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

async function installationAdmin() {
  const org = await buildOrganisation(t.db);
  const user = await buildUser(t.db, { organisationId: org.id, grants: [{ role: 'admin', scopeType: 'installation', scopeId: null }] });
  return { user, agent: await t.as(user.id) };
}

const auditOf = (action: string, entityId: string) =>
  t.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('entity_id', '=', entityId).execute();
const parsed = (text: string | null | undefined) => (text ? JSON.parse(text) : null);

describe('creating an organisation', () => {
  it('stores it with defaults and audits the whole record', async () => {
    const { agent, user } = await installationAdmin();
    const name = `Water for Sahel ${unique()}`;
    const res = await agent.post('/api/organisations', { name, acronym: 'WfS', type: '21', countryCode: 'MLI', website: 'https://wfs.example.org' });
    expect(res.statusCode).toBe(201);
    const org = res.json();
    expect(org).toMatchObject({ name, acronym: 'WfS', type: '21', countryCode: 'MLI', iatiIdentifier: null, fiscalYearStartMonth: 1 });
    const [entry] = await auditOf('organisation.create', org.id);
    expect(entry).toMatchObject({ actor_user_id: user.id, entity_type: 'organisation', organisation_id: org.id, before_json: null });
    expect(parsed(entry?.after_json)).toEqual(org);
  });

  it('trims the name and refuses one made of spaces, naming the field', async () => {
    const { agent } = await installationAdmin();
    const res = await agent.post('/api/organisations', { name: '   ', type: '22' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'body.name', reason: 'required' })]);
  });

  it.each([
    ['countryCode', { countryCode: 'mli' }],
    ['website', { website: 'javascript:alert(1)' }],
    ['iatiIdentifier', { iatiIdentifier: 'has spaces in it' }],
    ['type', { type: '99' }],
    ['fiscalYearStartMonth', { fiscalYearStartMonth: 0 }],
  ])('refuses an invalid %s, naming it', async (field, patch) => {
    const { agent } = await installationAdmin();
    const res = await agent.post('/api/organisations', { name: `Invalid ${unique()}`, type: '22', ...patch });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual([`body.${field}`]);
  });

  it('writes nothing, not even an audit entry, when the name is taken', async () => {
    const { agent } = await installationAdmin();
    const existing = await buildOrganisation(t.db);
    const before = await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'organisation.create').executeTakeFirstOrThrow();
    expect((await agent.post('/api/organisations', { name: existing.name, type: '22' })).statusCode).toBe(409);
    const after = await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'organisation.create').executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('updating an organisation', () => {
  it('changes only the fields sent and audits before and after', async () => {
    const { agent, user } = await installationAdmin();
    const org = await buildOrganisation(t.db, { acronym: 'OLD' });
    await t.db.updateTable('organisations').set({ updated_at: '2020-01-01T00:00:00.000Z' }).where('id', '=', org.id).execute();
    const res = await agent.patch(`/api/organisations/${org.id}`, { acronym: null, fiscalYearStartMonth: 7 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: org.name, acronym: null, fiscalYearStartMonth: 7, type: org.type });
    expect(res.json().updatedAt > '2020-01-01T00:00:00.000Z').toBe(true);
    const [entry] = await auditOf('organisation.update', org.id);
    expect(entry).toMatchObject({ actor_user_id: user.id, organisation_id: org.id });
    expect(parsed(entry?.before_json)).toMatchObject({ acronym: 'OLD', fiscalYearStartMonth: 1, name: org.name });
    expect(parsed(entry?.after_json)).toMatchObject({ acronym: null, fiscalYearStartMonth: 7, name: org.name });
  });

  it('lets an organisation change the letter case of its own name', async () => {
    const { agent } = await installationAdmin();
    const org = await buildOrganisation(t.db, { name: `quiet name ${unique()}` });
    const res = await agent.patch(`/api/organisations/${org.id}`, { name: org.name.toUpperCase() });
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe(org.name.toUpperCase());
  });

  it('lets an organisation admin edit their own organisation', async () => {
    const org = await buildOrganisation(t.db);
    const admin = await buildUser(t.db, { organisationId: org.id, grants: [{ role: 'admin', scopeType: 'organisation', scopeId: org.id }] });
    const res = await (await t.as(admin.id)).patch(`/api/organisations/${org.id}`, { website: 'https://own.example.org' });
    expect(res.statusCode).toBe(200);
    expect((await auditOf('organisation.update', org.id))[0]?.actor_user_id).toBe(admin.id);
  });

  it('answers 404 for an organisation that does not exist', async () => {
    const { agent } = await installationAdmin();
    const res = await agent.patch('/api/organisations/00000000-0000-4000-8000-000000000000', { acronym: 'X' });
    expect(res.statusCode).toBe(404);
  });
});

describe('reading organisations', () => {
  it('finds organisations by part of the name or acronym, in any letter case', async () => {
    const tag = unique();
    const a = await buildOrganisation(t.db, { name: `Alpha Relief ${tag}` });
    const b = await buildOrganisation(t.db, { name: `Beta Aid ${tag}`, acronym: `BRAVO${tag}` });
    await buildOrganisation(t.db, { name: 'Unrelated' + tag.split('').reverse().join('') });
    const viewer = await buildUser(t.db, { organisationId: a.id });
    const agent = await t.as(viewer.id);
    const byName = await agent.get(`/api/organisations?q=${encodeURIComponent(`RELIEF ${tag}`)}`);
    expect(byName.json()).toMatchObject({ total: 1, items: [{ id: a.id }] });
    const byAcronym = await agent.get(`/api/organisations?q=bravo${tag}`);
    expect(byAcronym.json().items.map((o: { id: string }) => o.id)).toEqual([b.id]);
  });

  it('treats % and _ in the search as plain characters', async () => {
    const tag = unique();
    const org = await buildOrganisation(t.db, { name: `Hundred%Percent ${tag}` });
    await buildOrganisation(t.db, { name: `HundredXPercent ${tag}` });
    const agent = await t.as((await buildUser(t.db, { organisationId: org.id })).id);
    const res = await agent.get(`/api/organisations?q=${encodeURIComponent(`d%p`)}`);
    expect(res.json().items.map((o: { id: string }) => o.id)).toEqual([org.id]);
  });

  it('pages the directory and reports the total', async () => {
    const tag = unique();
    for (let i = 0; i < 3; i++) await buildOrganisation(t.db, { name: `Paged ${tag} ${i}` });
    const agent = await t.as((await buildUser(t.db, { organisationId: (await buildOrganisation(t.db)).id })).id);
    const res = await agent.get(`/api/organisations?q=${encodeURIComponent(`Paged ${tag}`)}&limit=2&offset=1`);
    expect(res.json().total).toBe(3);
    expect(res.json().items.map((o: { name: string }) => o.name)).toEqual([`Paged ${tag} 1`, `Paged ${tag} 2`]);
  });

  it('answers 404 for an unknown id', async () => {
    const agent = await t.as((await buildUser(t.db, { organisationId: (await buildOrganisation(t.db)).id })).id);
    expect((await agent.get('/api/organisations/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
