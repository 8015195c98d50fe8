import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role, ScopeType } from '@shared/roles.js';
import { verifyPassword } from '../../lib/passwords.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { buildOrganisation, buildProgramme, buildProject, buildUser, TEST_PASSWORD } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { setDisabled } from './users.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let n = 0;
const unique = () => `${Date.now().toString(36)}${(n++).toString(36)}`;
const PASSWORD = 'a long enough passphrase';

type Grant = { role: Role; scopeType: ScopeType; scopeId: string | null };
async function userIn(organisationId: string, grants: Grant[] = []) {
  return buildUser(t.db, { organisationId, grants });
}
async function installationAdmin() {
  const org = await buildOrganisation(t.db);
  const user = await userIn(org.id, [{ role: 'admin', scopeType: 'installation', scopeId: null }]);
  return { user, org, agent: await t.as(user.id) };
}
async function organisationAdmin() {
  const org = await buildOrganisation(t.db);
  const user = await userIn(org.id, [{ role: 'admin', scopeType: 'organisation', scopeId: org.id }]);
  return { user, org, agent: await t.as(user.id) };
}

const auditOf = (action: string, entityId: string) =>
  t.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('entity_id', '=', entityId).orderBy('at').execute();
const parsed = (text: string | null | undefined) => (text ? JSON.parse(text) : null);
const userRow = (id: string) => t.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('creating a user', () => {
  it('stores the e-mail in lower case, never returns or audits the password, and audits the account', async () => {
    const { agent, org, user: admin } = await installationAdmin();
    const email = `Amadou.${unique()}@Example.ORG`;
    const res = await agent.post('/api/users', { email, name: 'Amadou Diallo', organisationId: org.id, locale: 'fr', password: PASSWORD });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ email: email.toLowerCase(), name: 'Amadou Diallo', organisationId: org.id, organisationName: org.name, locale: 'fr', disabled: false, memberships: [] });
    expect(JSON.stringify(created)).not.toMatch(/password|argon/i);
    const [entry] = await auditOf('user.create', created.id);
    expect(entry).toMatchObject({ actor_user_id: admin.id, organisation_id: org.id });
    expect(parsed(entry?.after_json)).toEqual({ email: email.toLowerCase(), name: 'Amadou Diallo', organisationId: org.id, locale: 'fr', disabled: false });
    expect(entry?.after_json).not.toMatch(/argon|password/i);
    expect(await verifyPassword((await userRow(created.id)).password_hash, PASSWORD)).toBe(true);
  });

  it('lets the new user sign in with the password given', async () => {
    const { agent, org } = await installationAdmin();
    const email = `new-${unique()}@example.org`;
    await agent.post('/api/users', { email, name: 'New', organisationId: org.id, password: PASSWORD });
    expect((await t.anonymous().login(email, PASSWORD)).statusCode).toBe(200);
  });

  it('answers 400 naming organisationId when the organisation does not exist', async () => {
    const { agent } = await installationAdmin();
    const res = await agent.post('/api/users', { email: `x-${unique()}@example.org`, name: 'X', organisationId: '00000000-0000-4000-8000-000000000000', password: PASSWORD });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'organisationId', reason: 'unknown_reference' })]);
  });

  it('refuses a password under 12 characters and an invalid e-mail, naming both', async () => {
    const { agent, org } = await installationAdmin();
    const res = await agent.post('/api/users', { email: 'not-an-email', name: 'X', organisationId: org.id, password: 'short' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string; reason: string }) => [d.field, d.reason])).toEqual([
      ['body.email', 'invalid_format'],
      ['body.password', 'too_short'],
    ]);
  });
});

describe('listing users', () => {
  it('shows an organisation admin only their organisation’s users, even when asking for another organisation', async () => {
    const { agent, org, user: admin } = await organisationAdmin();
    const colleague = await userIn(org.id);
    const other = await buildOrganisation(t.db);
    await userIn(other.id);
    const mine = await agent.get('/api/users?limit=500');
    expect(mine.json().items.map((u: { id: string }) => u.id).sort()).toEqual([admin.id, colleague.id].sort());
    expect(mine.json().total).toBe(2);
    const theirs = await agent.get(`/api/users?organisationId=${other.id}`);
    expect(theirs.json()).toEqual({ items: [], total: 0 });
  });

  it('filters by text, role and disabled state', async () => {
    const { agent } = await installationAdmin();
    const org = await buildOrganisation(t.db);
    const tag = unique();
    const reporter = await buildUser(t.db, { organisationId: org.id, name: `Fatou ${tag}`, grants: [{ role: 'reporter', scopeType: 'organisation', scopeId: org.id }] });
    const viewer = await buildUser(t.db, { organisationId: org.id, name: `Moussa ${tag}`, grants: [{ role: 'viewer', scopeType: 'organisation', scopeId: org.id }] });
    const gone = await buildUser(t.db, { organisationId: org.id, name: `Awa ${tag}`, disabled: true });
    const ids = async (query: string) => (await agent.get(`/api/users?organisationId=${org.id}&${query}`)).json().items.map((u: { id: string }) => u.id);
    expect(await ids(`q=fatou`)).toEqual([reporter.id]);
    expect(await ids(`role=viewer`)).toEqual([viewer.id]);
    expect(await ids(`includeDisabled=false`)).toEqual([reporter.id, viewer.id]);
    expect(await ids(`includeDisabled=true`)).toEqual([gone.id, reporter.id, viewer.id]);
  });

  it('lets any user read their own account but answers 404 for a colleague', async () => {
    const org = await buildOrganisation(t.db);
    const me = await userIn(org.id, [{ role: 'viewer', scopeType: 'organisation', scopeId: org.id }]);
    const colleague = await userIn(org.id);
    const agent = await t.as(me.id);
    expect((await agent.get(`/api/users/${me.id}`)).json().memberships).toEqual([
      expect.objectContaining({ role: 'viewer', scopeType: 'organisation', scopeId: org.id, scopeName: org.name }),
    ]);
    expect((await agent.get(`/api/users/${colleague.id}`)).statusCode).toBe(404);
  });
});

describe('updating a user', () => {
  it('changes the fields sent and audits before and after', async () => {
    const { agent, org, user: admin } = await organisationAdmin();
    const user = await userIn(org.id);
    const email = `renamed-${unique()}@example.org`;
    const res = await agent.patch(`/api/users/${user.id}`, { name: 'Renamed', email, locale: 'ar' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Renamed', email, locale: 'ar' });
    const [entry] = await auditOf('user.update', user.id);
    expect(entry?.actor_user_id).toBe(admin.id);
    expect(parsed(entry?.before_json)).toEqual({ email: user.email, name: user.name, organisationId: org.id, locale: null, disabled: false });
    expect(parsed(entry?.after_json)).toEqual({ email, name: 'Renamed', organisationId: org.id, locale: 'ar', disabled: false });
  });

  it('answers 409 naming email when the new e-mail belongs to someone else', async () => {
    const { agent, org } = await organisationAdmin();
    const user = await userIn(org.id);
    const other = await userIn(org.id);
    const res = await agent.patch(`/api/users/${user.id}`, { email: other.email });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'email', reason: 'duplicate' })]);
  });

  it('does not let an organisation admin move a user into an organisation they do not administer', async () => {
    const { agent, org } = await organisationAdmin();
    const user = await userIn(org.id);
    const elsewhere = await buildOrganisation(t.db);
    expect((await agent.patch(`/api/users/${user.id}`, { organisationId: elsewhere.id })).statusCode).toBe(403);
    expect((await userRow(user.id)).organisation_id).toBe(org.id);
  });

  it('moves a user to another organisation for an installation admin, and the entry follows the user', async () => {
    const { agent } = await installationAdmin();
    const from = await buildOrganisation(t.db);
    const to = await buildOrganisation(t.db);
    const user = await userIn(from.id);
    expect((await agent.patch(`/api/users/${user.id}`, { organisationId: to.id })).json().organisationName).toBe(to.name);
    expect((await auditOf('user.update', user.id))[0]?.organisation_id).toBe(to.id);
  });
});

describe('accounts stronger than the administrator’s own', () => {
  it('an organisation admin cannot reset the password of an installation admin in their organisation', async () => {
    const { agent, org } = await organisationAdmin();
    const superUser = await userIn(org.id, [{ role: 'admin', scopeType: 'installation', scopeId: null }]);
    const res = await agent.post(`/api/users/${superUser.id}/password`, { password: 'taken over at last' });
    expect(res.statusCode).toBe(403);
    expect((await t.anonymous().login(superUser.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('an organisation admin cannot change the e-mail or disable a user who administers another organisation', async () => {
    const { agent, org } = await organisationAdmin();
    const other = await buildOrganisation(t.db);
    const user = await userIn(org.id, [{ role: 'admin', scopeType: 'organisation', scopeId: other.id }]);
    expect((await agent.patch(`/api/users/${user.id}`, { email: `mine-${unique()}@example.org` })).statusCode).toBe(403);
    expect((await agent.post(`/api/users/${user.id}/disabled`, { disabled: true })).statusCode).toBe(403);
    expect(await userRow(user.id)).toMatchObject({ email: user.email, disabled: 0 });
  });

  it('an organisation admin still manages users whose roles lie inside the organisation', async () => {
    const { agent, org } = await organisationAdmin();
    const programme = await buildProgramme(t.db, { organisationId: org.id });
    const user = await userIn(org.id, [{ role: 'programme_manager', scopeType: 'programme', scopeId: programme.id }]);
    expect((await agent.post(`/api/users/${user.id}/password`, { password: 'reset by my admin' })).statusCode).toBe(200);
  });
});

describe('disabling a user', () => {
  it('disables, ends sessions and audits before and after; enabling is audited too', async () => {
    const { agent, org, user: admin } = await organisationAdmin();
    const user = await userIn(org.id);
    const browser = await t.as(user.id);
    const res = await agent.post(`/api/users/${user.id}/disabled`, { disabled: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    expect((await browser.get('/api/auth/session')).statusCode).toBe(401);
    const [entry] = await auditOf('user.disable', user.id);
    expect(entry).toMatchObject({ actor_user_id: admin.id, organisation_id: org.id });
    expect([parsed(entry?.before_json), parsed(entry?.after_json)]).toEqual([{ disabled: false }, { disabled: true }]);
    expect((await agent.post(`/api/users/${user.id}/disabled`, { disabled: false })).json().disabled).toBe(false);
    expect((await auditOf('user.enable', user.id)).map((e) => parsed(e.after_json))).toEqual([{ disabled: false }]);
  });

  it('answers 400 naming disabled when administrators try to disable themselves, and changes nothing', async () => {
    const { agent, user } = await installationAdmin();
    const res = await agent.post(`/api/users/${user.id}/disabled`, { disabled: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { field: 'disabled', reason: 'self_disable', message: 'You cannot disable your own account.' },
    ]);
    expect((await userRow(user.id)).disabled).toBe(0);
    expect((await agent.get('/api/auth/session')).statusCode).toBe(200);
    expect(await auditOf('user.disable', user.id)).toEqual([]);
  });
});

describe('memberships', () => {
  it('grants a role on a project of the organisation and audits it', async () => {
    const { agent, org, user: admin } = await organisationAdmin();
    const programme = await buildProgramme(t.db, { organisationId: org.id });
    const project = await buildProject(t.db, { programmeId: programme.id, leadOrganisationId: org.id });
    const user = await userIn(org.id);
    const res = await agent.post(`/api/users/${user.id}/memberships`, { role: 'reporter', scopeType: 'project', scopeId: project.id });
    expect(res.statusCode).toBe(201);
    expect(res.json().memberships).toEqual([expect.objectContaining({ role: 'reporter', scopeType: 'project', scopeId: project.id, scopeName: project.title })]);
    const [entry] = await auditOf('membership.create', user.id);
    expect(entry).toMatchObject({ actor_user_id: admin.id, organisation_id: org.id });
    expect(parsed(entry?.after_json)).toEqual({ role: 'reporter', scopeType: 'project', scopeId: project.id });
  });

  it('answers 409 naming role when the user already holds that role on that scope', async () => {
    const { agent, org } = await organisationAdmin();
    const user = await userIn(org.id, [{ role: 'viewer', scopeType: 'organisation', scopeId: org.id }]);
    const res = await agent.post(`/api/users/${user.id}/memberships`, { role: 'viewer', scopeType: 'organisation', scopeId: org.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'role', reason: 'duplicate' })]);
  });

  it('answers 409 for a second installation role of the same kind (the scope id is null)', async () => {
    const { agent, org } = await installationAdmin();
    const user = await userIn(org.id, [{ role: 'viewer', scopeType: 'installation', scopeId: null }]);
    const res = await agent.post(`/api/users/${user.id}/memberships`, { role: 'viewer', scopeType: 'installation', scopeId: null });
    expect(res.statusCode).toBe(409);
  });

  it('answers 400 naming scopeId when the scope does not exist', async () => {
    const { agent, org } = await installationAdmin();
    const user = await userIn(org.id);
    const res = await agent.post(`/api/users/${user.id}/memberships`, { role: 'viewer', scopeType: 'programme', scopeId: '00000000-0000-4000-8000-000000000000' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'scopeId', reason: 'unknown_reference' })]);
  });

  it('answers 400 naming body.scopeId when an installation role carries a scope id', async () => {
    const { agent, org } = await installationAdmin();
    const user = await userIn(org.id);
    const res = await agent.post(`/api/users/${user.id}/memberships`, { role: 'viewer', scopeType: 'installation', scopeId: org.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'body.scopeId' })]);
  });

  it('removes a membership and audits what was removed', async () => {
    const { agent, org } = await organisationAdmin();
    const user = await userIn(org.id, [{ role: 'me_officer', scopeType: 'organisation', scopeId: org.id }]);
    const membership = await t.db.selectFrom('memberships').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow();
    const res = await agent.delete(`/api/users/${user.id}/memberships/${membership.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().memberships).toEqual([]);
    const [entry] = await auditOf('membership.delete', user.id);
    expect(parsed(entry?.before_json)).toMatchObject({ id: membership.id, role: 'me_officer', scopeType: 'organisation', scopeId: org.id });
  });

  it('answers 404 for a membership that belongs to another user', async () => {
    const { agent, org } = await organisationAdmin();
    const user = await userIn(org.id);
    const other = await userIn(org.id, [{ role: 'viewer', scopeType: 'organisation', scopeId: org.id }]);
    const membership = await t.db.selectFrom('memberships').select('id').where('user_id', '=', other.id).executeTakeFirstOrThrow();
    expect((await agent.delete(`/api/users/${user.id}/memberships/${membership.id}`)).statusCode).toBe(404);
    expect(await t.db.selectFrom('memberships').select('id').where('id', '=', membership.id).executeTakeFirst()).toBeDefined();
  });
});

// A database of its own: these need to know exactly how many installation admins exist.
describe('the last installation admin', () => {
  let solo: TestApp;
  let admin: Awaited<ReturnType<typeof buildUser>>;
  beforeAll(async () => {
    solo = await createTestApp();
    const org = await buildOrganisation(solo.db);
    admin = await buildUser(solo.db, { organisationId: org.id, grants: [{ role: 'admin', scopeType: 'installation', scopeId: null }] });
  });
  afterAll(() => solo.close());

  it('cannot remove their own installation admin role: 400 last_admin, and the role stays', async () => {
    const membership = await solo.db.selectFrom('memberships').selectAll().where('user_id', '=', admin.id).executeTakeFirstOrThrow();
    const res = await (await solo.as(admin.id)).delete(`/api/users/${admin.id}/memberships/${membership.id}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { field: 'role', reason: 'last_admin', message: 'This would leave the installation without an active administrator.' },
    ]);
    expect(await solo.db.selectFrom('memberships').select('id').where('id', '=', membership.id).executeTakeFirst()).toBeDefined();
    expect(await solo.db.selectFrom('audit_log').select('id').where('action', '=', 'membership.delete').execute()).toEqual([]);
  });

  it('cannot be disabled from the command line either, and keeps their sessions', async () => {
    const agent = await solo.as(admin.id);
    const ctx = { db: solo.db, actor: SYSTEM_ACTOR, requestId: 'cli', ip: null, locale: 'en' as const };
    await expect(setDisabled(ctx, admin.id, true)).rejects.toMatchObject({ code: 'validation_failed', details: [{ field: 'disabled', reason: 'last_admin' }] });
    expect((await solo.db.selectFrom('users').select('disabled').where('id', '=', admin.id).executeTakeFirstOrThrow()).disabled).toBe(0);
    expect((await agent.get('/api/auth/session')).statusCode).toBe(200);
  });

  it('can step down once a second installation admin exists', async () => {
    const second = await buildUser(solo.db, { organisationId: admin.organisation_id });
    const agent = await solo.as(admin.id);
    expect((await agent.post(`/api/users/${second.id}/memberships`, { role: 'admin', scopeType: 'installation', scopeId: null })).statusCode).toBe(201);
    const own = await solo.db.selectFrom('memberships').select('id').where('user_id', '=', admin.id).executeTakeFirstOrThrow();
    expect((await agent.delete(`/api/users/${admin.id}/memberships/${own.id}`)).statusCode).toBe(200);
  });
});
