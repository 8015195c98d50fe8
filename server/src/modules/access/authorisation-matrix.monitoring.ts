import type { PivotDefinition } from '@shared/schemas/monitoring.js';
import type { Database } from '../../db/database.js';
import { nowIso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { buildCategory, buildIndicator, buildLocationTree, buildResultNode } from '../../test/factories.js';
import { buildRound, buildValue } from '../../test/reporting-factories.js';
import { buildProgrammeNode } from '../../test/results-factories.js';
import { refreshSubmissionFacts } from '../analytics/facts.js';
import type { Row } from './authorisation-matrix.reporting.js';

/**
 * The monitoring rows of the authorisation matrix (issue 5): IPTT, dashboards, the indicator map,
 * pivots and saved pivots. Expectations come from the written policy, never from the services:
 *
 * - figures are read by whoever sees the project or programme they belong to; an id the reader
 *   cannot see answers 404, like one that does not exist (which figures inside an answer the reader
 *   gets is checked in analytics/monitoring-access.db.test.ts);
 * - organisations and countries are open to every signed-in user (the organisation directory, the
 *   location tree), so their consolidated IPTT answers everyone, with the projects each reader sees;
 * - an organisation's disaggregation categories are read by anyone with a role on it or who sees
 *   one of its programmes (disaggregations.policy.ts), so a pivot by a category is 404 to others;
 * - a saved pivot is its owner's: only the owner changes or deletes it; a shared one is read by
 *   the owner's organisation; anyone else gets 404. Every matrix actor belongs to organisation A.
 *
 * Reads share fixtures built once in `setUpMonitoring`; writes get a fresh saved pivot (one insert).
 */

type Outcome = 'allowed' | 'forbidden' | 'hidden';
type Proj = 'projA' | 'projB' | 'projShared';
type Prog = 'progA' | 'progB' | 'progShared';
type Owner = Proj | Prog;

const PROJECTS: readonly Proj[] = ['projA', 'projB', 'projShared'];
const PROGRAMMES: readonly Prog[] = ['progA', 'progB', 'progShared'];
const PROGRAMME_OF: Record<Proj, Prog> = { projA: 'progA', projB: 'progB', projShared: 'progShared' };
const LABEL: Record<Owner, string> = {
  projA: "A's project",
  projB: "B's project",
  projShared: "B's project that A implements",
  progA: "A's programme",
  progB: "B's programme",
  progShared: "B's programme with a project A implements",
};
const isProject = (o: Owner): o is Proj => o.startsWith('proj');
/**
 * Targets of the routes that repeat another route's scope check (exports, a dashboard's trend and
 * areas), to keep the matrix fast: a project and a programme, each allowed to some actors and
 * hidden from others. Their own route is asked on all six.
 */
const SAMPLED: readonly Owner[] = ['projShared', 'progB'];

/** What the matrix lends these rows (its actors, world and policy helpers). */
export interface MonitoringKit<A, W extends MonitoringWorld> {
  db: () => Database;
  unique: () => string;
  /** True when the actor sees the project or programme (any role on a scope that reveals it). */
  sees: (a: A, what: Owner) => boolean;
  gate: (visible: boolean, allowed: boolean) => Outcome;
  actorUserId: (w: W, actorName: string) => string | undefined;
}
export interface MonitoringWorld {
  org: { A: string; B: string };
  prog: Record<Prog, string>;
  proj: Record<Proj, string>;
  /** A member of each organisation (viewers on it): owners of the saved pivots the actors open. */
  user: { A: string; B: string };
  monitoring: MonitoringSetting;
}

export interface MonitoringSetting {
  /** One number indicator in each framework; a project's contributes to its programme's. */
  indicator: Record<Owner, string>;
  /** A category of organisation B (for a pivot by it). */
  categoryOfB: string;
  /** Saved pivots of others: a colleague in A (shared and private), a member of B (shared). */
  savedPivot: { sharedInA: string; privateInA: string; sharedInB: string };
}

/**
 * Period of the approved packages: April–June 2025, inside every project's dates. Keyed in a July
 * fiscal year, so it never meets the calendar periods the reporting rows take one by one.
 */
const PERIOD = { type: 'quarter' as const, key: 'FY2025-Q4', fyStartMonth: 7 };
/** The IPTT over one year, whatever the projects' dates (A's and B's span eighty years in the matrix). */
const IPTT_RANGE = 'from=2025-01-01&to=2025-12-31';

const definition = (indicatorId: string): PivotDefinition => ({
  indicatorIds: [indicatorId],
  rows: [{ type: 'organisation' }],
  columns: [{ type: 'period', granularity: 'year' }],
  filters: { locationIds: [], organisationIds: [], options: {} },
  includePending: true,
});

async function insertSavedPivot(db: Database, o: { ownerId: string; organisationId: string; indicatorId: string; shared: boolean }) {
  const now = nowIso();
  const id = newId();
  await db
    .insertInto('saved_pivots')
    .values({
      id, owner_id: o.ownerId, organisation_id: o.organisationId, name: `Matrix pivot ${id.slice(0, 8)}`,
      definition_json: JSON.stringify(definition(o.indicatorId)), shared: o.shared ? 1 : 0, created_at: now, updated_at: now,
    })
    .execute();
  return id;
}

/**
 * Indicators in every framework (project indicators contributing to their programme's), the
 * projects placed in Mali with a district, and an approved package of each project's lead (and
 * of A in the shared project), so the engine has figures to compute on every route. Then the
 * saved pivots of other people. Call once the world's users exist.
 */
export async function setUpMonitoring(db: Database, w: Omit<MonitoringWorld, 'monitoring'>): Promise<MonitoringSetting> {
  const { admin2 } = await buildLocationTree(db, 'MLI');
  const indicator = {} as Record<Owner, string>;
  for (const prog of PROGRAMMES) {
    indicator[prog] = (await buildIndicator(db, { nodeId: (await buildProgrammeNode(db, { programmeId: w.prog[prog] })).id })).id;
  }
  for (const proj of PROJECTS) {
    const projectId = w.proj[proj];
    const id = (await buildIndicator(db, { nodeId: (await buildResultNode(db, { projectId })).id })).id;
    await db.updateTable('indicators').set({ contributes_to_id: indicator[PROGRAMME_OF[proj]] }).where('id', '=', id).execute();
    indicator[proj] = id;
    await db.insertInto('project_countries').values({ project_id: projectId, country_code: 'MLI' }).execute();
    await db.insertInto('project_locations').values({ project_id: projectId, location_id: admin2.id }).execute();
    const reporters = proj === 'projA' ? [w.org.A] : proj === 'projB' ? [w.org.B] : [w.org.B, w.org.A];
    const { submissions } = await buildRound(db, {
      projectId, periodType: PERIOD.type, periodKey: PERIOD.key, fyStartMonth: PERIOD.fyStartMonth, indicatorIds: [id],
      reporters: reporters.map((organisationId) => ({ organisationId, status: 'approved' as const, submittedBy: w.user.A })),
    });
    for (const [k, s] of submissions.entries()) {
      await buildValue(db, { submissionId: s.id, indicatorId: id, locationId: admin2.id, value: 10 + k });
      await refreshSubmissionFacts(db, s.id);
    }
  }
  const categoryOfB = (await buildCategory(db, { organisationId: w.org.B })).id;
  const pivot = (owner: 'A' | 'B', shared: boolean) =>
    insertSavedPivot(db, { ownerId: w.user[owner], organisationId: w.org[owner], indicatorId: indicator.projA, shared });
  return {
    indicator,
    categoryOfB,
    savedPivot: { sharedInA: await pivot('A', true), privateInA: await pivot('A', false), sharedInB: await pivot('B', true) },
  };
}

export function monitoringRows<A extends { name: string }, W extends MonitoringWorld>(k: MonitoringKit<A, W>): Row<A, W>[] {
  const anyone = (): Outcome => 'allowed';
  const nobody = (): Outcome => 'hidden';
  const reads = (o: Owner) => (a: A) => k.gate(k.sees(a, o), true);
  /** An organisation's categories: a role on it, or sight of one of its programmes. B's only meet the installation. */
  const readsCategoriesOfB = (a: A) => k.sees(a, 'progB') || k.sees(a, 'progShared');
  const kindOf = (o: Owner) => (isProject(o) ? 'project' : 'programme');
  const idOf = (w: W, o: Owner) => (isProject(o) ? w.proj[o] : w.prog[o]);
  const ind = (w: W, o: Owner) => w.monitoring.indicator[o];
  const owners: readonly Owner[] = [...PROJECTS, ...PROGRAMMES];

  const rows: Row<A, W>[] = [];
  const add = (row: Row<A, W>) => rows.push(row);

  // IPTT: a project or programme with whoever sees it; organisations and countries for everyone.
  const ipttQuery = (w: W, o: Owner) => `scope=${kindOf(o)}&id=${idOf(w, o)}&${IPTT_RANGE}&includePending=true`;
  for (const o of owners) {
    add({ method: 'GET', path: '/api/iptt', target: LABEL[o], success: 200, expected: reads(o), request: async (w) => ({ url: `/api/iptt?${ipttQuery(w, o)}` }) });
  }
  for (const o of SAMPLED) {
    add({ method: 'GET', path: '/api/iptt/export.xlsx', target: LABEL[o], success: 200, expected: reads(o), request: async (w) => ({ url: `/api/iptt/export.xlsx?${ipttQuery(w, o)}` }) });
  }
  add({
    method: 'GET', path: '/api/iptt', target: 'organisation B', success: 200, expected: anyone,
    request: async (w) => ({ url: `/api/iptt?scope=organisation&id=${w.org.B}&${IPTT_RANGE}` }),
  });
  add({ method: 'GET', path: '/api/iptt', target: 'country MLI', success: 200, expected: anyone, request: async () => ({ url: `/api/iptt?scope=country&id=MLI&${IPTT_RANGE}` }) });
  add({ method: 'GET', path: '/api/iptt', target: 'an unknown organisation', success: 200, expected: nobody, request: async () => ({ url: `/api/iptt?scope=organisation&id=${newId()}` }) });

  // Dashboards and the map: with the project or programme; an indicator of another framework is unknown there.
  const dashboard = (w: W, o: Owner) => `/api/dashboards/${kindOf(o)}/${idOf(w, o)}`;
  for (const o of owners) {
    add({ method: 'GET', path: '/api/dashboards/:scope/:id', target: LABEL[o], success: 200, expected: reads(o), request: async (w) => ({ url: `${dashboard(w, o)}?includePending=true` }) });
    add({
      method: 'GET', path: '/api/indicators/:id/map', target: `an indicator of ${LABEL[o]}`, success: 200, expected: reads(o),
      request: async (w) => ({ url: `/api/indicators/${ind(w, o)}/map?level=admin1&includePending=true` }),
    });
  }
  for (const o of SAMPLED) {
    add({
      method: 'GET', path: '/api/dashboards/:scope/:id/trend', target: LABEL[o], success: 200, expected: reads(o),
      request: async (w) => ({ url: `${dashboard(w, o)}/trend?indicatorId=${ind(w, o)}&granularity=year&includePending=true` }),
    });
    add({
      method: 'GET', path: '/api/dashboards/:scope/:id/areas', target: LABEL[o], success: 200, expected: reads(o),
      request: async (w) => ({ url: `${dashboard(w, o)}/areas?indicatorId=${ind(w, o)}&level=admin1` }),
    });
  }
  add({
    method: 'GET', path: '/api/dashboards/:scope/:id/trend', target: `${LABEL.projA}, asked for an indicator of ${LABEL.projShared}`, success: 200, expected: nobody,
    request: async (w) => ({ url: `/api/dashboards/project/${w.proj.projA}/trend?indicatorId=${ind(w, 'projShared')}` }),
  });

  // Pivots: the catalogue for everyone; a pivot with whoever sees every indicator and category in it.
  add({ method: 'GET', path: '/api/pivot/catalogue', target: 'all', success: 200, expected: anyone, request: async () => ({ url: '/api/pivot/catalogue' }) });
  for (const o of owners) {
    add({ method: 'POST', path: '/api/pivot', target: `an indicator of ${LABEL[o]}`, success: 200, expected: reads(o), request: async (w) => ({ url: '/api/pivot', body: definition(ind(w, o)) }) });
  }
  for (const [n, o] of SAMPLED.entries()) {
    const format = n === 0 ? 'xlsx' : 'csv';
    add({
      method: 'POST', path: '/api/pivot/export', target: `an indicator of ${LABEL[o]}, ${format}`, success: 200, expected: reads(o),
      request: async (w) => ({ url: `/api/pivot/export?format=${format}`, body: definition(ind(w, o)) }),
    });
  }
  add({
    method: 'POST', path: '/api/pivot', target: `an indicator of ${LABEL.projA} by a category of organisation B`, success: 200,
    expected: (a) => k.gate(k.sees(a, 'projA') && readsCategoriesOfB(a), true),
    request: async (w) => ({ url: '/api/pivot', body: { ...definition(ind(w, 'projA')), rows: [{ type: 'category', categoryId: w.monitoring.categoryOfB }] } }),
  });

  // Saved pivots: mine, a colleague's (shared or not), and one shared in organisation B.
  const userOf = (w: W, actorName: string) => k.actorUserId(w, actorName) ?? w.user.A;
  const mine = (w: W, actorName: string) =>
    insertSavedPivot(k.db(), { ownerId: userOf(w, actorName), organisationId: w.org.A, indicatorId: ind(w, 'projA'), shared: false });
  const ownPivots = new Map<string, Promise<string>>();
  const ownPivot = (w: W, actorName: string) => {
    if (!ownPivots.has(actorName)) ownPivots.set(actorName, mine(w, actorName));
    return ownPivots.get(actorName)!;
  };
  const others = [
    { label: 'shared by a colleague in A', read: anyone, change: (): Outcome => 'forbidden', id: (w: W) => w.monitoring.savedPivot.sharedInA },
    { label: 'kept private by a colleague in A', read: nobody, change: nobody, id: (w: W) => w.monitoring.savedPivot.privateInA },
    { label: 'shared by a member of B', read: nobody, change: nobody, id: (w: W) => w.monitoring.savedPivot.sharedInB },
  ];

  add({ method: 'GET', path: '/api/saved-pivots', target: 'all', success: 200, expected: anyone, request: async () => ({ url: '/api/saved-pivots' }) });
  for (const p of PROJECTS) {
    add({
      method: 'POST', path: '/api/saved-pivots', target: `an indicator of ${LABEL[p]}`, success: 201, expected: reads(p),
      request: async (w) => ({ url: '/api/saved-pivots', body: { name: `Saved ${k.unique()}`, definition: definition(ind(w, p)), shared: true } }),
    });
  }
  add({ method: 'GET', path: '/api/saved-pivots/:id', target: 'mine', success: 200, expected: anyone, request: async (w, actor) => ({ url: `/api/saved-pivots/${await ownPivot(w, actor)}` }) });
  add({
    method: 'PATCH', path: '/api/saved-pivots/:id', target: 'mine', success: 200, expected: anyone,
    request: async (w, actor) => ({ url: `/api/saved-pivots/${await mine(w, actor)}`, body: { name: `Renamed ${k.unique()}`, shared: true } }),
  });
  // Saving what one cannot see is refused like showing it would be.
  add({
    method: 'PATCH', path: '/api/saved-pivots/:id', target: `mine, moved to an indicator of ${LABEL.projB}`, success: 200, expected: reads('projB'),
    request: async (w, actor) => ({ url: `/api/saved-pivots/${await mine(w, actor)}`, body: { definition: definition(ind(w, 'projB')) } }),
  });
  add({ method: 'DELETE', path: '/api/saved-pivots/:id', target: 'mine', success: 204, expected: anyone, request: async (w, actor) => ({ url: `/api/saved-pivots/${await mine(w, actor)}` }) });
  for (const other of others) {
    add({ method: 'GET', path: '/api/saved-pivots/:id', target: other.label, success: 200, expected: other.read, request: async (w) => ({ url: `/api/saved-pivots/${other.id(w)}` }) });
    add({
      method: 'PATCH', path: '/api/saved-pivots/:id', target: other.label, success: 200, expected: other.change,
      request: async (w) => ({ url: `/api/saved-pivots/${other.id(w)}`, body: { name: `Renamed ${k.unique()}` } }),
    });
    add({ method: 'DELETE', path: '/api/saved-pivots/:id', target: other.label, success: 204, expected: other.change, request: async (w) => ({ url: `/api/saved-pivots/${other.id(w)}` }) });
  }
  return rows;
}
