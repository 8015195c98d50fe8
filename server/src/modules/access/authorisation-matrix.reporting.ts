import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { periodsBetween } from '@shared/domain/periods.js';
import { isEditable, type SubmissionStatus } from '@shared/domain/submission-status.js';
import type { Role } from '@shared/roles.js';
import type { Database } from '../../db/database.js';
import { nowIso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { buildIndicator, buildResultNode } from '../../test/factories.js';
import { buildReviewComment, buildRound, buildValue } from '../../test/reporting-factories.js';

/**
 * The field-reporting rows of the authorisation matrix (issue 4), with expectations computed from
 * the written policy in reporting/reporting-access.ts, never from the services:
 *
 * - round managers (admin, programme manager, M&E officer on the project's chain) see every package;
 * - reporters and partner reporters on the chain (managers too) see and fill their OWN organisation's
 *   packages only; every matrix actor belongs to organisation A;
 * - everyone else who sees the project sees approved packages only;
 * - a round is seen by its project's managers and by whoever sees one of its packages;
 * - editing needs an editable status (draft, returned, reopened) in an open round; reviewing needs a
 *   manager who did not submit the package; reopening a manager and an approved package.
 *
 * Targets use statuses in which the action itself is possible, so a refusal can only come from the
 * policy. Every write gets a fresh round and package (direct inserts, cheap); reads share theirs.
 */

type Outcome = 'allowed' | 'forbidden' | 'hidden';
type Proj = 'projA' | 'projB';
type Org = 'A' | 'B';

/** What the matrix lends these rows (its actors, world and policy helpers). */
export interface MatrixKit<A, W extends KitWorld> {
  db: () => Database;
  unique: () => string;
  /** True when the actor's one grant is one of `roles` on the project's chain. */
  holdsOn: (a: A, roles: readonly Role[] | 'any', project: Proj) => boolean;
  sees: (a: A, project: Proj) => boolean;
  gate: (visible: boolean, allowed: boolean) => Outcome;
  actorUserId: (w: W, actorName: string) => string | undefined;
}
export interface KitWorld {
  org: { A: string; B: string };
  proj: { projA: string; projB: string };
  user: { A: string };
  reporting: ReportingSetting;
}
export interface Row<A, W> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  target: string;
  success: number;
  expected(a: A): Outcome;
  request(w: W, actorName: string): Promise<{ url: string; body?: unknown; headers?: Record<string, string> }>;
}

const ROUND_MANAGERS: readonly Role[] = ['admin', 'programme_manager', 'me_officer'];
const REPORTERS: readonly Role[] = ['reporter', 'partner_reporter'];

/** Projects get a long life, so that each of the ~1,350 per-case rounds has a period of its own (1,520 here). */
const LIFE = { start: '1950-01-01', end: '2029-12-31' };

export interface ReportingSetting {
  indicator: Record<Proj, { id: string; code: string }>;
}

/** Stretches both projects' dates and adds one indicator to each framework. */
export async function setUpReporting(db: Database, proj: Record<Proj, string>): Promise<ReportingSetting> {
  await db.updateTable('projects').set({ start_date: LIFE.start, end_date: LIFE.end }).where('id', 'in', [proj.projA, proj.projB]).execute();
  const indicator = async (projectId: string) => {
    const row = await buildIndicator(db, { nodeId: (await buildResultNode(db, { projectId })).id });
    return { id: row.id, code: row.code };
  };
  return { indicator: { projA: await indicator(proj.projA), projB: await indicator(proj.projB) } };
}

/** Unused periods of each project, months first (months, then quarters, semesters and years). */
const freePeriods = new Map<string, { type: 'month' | 'quarter' | 'semester' | 'year'; key: string; start: string; end: string }[]>();
function nextPeriod(projectId: string) {
  let free = freePeriods.get(projectId);
  if (!free) {
    free = (['month', 'quarter', 'semester', 'year'] as const).flatMap((type) => periodsBetween(LIFE.start, LIFE.end, type, 1).map((p) => ({ ...p, type })));
    freePeriods.set(projectId, free);
  }
  const period = free.shift();
  if (!period) throw new Error('The matrix ran out of reporting periods');
  return period;
}

/** A LibreTranslate stand-in (real HTTP), so machine translation can succeed where the policy allows it. */
export async function startTranslateStandIn() {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ translatedText: 'Texte traduit' })));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A package as the policy sees it. `by`: who submitted it (someone else, or the acting user). */
interface PackageSpec {
  project: Proj;
  org: Org;
  status: SubmissionStatus;
  by?: 'other' | 'actor';
}
const LABELS: Record<Proj, Record<Org, string>> = { projA: { A: "A's package in A's project", B: "B's package in A's project" }, projB: { A: '', B: "B's package in B's project" } };
const labelOf = (p: PackageSpec) => `${LABELS[p.project][p.org]}, ${p.status}${p.by === 'actor' ? ' by the actor' : ''}`;

const DRAFT_A: PackageSpec = { project: 'projA', org: 'A', status: 'draft' };
const DRAFT_B: PackageSpec = { project: 'projA', org: 'B', status: 'draft' };
const APPROVED_B: PackageSpec = { project: 'projA', org: 'B', status: 'approved' };
const SUBMITTED_A: PackageSpec = { project: 'projA', org: 'A', status: 'submitted', by: 'other' };
const SUBMITTED_B: PackageSpec = { project: 'projA', org: 'B', status: 'submitted', by: 'other' };
const SUBMITTED_A_BY_ACTOR: PackageSpec = { project: 'projA', org: 'A', status: 'submitted', by: 'actor' };
const APPROVED_IN_B: PackageSpec = { project: 'projB', org: 'B', status: 'approved', by: 'other' };

export function reportingRows<A extends { name: string }, W extends KitWorld>(k: MatrixKit<A, W>): Row<A, W>[] {
  const manages = (a: A, p: Proj) => k.holdsOn(a, ROUND_MANAGERS, p);
  /** reporting-access.ts `submissionRights`, as written (every round here is open). */
  const rights = (a: A, p: PackageSpec) => {
    const own = (k.holdsOn(a, REPORTERS, p.project) || manages(a, p.project)) && p.org === 'A';
    const canSee = k.sees(a, p.project) && (manages(a, p.project) || own || p.status === 'approved');
    const canEdit = canSee && isEditable(p.status) && (own || manages(a, p.project));
    return {
      canSee,
      canEdit,
      canReview: manages(a, p.project) && p.by !== 'actor' && p.status === 'submitted',
      canReopen: manages(a, p.project) && p.status === 'approved',
      canComment: manages(a, p.project),
      canTranslate: manages(a, p.project) || (own && canSee),
      manages: manages(a, p.project),
    };
  };
  type Rights = ReturnType<typeof rights>;
  const rule = (p: PackageSpec, allowed: (r: Rights) => boolean) => (a: A) => {
    const r = rights(a, p);
    return k.gate(r.canSee, allowed(r));
  };

  const userOf = (w: W, actorName: string) => k.actorUserId(w, actorName) ?? w.user.A;
  /** A fresh round of the project holding one package per spec (all in the same project). */
  const round = async (w: W, actorName: string, specs: PackageSpec[], o: { indicator?: boolean } = {}) => {
    const project = specs[0]!.project;
    const period = nextPeriod(w.proj[project]);
    const built = await buildRound(k.db(), {
      projectId: w.proj[project],
      periodType: period.type,
      periodKey: period.key,
      indicatorIds: o.indicator === false ? [] : [w.reporting.indicator[project].id],
      reporters: specs.map((s) => ({
        organisationId: w.org[s.org],
        status: s.status,
        submittedBy: s.status === 'draft' ? null : s.by === 'actor' ? userOf(w, actorName) : w.user.A,
      })),
    });
    return { roundId: built.round.id, submissionIds: built.submissions.map((s) => s.id) };
  };
  const fresh = async (w: W, actorName: string, p: PackageSpec) => (await round(w, actorName, [p])).submissionIds[0]!;
  /** Read targets are built once and shared: reads change nothing. */
  const shared = new Map<string, Promise<string>>();
  const once = (key: string, make: () => Promise<string>) => {
    if (!shared.has(key)) shared.set(key, make());
    return shared.get(key)!;
  };
  const readable = (w: W, p: PackageSpec) => once(`package ${labelOf(p)}`, () => fresh(w, '', p));

  const narrative = async (submissionId: string, section = 'achievements') => {
    const id = newId();
    await k.db().insertInto('narratives').values({ id, submission_id: submissionId, section, result_node_id: null, language: 'en', text: 'Forty children went back to school.', updated_by: newId(), updated_at: nowIso() }).execute();
    return id;
  };
  const translation = async (narrativeId: string) => {
    await k.db().insertInto('narrative_translations').values({
      id: newId(), narrative_id: narrativeId, language: 'fr', text: 'Quarante enfants sont retournés à l’école.', provenance: 'human', provider: null,
      source_hash: 'matrix', reviewed: 0, reviewed_by: null, reviewed_at: null, updated_by: newId(), updated_at: nowIso(),
    }).execute();
    return narrativeId;
  };
  const CSV = Buffer.from('district,participants\nMopti,40\n', 'utf8');
  const attachment = async (submissionId: string) => {
    const id = newId();
    await k.db().insertInto('attachments').values({
      id, submission_id: submissionId, file_name: 'list.csv', content_type: 'text/csv', size_bytes: CSV.length, sha256: createHash('sha256').update(CSV).digest('hex'),
      description: '', uploaded_by: newId(), created_at: nowIso(),
    }).execute();
    await k.db().insertInto('attachment_contents').values({ attachment_id: id, content: CSV }).execute();
    return id;
  };
  /** A package that passes the submit checks: its one indicator's total and the required narratives. */
  const submittable = async (w: W, actorName: string, p: PackageSpec) => {
    const id = await fresh(w, actorName, p);
    await buildValue(k.db(), { submissionId: id, indicatorId: w.reporting.indicator[p.project].id, value: 40 });
    await narrative(id, 'achievements');
    await narrative(id, 'challenges');
    return id;
  };

  const rows: Row<A, W>[] = [];
  const add = (row: Row<A, W>) => rows.push(row);

  // Lists first, while the projects hold few rounds (every later write case opens one).
  add({ method: 'GET', path: '/api/me/reporting', target: 'self', success: 200, expected: () => 'allowed', request: async () => ({ url: '/api/me/reporting' }) });
  for (const p of ['projA', 'projB'] as const) {
    const label = p === 'projA' ? "A's project" : "B's project";
    add({ method: 'GET', path: '/api/projects/:id/rounds', target: label, success: 200, expected: (a) => k.gate(k.sees(a, p), true), request: async (w) => ({ url: `/api/projects/${w.proj[p]}/rounds` }) });
    add({
      method: 'GET', path: '/api/projects/:id/round-options', target: label, success: 200, expected: (a) => k.gate(k.sees(a, p), manages(a, p)),
      request: async (w) => ({ url: `/api/projects/${w.proj[p]}/round-options` }),
    });
    add({
      method: 'POST', path: '/api/projects/:id/rounds', target: label, success: 201, expected: (a) => k.gate(k.sees(a, p), manages(a, p)),
      request: async (w) => {
        const period = nextPeriod(w.proj[p]);
        return {
          url: `/api/projects/${w.proj[p]}/rounds`,
          body: {
            periodType: period.type, periodKey: period.key, dueDate: period.end, title: `Matrix round ${k.unique()}`,
            indicatorIds: [w.reporting.indicator[p].id], reporters: [{ organisationId: p === 'projA' ? w.org.A : w.org.B, locationIds: [] }],
          },
        };
      },
    });
    add({
      method: 'GET', path: '/api/indicators/:id/values', target: `an indicator in ${label}`, success: 200, expected: (a) => k.gate(k.sees(a, p), true),
      request: async (w) => ({ url: `/api/indicators/${w.reporting.indicator[p].id}/values?includePending=true` }),
    });
  }

  // Rounds: seen by the project's managers and by whoever sees one of their packages.
  const roundRule = (specs: PackageSpec[], allowed: (a: A) => boolean) => (a: A) =>
    k.gate(k.sees(a, 'projA') && (manages(a, 'projA') || specs.some((s) => rights(a, s).canSee)), allowed(a));
  const roundLabel = (specs: PackageSpec[]) => `a round of A's project with ${specs.map(labelOf).join(' and ')}`;
  for (const specs of [[DRAFT_A, DRAFT_B], [DRAFT_B], [APPROVED_B]]) {
    add({
      method: 'GET', path: '/api/rounds/:id', target: roundLabel(specs), success: 200, expected: roundRule(specs, () => true),
      request: async (w) => ({ url: `/api/rounds/${await once(roundLabel(specs), async () => (await round(w, '', specs)).roundId)}` }),
    });
  }
  for (const specs of [[DRAFT_A], [APPROVED_B]]) {
    add({
      method: 'PATCH', path: '/api/rounds/:id', target: roundLabel(specs), success: 200, expected: roundRule(specs, (a) => manages(a, 'projA')),
      request: async (w, actor) => ({ url: `/api/rounds/${(await round(w, actor, specs)).roundId}`, body: { title: `Renamed ${k.unique()}` } }),
    });
  }
  // A round is deleted only before anyone reported in it: draft packages without values.
  for (const specs of [[DRAFT_A], [DRAFT_B]]) {
    add({
      method: 'DELETE', path: '/api/rounds/:id', target: roundLabel(specs), success: 204, expected: roundRule(specs, (a) => manages(a, 'projA')),
      request: async (w, actor) => ({ url: `/api/rounds/${(await round(w, actor, specs)).roundId}` }),
    });
  }

  // Reading a package and what hangs on it.
  const readRow = (path: string, url: (id: string, w: W) => string, targets: PackageSpec[]) => {
    for (const p of targets) {
      add({ method: 'GET', path, target: labelOf(p), success: 200, expected: rule(p, () => true), request: async (w) => ({ url: url(await readable(w, p), w) }) });
    }
  };
  readRow('/api/submissions/:id', (id) => `/api/submissions/${id}`, [DRAFT_A, DRAFT_B, APPROVED_B, APPROVED_IN_B]);
  readRow('/api/submissions/:id/value-history', (id, w) => `/api/submissions/${id}/value-history?indicatorId=${w.reporting.indicator.projA.id}`, [DRAFT_A, DRAFT_B]);
  readRow('/api/submissions/:id/template.xlsx', (id) => `/api/submissions/${id}/template.xlsx`, [DRAFT_A, DRAFT_B]);
  readRow('/api/submissions/:id/values.csv', (id) => `/api/submissions/${id}/values.csv`, [DRAFT_A, APPROVED_B]);
  readRow('/api/submissions/:id/narratives', (id) => `/api/submissions/${id}/narratives`, [DRAFT_B, APPROVED_B]);
  readRow('/api/submissions/:id/attachments', (id) => `/api/submissions/${id}/attachments`, [DRAFT_A, APPROVED_B]);
  for (const p of [DRAFT_A, DRAFT_B]) {
    add({
      method: 'GET', path: '/api/attachments/:id/content', target: `a file of ${labelOf(p)}`, success: 200, expected: rule(p, () => true),
      request: async (w) => ({ url: `/api/attachments/${await once(`file of ${labelOf(p)}`, async () => attachment(await readable(w, p)))}/content` }),
    });
  }

  // Filling a package: editors of an editable package (own organisation, or a manager).
  for (const p of [DRAFT_A, DRAFT_B]) {
    const target = labelOf(p);
    const edit = rule(p, (r) => r.canEdit);
    add({
      method: 'PUT', path: '/api/submissions/:id/values', target, success: 200, expected: edit,
      request: async (w, actor) => ({
        url: `/api/submissions/${await fresh(w, actor, p)}/values`,
        body: { changes: [{ indicatorId: w.reporting.indicator.projA.id, locationId: null, value: 40 }] },
      }),
    });
    add({
      method: 'POST', path: '/api/submissions/:id/import', target, success: 200, expected: edit,
      request: async (w, actor) => ({
        url: `/api/submissions/${await fresh(w, actor, p)}/import?dryRun=false`,
        body: Buffer.from(`indicator_code,value\n${w.reporting.indicator.projA.code},40\n`, 'utf8'),
        headers: { 'content-type': 'text/csv' },
      }),
    });
    add({
      method: 'PUT', path: '/api/submissions/:id/narratives', target, success: 200, expected: edit,
      request: async (w, actor) => ({ url: `/api/submissions/${await fresh(w, actor, p)}/narratives`, body: { language: 'en', sections: [{ section: 'achievements', text: 'Forty children back in school.' }] } }),
    });
    add({
      method: 'POST', path: '/api/submissions/:id/attachments', target, success: 201, expected: edit,
      request: async (w, actor) => ({ url: `/api/submissions/${await fresh(w, actor, p)}/attachments?name=list.csv`, body: CSV, headers: { 'content-type': 'text/csv' } }),
    });
    add({
      method: 'DELETE', path: '/api/attachments/:id', target: `a file of ${target}`, success: 204, expected: edit,
      request: async (w, actor) => ({ url: `/api/attachments/${await attachment(await fresh(w, actor, p))}` }),
    });
    add({
      method: 'POST', path: '/api/submissions/:id/submit', target, success: 200, expected: rule(p, (r) => r.canEdit),
      request: async (w, actor) => ({ url: `/api/submissions/${await submittable(w, actor, p)}/submit`, body: { version: 1 } }),
    });
  }

  // Review: managers, never of what they submitted; reopen an approved package.
  for (const p of [SUBMITTED_A, SUBMITTED_B, SUBMITTED_A_BY_ACTOR]) {
    add({
      method: 'POST', path: '/api/submissions/:id/approve', target: labelOf(p), success: 200, expected: rule(p, (r) => r.canReview),
      request: async (w, actor) => ({ url: `/api/submissions/${await fresh(w, actor, p)}/approve`, body: { version: 1 } }),
    });
  }
  for (const p of [SUBMITTED_A, SUBMITTED_B]) {
    add({
      method: 'POST', path: '/api/submissions/:id/return', target: labelOf(p), success: 200, expected: rule(p, (r) => r.canReview),
      request: async (w, actor) => ({ url: `/api/submissions/${await fresh(w, actor, p)}/return`, body: { version: 1, comment: 'Please add the girls.' } }),
    });
  }
  for (const p of [APPROVED_B, APPROVED_IN_B]) {
    add({
      method: 'POST', path: '/api/submissions/:id/reopen', target: labelOf(p), success: 200, expected: rule(p, (r) => r.canReopen),
      request: async (w, actor) => ({ url: `/api/submissions/${await fresh(w, actor, p)}/reopen`, body: { version: 1, reason: 'A district sent corrected figures.' } }),
    });
  }

  // Comments by managers; resolved by the package's editors and its reviewers.
  for (const p of [DRAFT_A, APPROVED_B]) {
    const target = labelOf(p);
    add({
      method: 'POST', path: '/api/submissions/:id/comments', target, success: 201, expected: rule(p, (r) => r.canComment),
      request: async (w, actor) => ({ url: `/api/submissions/${await fresh(w, actor, p)}/comments`, body: { cell: null, body: 'Which schools?' } }),
    });
    add({
      method: 'POST', path: '/api/review-comments/:id/resolved', target: `a comment on ${target}`, success: 200, expected: rule(p, (r) => r.canEdit || r.canComment),
      request: async (w, actor) => {
        const comment = await buildReviewComment(k.db(), { submissionId: await fresh(w, actor, p), authorId: w.user.A });
        return { url: `/api/review-comments/${comment.id}/resolved`, body: { resolved: true } };
      },
    });
    // Translations: managers and the package's own reporters, in any status; the reviewed mark by managers.
    add({
      method: 'POST', path: '/api/narratives/:id/translations/:language/machine', target: `a narrative of ${target}`, success: 200, expected: rule(p, (r) => r.canTranslate),
      request: async (w, actor) => ({ url: `/api/narratives/${await narrative(await fresh(w, actor, p))}/translations/fr/machine` }),
    });
    add({
      method: 'PUT', path: '/api/narratives/:id/translations/:language', target: `a narrative of ${target}`, success: 200, expected: rule(p, (r) => r.canTranslate),
      request: async (w, actor) => ({ url: `/api/narratives/${await narrative(await fresh(w, actor, p))}/translations/fr`, body: { text: 'Quarante enfants.' } }),
    });
    add({
      method: 'POST', path: '/api/narratives/:id/translations/:language/reviewed', target: `a translated narrative of ${target}`, success: 200, expected: rule(p, (r) => r.manages),
      request: async (w, actor) => ({ url: `/api/narratives/${await translation(await narrative(await fresh(w, actor, p)))}/translations/fr/reviewed`, body: { reviewed: true } }),
    });
  }
  return rows;
}
