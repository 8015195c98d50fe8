import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../../test/factories.js';
import { Agent, createTestApp, type TestApp } from '../../test/test-app.js';

// Behind a trusted proxy so each test can come from its own address (X-Forwarded-For):
// the per-address throttle would otherwise count every failure in this file together.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ TRUST_PROXY: 'true' });
});
afterAll(() => t.close());

let lastOctet = 0;
const newAddress = () => `10.0.${Math.floor(++lastOctet / 250)}.${lastOctet % 250}`;
const from = (ip: string, extra: Record<string, string> = {}) => t.anonymous({ 'x-forwarded-for': ip, ...extra });
const NEW_PASSWORD = 'a brand new passphrase';

async function member() {
  const org = await buildOrganisation(t.db);
  return buildUser(t.db, { organisationId: org.id, grants: [{ role: 'viewer', scopeType: 'organisation', scopeId: org.id }] });
}

/** A signed-in browser from its own address. */
async function signedIn(email: string, password = TEST_PASSWORD) {
  const agent = from(newAddress());
  expect((await agent.login(email, password)).statusCode).toBe(200);
  return agent;
}

const auditOf = (action: string, entityId: string) =>
  t.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('entity_id', '=', entityId).execute();

describe('sign in', () => {
  it('opens a session with an HttpOnly, SameSite=Lax cookie and returns the CSRF token', async () => {
    const org = await buildOrganisation(t.db);
    const user = await buildUser(t.db, { organisationId: org.id, grants: [{ role: 'viewer', scopeType: 'organisation', scopeId: org.id }] });
    const agent = t.anonymous();
    const res = await agent.login(user.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'fb_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.json().user.memberships).toHaveLength(1);
    const session = await agent.get('/api/auth/session');
    expect(session.statusCode).toBe(200);
    expect(session.json().user.email).toBe(user.email);
  });

  it('answers 401 with a translated message for a wrong password', async () => {
    const org = await buildOrganisation(t.db);
    const user = await buildUser(t.db, { organisationId: org.id });
    const res = await t.anonymous({ 'accept-language': 'fr-FR,fr;q=0.9' }).login(user.email, 'wrong password here');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
    expect(res.json().error.details[0].message).toBe("L'adresse e-mail ou le mot de passe est incorrect.");
  });

  it('accepts the e-mail in any letter case and records the sign-in in the audit log', async () => {
    const user = await member();
    const res = await from(newAddress()).login(user.email.toUpperCase(), TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(await auditOf('auth.login', user.id)).toHaveLength(1);
  });

  it('refuses a disabled account even with the right password', async () => {
    const org = await buildOrganisation(t.db);
    const user = await buildUser(t.db, { organisationId: org.id, disabled: true });
    const res = await from(newAddress()).login(user.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.details[0]).toMatchObject({ field: 'password', reason: 'account_disabled' });
  });
});

describe('sign-in throttling', () => {
  it('answers 429 with Retry-After after five failed sign-ins for one account, and audits the refused attempt', async () => {
    const user = await member();
    const agent = from(newAddress());
    for (let i = 0; i < 5; i++) expect((await agent.login(user.email, `wrong password ${i}`)).statusCode).toBe(401);
    const res = await agent.login(user.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('900');
    expect(res.json().error).toMatchObject({ code: 'too_many_requests', message: 'Too many attempts. Please wait 15 minutes and try again.' });
    const [entry] = await auditOf('auth.login_throttled', user.id);
    expect(entry).toMatchObject({ actor_email: user.email, organisation_id: user.organisation_id });
  });

  it('counts an account’s failures even when they come from different addresses', async () => {
    const user = await member();
    for (let i = 0; i < 5; i++) expect((await from(newAddress()).login(user.email, 'wrong password')).statusCode).toBe(401);
    expect((await from(newAddress()).login(user.email, TEST_PASSWORD)).statusCode).toBe(429);
  });

  it('starts the account’s count again after a successful sign-in', async () => {
    const user = await member();
    const agent = from(newAddress());
    for (let i = 0; i < 4; i++) await agent.login(user.email, 'wrong password');
    expect((await agent.login(user.email, TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await agent.login(user.email, 'wrong password')).statusCode).toBe(401);
    // Eight failures in the window, but only four since the success.
    expect((await agent.login(user.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('answers 429 after twenty failures from one address across accounts, and only to that address', async () => {
    const ip = newAddress();
    for (let i = 0; i < 20; i++) {
      expect((await from(ip).login(`nobody-${i}-${ip}@example.org`, 'wrong password')).statusCode).toBe(401);
    }
    const user = await member();
    expect((await from(ip).login(user.email, TEST_PASSWORD)).statusCode).toBe(429);
    expect((await from(newAddress()).login(user.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('lets no more than five guesses at one account through when they arrive all at once', async () => {
    const user = await member();
    const guesses = await Promise.all(Array.from({ length: 15 }, (_, i) => from(newAddress()).login(user.email, `wrong password ${i}`)));
    // Five at most: when many are counted at the same moment, fewer may go through.
    const through = guesses.filter((r) => r.statusCode === 401).length;
    expect(through).toBeLessThanOrEqual(5);
    expect(guesses.filter((r) => r.statusCode === 429)).toHaveLength(15 - through);
    // Later guesses get only what is left of the five.
    const later: number[] = [];
    for (let i = 0; i < 6; i++) later.push((await from(newAddress()).login(user.email, `later guess ${i}`)).statusCode);
    expect(later.filter((s) => s === 401)).toHaveLength(5 - through);
    expect((await from(newAddress()).login(user.email, TEST_PASSWORD)).statusCode).toBe(429);
  });

  it('takes the address the proxy saw, not one the client wrote into X-Forwarded-For', async () => {
    // The proxy appends the address it saw; whatever the client sent comes before it.
    const ip = newAddress();
    for (let i = 0; i < 20; i++) {
      const res = await from(`203.0.113.${i}, ${ip}`).login(`nobody-${i}-${ip}@example.org`, 'wrong password');
      expect(res.statusCode).toBe(401);
    }
    const user = await member();
    expect((await from(`198.51.100.7, ${ip}`).login(user.email, TEST_PASSWORD)).statusCode).toBe(429);
    const [entry] = await auditOf('auth.login_throttled', user.id);
    expect(entry?.ip).toBe(ip);
  });
});

describe('session cookie', () => {
  it('is Secure when the request came over HTTPS through the trusted proxy', async () => {
    const user = await member();
    const res = await from(newAddress(), { 'x-forwarded-proto': 'https' }).login(user.email, TEST_PASSWORD);
    expect(res.cookies.find((c) => c.name === 'fb_session')?.secure).toBe(true);
  });

  it('is not Secure over plain HTTP when COOKIE_SECURE is auto', async () => {
    const user = await member();
    const res = await from(newAddress()).login(user.email, TEST_PASSWORD);
    expect(res.cookies.find((c) => c.name === 'fb_session')?.secure).toBeFalsy();
  });

  it('is always Secure with COOKIE_SECURE=true', async () => {
    const forced = await createTestApp({ COOKIE_SECURE: 'true' });
    try {
      const org = await buildOrganisation(forced.db);
      const user = await buildUser(forced.db, { organisationId: org.id });
      const res = await forced.anonymous().login(user.email, TEST_PASSWORD);
      expect(res.statusCode).toBe(200);
      expect(res.cookies.find((c) => c.name === 'fb_session')?.secure).toBe(true);
    } finally {
      await forced.close();
    }
  });
});

describe('cross-site request forgery', () => {
  it('refuses a signed-in write without the x-csrf-token header and changes nothing', async () => {
    const user = await member();
    const agent = await t.as(user.id);
    const res = await new Agent(t.app, agent.cookie, null).patch('/api/auth/me', { name: 'Forged' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
    expect((await agent.get('/api/auth/session')).json().user.name).toBe(user.name);
  });

  it('refuses a write carrying another session’s token', async () => {
    const user = await member();
    const mine = await t.as(user.id);
    const other = await t.as((await member()).id);
    const res = await new Agent(t.app, mine.cookie, other.csrfToken).patch('/api/auth/me', { name: 'Forged' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
  });

  it('refuses a write from a cross-site Origin even with a valid token', async () => {
    const agent = await t.as((await member()).id);
    const res = await agent.patch('/api/auth/me', { name: 'Forged' }, { origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
  });

  it('refuses a write the browser marks as cross-site', async () => {
    const agent = await t.as((await member()).id);
    const res = await agent.patch('/api/auth/me', { name: 'Forged' }, { 'sec-fetch-site': 'cross-site' });
    expect(res.statusCode).toBe(403);
  });

  it('refuses a sign-in posted from another site', async () => {
    const user = await member();
    const res = await from(newAddress(), { origin: 'https://evil.example' }).login(user.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
  });

  it('accepts a write whose Origin is the site itself', async () => {
    const agent = await t.as((await member()).id);
    const res = await agent.patch('/api/auth/me', { name: 'Same site' }, { host: 'fieldbook.example', origin: 'https://fieldbook.example' });
    expect(res.statusCode).toBe(200);
  });
});

describe('ending sessions', () => {
  async function installationAdmin() {
    const org = await buildOrganisation(t.db);
    return t.as((await buildUser(t.db, { organisationId: org.id, grants: [{ role: 'admin', scopeType: 'installation', scopeId: null }] })).id);
  }

  it('disabling a user ends their sessions: their next request answers 401', async () => {
    const user = await member();
    const browser = await signedIn(user.email);
    const res = await (await installationAdmin()).post(`/api/users/${user.id}/disabled`, { disabled: true });
    expect(res.statusCode).toBe(200);
    expect((await browser.get('/api/auth/session')).statusCode).toBe(401);
    expect(await t.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toEqual([]);
  });

  it('an administrator resetting a password ends the user’s sessions and only the new password works', async () => {
    const user = await member();
    const browser = await signedIn(user.email);
    expect((await (await installationAdmin()).post(`/api/users/${user.id}/password`, { password: NEW_PASSWORD })).statusCode).toBe(200);
    expect((await browser.get('/api/auth/session')).statusCode).toBe(401);
    expect((await from(newAddress()).login(user.email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await from(newAddress()).login(user.email, NEW_PASSWORD)).statusCode).toBe(200);
    expect(await auditOf('user.reset_password', user.id)).toHaveLength(1);
  });

  it('changing one’s own password ends the other sessions and keeps this one', async () => {
    const user = await member();
    const here = await signedIn(user.email);
    const elsewhere = await signedIn(user.email);
    const res = await here.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect((await here.get('/api/auth/session')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/auth/session')).statusCode).toBe(401);
    expect((await from(newAddress()).login(user.email, NEW_PASSWORD)).statusCode).toBe(200);
    expect(await auditOf('user.change_password', user.id)).toHaveLength(1);
  });

  it('refuses to change the password when the current one is wrong, naming the field', async () => {
    const user = await member();
    const agent = await t.as(user.id);
    const res = await agent.post('/api/auth/password', { currentPassword: 'not my password', newPassword: NEW_PASSWORD });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'currentPassword', reason: 'invalid_credentials' })]);
  });

  it('logging out ends the session, clears the cookie and is audited', async () => {
    const user = await member();
    const browser = await signedIn(user.email);
    const res = await browser.post('/api/auth/logout');
    expect(res.statusCode).toBe(200);
    const cleared = res.cookies.find((c) => c.name === 'fb_session')!;
    expect(cleared.value).toBe('');
    expect(new Date(cleared.expires!).getTime()).toBeLessThan(Date.now());
    expect((await browser.get('/api/auth/session')).statusCode).toBe(401);
    expect(await auditOf('auth.logout', user.id)).toHaveLength(1);
  });

  it('an expired session answers 401 and is deleted', async () => {
    const user = await member();
    const agent = await t.as(user.id);
    await t.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('user_id', '=', user.id).execute();
    const res = await agent.get('/api/auth/session');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
    expect(await t.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toEqual([]);
  });

  it('an active session is extended when it is used after a pause', async () => {
    const user = await member();
    const agent = await t.as(user.id);
    const pausedAt = new Date(Date.now() - 10 * 60_000).toISOString();
    const soon = new Date(Date.now() + 60_000).toISOString();
    await t.db.updateTable('sessions').set({ last_seen_at: pausedAt, expires_at: soon }).where('user_id', '=', user.id).execute();
    expect((await agent.get('/api/auth/session')).statusCode).toBe(200);
    const row = await t.db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow();
    // Default idle time is 12 hours.
    expect(new Date(row.expires_at).getTime()).toBeGreaterThan(Date.now() + 11 * 3_600_000);
  });
});

describe('passwords', () => {
  it('refuses a new password under 12 characters, naming the field', async () => {
    const agent = await t.as((await member()).id);
    const res = await agent.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'elevenchars' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.details).toEqual([
      { field: 'body.newPassword', reason: 'too_short', params: { minimum: 12 }, message: 'Must be at least 12 characters.' },
    ]);
  });

  it('accepts a password of exactly 12 characters', async () => {
    const agent = await t.as((await member()).id);
    const res = await agent.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'twelve chars' });
    expect(res.statusCode).toBe(200);
  });
});

describe('own profile', () => {
  it('PATCH /api/auth/me changes the language, and later errors come back in it whatever the browser asks for', async () => {
    const user = await member();
    const agent = await t.as(user.id, { 'accept-language': 'en-GB,en;q=0.9' });
    const before = await agent.get('/api/users');
    expect(before.json().error.message).toBe('You do not have permission to do this.');
    const res = await agent.patch('/api/auth/me', { locale: 'es' });
    expect(res.statusCode).toBe(200);
    expect(res.json().locale).toBe('es');
    const after = await agent.get('/api/users');
    expect(after.statusCode).toBe(403);
    expect(after.json().error.message).toBe('No tiene permiso para hacer esto.');
    const [entry] = await auditOf('user.update_self', user.id);
    expect(JSON.parse(entry!.before_json!)).toEqual({ name: user.name, locale: null });
    expect(JSON.parse(entry!.after_json!)).toEqual({ name: user.name, locale: 'es' });
  });

  it('clearing the language falls back to the browser’s', async () => {
    const user = await member();
    const agent = await t.as(user.id, { 'accept-language': 'ar' });
    await agent.patch('/api/auth/me', { locale: 'fr' });
    expect((await agent.get('/api/users')).json().error.message).toBe("Vous n'avez pas l'autorisation de faire ceci.");
    await agent.patch('/api/auth/me', { locale: null });
    expect((await agent.get('/api/users')).json().error.message).toBe('ليست لديك صلاحية القيام بذلك.');
  });
});

describe('signing in again', () => {
  it('ends the session the browser presented, so a shared computer keeps no stale session', async () => {
    const org = await buildOrganisation(t.db);
    const first = await buildUser(t.db, { organisationId: org.id });
    const second = await buildUser(t.db, { organisationId: org.id });
    const agent = t.anonymous();
    await agent.login(first.email, TEST_PASSWORD);
    const oldCookie = agent.cookie;
    const oldCsrf = agent.csrfToken;
    expect((await agent.login(second.email, TEST_PASSWORD)).statusCode).toBe(200);
    const stale = t.anonymous();
    stale.cookie = oldCookie;
    stale.csrfToken = oldCsrf;
    expect((await stale.get('/api/auth/session')).statusCode).toBe(401);
    expect((await agent.get('/api/auth/session')).json().user.email).toBe(second.email);
  });
});
