import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.js';
import { buildLocationTree, buildOrganisation, buildProgramme, buildProject, buildUser, TEST_PASSWORD } from '../../test/factories.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let root: Agent;
beforeAll(async () => {
  t = await createTestApp();
  const org = await buildOrganisation(t.db);
  root = await t.as((await buildUser(t.db, { organisationId: org.id, grants: [{ role: 'admin', scopeType: 'installation', scopeId: null }] })).id);
});
afterAll(() => t.close());

let n = 0;
const unique = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

/** Writes log entries directly, with fixed times, under an entity type of the test's own. */
async function seedEntries(entries: { at: string; action: string; organisationId?: string | null; actorUserId?: string | null; entityId?: string }[]) {
  const entityType = `test_${unique()}`;
  await t.db
    .insertInto('audit_log')
    .values(
      entries.map((e) => ({
        id: newId(), at: e.at, actor_user_id: e.actorUserId ?? null, actor_email: 'seed@example.org', actor_name: 'Seed', action: e.action,
        entity_type: entityType, entity_id: e.entityId ?? null, organisation_id: e.organisationId ?? null,
        before_json: null, after_json: null, ip: null, request_id: null,
      })),
    )
    .execute();
  return entityType;
}

const actions = (res: { json(): { items: { action: string }[] } }) => res.json().items.map((e) => e.action);

describe('listing the log', () => {
  it('lists newest first with the total, and pages', async () => {
    const type = await seedEntries([
      { at: '2025-03-01T08:00:00.000Z', action: 'thing.first' },
      { at: '2025-03-02T08:00:00.000Z', action: 'thing.second' },
      { at: '2025-03-03T08:00:00.000Z', action: 'thing.third' },
    ]);
    const res = await root.get(`/api/audit?entityType=${type}&limit=2`);
    expect(res.json().total).toBe(3);
    expect(actions(res)).toEqual(['thing.third', 'thing.second']);
    expect(actions(await root.get(`/api/audit?entityType=${type}&limit=2&offset=2`))).toEqual(['thing.first']);
  });

  it('treats from and to as whole days, both included', async () => {
    const type = await seedEntries([
      { at: '2025-02-28T23:59:59.999Z', action: 'day.before' },
      { at: '2025-03-01T00:00:00.000Z', action: 'day.first' },
      { at: '2025-03-01T23:59:59.999Z', action: 'day.last' },
      { at: '2025-03-02T00:00:00.000Z', action: 'day.after' },
    ]);
    expect(actions(await root.get(`/api/audit?entityType=${type}&from=2025-03-01&to=2025-03-01`))).toEqual(['day.last', 'day.first']);
    expect(actions(await root.get(`/api/audit?entityType=${type}&from=2025-03-02`))).toEqual(['day.after']);
    expect(actions(await root.get(`/api/audit?entityType=${type}&to=2025-02-28`))).toEqual(['day.before']);
  });

  it('filters by part of the action, by actor and by entity', async () => {
    const actor = newId();
    const entity = newId();
    const type = await seedEntries([
      { at: '2025-03-01T08:00:00.000Z', action: 'project.update', actorUserId: actor },
      { at: '2025-03-01T09:00:00.000Z', action: 'project.create', entityId: entity },
      { at: '2025-03-01T10:00:00.000Z', action: 'user.update', actorUserId: actor, entityId: entity },
    ]);
    expect(actions(await root.get(`/api/audit?entityType=${type}&action=PROJECT.`))).toEqual(['project.create', 'project.update']);
    expect(actions(await root.get(`/api/audit?entityType=${type}&actorUserId=${actor}`))).toEqual(['user.update', 'project.update']);
    expect(actions(await root.get(`/api/audit?entityType=${type}&entityId=${entity}`))).toEqual(['user.update', 'project.create']);
  });

  it('answers 400 naming a malformed date', async () => {
    const res = await root.get('/api/audit?from=01/03/2025');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'querystring.from', reason: 'invalid_date' })]);
  });

  it('shows an organisation admin only the entries of their organisation', async () => {
    const org = await buildOrganisation(t.db);
    const other = await buildOrganisation(t.db);
    const type = await seedEntries([
      { at: '2025-03-01T08:00:00.000Z', action: 'mine.one', organisationId: org.id },
      { at: '2025-03-01T09:00:00.000Z', action: 'theirs', organisationId: other.id },
      { at: '2025-03-01T10:00:00.000Z', action: 'installation.wide', organisationId: null },
      { at: '2025-03-01T11:00:00.000Z', action: 'mine.two', organisationId: org.id },
    ]);
    const orgAdmin = await t.as((await buildUser(t.db, { organisationId: org.id, grants: [{ role: 'admin', scopeType: 'organisation', scopeId: org.id }] })).id);
    const res = await orgAdmin.get(`/api/audit?entityType=${type}`);
    expect(res.json()).toMatchObject({ total: 2 });
    expect(actions(res)).toEqual(['mine.two', 'mine.one']);
    const everything = await orgAdmin.get('/api/audit?limit=500');
    expect(everything.json().items.every((e: { organisationId: string }) => e.organisationId === org.id)).toBe(true);
  });
});

describe('exporting the log as CSV', () => {
  it('sends a spreadsheet-safe file with a BOM and a header, and neutralises formulas in every cell', async () => {
    const org = await buildOrganisation(t.db);
    const user = await buildUser(t.db, { organisationId: org.id, name: '=HYPERLINK("https://evil.example","Click")' });
    const agent = t.anonymous();
    await agent.login(user.email, TEST_PASSWORD);
    await agent.patch('/api/auth/me', { name: '+SUM(A1:A9)' });
    await agent.post('/api/auth/logout');
    const res = await root.get(`/api/audit/export.csv?entityId=${user.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="fieldbook-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const rows: string[][] = parse(res.body, { bom: true });
    expect(rows[0]).toEqual(['at', 'actor_name', 'actor_email', 'action', 'entity_type', 'entity_id', 'organisation_id', 'before', 'after', 'ip', 'request_id']);
    const byAction = new Map(rows.slice(1).map((r) => [r[3], r]));
    expect(byAction.get('auth.login')?.[1]).toBe(`'=HYPERLINK("https://evil.example","Click")`);
    expect(byAction.get('user.update_self')?.[1]).toBe(`'=HYPERLINK("https://evil.example","Click")`);
    expect(byAction.get('auth.logout')?.[1]).toBe(`'+SUM(A1:A9)`);
    expect(rows.slice(1).flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });

  it('streams every matching entry, beyond one page of the list', async () => {
    const type = await seedEntries(Array.from({ length: 1203 }, (_, i) => ({ at: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(), action: `bulk.${i}` })));
    const res = await root.get(`/api/audit/export.csv?entityType=${type}`);
    const rows: string[][] = parse(res.body, { bom: true });
    expect(rows).toHaveLength(1 + 1203);
    expect(new Set(rows.slice(1).map((r) => r[3])).size).toBe(1203);
  });

  it('gives an organisation admin only their organisation’s entries, and records the export itself', async () => {
    const org = await buildOrganisation(t.db);
    const other = await buildOrganisation(t.db);
    const type = await seedEntries([
      { at: '2025-03-01T08:00:00.000Z', action: 'mine', organisationId: org.id },
      { at: '2025-03-01T09:00:00.000Z', action: 'theirs', organisationId: other.id },
    ]);
    const orgAdminUser = await buildUser(t.db, { organisationId: org.id, grants: [{ role: 'admin', scopeType: 'organisation', scopeId: org.id }] });
    const res = await (await t.as(orgAdminUser.id)).get(`/api/audit/export.csv?entityType=${type}`);
    const rows: string[][] = parse(res.body, { bom: true });
    expect(rows.slice(1).map((r) => r[3])).toEqual(['mine']);
    const exports = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'audit.export').where('actor_user_id', '=', orgAdminUser.id).execute();
    expect(exports).toHaveLength(1);
    expect(exports[0]).toMatchObject({ organisation_id: org.id, entity_type: 'audit_log' });
    expect(JSON.parse(exports[0]!.after_json!)).toEqual({ entityType: type, organisationIds: [org.id] });
  });
});

/**
 * Every write and its audit entry commit together. A trigger refuses audit entries written
 * by an actor whose name carries MARKER; the write it belongs to must then leave no trace.
 */
describe('changes and their audit entries commit together', () => {
  const MARKER = 'AUDIT-REFUSED';
  let agent: Agent;
  let org: Awaited<ReturnType<typeof buildOrganisation>>;

  beforeAll(async () => {
    if (t.app.dialect === 'sqlite') {
      await sql`create trigger refuse_marked_audit before insert on audit_log when new.actor_name like ${sql.lit(`%${MARKER}%`)}
        begin select raise(abort, 'audit refused'); end`.execute(t.db);
    } else {
      await sql`create function refuse_marked_audit() returns trigger language plpgsql as $$
        begin if new.actor_name like ${sql.lit(`%${MARKER}%`)} then raise exception 'audit refused'; end if; return new; end $$`.execute(t.db);
      await sql`create trigger refuse_marked_audit before insert on audit_log for each row execute function refuse_marked_audit()`.execute(t.db);
    }
    org = await buildOrganisation(t.db);
    const user = await buildUser(t.db, { organisationId: org.id, name: `Admin ${MARKER}`, grants: [{ role: 'admin', scopeType: 'installation', scopeId: null }] });
    agent = await t.as(user.id);
  });

  const count = async (table: 'organisations' | 'programmes' | 'memberships' | 'locations', where: [string, string]) =>
    Number(
      (await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where(sql.ref(where[0]), '=', where[1]).executeTakeFirstOrThrow()).n,
    );

  it('creating an organisation', async () => {
    const name = `Never saved ${unique()}`;
    expect((await agent.post('/api/organisations', { name, type: '22' })).statusCode).toBe(500);
    expect(await count('organisations', ['name', name])).toBe(0);
  });

  it('updating an organisation', async () => {
    expect((await agent.patch(`/api/organisations/${org.id}`, { acronym: 'NEVER' })).statusCode).toBe(500);
    expect((await t.db.selectFrom('organisations').select('acronym').where('id', '=', org.id).executeTakeFirstOrThrow()).acronym).toBeNull();
  });

  it('creating a programme', async () => {
    const code = `NEVER-${unique()}`;
    expect((await agent.post('/api/programmes', { organisationId: org.id, code, name: 'Never' })).statusCode).toBe(500);
    expect(await count('programmes', ['code', code])).toBe(0);
  });

  it('updating a project and its links', async () => {
    const { admin1 } = await buildLocationTree(t.db, 'MLI');
    const programme = await buildProgramme(t.db, { organisationId: org.id });
    const project = await buildProject(t.db, { programmeId: programme.id, leadOrganisationId: org.id });
    const res = await agent.patch(`/api/projects/${project.id}`, { title: 'Never', countries: ['MLI'], locationIds: [admin1.id] });
    expect(res.statusCode).toBe(500);
    expect((await t.db.selectFrom('projects').select('title').where('id', '=', project.id).executeTakeFirstOrThrow()).title).toBe(project.title);
    expect(await t.db.selectFrom('project_countries').selectAll().where('project_id', '=', project.id).execute()).toEqual([]);
  });

  it('disabling a user, which would also end their sessions', async () => {
    const user = await buildUser(t.db, { organisationId: org.id });
    const browser = await t.as(user.id);
    expect((await agent.post(`/api/users/${user.id}/disabled`, { disabled: true })).statusCode).toBe(500);
    expect((await browser.get('/api/auth/session')).statusCode).toBe(200);
  });

  it('granting a role', async () => {
    const user = await buildUser(t.db, { organisationId: org.id });
    expect((await agent.post(`/api/users/${user.id}/memberships`, { role: 'viewer', scopeType: 'organisation', scopeId: org.id })).statusCode).toBe(500);
    expect(await count('memberships', ['user_id', user.id])).toBe(0);
  });

  it('resetting a password', async () => {
    const user = await buildUser(t.db, { organisationId: org.id });
    expect((await agent.post(`/api/users/${user.id}/password`, { password: 'never stored anywhere' })).statusCode).toBe(500);
    expect((await t.anonymous().login(user.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('importing places', async () => {
    const pcode = `ML${unique().toUpperCase()}`;
    const res = await agent.post('/api/locations/import', { format: 'csv', content: `pcode,name,level,parent_pcode\n${pcode},Never,admin1,MLI\n` });
    expect(res.statusCode).toBe(500);
    expect(await count('locations', ['pcode', pcode])).toBe(0);
  });
});

describe('filtering by organisation', () => {
  it('lets an admin of two organisations read both, one at a time or together, and refuses a third', async () => {
    const [a, b, c] = [await buildOrganisation(t.db), await buildOrganisation(t.db), await buildOrganisation(t.db)];
    const admin = await buildUser(t.db, {
      organisationId: a.id,
      grants: [
        { role: 'admin', scopeType: 'organisation', scopeId: a.id },
        { role: 'admin', scopeType: 'organisation', scopeId: b.id },
      ],
    });
    const agent = await t.as(admin.id);
    for (const org of [a, b, c]) expect((await agent.patch(`/api/organisations/${org.id}`, { acronym: 'X' })).statusCode).toBe(org === c ? 403 : 200);
    const both = (await agent.get('/api/audit?entityType=organisation')).json();
    expect(new Set(both.items.map((e: { organisationId: string }) => e.organisationId))).toEqual(new Set([a.id, b.id]));
    const onlyB = (await agent.get(`/api/audit?entityType=organisation&organisationId=${b.id}`)).json();
    expect(onlyB.items.map((e: { organisationId: string }) => e.organisationId)).toEqual([b.id]);
    expect((await agent.get(`/api/audit?organisationId=${c.id}`)).statusCode).toBe(403);
  });
});
