import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiToken, CreatedApiToken } from '@shared/schemas/api-tokens.js';
import type { Iptt } from '@shared/schemas/monitoring.js';
import { addMs, nowIso } from '../../lib/clock.js';
import { sha256 } from '../../lib/ids.js';
import { buildOrganisation, buildUser } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildIpttWorld, type IpttWorld } from '../analytics/iptt.test-world.js';

let t: TestApp;
let w: IpttWorld;
let installationAdmin: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  w = await buildIpttWorld(t.db);
  const org = await buildOrganisation(t.db);
  installationAdmin = await buildUser(t.db, { organisationId: org.id, grants: [{ role: 'admin', scopeType: 'installation', scopeId: null }] });
});
afterAll(async () => t.close());

async function makeToken(userId: string, body: Record<string, unknown> = { name: 'Power BI refresh' }): Promise<CreatedApiToken> {
  const res = await (await t.as(userId)).post('/api/api-tokens', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as CreatedApiToken;
}

const bearer = (token: string) => t.anonymous({ authorization: `Bearer ${token}` });
const tokenRow = (id: string) => t.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const ipttUrl = (projectId: string) => `/api/iptt?scope=project&id=${projectId}`;
/** The IPTT without the moment it was made, so two answers can be compared. */
const figures = (body: string) => {
  const { generatedAt: _g, ...rest } = JSON.parse(body) as Iptt;
  return rest;
};

describe('making, listing and revoking tokens', () => {
  it('shows the token once, keeps only its SHA-256 and lists it by prefix', async () => {
    const created = await makeToken(w.users.manager.id, { name: 'Power BI refresh', expiresInDays: 90 });
    expect(created.token).toMatch(/^fbk_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ name: 'Power BI refresh', prefix: created.token.slice(0, 12), status: 'active', lastUsedAt: null, revokedAt: null });
    expect(created.user.id).toBe(w.users.manager.id);
    const days = (new Date(created.expiresAt!).getTime() - new Date(created.createdAt).getTime()) / 86_400_000;
    expect(days).toBe(90);

    const row = await tokenRow(created.id);
    expect(row.token_hash).toBe(sha256(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);

    const list = (await (await t.as(w.users.manager.id)).get('/api/api-tokens')).json() as { items: ApiToken[] };
    const listed = list.items.find((x) => x.id === created.id);
    expect(listed).toMatchObject({ name: 'Power BI refresh', prefix: created.prefix });
    expect(listed).not.toHaveProperty('token');
  });

  it('audits the creation and the revocation, never the secret', async () => {
    const created = await makeToken(w.users.viewer.id, { name: 'Ministry dashboard' });
    const res = await (await t.as(w.users.viewer.id)).post(`/api/api-tokens/${created.id}/revoke`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'revoked' });
    const entries = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', created.id).orderBy('at').execute();
    expect(entries.map((e) => [e.action, e.actor_user_id])).toEqual([
      ['api_token.create', w.users.viewer.id],
      ['api_token.revoke', w.users.viewer.id],
    ]);
    for (const e of entries) {
      expect(`${e.before_json}${e.after_json}`).not.toContain(created.token);
      expect(`${e.before_json}${e.after_json}`).not.toContain(sha256(created.token));
    }
  });

  it('refuses a name missing or an expiry outside 1 to 365 days', async () => {
    const agent = await t.as(w.users.manager.id);
    for (const body of [{ name: '' }, { name: 'x', expiresInDays: 0 }, { name: 'x', expiresInDays: 366 }]) {
      const res = await agent.post('/api/api-tokens', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
  });

  it("answers 404 for someone else's token, and lets an installation admin list and revoke anyone's", async () => {
    const created = await makeToken(w.users.partner.id, { name: 'Partner sync' });
    expect((await (await t.as(w.users.manager.id)).post(`/api/api-tokens/${created.id}/revoke`)).statusCode).toBe(404);
    expect((await (await t.as(w.users.manager.id)).get(`/api/api-tokens?userId=${w.users.partner.id}`)).statusCode).toBe(403);
    expect((await (await t.as(w.users.manager.id)).get('/api/api-tokens?all=true')).statusCode).toBe(403);

    const admin = await t.as(installationAdmin.id);
    const theirs = (await admin.get(`/api/api-tokens?userId=${w.users.partner.id}`)).json() as { items: ApiToken[] };
    expect(theirs.items.map((x) => x.id)).toContain(created.id);
    const everyone = (await admin.get('/api/api-tokens?all=true')).json() as { items: ApiToken[] };
    expect(new Set(everyone.items.map((x) => x.user.id)).size).toBeGreaterThan(1);
    const revoked = await admin.post(`/api/api-tokens/${created.id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    const entry = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', created.id).where('action', '=', 'api_token.revoke').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor_user_id: installationAdmin.id, organisation_id: w.partner.id });
    expect((await bearer(created.token).get(ipttUrl(w.p1.id))).statusCode).toBe(401);
  });

  it('asks for a session to manage tokens', async () => {
    expect((await t.anonymous().get('/api/api-tokens')).statusCode).toBe(401);
  });
});

describe('Authorization: Bearer', () => {
  it('reads the IPTT as its user: the same answer as with their session', async () => {
    const { token } = await makeToken(w.users.manager.id);
    const withToken = await bearer(token).get(ipttUrl(w.p1.id));
    expect(withToken.statusCode, withToken.body).toBe(200);
    const withSession = await (await t.as(w.users.manager.id)).get(ipttUrl(w.p1.id));
    expect(figures(withToken.body)).toEqual(figures(withSession.body));
  });

  it("gives a partner reporter's token only what the partner sees", async () => {
    const { token } = await makeToken(w.users.partner.id);
    const withToken = await bearer(token).get(ipttUrl(w.p1.id));
    const withSession = await (await t.as(w.users.partner.id)).get(ipttUrl(w.p1.id));
    const asManager = await (await t.as(w.users.manager.id)).get(ipttUrl(w.p1.id));
    expect(withToken.statusCode).toBe(200);
    expect(figures(withToken.body)).toEqual(figures(withSession.body));
    expect(figures(withToken.body)).not.toEqual(figures(asManager.body));
    // P2 has no partner in it: invisible to the partner, so to their token.
    expect((await bearer(token).get(ipttUrl(w.p2.id))).statusCode).toBe(404);
    const outsider = await makeToken(w.users.outsider.id);
    expect((await bearer(outsider.token).get(ipttUrl(w.p1.id))).statusCode).toBe(404);
  });

  it('refuses revoked and expired tokens, unknown ones and disabled users with 401', async () => {
    const revoked = await makeToken(w.users.manager.id);
    await (await t.as(w.users.manager.id)).post(`/api/api-tokens/${revoked.id}/revoke`);
    const expired = await makeToken(w.users.manager.id, { name: 'Old', expiresInDays: 1 });
    await t.db.updateTable('api_tokens').set({ expires_at: addMs(nowIso(), -1000) }).where('id', '=', expired.id).execute();
    const org = await buildOrganisation(t.db);
    const leaver = await buildUser(t.db, { organisationId: org.id, grants: [{ role: 'viewer', scopeType: 'organisation', scopeId: org.id }] });
    const leaversToken = await makeToken(leaver.id);
    expect((await bearer(leaversToken.token).get('/api/projects')).statusCode).toBe(200);
    await t.db.updateTable('users').set({ disabled: 1 }).where('id', '=', leaver.id).execute();

    for (const token of [revoked.token, expired.token, leaversToken.token, 'fbk_unknown', 'not-even-a-fieldbook-token']) {
      const res = await bearer(token).get('/api/projects');
      expect(res.statusCode, token).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="fieldbook"');
    }
    // A bad token is refused even where no sign-in is needed.
    expect((await bearer(revoked.token).get('/api/health')).statusCode).toBe(401);
  });

  it('cannot mint, list or revoke tokens, nor manage the session', async () => {
    const created = await makeToken(w.users.manager.id);
    const tool = bearer(created.token);
    for (const res of [
      await tool.post('/api/api-tokens', { name: 'Minted by a token' }),
      await tool.get('/api/api-tokens'),
      await tool.post(`/api/api-tokens/${created.id}/revoke`),
      await tool.post('/api/auth/password', { currentPassword: 'x', newPassword: 'y'.repeat(12) }),
      await tool.post('/api/auth/logout'),
    ]) {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'forbidden', details: [{ reason: 'session_required' }] } });
    }
    expect((await tokenRow(created.id)).revoked_at).toBeNull();
    const count = await t.db.selectFrom('api_tokens').select((eb) => eb.fn.countAll<number>().as('n')).where('name', '=', 'Minted by a token').executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('lets the token win over a session cookie sent with it, and writes without a CSRF header', async () => {
    const { token } = await makeToken(w.users.partner.id);
    const admin = await t.as(installationAdmin.id, { authorization: `Bearer ${token}` });
    // The admin's cookie would see P2; the partner's token does not.
    expect((await admin.get(ipttUrl(w.p2.id))).statusCode).toBe(404);
    const manager = await makeToken(w.users.manager.id);
    const res = await bearer(manager.token).post('/api/share-links', { kind: 'project', projectId: w.p1.id, label: 'Scripted link' });
    expect(res.statusCode, res.body).toBe(201);
    const bad = await t.as(installationAdmin.id, { authorization: 'Bearer fbk_revoked-or-unknown' });
    expect((await bad.get('/api/projects')).statusCode).toBe(401);
  });

  it('records the last use at most once a minute', async () => {
    const created = await makeToken(w.users.viewer.id);
    await bearer(created.token).get('/api/projects');
    const first = (await tokenRow(created.id)).last_used_at;
    expect(first).not.toBeNull();
    const recent = addMs(nowIso(), -30_000);
    await t.db.updateTable('api_tokens').set({ last_used_at: recent }).where('id', '=', created.id).execute();
    await bearer(created.token).get('/api/projects');
    expect((await tokenRow(created.id)).last_used_at).toBe(recent);
    const old = addMs(nowIso(), -120_000);
    await t.db.updateTable('api_tokens').set({ last_used_at: old }).where('id', '=', created.id).execute();
    await bearer(created.token).get('/api/projects');
    expect((await tokenRow(created.id)).last_used_at! > old).toBe(true);
    // Uses are not audited, only the making.
    const audited = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', created.id).execute();
    expect(audited.map((a) => a.action)).toEqual(['api_token.create']);
  });
});

describe('the OpenAPI document', () => {
  it('is served signed out and describes bearer tokens', async () => {
    const res = await t.anonymous().get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { components: { securitySchemes: Record<string, unknown> }; paths: Record<string, unknown> };
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths).toHaveProperty('/api/iptt');
    expect(doc.paths).toHaveProperty('/api/api-tokens');
  });
});
