import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { buildOrganisation, buildProgramme, buildProject, buildUser, sessionFor } from '../test/factories.js';
import { Agent } from '../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../test/test-db.js';

// Built by hand rather than with createTestApp: two routes that fail the way bugs do must be
// registered before the app is ready.
let app: App;
let database: TestDatabase;
const SECRET = 'postgres://fieldbook:hunter2@10.1.2.3/prod';

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', DATA_DIR: '/tmp/fieldbook-test' }), database: database.handle, webRoot: null });
  app.get('/api/test/throws', async () => {
    throw new Error(`could not reach ${SECRET}`);
  });
  app.get('/api/test/bad-sql', async () => sql`select secret_column from no_such_table`.execute(app.db));
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.drop();
});

const anonymous = (headers: Record<string, string> = {}) => new Agent(app, null, null, headers);

async function installationAdmin(headers: Record<string, string> = {}) {
  const org = await buildOrganisation(app.db);
  const user = await buildUser(app.db, { organisationId: org.id, grants: [{ role: 'admin', scopeType: 'installation', scopeId: null }] });
  const s = await sessionFor(app.db, user.id);
  return { agent: new Agent(app, s.token, s.csrfToken, headers), user, org };
}

const detailsOf = (res: { json(): { error: { details?: unknown[] } } }) => res.json().error.details;

describe('unreadable requests', () => {
  it('answers 400 malformed_request for malformed JSON', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email": "a@b.c",' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'malformed_request', message: 'The request could not be read. It is not valid JSON.' });
  });

  it('answers 400 malformed_request for an empty JSON body', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('malformed_request');
  });

  it('answers 415 malformed_request for a form post instead of JSON', async () => {
    const res = await app.inject({
      method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'email=a%40b.c',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('malformed_request');
  });

  it('answers 413 to a body over 1 MiB, so nobody signed out can make the server parse 25 MB', async () => {
    const payload = JSON.stringify({ email: 'a@example.org', password: 'x'.repeat(2 * 1024 * 1024) });
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it('still reads a location import of several MiB', async () => {
    const { agent } = await installationAdmin();
    const rows = Array.from({ length: 60_000 }, (_, i) => `ZZ${i},Place number ${i} with a long enough name,country,`).join('\n');
    const content = `pcode,name,level,parent_pcode\n${rows}\n`;
    expect(content.length).toBeGreaterThan(3 * 1024 * 1024);
    const res = await agent.post('/api/locations/import', { format: 'csv', content, dryRun: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().created).toBe(60_000);
  });
});

describe('validation errors', () => {
  it('answers 400 naming an unknown field as body.<field> with reason unknown_field', async () => {
    const { agent } = await installationAdmin();
    const res = await agent.post('/api/organisations', { name: 'Colourful', type: '22', colour: 'red' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(detailsOf(res)).toEqual([{ field: 'body.colour', reason: 'unknown_field', params: { key: 'colour' }, message: 'Unknown field "colour".' }]);
  });

  it('names an unknown query parameter too', async () => {
    const { agent } = await installationAdmin();
    const res = await agent.get('/api/organisations?colour=red');
    expect(res.statusCode).toBe(400);
    expect(detailsOf(res)).toEqual([expect.objectContaining({ field: 'querystring.colour', reason: 'unknown_field' })]);
  });

  it('answers 400 naming a field of the wrong type', async () => {
    const { agent } = await installationAdmin();
    const res = await agent.post('/api/organisations', { name: 42, type: '22' });
    expect(res.statusCode).toBe(400);
    expect(detailsOf(res)).toEqual([{ field: 'body.name', reason: 'invalid_type', params: { expected: 'string' }, message: 'Expected string.' }]);
  });

  it('answers 400 naming a string that is too long, with the limit', async () => {
    const { agent } = await installationAdmin();
    const res = await agent.post('/api/organisations', { name: 'x'.repeat(201), type: '22' });
    expect(res.statusCode).toBe(400);
    expect(detailsOf(res)).toEqual([{ field: 'body.name', reason: 'too_long', params: { maximum: 200 }, message: 'Must be at most 200 characters.' }]);
  });

  it('reports a missing field as required', async () => {
    const { agent } = await installationAdmin();
    const res = await agent.post('/api/organisations', { type: '22' });
    expect(detailsOf(res)).toEqual([expect.objectContaining({ field: 'body.name', reason: 'required' })]);
  });

  it('reports every problem of the body at once', async () => {
    const { agent } = await installationAdmin();
    const res = await agent.post('/api/organisations', { name: '', type: '99', website: 'javascript:alert(1)', fiscalYearStartMonth: 13 });
    expect(res.statusCode).toBe(400);
    const fields = (detailsOf(res) as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['body.fiscalYearStartMonth', 'body.name', 'body.type', 'body.website']);
  });

  it('names a path parameter that is not an id', async () => {
    const { agent } = await installationAdmin();
    const res = await agent.get('/api/organisations/not-a-uuid');
    expect(res.statusCode).toBe(400);
    expect(detailsOf(res)).toEqual([expect.objectContaining({ field: 'params.id', reason: 'invalid_format' })]);
  });
});

describe('conflicts', () => {
  it('answers 409 naming email when the e-mail is taken, whatever its letter case', async () => {
    const { agent, org, user } = await installationAdmin();
    const res = await agent.post('/api/users', { email: user.email.toUpperCase(), name: 'Twin', organisationId: org.id, password: 'a long enough passphrase' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('conflict');
    expect(detailsOf(res)).toEqual([{ field: 'email', reason: 'duplicate', message: 'This value is already used.' }]);
  });

  it('answers 409 naming name when another organisation has the name in another letter case', async () => {
    const { agent } = await installationAdmin();
    // ASCII on purpose: SQLite's lower() folds only ASCII letters (see the report on non-ASCII names).
    const existing = await buildOrganisation(app.db, { name: `Village Health Trust ${Date.now()}` });
    const res = await agent.post('/api/organisations', { name: existing.name.toUpperCase(), type: '22' });
    expect(res.statusCode).toBe(409);
    expect(detailsOf(res)).toEqual([expect.objectContaining({ field: 'name', reason: 'duplicate' })]);
  });

  it('answers 409 naming name when an organisation is renamed to a taken name', async () => {
    const { agent } = await installationAdmin();
    const taken = await buildOrganisation(app.db);
    const other = await buildOrganisation(app.db);
    const res = await agent.patch(`/api/organisations/${other.id}`, { name: taken.name.toLowerCase() });
    expect(res.statusCode).toBe(409);
    expect(detailsOf(res)).toEqual([expect.objectContaining({ field: 'name', reason: 'duplicate' })]);
  });

  it('answers 409 naming iatiIdentifier when the IATI identifier is taken', async () => {
    const { agent } = await installationAdmin();
    const iati = `XM-DAC-${Date.now()}`;
    expect((await agent.post('/api/organisations', { name: `First ${iati}`, type: '40', iatiIdentifier: iati })).statusCode).toBe(201);
    const res = await agent.post('/api/organisations', { name: `Second ${iati}`, type: '40', iatiIdentifier: iati });
    expect(res.statusCode).toBe(409);
    expect(detailsOf(res)).toEqual([expect.objectContaining({ field: 'iatiIdentifier', reason: 'duplicate' })]);
  });

  it('answers 409 naming code when the programme code is taken in the organisation', async () => {
    const { agent } = await installationAdmin();
    const org = await buildOrganisation(app.db);
    const existing = await buildProgramme(app.db, { organisationId: org.id });
    const res = await agent.post('/api/programmes', { organisationId: org.id, code: existing.code, name: 'Twin programme' });
    expect(res.statusCode).toBe(409);
    expect(detailsOf(res)).toEqual([expect.objectContaining({ field: 'code', reason: 'duplicate' })]);
  });

  it('answers 409 naming code when the project code is taken in the programme', async () => {
    const { agent } = await installationAdmin();
    const org = await buildOrganisation(app.db);
    const programme = await buildProgramme(app.db, { organisationId: org.id });
    const existing = await buildProject(app.db, { programmeId: programme.id, leadOrganisationId: org.id });
    const res = await agent.post('/api/projects', {
      programmeId: programme.id, code: existing.code, title: 'Twin', startDate: '2025-01-01', endDate: '2025-12-31', currency: 'USD', leadOrganisationId: org.id,
    });
    expect(res.statusCode).toBe(409);
    expect(detailsOf(res)).toEqual([expect.objectContaining({ field: 'code', reason: 'duplicate' })]);
  });
});

describe('unexpected errors', () => {
  it('answer 500 internal_error with a request id and nothing of the internals', async () => {
    const { agent } = await installationAdmin();
    const res = await agent.get('/api/test/throws');
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body.error.code).toBe('internal_error');
    expect(body.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.error.message).toBe(`Something went wrong on the server. Quote reference ${body.error.requestId} when you report it.`);
    expect(Object.keys(body)).toEqual(['error']);
    expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'requestId']);
    expect(res.body).not.toContain('hunter2');
    expect(res.body).not.toMatch(/stack|\.ts:|at /);
  });

  it('answer 500 without the SQL or the database’s message when a query fails', async () => {
    const { agent } = await installationAdmin();
    const res = await agent.get('/api/test/bad-sql');
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('internal_error');
    expect(res.body).not.toMatch(/no_such_table|secret_column|select/i);
  });

  it('give each failure its own request id', async () => {
    const { agent } = await installationAdmin();
    const a = (await agent.get('/api/test/throws')).json().error.requestId;
    const b = (await agent.get('/api/test/throws')).json().error.requestId;
    expect(a).not.toBe(b);
  });
});

describe('messages in the reader’s language', () => {
  const cases = [
    { lang: 'fr-FR,fr;q=0.9,en;q=0.5', notFound: "Cet élément n'existe pas ou vous n'y avez pas accès.", tooLong: '200 caractères au maximum.' },
    { lang: 'es-419,es;q=0.9', notFound: 'Este elemento no existe o no tiene acceso a él.', tooLong: 'Como máximo 200 caracteres.' },
    { lang: 'ar-EG', notFound: 'هذا العنصر غير موجود أو ليس لديك حق الوصول إليه.', tooLong: 'يجب ألا يتجاوز 200 حرفًا.' },
    { lang: 'de-DE', notFound: 'This item does not exist or you do not have access to it.', tooLong: 'Must be at most 200 characters.' },
  ];

  it.each(cases)('answers in the language of Accept-Language: $lang', async ({ lang, notFound, tooLong }) => {
    const { agent } = await installationAdmin({ 'accept-language': lang });
    const missing = await agent.get('/api/programmes/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe(notFound);
    const invalid = await agent.post('/api/organisations', { name: 'x'.repeat(201), type: '22' });
    expect(detailsOf(invalid)).toEqual([expect.objectContaining({ field: 'body.name', message: tooLong })]);
  });

  it('translates messages for anonymous readers too', async () => {
    const res = await anonymous({ 'accept-language': 'fr' }).get('/api/projects');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('Veuillez vous connecter pour continuer.');
  });
});

describe('unknown routes', () => {
  it('answer 404 with the JSON error body under /api', async () => {
    const res = await anonymous().get('/api/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json().error).toMatchObject({ code: 'not_found', message: 'This item does not exist or you do not have access to it.' });
  });

  it('answer 404 for a method a known path does not have', async () => {
    const { agent, org } = await installationAdmin();
    const res = await agent.delete(`/api/organisations/${org.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('are not cached', async () => {
    const res = await anonymous().get('/api/no-such-thing');
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('deny by default', () => {
  it('answers 401 to an anonymous write before looking at its body, so the schema is not revealed', async () => {
    const res = await anonymous().post('/api/projects', { colour: 'blue' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it('keeps sign-in, health and the API description public', async () => {
    expect((await anonymous().get('/api/health')).statusCode).toBe(200);
    expect((await anonymous().get('/api/openapi.json')).statusCode).toBe(200);
    expect((await anonymous().post('/api/auth/login', { email: 'nobody@example.org', password: 'x' })).statusCode).toBe(401);
  });
});

describe('names that differ only in accented capitals', () => {
  it('treats "Médecins du Sahel" and "MÉDECINS DU SAHEL" as the same organisation on both databases', async () => {
    const org = await buildOrganisation(app.db);
    const admin = await buildUser(app.db, { organisationId: org.id, grants: [{ role: 'admin', scopeType: 'installation', scopeId: null }] });
    const s = await sessionFor(app.db, admin.id);
    const agent = new Agent(app, s.token, s.csrfToken);
    expect((await agent.post('/api/organisations', { name: 'Médecins du Sahel', type: '22' })).statusCode).toBe(201);
    const dup = await agent.post('/api/organisations', { name: 'MÉDECINS DU SAHEL', type: '22' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details[0].field).toBe('name');
    const found = (await agent.get('/api/organisations?q=ÉDECINS')).json();
    expect(found.items.map((o: { name: string }) => o.name)).toEqual(['Médecins du Sahel']);
  });
});

describe('codelists', () => {
  it('answer in the language asked for in the address, whatever the browser sends', async () => {
    const org = await buildOrganisation(app.db);
    const user = await buildUser(app.db, { organisationId: org.id });
    const s = await sessionFor(app.db, user.id);
    const agent = new Agent(app, s.token, s.csrfToken, { 'accept-language': 'en' });
    const fr = (await agent.get('/api/codelists/activity-statuses?lang=fr')).json();
    const ar = (await agent.get('/api/codelists/activity-statuses?lang=ar')).json();
    expect(fr.items.find((i: { code: string }) => i.code === '2').name).toBe('Actif');
    expect(ar.items.find((i: { code: string }) => i.code === '2').name).toBe('قيد التنفيذ');
  });
});
