import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role, type ScopeType } from '@shared/roles.js';
import { nowIso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { buildCategory, buildIndicator, buildLocationTree, buildOrganisation, buildProgramme, buildProject, buildResultNode, buildUser } from '../../test/factories.js';
import { buildLibraryIndicator, buildProgrammeNode } from '../../test/results-factories.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';
import { exportFramework } from '../framework-io/framework-io.service.js';
import { SYSTEM_ACTOR } from './actor.js';
import { type MonitoringSetting, monitoringRows, setUpMonitoring } from './authorisation-matrix.monitoring.js';
import { OUTPUTS_PUBLIC, type OutputsSetting, outputsRows, setUpOutputs } from './authorisation-matrix.outputs.js';
import { PLANS_TAGS } from './authorisation-matrix.plans.js';
import { type ReportingSetting, reportingRows, setUpReporting, startTranslateStandIn } from './authorisation-matrix.reporting.js';


const currentWorkbook = async (projectId: string) =>
  (await exportFramework({ db: t.db, actor: SYSTEM_ACTOR, requestId: 'matrix', ip: null, locale: 'en' }, projectId)).content;

/**
 * The authorisation table: every role on every scope type × every route, generated, with the
 * expected outcome computed from the written policy (`expected` functions below), never
 * from the implementation. The world:
 *
 *   organisation A ─ programme A ─ project A
 *   organisation B ─ programme B ─ project B
 *                  └ programme "shared" ─ project "shared" (lead B, A implements)
 *
 * Actors hold one role on one of: the installation, organisation A, programme A, project A
 * (plus one signed-in user with no role at all). All actors belong to organisation A.
 * Field reporting's rows (rounds, packages, review, evidence) are in authorisation-matrix.reporting.ts,
 * monitoring's (IPTT, dashboards, map, pivots, saved pivots) in authorisation-matrix.monitoring.ts.
 */

type Scope = 'installation' | 'orgA' | 'progA' | 'projA';
const SCOPES: readonly Scope[] = ['installation', 'orgA', 'progA', 'projA'];
const MANAGERS: readonly Role[] = ['admin', 'programme_manager'];
const ADMINS: readonly Role[] = ['admin'];
const EDITORS: readonly Role[] = ['admin', 'programme_manager', 'me_officer'];

interface ActorSpec {
  name: string;
  role: Role | null;
  scope: Scope | null;
}
const ACTORS: ActorSpec[] = [
  ...ROLES.flatMap((role) => SCOPES.map((scope) => ({ name: `${role}@${scope}`, role, scope }))),
  { name: 'signed in, no role', role: null, scope: null },
];

/** True when the actor's one grant is one of `roles` on one of `scopes`. */
const holds = (a: ActorSpec, roles: readonly Role[] | 'any', scopes: readonly Scope[]) =>
  a.role !== null && a.scope !== null && (roles === 'any' || roles.includes(a.role)) && scopes.includes(a.scope);

/** Scopes (that an actor can hold) on each resource's chain; B's resources only meet the installation. */
const CHAIN = {
  orgA: ['installation', 'orgA'],
  orgB: ['installation'],
  progA: ['installation', 'orgA', 'progA'],
  progB: ['installation'],
  progShared: ['installation'],
  projA: ['installation', 'orgA', 'progA', 'projA'],
  projB: ['installation'],
  projShared: ['installation'],
} as const satisfies Record<string, readonly Scope[]>;

/** Who may see each programme and project, per the policy (any role on these scopes). */
const SEEN_FROM = {
  progA: ['installation', 'orgA', 'progA', 'projA'], // owner, itself, or a project in it
  progB: ['installation'],
  progShared: ['installation', 'orgA'], // organisation A takes part in one of its projects
  projA: ['installation', 'orgA', 'progA', 'projA'],
  projB: ['installation'],
  projShared: ['installation', 'orgA'], // organisation A implements it
} as const satisfies Record<string, readonly Scope[]>;

type Outcome = 'allowed' | 'forbidden' | 'hidden';
/** Invisible answers 404 so that ids cannot be probed; visible but not allowed answers 403. */
const gate = (visible: boolean, allowed: boolean): Outcome => (!visible ? 'hidden' : !allowed ? 'forbidden' : 'allowed');

const sees = (a: ActorSpec, what: keyof typeof SEEN_FROM) => holds(a, 'any', SEEN_FROM[what]);
const adminOverUsersOf = (a: ActorSpec, org: 'A' | 'B') => holds(a, ADMINS, org === 'A' ? CHAIN.orgA : CHAIN.orgB);

interface World {
  org: { A: string; B: string };
  prog: { progA: string; progB: string; progShared: string };
  proj: { projA: string; projB: string; projShared: string };
  /** Shared targets: a member of each organisation, and an installation admin who belongs to A. */
  user: { A: string; B: string; superA: string };
  locationId: string;
  reporting: ReportingSetting;
  monitoring: MonitoringSetting;
  outputs: OutputsSetting;
  actorUserId: Map<string, string>;
  agents: Map<string, Agent>;
}

interface Request {
  url: string;
  body?: unknown;
  /** Raw uploads name their content type. */
  headers?: Record<string, string>;
}

interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  target: string;
  success: number;
  expected(a: ActorSpec): Outcome;
  request(w: World, actorName: string): Promise<Request>;
}

let t: TestApp;
let seq = 0;
const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

/** A user made for one case only, so that disabling or re-granting cannot leak into other cases. */
async function freshUser(w: World, org: 'A' | 'B', kind: 'member' | 'installation admin' = 'member') {
  const organisationId = w.org[org];
  const grants =
    kind === 'member'
      ? [{ role: 'viewer' as const, scopeType: 'organisation' as const, scopeId: organisationId }]
      : [{ role: 'admin' as const, scopeType: 'installation' as const, scopeId: null }];
  return (await buildUser(t.db, { organisationId, grants })).id;
}

const projectOf = (w: World, org: 'A' | 'B') => (org === 'A' ? w.proj.projA : w.proj.projB);
const progIds = ['progA', 'progB', 'progShared'] as const;
const projIds = ['projA', 'projB', 'projShared'] as const;
const LABEL: Record<string, string> = {
  progA: "A's programme",
  progB: "B's programme",
  progShared: "B's programme with a project A implements",
  projA: "A's project",
  projB: "B's project",
  projShared: "B's project that A implements",
};

const anyone = (): Outcome => 'allowed';

/** The route table. Writes carry valid bodies: a denial can only come from the policy. */
const ROUTES: RouteCase[] = [
  // Monitoring first: its reads cover whole frameworks, which later cases fill with hundreds of results.
  ...monitoringRows<ActorSpec, World>({ db: () => t.db, unique, sees, gate, actorUserId: (w, name) => w.actorUserId.get(name) }),
  // Donor reports and open data (issue 6), also early: IATI and the 4W table read whole frameworks and project lists.
  ...outputsRows<ActorSpec, World>({ db: () => t.db, unique, holds, sees, gate, actorUserId: (w, name) => w.actorUserId.get(name) }),

  // Organisations: a directory every signed-in user reads; admins change it.
  { method: 'GET', path: '/api/organisations', target: 'all', success: 200, expected: anyone, request: async () => ({ url: '/api/organisations' }) },
  ...(['A', 'B'] as const).flatMap((o): RouteCase[] => [
    { method: 'GET', path: '/api/organisations/:id', target: `organisation ${o}`, success: 200, expected: anyone, request: async (w) => ({ url: `/api/organisations/${w.org[o]}` }) },
    {
      method: 'PATCH', path: '/api/organisations/:id', target: `organisation ${o}`, success: 200,
      expected: (a) => gate(true, adminOverUsersOf(a, o)),
      request: async (w) => ({ url: `/api/organisations/${w.org[o]}`, body: { website: `https://example.org/${unique()}` } }),
    },
  ]),
  {
    method: 'POST', path: '/api/organisations', target: 'new', success: 201,
    expected: (a) => gate(true, holds(a, ADMINS, ['installation'])),
    request: async () => ({ url: '/api/organisations', body: { name: `Matrix organisation ${unique()}`, type: '22' } }),
  },

  // Users.
  {
    method: 'GET', path: '/api/users', target: 'all', success: 200,
    expected: (a) => gate(true, holds(a, ADMINS, ['installation', 'orgA'])),
    request: async () => ({ url: '/api/users' }),
  },
  ...(['A', 'B'] as const).flatMap((o): RouteCase[] => [
    {
      method: 'GET', path: '/api/users/:id', target: `member of ${o}`, success: 200,
      expected: (a) => gate(adminOverUsersOf(a, o), true),
      request: async (w) => ({ url: `/api/users/${w.user[o]}` }),
    },
    {
      method: 'POST', path: '/api/users', target: `in organisation ${o}`, success: 201,
      expected: (a) => gate(true, adminOverUsersOf(a, o)),
      request: async (w) => ({
        url: '/api/users',
        body: { email: `new-${unique()}@example.org`, name: 'New user', organisationId: w.org[o], password: 'a long enough passphrase' },
      }),
    },
  ]),
  {
    method: 'GET', path: '/api/users/:id', target: 'installation admin in A', success: 200,
    expected: (a) => gate(adminOverUsersOf(a, 'A'), true),
    request: async (w) => ({ url: `/api/users/${w.user.superA}` }),
  },
  {
    method: 'GET', path: '/api/users/:id', target: 'self', success: 200, expected: anyone,
    request: async (w, actor) => ({ url: `/api/users/${w.actorUserId.get(actor)}` }),
  },
  // Account changes (profile, disabled, password): admin over the user's organisation and over
  // every scope the user holds a role on, so nobody takes over an account stronger than their own.
  ...(
    [
      { label: 'member of A', org: 'A', kind: 'member' },
      { label: 'member of B', org: 'B', kind: 'member' },
      { label: 'installation admin in A', org: 'A', kind: 'installation admin' },
    ] as const
  ).flatMap(({ label, org, kind }): RouteCase[] => {
    const expected = (a: ActorSpec) =>
      gate(adminOverUsersOf(a, org), kind === 'member' ? adminOverUsersOf(a, org) : holds(a, ADMINS, ['installation']));
    const shared = (w: World) => (kind === 'member' ? w.user[org] : w.user.superA);
    return [
      {
        method: 'PATCH', path: '/api/users/:id', target: label, success: 200, expected,
        request: async (w) => ({ url: `/api/users/${shared(w)}`, body: { name: `Renamed ${unique()}` } }),
      },
      {
        method: 'POST', path: '/api/users/:id/disabled', target: label, success: 200, expected,
        request: async (w) => ({ url: `/api/users/${await freshUser(w, org, kind)}/disabled`, body: { disabled: true } }),
      },
      {
        method: 'POST', path: '/api/users/:id/password', target: label, success: 200, expected,
        request: async (w) => ({ url: `/api/users/${shared(w)}/password`, body: { password: 'another long passphrase' } }),
      },
    ];
  }),
  {
    method: 'PATCH', path: '/api/users/:id', target: 'self', success: 200,
    // Own profile changes go through PATCH /api/auth/me; this route is the administrators'.
    expected: (a) => gate(true, adminOverUsersOf(a, 'A')),
    request: async (w, actor) => ({ url: `/api/users/${w.actorUserId.get(actor)}`, body: { name: `Renamed ${unique()}` } }),
  },
  // Memberships: admin over the user's organisation (else the user is not even visible) and over the scope.
  ...(['A', 'B'] as const).flatMap((userOrg) =>
    (['A', 'B'] as const).flatMap((scopeOrg): RouteCase[] => {
      const expected = (a: ActorSpec) => gate(adminOverUsersOf(a, userOrg), holds(a, ADMINS, scopeOrg === 'A' ? CHAIN.projA : CHAIN.projB));
      const target = `member of ${userOrg}, role on ${scopeOrg}'s project`;
      return [
        {
          method: 'POST', path: '/api/users/:id/memberships', target, success: 201, expected,
          request: async (w) => ({
            url: `/api/users/${await freshUser(w, userOrg)}/memberships`,
            body: { role: 'reporter', scopeType: 'project', scopeId: projectOf(w, scopeOrg) },
          }),
        },
        {
          method: 'DELETE', path: '/api/users/:id/memberships/:membershipId', target, success: 200, expected,
          request: async (w) => {
            const userId = await freshUser(w, userOrg);
            const id = newId();
            await t.db
              .insertInto('memberships')
              .values({ id, user_id: userId, role: 'reporter', scope_type: 'project', scope_id: projectOf(w, scopeOrg), created_at: nowIso() })
              .execute();
            return { url: `/api/users/${userId}/memberships/${id}` };
          },
        },
      ];
    }),
  ),

  // Locations: shared reference data.
  { method: 'GET', path: '/api/locations', target: 'all', success: 200, expected: anyone, request: async () => ({ url: '/api/locations?level=country' }) },
  { method: 'GET', path: '/api/locations/:id', target: 'a region', success: 200, expected: anyone, request: async (w) => ({ url: `/api/locations/${w.locationId}` }) },
  {
    method: 'PATCH', path: '/api/locations/:id', target: 'a region', success: 200,
    expected: (a) => gate(true, holds(a, ADMINS, ['installation'])),
    request: async (w) => ({ url: `/api/locations/${w.locationId}`, body: { names: { fr: `Région ${unique()}` } } }),
  },
  {
    method: 'POST', path: '/api/locations/import', target: 'a new region', success: 200,
    expected: (a) => gate(true, holds(a, ADMINS, ['installation'])),
    request: async () => ({
      url: '/api/locations/import',
      body: { format: 'csv', content: `pcode,name,level,parent_pcode\nMLX${unique().toUpperCase()},Imported,admin1,MLI\n` },
    }),
  },

  // Programmes.
  { method: 'GET', path: '/api/programmes', target: 'all', success: 200, expected: anyone, request: async () => ({ url: '/api/programmes' }) },
  ...progIds.flatMap((p): RouteCase[] => [
    {
      method: 'GET', path: '/api/programmes/:id', target: LABEL[p]!, success: 200,
      expected: (a) => gate(sees(a, p), true),
      request: async (w) => ({ url: `/api/programmes/${w.prog[p]}` }),
    },
    {
      method: 'PATCH', path: '/api/programmes/:id', target: LABEL[p]!, success: 200,
      expected: (a) => gate(sees(a, p), holds(a, MANAGERS, CHAIN[p])),
      request: async (w) => ({ url: `/api/programmes/${w.prog[p]}`, body: { description: `Edited ${unique()}` } }),
    },
    {
      method: 'POST', path: '/api/projects', target: `in ${LABEL[p]}`, success: 201,
      expected: (a) => gate(sees(a, p), holds(a, MANAGERS, CHAIN[p])),
      request: async (w) => ({
        url: '/api/projects',
        body: {
          programmeId: w.prog[p], code: `M-${unique()}`, title: 'Matrix project', startDate: '2025-01-01', endDate: '2025-12-31',
          currency: 'USD', leadOrganisationId: p === 'progA' ? w.org.A : w.org.B,
        },
      }),
    },
  ]),
  ...(['A', 'B'] as const).map(
    (o): RouteCase => ({
      method: 'POST', path: '/api/programmes', target: `in organisation ${o}`, success: 201,
      expected: (a) => gate(true, holds(a, MANAGERS, o === 'A' ? CHAIN.orgA : CHAIN.orgB)),
      request: async (w) => ({ url: '/api/programmes', body: { organisationId: w.org[o], code: `M-${unique()}`, name: 'Matrix programme' } }),
    }),
  ),

  // Projects.
  { method: 'GET', path: '/api/projects', target: 'all', success: 200, expected: anyone, request: async () => ({ url: '/api/projects' }) },
  ...projIds.flatMap((p): RouteCase[] => [
    {
      method: 'GET', path: '/api/projects/:id', target: LABEL[p]!, success: 200,
      expected: (a) => gate(sees(a, p), true),
      request: async (w) => ({ url: `/api/projects/${w.proj[p]}` }),
    },
    {
      method: 'PATCH', path: '/api/projects/:id', target: LABEL[p]!, success: 200,
      expected: (a) => gate(sees(a, p), holds(a, MANAGERS, CHAIN[p])),
      request: async (w) => ({ url: `/api/projects/${w.proj[p]}`, body: { description: `Edited ${unique()}` } }),
    },
  ]),

  // Results frameworks: read with the project; changed by admins, programme managers and M&E officers.
  ...projIds.flatMap((p): RouteCase[] => {
    const edit = (a: ActorSpec) => gate(sees(a, p), holds(a, EDITORS, CHAIN[p]));
    const read = (a: ActorSpec) => gate(sees(a, p), true);
    // Each case gets its own parent, so sibling lists stay one long: moves and deletes renumber
    // siblings, and thousands of cases piling up at the top level made them slow on PostgreSQL.
    const node = async (w: World) => {
      const parent = await buildResultNode(t.db, { projectId: w.proj[p] });
      return (await buildResultNode(t.db, { projectId: w.proj[p], parentId: parent.id, level: 1 })).id;
    };
    const indicator = async (w: World) => (await buildIndicator(t.db, { nodeId: await node(w) })).id;
    return [
      { method: 'GET', path: '/api/projects/:id/framework', target: LABEL[p]!, success: 200, expected: read, request: async (w) => ({ url: `/api/projects/${w.proj[p]}/framework` }) },
      {
        method: 'PATCH', path: '/api/projects/:id/framework', target: LABEL[p]!, success: 200, expected: edit,
        request: async (w) => ({ url: `/api/projects/${w.proj[p]}/framework`, body: { template: 'fcdo' } }),
      },
      {
        method: 'POST', path: '/api/projects/:id/framework/nodes', target: LABEL[p]!, success: 201, expected: edit,
        request: async (w) => ({ url: `/api/projects/${w.proj[p]}/framework/nodes`, body: { parentId: null, level: 0, code: `G${unique()}`, title: 'Goal' } }),
      },
      { method: 'PATCH', path: '/api/result-nodes/:id', target: `a result in ${LABEL[p]}`, success: 200, expected: edit, request: async (w) => ({ url: `/api/result-nodes/${await node(w)}`, body: { title: 'Renamed' } }) },
      {
        method: 'POST', path: '/api/result-nodes/:id/move', target: `a result in ${LABEL[p]}`, success: 200, expected: edit,
        request: async (w) => {
          const id = await node(w);
          const { parent_id } = await t.db.selectFrom('result_nodes').select('parent_id').where('id', '=', id).executeTakeFirstOrThrow();
          return { url: `/api/result-nodes/${id}/move`, body: { parentId: parent_id, position: 0 } };
        },
      },
      { method: 'DELETE', path: '/api/result-nodes/:id', target: `a result in ${LABEL[p]}`, success: 200, expected: edit, request: async (w) => ({ url: `/api/result-nodes/${await node(w)}` }) },
      {
        method: 'POST', path: '/api/result-nodes/:id/indicators', target: `a result in ${LABEL[p]}`, success: 201, expected: edit,
        request: async (w) => ({ url: `/api/result-nodes/${await node(w)}/indicators`, body: { code: `I${unique()}`, name: 'Children enrolled', type: 'number' } }),
      },
      { method: 'GET', path: '/api/indicators/:id', target: `an indicator in ${LABEL[p]}`, success: 200, expected: read, request: async (w) => ({ url: `/api/indicators/${await indicator(w)}` }) },
      {
        method: 'PATCH', path: '/api/indicators/:id', target: `an indicator in ${LABEL[p]}`, success: 200, expected: edit,
        request: async (w) => ({ url: `/api/indicators/${await indicator(w)}`, body: { changes: { unit: `children ${unique()}` }, why: { reason: 'correction' } } }),
      },
      {
        method: 'POST', path: '/api/indicators/:id/move', target: `an indicator in ${LABEL[p]}`, success: 200, expected: edit,
        request: async (w) => {
          const id = await indicator(w);
          return { url: `/api/indicators/${id}/move`, body: { resultNodeId: (await t.db.selectFrom('indicators').select('result_node_id').where('id', '=', id).executeTakeFirstOrThrow()).result_node_id, position: 0 } };
        },
      },
      { method: 'DELETE', path: '/api/indicators/:id', target: `an indicator in ${LABEL[p]}`, success: 200, expected: edit, request: async (w) => ({ url: `/api/indicators/${await indicator(w)}` }) },
      { method: 'GET', path: '/api/indicators/:id/history', target: `an indicator in ${LABEL[p]}`, success: 200, expected: read, request: async (w) => ({ url: `/api/indicators/${await indicator(w)}/history` }) },
      // Framework workbooks: downloads with the project, the import (a dry run here, so it changes nothing) with framework edit rights.
      { method: 'GET', path: '/api/projects/:id/framework.xlsx', target: LABEL[p]!, success: 200, expected: read, request: async (w) => ({ url: `/api/projects/${w.proj[p]}/framework.xlsx` }) },
      { method: 'GET', path: '/api/projects/:id/indicator-plan.xlsx', target: LABEL[p]!, success: 200, expected: read, request: async (w) => ({ url: `/api/projects/${w.proj[p]}/indicator-plan.xlsx` }) },
      {
        method: 'POST', path: '/api/projects/:id/framework/import', target: LABEL[p]!, success: 200, expected: edit,
        request: async (w) => ({
          url: `/api/projects/${w.proj[p]}/framework/import`,
          // The project's own export: a dry run with nothing to change. (A blank workbook would delete
          // every result the other cases piled up, which takes long on PostgreSQL and tests nothing here.)
          body: { contentBase64: (await currentWorkbook(w.proj[p]!)).toString('base64'), dryRun: true, why: { reason: 'correction' } },
        }),
      },
      { method: 'GET', path: '/api/indicators/:id/targets', target: `an indicator in ${LABEL[p]}`, success: 200, expected: read, request: async (w) => ({ url: `/api/indicators/${await indicator(w)}/targets` }) },
      {
        method: 'PUT', path: '/api/indicators/:id/targets', target: `an indicator in ${LABEL[p]}`, success: 200, expected: edit,
        request: async (w) => ({ url: `/api/indicators/${await indicator(w)}/targets`, body: { targets: [{ period: '2025-Q1', value: 5 }], why: { reason: 'correction' } } }),
      },
    ];
  }),

  // Disaggregation categories: read with any role on the organisation or sight of one of its
  // programmes; kept by admins, programme managers and M&E officers on the organisation.
  ...(['A', 'B'] as const).flatMap((o): RouteCase[] => {
    const readsCategories = (a: ActorSpec) =>
      o === 'A' ? holds(a, 'any', CHAIN.orgA) || sees(a, 'progA') : holds(a, 'any', CHAIN.orgB) || sees(a, 'progB') || sees(a, 'progShared');
    const edit = (a: ActorSpec) => gate(readsCategories(a), holds(a, EDITORS, o === 'A' ? CHAIN.orgA : CHAIN.orgB));
    const category = async (w: World) => (await buildCategory(t.db, { organisationId: w.org[o] })).id;
    const target = `organisation ${o}`;
    return [
      {
        method: 'GET', path: '/api/organisations/:id/disaggregations', target, success: 200, expected: (a) => gate(readsCategories(a), true),
        request: async (w) => ({ url: `/api/organisations/${w.org[o]}/disaggregations` }),
      },
      {
        method: 'POST', path: '/api/organisations/:id/disaggregations', target, success: 201, expected: edit,
        request: async (w) => ({
          url: `/api/organisations/${w.org[o]}/disaggregations`,
          body: { code: `C${unique()}`, name: 'Matrix category', options: [{ code: 'a', label: 'A' }, { code: 'b', label: 'B' }] },
        }),
      },
      {
        method: 'POST', path: '/api/organisations/:id/disaggregations/standard', target, success: 200, expected: edit,
        request: async (w) => ({ url: `/api/organisations/${w.org[o]}/disaggregations/standard` }),
      },
      { method: 'PATCH', path: '/api/disaggregations/:id', target: `a category of ${target}`, success: 200, expected: edit, request: async (w) => ({ url: `/api/disaggregations/${await category(w)}`, body: { name: `Renamed ${unique()}` } }) },
      { method: 'DELETE', path: '/api/disaggregations/:id', target: `a category of ${target}`, success: 200, expected: edit, request: async (w) => ({ url: `/api/disaggregations/${await category(w)}` }) },
    ];
  }),

  // Programme frameworks: read by whoever sees the programme, changed by editors on its chain.
  // A programme indicator's contributions are read with it; its adoptable library with the programme.
  ...progIds.flatMap((p): RouteCase[] => {
    const edit = (a: ActorSpec) => gate(sees(a, p), holds(a, EDITORS, CHAIN[p]));
    const read = (a: ActorSpec) => gate(sees(a, p), true);
    const node = async (w: World) => (await buildProgrammeNode(t.db, { programmeId: w.prog[p] })).id;
    return [
      { method: 'GET', path: '/api/programmes/:id/framework', target: LABEL[p]!, success: 200, expected: read, request: async (w) => ({ url: `/api/programmes/${w.prog[p]}/framework` }) },
      {
        method: 'PATCH', path: '/api/programmes/:id/framework', target: LABEL[p]!, success: 200, expected: edit,
        request: async (w) => ({ url: `/api/programmes/${w.prog[p]}/framework`, body: { template: 'eu' } }),
      },
      {
        method: 'POST', path: '/api/programmes/:id/framework/nodes', target: LABEL[p]!, success: 201, expected: edit,
        request: async (w) => ({ url: `/api/programmes/${w.prog[p]}/framework/nodes`, body: { parentId: null, level: 0, code: `PG${unique()}`, title: 'Portfolio goal' } }),
      },
      { method: 'PATCH', path: '/api/result-nodes/:id', target: `a result in the framework of ${LABEL[p]}`, success: 200, expected: edit, request: async (w) => ({ url: `/api/result-nodes/${await node(w)}`, body: { title: 'Renamed' } }) },
      {
        method: 'POST', path: '/api/result-nodes/:id/indicators', target: `a result in the framework of ${LABEL[p]}`, success: 201, expected: edit,
        request: async (w) => ({ url: `/api/result-nodes/${await node(w)}/indicators`, body: { code: `PI${unique()}`, name: 'Children withdrawn', type: 'number' } }),
      },
      {
        method: 'GET', path: '/api/indicators/:id/contributions', target: `an indicator in the framework of ${LABEL[p]}`, success: 200, expected: read,
        request: async (w) => ({ url: `/api/indicators/${(await buildIndicator(t.db, { nodeId: await node(w) })).id}/contributions` }),
      },
      { method: 'GET', path: '/api/programmes/:id/library', target: LABEL[p]!, success: 200, expected: read, request: async (w) => ({ url: `/api/programmes/${w.prog[p]}/library` }) },
    ];
  }),
  // Adopting from the library: a project's list is read with the project; adopting edits its framework.
  ...projIds.flatMap((p): RouteCase[] => {
    // The entry belongs to the organisation owning the project's programme, so it is always adoptable there.
    const owner = p === 'projA' ? 'A' : 'B';
    return [
      { method: 'GET', path: '/api/projects/:id/library', target: LABEL[p]!, success: 200, expected: (a) => gate(sees(a, p), true), request: async (w) => ({ url: `/api/projects/${w.proj[p]}/library` }) },
      {
        method: 'POST', path: '/api/result-nodes/:id/adopt', target: `a result in ${LABEL[p]}`, success: 201,
        expected: (a) => gate(sees(a, p), holds(a, EDITORS, CHAIN[p])),
        request: async (w) => {
          const entry = await buildLibraryIndicator(t.db, { organisationId: w.org[owner] });
          return { url: `/api/result-nodes/${(await buildResultNode(t.db, { projectId: w.proj[p] })).id}/adopt`, body: { libraryIndicatorId: entry.id } };
        },
      },
    ];
  }),
  // An organisation's indicator library: read with any role on the organisation, kept by its editors.
  ...(['A', 'B'] as const).flatMap((o): RouteCase[] => {
    const chain = o === 'A' ? CHAIN.orgA : CHAIN.orgB;
    const read = (a: ActorSpec) => gate(holds(a, 'any', chain), true);
    const edit = (a: ActorSpec) => gate(holds(a, 'any', chain), holds(a, EDITORS, chain));
    const entry = async (w: World) => (await buildLibraryIndicator(t.db, { organisationId: w.org[o] })).id;
    const target = `library of organisation ${o}`;
    return [
      { method: 'GET', path: '/api/organisations/:id/library', target, success: 200, expected: read, request: async (w) => ({ url: `/api/organisations/${w.org[o]}/library` }) },
      {
        method: 'POST', path: '/api/organisations/:id/library', target, success: 201, expected: edit,
        request: async (w) => ({ url: `/api/organisations/${w.org[o]}/library`, body: { code: `L${unique()}`, name: 'Standard indicator', type: 'number' } }),
      },
      { method: 'GET', path: '/api/library-indicators/:id', target: `an entry in the ${target}`, success: 200, expected: read, request: async (w) => ({ url: `/api/library-indicators/${await entry(w)}` }) },
      {
        method: 'PATCH', path: '/api/library-indicators/:id', target: `an entry in the ${target}`, success: 200, expected: edit,
        request: async (w) => ({ url: `/api/library-indicators/${await entry(w)}`, body: { name: `Renamed ${unique()}` } }),
      },
      { method: 'DELETE', path: '/api/library-indicators/:id', target: `an entry in the ${target}`, success: 200, expected: edit, request: async (w) => ({ url: `/api/library-indicators/${await entry(w)}` }) },
    ];
  }),

  // Audit: installation admins read everything, organisation admins their organisation's entries.
  ...['/api/audit', '/api/audit/export.csv'].map(
    (path): RouteCase => ({
      method: 'GET', path, target: 'log', success: 200,
      expected: (a) => gate(true, holds(a, ADMINS, ['installation', 'orgA'])),
      request: async () => ({ url: path }),
    }),
  ),
  { method: 'GET', path: '/api/codelists/:name', target: 'sectors', success: 200, expected: anyone, request: async () => ({ url: '/api/codelists/sectors' }) },
  { method: 'GET', path: '/api/framework-template.xlsx', target: 'blank template', success: 200, expected: anyone, request: async () => ({ url: '/api/framework-template.xlsx' }) },

  // Field reporting: rounds, packages, review and evidence.
  ...reportingRows<ActorSpec, World>({
    db: () => t.db,
    unique,
    holdsOn: (a, roles, p) => holds(a, roles, CHAIN[p]),
    sees,
    gate,
    actorUserId: (w, name) => w.actorUserId.get(name),
  }),
];

/** Routes that need a session but are exercised in their own suite (they would end the actor's session here). */
const SIGNED_IN_ELSEWHERE: { method: RouteCase['method']; path: string; body?: unknown }[] = [
  { method: 'GET', path: '/api/auth/session' },
  { method: 'POST', path: '/api/auth/logout' },
  { method: 'PATCH', path: '/api/auth/me', body: { locale: 'fr' } },
  { method: 'POST', path: '/api/auth/password', body: { currentPassword: 'whatever it was', newPassword: 'a long enough passphrase' } },
];
const PUBLIC = [
  { method: 'GET', path: '/api/health' },
  { method: 'POST', path: '/api/auth/login' },
  ...OUTPUTS_PUBLIC,
];

const OUTCOME_STATUS = { forbidden: 403, hidden: 404 } as const;
const OUTCOME_CODE = { forbidden: 'forbidden', hidden: 'not_found' } as const;

const matrix = ROUTES.flatMap((route) =>
  ACTORS.map((actor) => {
    const outcome = route.expected(actor);
    const status = outcome === 'allowed' ? route.success : OUTCOME_STATUS[outcome];
    return { name: `${actor.name}: ${route.method} ${route.path} (${route.target}) → ${status} ${outcome}`, actor, route, outcome, status };
  }),
);

const world = {} as World;
let translator: Awaited<ReturnType<typeof startTranslateStandIn>>;

beforeAll(async () => {
  translator = await startTranslateStandIn();
  t = await createTestApp({ TRANSLATE_URL: translator.url });
  const orgA = await buildOrganisation(t.db, { name: `Matrix A ${unique()}` });
  const orgB = await buildOrganisation(t.db, { name: `Matrix B ${unique()}` });
  const progA = await buildProgramme(t.db, { organisationId: orgA.id });
  const progB = await buildProgramme(t.db, { organisationId: orgB.id });
  const progShared = await buildProgramme(t.db, { organisationId: orgB.id });
  const projA = await buildProject(t.db, { programmeId: progA.id, leadOrganisationId: orgA.id });
  const projB = await buildProject(t.db, { programmeId: progB.id, leadOrganisationId: orgB.id });
  const projShared = await buildProject(t.db, { programmeId: progShared.id, leadOrganisationId: orgB.id, implementingOrganisationIds: [orgA.id] });
  const { admin1 } = await buildLocationTree(t.db, 'MLI');
  Object.assign(world, {
    org: { A: orgA.id, B: orgB.id },
    prog: { progA: progA.id, progB: progB.id, progShared: progShared.id },
    proj: { projA: projA.id, projB: projB.id, projShared: projShared.id },
    locationId: admin1.id,
    reporting: await setUpReporting(t.db, { projA: projA.id, projB: projB.id }),
    actorUserId: new Map(),
    agents: new Map(),
  });
  world.user = {
    A: await freshUser(world, 'A'),
    B: await freshUser(world, 'B'),
    superA: await freshUser(world, 'A', 'installation admin'),
  };
  world.monitoring = await setUpMonitoring(t.db, world);
  world.outputs = await setUpOutputs(t.db, world);
  const scopeIds: Record<Scope, string | null> = { installation: null, orgA: orgA.id, progA: progA.id, projA: projA.id };
  const scopeTypes: Record<Scope, ScopeType> = { installation: 'installation', orgA: 'organisation', progA: 'programme', projA: 'project' };
  for (const actor of ACTORS) {
    const grants = actor.role && actor.scope ? [{ role: actor.role, scopeType: scopeTypes[actor.scope], scopeId: scopeIds[actor.scope] }] : [];
    const user = await buildUser(t.db, { organisationId: orgA.id, name: actor.name, grants });
    world.actorUserId.set(actor.name, user.id);
    world.agents.set(actor.name, await t.as(user.id));
  }
});
afterAll(async () => {
  await t.close();
  await translator.close();
});

// Plain loops rather than it.each: vitest shortens interpolated names, and each name must show the whole case.
describe('authorisation matrix', () => {
  for (const { name, actor, route, outcome, status } of matrix) {
    it(name, async () => {
      const agent = world.agents.get(actor.name)!;
      const { url, body, headers } = await route.request(world, actor.name);
      const res = await agent.request(route.method, url, body, headers);
      const code = res.headers['content-type']?.toString().startsWith('application/json') ? res.json()?.error?.code : undefined;
      expect({ status: res.statusCode, code }).toEqual({ status, code: outcome === 'allowed' ? undefined : OUTCOME_CODE[outcome] });
    });
  }
});

describe('lists show exactly what each actor may open', () => {
  const listed = async (actor: ActorSpec, url: string) => {
    const res = await world.agents.get(actor.name)!.get(url);
    expect(res.statusCode).toBe(200);
    return new Set(res.json().items.map((item: { id: string }) => item.id));
  };

  for (const actor of ACTORS) {
    it(`${actor.name} lists the programmes the policy lets them see`, async () => {
      const ids = await listed(actor, '/api/programmes?limit=500');
      expect(progIds.filter((p) => ids.has(world.prog[p]))).toEqual(progIds.filter((p) => sees(actor, p)));
    });

    it(`${actor.name} lists the projects the policy lets them see`, async () => {
      const ids = await listed(actor, '/api/projects?limit=500');
      expect(projIds.filter((p) => ids.has(world.proj[p]))).toEqual(projIds.filter((p) => sees(actor, p)));
    });
  }

  for (const actor of ACTORS.filter((a) => holds(a, ADMINS, ['installation', 'orgA']))) {
    it(`${actor.name} lists users of organisation B only with an installation role`, async () => {
      const res = await world.agents.get(actor.name)!.get('/api/users?limit=500');
      const orgs = new Set(res.json().items.map((u: { organisationId: string }) => u.organisationId));
      expect(orgs.has(world.org.A)).toBe(true);
      expect(orgs.has(world.org.B)).toBe(holds(actor, ADMINS, ['installation']));
    });
  }
});

const anonymousCases = [
  ...[...new Map(ROUTES.filter((r) => r.target !== 'self').map((r) => [`${r.method} ${r.path}`, r])).values()].map((r) => ({
    name: `${r.method} ${r.path}`,
    method: r.method,
    request: (w: World) => r.request(w, ''),
  })),
  ...SIGNED_IN_ELSEWHERE.map((r) => ({ name: `${r.method} ${r.path}`, method: r.method, request: async (): Promise<Request> => ({ url: r.path, body: r.body }) })),
];

describe('anonymous requests', () => {
  for (const { name, method, request } of anonymousCases) {
    it(`answer 401 to ${name}`, async () => {
      const { url, body, headers } = await request(world);
      const res = await t.anonymous().request(method, url, body, headers);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    });
  }

  it('may read the health check, which reveals no data', async () => {
    expect((await t.anonymous().get('/api/health')).statusCode).toBe(200);
  });
});

describe('the route table', () => {
  it('covers every operation the API publishes', async () => {
    const spec = t.app.swagger() as { paths: Record<string, Record<string, { tags?: string[] }>> };
    // Work plans, budgets, expenditures, budget vs actual and change requests have their own table (authorisation-matrix.plans.db.test.ts).
    const published = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => !op.tags?.some((tag) => PLANS_TAGS.includes(tag)))
        .map(([m]) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const known = new Set([...ROUTES, ...SIGNED_IN_ELSEWHERE, ...PUBLIC].map((r) => `${r.method} ${r.path}`));
    expect(published.filter((r) => !known.has(r))).toEqual([]);
    expect([...known].filter((r) => !published.includes(r))).toEqual([]);
  });
});
