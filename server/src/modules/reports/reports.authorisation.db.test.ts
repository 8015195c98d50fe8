import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role, type ScopeType } from '@shared/roles.js';
import { nowIso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { buildLocationTree, buildOrganisation, buildProgramme, buildProject, buildUser } from '../../test/factories.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';
import { buildTemplate, everySection } from './reports.test-world.js';

/**
 * Who may do what with donor reports, as a generated table: every role on every scope type (and a
 * signed-in user with no role) × every report route, for a project, a programme and a country
 * report. Expected outcomes come from the written policy (reports.access.ts), not from the code:
 * managers (admin, programme manager, M&E officer) on the chain generate, regenerate and delete;
 * every other role but reporters reads; a scope not seen at all is 404, seen but not allowed 403.
 */
type Scope = 'installation' | 'org' | 'prog' | 'proj';
const SCOPES: readonly Scope[] = ['installation', 'org', 'prog', 'proj'];
const MANAGERS: readonly Role[] = ['admin', 'programme_manager', 'me_officer'];
const REPORTERS: readonly Role[] = ['reporter', 'partner_reporter'];
interface ActorSpec {
  name: string;
  role: Role | null;
  scope: Scope | null;
}
const ACTORS: ActorSpec[] = [...ROLES.flatMap((role) => SCOPES.map((scope) => ({ name: `${role}@${scope}`, role, scope }))), { name: 'no role', role: null, scope: null }];

/** The scopes on each report scope's chain (the country's: the reader's own organisation). */
const CHAIN: Record<'project' | 'programme' | 'country', readonly Scope[]> = {
  project: ['installation', 'org', 'prog', 'proj'],
  programme: ['installation', 'org', 'prog'],
  country: ['installation', 'org'],
};
type Outcome = 'allowed' | 'forbidden' | 'hidden';
const holds = (a: ActorSpec, roles: readonly Role[] | 'any', scopes: readonly Scope[]) =>
  a.role !== null && a.scope !== null && (roles === 'any' || roles.includes(a.role)) && scopes.includes(a.scope);
// Any role sees the project (and so its programme and its country).
const sees = (a: ActorSpec) => a.role !== null;
const manages = (a: ActorSpec, s: keyof typeof CHAIN) => holds(a, MANAGERS, CHAIN[s]);
const reads = (a: ActorSpec, s: keyof typeof CHAIN) => holds(a, ROLES.filter((r) => !REPORTERS.includes(r)), CHAIN[s]);
const gate = (visible: boolean, allowed: boolean): Outcome => (!visible ? 'hidden' : !allowed ? 'forbidden' : 'allowed');

let t: TestApp;
let world: { orgId: string; programmeId: string; projectId: string; templateId: string; userOf: Map<string, string> };
const agents = new Map<string, Agent>();
const STATUS: Record<Outcome, number[]> = { allowed: [200, 202, 204], forbidden: [403], hidden: [404] };

beforeAll(async () => {
  t = await createTestApp();
  const org = await buildOrganisation(t.db, { name: `Sahel Action ${newId().slice(0, 6)}` });
  const programme = await buildProgramme(t.db, { organisationId: org.id });
  const project = await buildProject(t.db, { programmeId: programme.id, leadOrganisationId: org.id });
  await buildLocationTree(t.db, 'MLI');
  await t.db.insertInto('project_countries').values({ project_id: project.id, country_code: 'MLI' }).execute();
  const template = await buildTemplate(t.db, org.id, everySection());
  const scopeId: Record<Scope, string | null> = { installation: null, org: org.id, prog: programme.id, proj: project.id };
  const scopeType: Record<Scope, ScopeType> = { installation: 'installation', org: 'organisation', prog: 'programme', proj: 'project' };
  const userOf = new Map<string, string>();
  for (const a of ACTORS) {
    const grants = a.role && a.scope ? [{ role: a.role, scopeType: scopeType[a.scope], scopeId: scopeId[a.scope] }] : [];
    const user = await buildUser(t.db, { organisationId: org.id, grants });
    userOf.set(a.name, user.id);
    agents.set(a.name, await t.as(user.id));
  }
  world = { orgId: org.id, programmeId: programme.id, projectId: project.id, templateId: template.id, userOf };
});
afterAll(() => t.close());

const scopeOf = (s: keyof typeof CHAIN) => (s === 'project' ? { type: s, id: world.projectId } : s === 'programme' ? { type: s, id: world.programmeId } : { type: s, id: 'MLI' });

/** A queued report written straight to the database, as one of the scope's managers would have made it. */
async function storedReport(s: keyof typeof CHAIN, organisationId = world.orgId): Promise<string> {
  const id = newId();
  const scope = scopeOf(s);
  await t.db
    .insertInto('generated_reports')
    .values({
      id, scope_type: scope.type, scope_id: scope.id, organisation_id: organisationId, template_id: world.templateId, template_version: 1, agreement_id: null,
      period_start: '2025-07-01', period_end: '2025-09-30', language: 'en', title: 'Matrix report', status: 'done', job_id: null, data_json: '{}',
      regenerated_from: null, created_by: null, created_at: nowIso(), finished_at: nowIso(),
    })
    .execute();
  await t.db.insertInto('generated_report_files').values({ report_id: id, format: 'docx', file_name: 'x.docx', size: 1, sha256: 'x', content: Buffer.from('x') }).execute();
  return id;
}

interface Case {
  name: string;
  expected(a: ActorSpec): Outcome;
  send(agent: Agent): Promise<{ statusCode: number; body: string }>;
}

function cases(s: keyof typeof CHAIN): Case[] {
  // Ids exist once beforeAll has run: read them when a case is sent.
  const scope = () => scopeOf(s);
  // A project's or programme's report: seen with its scope, 403 without the right to read reports.
  // A country report belongs to one organisation and is hidden from the others' people (as in the list).
  const readable = (a: ActorSpec) => (s === 'country' ? gate(sees(a) && reads(a, s), true) : gate(sees(a), reads(a, s)));
  return [
    {
      name: 'POST /reports',
      expected: (a) => gate(sees(a), manages(a, s)),
      send: (agent) => agent.post('/api/reports', { scope: scope(), templateId: world.templateId, periodStart: '2025-07-01', periodEnd: '2025-09-30', language: 'en' }),
    },
    { name: 'GET /reports?scope', expected: (a) => gate(sees(a), reads(a, s)), send: (agent) => agent.get(`/api/reports?scopeType=${scope().type}&scopeId=${scope().id}`) },
    { name: 'GET /reports/:id', expected: readable, send: async (agent) => agent.get(`/api/reports/${await storedReport(s)}`) },
    { name: 'GET /reports/:id/files/docx', expected: readable, send: async (agent) => agent.get(`/api/reports/${await storedReport(s)}/files/docx`) },
    {
      name: 'POST /reports/:id/regenerate',
      expected: (a) => (readable(a) === 'allowed' ? gate(true, manages(a, s)) : readable(a)),
      send: async (agent) => agent.post(`/api/reports/${await storedReport(s)}/regenerate`),
    },
    {
      name: 'DELETE /reports/:id',
      expected: (a) => (readable(a) === 'allowed' ? gate(true, manages(a, s)) : readable(a)),
      send: async (agent) => agent.delete(`/api/reports/${await storedReport(s)}`),
    },
  ];
}

describe.each(['project', 'programme', 'country'] as const)('%s reports', (s) => {
  it.each(cases(s).map((c) => [c.name, c] as const))('%s answers every role by the policy', async (_name, c) => {
    const wrong: string[] = [];
    for (const a of ACTORS) {
      const res = await c.send(agents.get(a.name)!);
      const expected = c.expected(a);
      if (!STATUS[expected].includes(res.statusCode)) wrong.push(`${a.name}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('country reports of another organisation', () => {
  it('are not readable by this organisation’s people', async () => {
    const elsewhere = await buildOrganisation(t.db);
    const id = await storedReport('country', elsewhere.id);
    expect((await agents.get('admin@org')!.get(`/api/reports/${id}`)).statusCode).toBe(404);
    expect((await agents.get('admin@installation')!.get(`/api/reports/${id}`)).statusCode).toBe(200);
    const list = (await agents.get('viewer@org')!.get('/api/reports?scopeType=country&scopeId=MLI')).json() as { items: { id: string }[] };
    expect(list.items.map((r) => r.id)).not.toContain(id);
  });
});
