import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

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
});
