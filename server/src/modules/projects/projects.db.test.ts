import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocationTree, buildOrganisation, buildProgramme, buildProject, buildUser } from '../../test/factories.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let n = 0;
const unique = () => `${Date.now().toString(36)}${(n++).toString(36)}`;
const MISSING = '00000000-0000-4000-8000-000000000000';

interface Setup {
  agent: Agent;
  userId: string;
  org: { id: string; name: string };
  partner: { id: string };
  donor: { id: string };
  programmeId: string;
  mali: Awaited<ReturnType<typeof buildLocationTree>>;
  niger: Awaited<ReturnType<typeof buildLocationTree>>;
}

/** A programme manager with a programme, two partner organisations, and places in Mali and Niger. */
async function setup(): Promise<Setup> {
  const org = await buildOrganisation(t.db);
  const partner = await buildOrganisation(t.db);
  const donor = await buildOrganisation(t.db, { type: '10' });
  const programme = await buildProgramme(t.db, { organisationId: org.id });
  const user = await buildUser(t.db, { organisationId: org.id, grants: [{ role: 'programme_manager', scopeType: 'programme', scopeId: programme.id }] });
  return {
    agent: await t.as(user.id), userId: user.id, org, partner, donor, programmeId: programme.id,
    mali: await buildLocationTree(t.db, 'MLI'), niger: await buildLocationTree(t.db, 'NER'),
  };
}

const body = (s: Setup, over: Record<string, unknown> = {}) => ({
  programmeId: s.programmeId,
  code: `PRJ-${unique()}`,
  title: 'Water points in Mopti',
  startDate: '2025-01-01',
  endDate: '2026-12-31',
  currency: 'XOF',
  countries: ['MLI'],
  locationIds: [s.mali.admin2.id],
  sectors: ['14030', '12220'],
  donorOrganisationId: s.donor.id,
  leadOrganisationId: s.org.id,
  implementingOrganisationIds: [s.partner.id],
  ...over,
});

const auditOf = (action: string, entityId: string) =>
  t.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('entity_id', '=', entityId).execute();
const parsed = (text: string | null | undefined) => (text ? JSON.parse(text) : null);
const problems = (res: { json(): { error: { details: { field: string; reason: string }[] } } }) =>
  res.json().error.details.map((d) => [d.field, d.reason]);

describe('creating a project', () => {
  it('stores the project with its places, sectors and organisations, and audits it', async () => {
    const s = await setup();
    const input = body(s);
    const res = await s.agent.post('/api/projects', input);
    expect(res.statusCode).toBe(201);
    const project = res.json();
    expect(project).toMatchObject({
      code: input.code, currency: 'XOF', status: '2', countries: ['MLI'], sectors: ['12220', '14030'],
      locations: [{ id: s.mali.admin2.id, pcode: s.mali.admin2.pcode, level: 'admin2' }],
      leadOrganisation: { id: s.org.id, name: s.org.name }, donor: { id: s.donor.id }, implementingOrganisations: [{ id: s.partner.id }],
    });
    const [entry] = await auditOf('project.create', project.id);
    expect(entry).toMatchObject({ actor_user_id: s.userId, organisation_id: s.org.id, before_json: null });
    expect(parsed(entry?.after_json)).toEqual({
      programmeId: s.programmeId, code: input.code, title: input.title, description: '', status: '2', startDate: '2025-01-01', endDate: '2026-12-31',
      currency: 'XOF', countries: ['MLI'], locations: [s.mali.admin2.pcode], sectors: ['12220', '14030'],
      donorOrganisationId: s.donor.id, leadOrganisationId: s.org.id, implementingOrganisationIds: [s.partner.id],
    });
  });

  it('ignores repeated countries, places and sectors', async () => {
    const s = await setup();
    const res = await s.agent.post('/api/projects', body(s, { countries: ['MLI', 'MLI'], sectors: ['14030', '14030'], locationIds: [s.mali.admin1.id, s.mali.admin1.id] }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ countries: ['MLI'], sectors: ['14030'], locations: [{ id: s.mali.admin1.id }] });
  });

  it.each([
    ['an unknown currency', { currency: 'ZZZ' }, [['body.currency', 'unknown_code']]],
    ['an unknown sector', { sectors: ['14030', '99999'] }, [['body.sectors.1', 'unknown_code']]],
    ['a country that is not stored', { countries: ['MLI', 'ATL'] }, [['body.countries.1', 'unknown_code']]],
    ['an end before the start', { startDate: '2026-01-01', endDate: '2025-12-31' }, [['body.endDate', 'end_before_start']]],
    ['an unknown place', { locationIds: [MISSING] }, [['body.locationIds.0', 'unknown_reference']]],
    ['an unknown lead organisation', { leadOrganisationId: MISSING }, [['body.leadOrganisationId', 'unknown_reference']]],
    ['an unknown donor', { donorOrganisationId: MISSING }, [['body.donorOrganisationId', 'unknown_reference']]],
    ['an unknown implementing organisation', { implementingOrganisationIds: [MISSING] }, [['body.implementingOrganisationIds.0', 'unknown_reference']]],
    ['a lower-case currency', { currency: 'usd' }, [['body.currency', 'pattern_mismatch']]],
    ['a sector that is not five digits', { sectors: ['140'] }, [['body.sectors.0', 'pattern_mismatch']]],
  ])('answers 400 for %s, naming the field, and writes nothing', async (_what, over, expected) => {
    const s = await setup();
    const input = body(s, over);
    const res = await s.agent.post('/api/projects', input);
    expect(res.statusCode).toBe(400);
    expect(problems(res)).toEqual(expected);
    expect(await t.db.selectFrom('projects').select('id').where('code', '=', input.code).execute()).toEqual([]);
  });

  it('answers 400 for a place outside the project’s countries', async () => {
    const s = await setup();
    const res = await s.agent.post('/api/projects', body(s, { countries: ['MLI'], locationIds: [s.mali.admin1.id, s.niger.admin2.id] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { field: 'body.locationIds.1', reason: 'location_outside_countries', message: 'This location is not inside one of the project countries.' },
    ]);
  });

  it('reports every problem at once', async () => {
    const s = await setup();
    const res = await s.agent.post('/api/projects', body(s, { currency: 'ZZZ', sectors: ['99999'], endDate: '2024-01-01', locationIds: [s.niger.admin1.id] }));
    expect(problems(res)).toEqual([
      ['body.endDate', 'end_before_start'],
      ['body.currency', 'unknown_code'],
      ['body.sectors.0', 'unknown_code'],
      ['body.locationIds.0', 'location_outside_countries'],
    ]);
    expect(res.json().error.details[1].message).toBe('Unknown code "ZZZ".');
  });

  it('answers 409 naming code when the programme already has the code', async () => {
    const s = await setup();
    const existing = await buildProject(t.db, { programmeId: s.programmeId, leadOrganisationId: s.org.id });
    const res = await s.agent.post('/api/projects', body(s, { code: existing.code }));
    expect(res.statusCode).toBe(409);
    expect(problems(res)).toEqual([['code', 'duplicate']]);
  });
});

describe('updating a project', () => {
  it('keeps what is not sent, and audits before and after', async () => {
    const s = await setup();
    const created = (await s.agent.post('/api/projects', body(s))).json();
    const res = await s.agent.patch(`/api/projects/${created.id}`, { title: 'Water points in Mopti and Niamey', countries: ['MLI', 'NER'], locationIds: [s.mali.admin2.id, s.niger.admin1.id] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      title: 'Water points in Mopti and Niamey', countries: ['MLI', 'NER'], sectors: created.sectors, currency: 'XOF',
      donor: { id: s.donor.id }, implementingOrganisations: [{ id: s.partner.id }],
    });
    const [entry] = await auditOf('project.update', created.id);
    expect(entry).toMatchObject({ actor_user_id: s.userId, organisation_id: s.org.id });
    expect(parsed(entry?.before_json)).toMatchObject({ title: 'Water points in Mopti', countries: ['MLI'], locations: [s.mali.admin2.pcode] });
    expect(parsed(entry?.after_json)).toMatchObject({
      title: 'Water points in Mopti and Niamey', countries: ['MLI', 'NER'], locations: [s.mali.admin2.pcode, s.niger.admin1.pcode].sort(),
    });
  });

  it('answers 400 when removing a country would leave a place outside the project’s countries', async () => {
    const s = await setup();
    const created = (await s.agent.post('/api/projects', body(s, { countries: ['MLI', 'NER'], locationIds: [s.niger.admin2.id] }))).json();
    const res = await s.agent.patch(`/api/projects/${created.id}`, { countries: ['MLI'] });
    expect(res.statusCode).toBe(400);
    expect(problems(res)).toEqual([['body.locationIds.0', 'location_outside_countries']]);
    expect((await s.agent.get(`/api/projects/${created.id}`)).json().countries).toEqual(['MLI', 'NER']);
  });

  it('checks a new end date against the stored start date', async () => {
    const s = await setup();
    const created = (await s.agent.post('/api/projects', body(s))).json();
    const res = await s.agent.patch(`/api/projects/${created.id}`, { endDate: '2024-06-30' });
    expect(problems(res)).toEqual([['body.endDate', 'end_before_start']]);
    expect(await auditOf('project.update', created.id)).toEqual([]);
  });

  it('removes the donor when sent null', async () => {
    const s = await setup();
    const created = (await s.agent.post('/api/projects', body(s))).json();
    expect((await s.agent.patch(`/api/projects/${created.id}`, { donorOrganisationId: null })).json().donor).toBeNull();
  });

  it('answers 409 naming code when renamed to a code used in the programme', async () => {
    const s = await setup();
    const other = await buildProject(t.db, { programmeId: s.programmeId, leadOrganisationId: s.org.id });
    const created = (await s.agent.post('/api/projects', body(s))).json();
    const res = await s.agent.patch(`/api/projects/${created.id}`, { code: other.code });
    expect(res.statusCode).toBe(409);
    expect(problems(res)).toEqual([['code', 'duplicate']]);
  });

  it('lets a programme manager of the project edit it, but not move it to a programme they do not manage', async () => {
    const s = await setup();
    const project = await buildProject(t.db, { programmeId: s.programmeId, leadOrganisationId: s.org.id });
    const user = await buildUser(t.db, { organisationId: s.org.id, grants: [{ role: 'programme_manager', scopeType: 'project', scopeId: project.id }] });
    const agent = await t.as(user.id);
    expect((await agent.patch(`/api/projects/${project.id}`, { status: '3' })).statusCode).toBe(200);
    const otherProgramme = await buildProgramme(t.db, { organisationId: s.org.id });
    expect((await agent.patch(`/api/projects/${project.id}`, { programmeId: otherProgramme.id })).statusCode).toBe(404);
  });
});

describe('reading projects', () => {
  it('filters the list by country, status, organisation and text', async () => {
    const s = await setup();
    const tag = unique();
    const inMali = (await s.agent.post('/api/projects', body(s, { title: `Mali wells ${tag}` }))).json();
    const inNiger = (await s.agent.post('/api/projects', body(s, { title: `Niger wells ${tag}`, countries: ['NER'], locationIds: [], status: '1', implementingOrganisationIds: [] }))).json();
    const ids = async (query: string) => (await s.agent.get(`/api/projects?programmeId=${s.programmeId}&${query}`)).json().items.map((p: { id: string }) => p.id);
    expect(await ids('country=NER')).toEqual([inNiger.id]);
    expect(await ids('status=2')).toEqual([inMali.id]);
    expect(await ids(`organisationId=${s.partner.id}`)).toEqual([inMali.id]);
    expect(await ids(`q=${encodeURIComponent(`WELLS ${tag}`)}`)).toEqual([inMali.id, inNiger.id]);
  });

  it('shows a partner organisation’s viewer the project it implements, and nothing else in the programme', async () => {
    const s = await setup();
    const shared = (await s.agent.post('/api/projects', body(s))).json();
    const notShared = await buildProject(t.db, { programmeId: s.programmeId, leadOrganisationId: s.org.id });
    const viewer = await buildUser(t.db, { organisationId: s.partner.id, grants: [{ role: 'viewer', scopeType: 'organisation', scopeId: s.partner.id }] });
    const agent = await t.as(viewer.id);
    expect((await agent.get('/api/projects')).json().items.map((p: { id: string }) => p.id)).toEqual([shared.id]);
    expect((await agent.get(`/api/projects/${notShared.id}`)).statusCode).toBe(404);
    expect((await agent.patch(`/api/projects/${shared.id}`, { title: 'Ours now' })).statusCode).toBe(403);
  });

  it('answers 404 for an unknown project', async () => {
    const s = await setup();
    expect((await s.agent.get(`/api/projects/${MISSING}`)).statusCode).toBe(404);
  });
});
