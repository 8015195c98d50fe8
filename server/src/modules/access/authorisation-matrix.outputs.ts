import { createHash } from 'node:crypto';
import type { Role } from '@shared/roles.js';
import { ROLES } from '@shared/roles.js';
import type { ReportSection } from '@shared/schemas/report-templates.js';
import type { Database } from '../../db/database.js';
import { nowIso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { buildOrganisation } from '../../test/factories.js';
import { makePng } from '../organisations/logo.test-images.js';
import type { Row } from './authorisation-matrix.reporting.js';

/**
 * The donor-report and open-data rows of the authorisation matrix (issue 6). Expectations come from
 * the written policy (each module's doc comment, and the issue 6 brief), never from the services:
 *
 * - report templates (report-templates.access.ts): read by the organisation's people (home
 *   organisation, or any role on it — the installation included) and by managers of its programmes
 *   and projects; changed by admins, programme managers and M&E officers on the organisation, and
 *   programme managers and M&E officers on one of its programmes. Every matrix actor belongs to A.
 * - organisation logos (logo.service.ts): seen by whoever reads the organisation's templates,
 *   replaced and removed by the organisation's admins;
 * - agreements (agreements.service.ts): read with the project, changed by admin, programme manager
 *   or M&E officer on its chain; the report calendar lists what each reader sees;
 * - reports (reports.access.ts): generated, regenerated and deleted by admin, programme manager or
 *   M&E officer on the scope's chain; read (history, report, downloads) by any role but reporter and
 *   partner reporter on it; a country's by those roles on the reader's own organisation;
 * - jobs: only their creator or an installation admin, 404 for anyone else;
 * - share links: made, listed and revoked by the project's reporting managers (admin, programme
 *   manager, M&E officer on its chain); the public /shared/:token routes are in OUTPUTS_PUBLIC;
 * - API tokens: one's own; installation admins list and revoke anyone's (others: 403 to list, 404
 *   to revoke, since they cannot see another person's token);
 * - IATI: exported (and checked) by admin, programme manager or M&E officer on the project's chain;
 *   others who see the project get 403;
 * - open data: values (HXL CSV, export jobs) by whoever sees the project; the 4W table for everyone,
 *   with the projects each reader sees; a programme filter 404s when the programme is not seen.
 *
 * Reads share fixtures built once in `setUpOutputs`; each write gets its own target (one insert).
 * Routes that repeat another route's check are asked on sampled targets only, to keep it fast.
 */

type Outcome = 'allowed' | 'forbidden' | 'hidden';
type Scope = 'installation' | 'orgA' | 'progA' | 'projA';
type Proj = 'projA' | 'projB' | 'projShared';
type Prog = 'progA' | 'progB' | 'progShared';
type Org = 'A' | 'B';

/** Admin, programme manager, M&E officer: who runs reporting, reports, agreements, links and IATI. */
const MANAGING: readonly Role[] = ['admin', 'programme_manager', 'me_officer'];
const ADMINS: readonly Role[] = ['admin'];
/** Report readers: every role but those who only ever see their own organisation's figures. */
const REPORT_READERS: readonly Role[] = ROLES.filter((r) => r !== 'reporter' && r !== 'partner_reporter');

const CHAIN: Record<Proj | Prog | `org${Org}`, readonly Scope[]> = {
  orgA: ['installation', 'orgA'],
  orgB: ['installation'],
  progA: ['installation', 'orgA', 'progA'],
  progB: ['installation'],
  progShared: ['installation'],
  projA: ['installation', 'orgA', 'progA', 'projA'],
  projB: ['installation'],
  projShared: ['installation'],
};
const LABEL: Record<Proj | Prog, string> = {
  projA: "A's project",
  projB: "B's project",
  projShared: "B's project that A implements",
  progA: "A's programme",
  progB: "B's programme",
  progShared: "B's programme with a project A implements",
};

export interface OutputsKit<A, W extends OutputsWorld> {
  db: () => Database;
  unique: () => string;
  /** True when the actor's one grant is one of `roles` on one of `scopes`. */
  holds: (a: A, roles: readonly Role[] | 'any', scopes: readonly Scope[]) => boolean;
  sees: (a: A, what: Proj | Prog) => boolean;
  gate: (visible: boolean, allowed: boolean) => Outcome;
  actorUserId: (w: W, actorName: string) => string | undefined;
}
export interface OutputsWorld {
  org: Record<Org, string>;
  prog: Record<Prog, string>;
  proj: Record<Proj, string>;
  user: { A: string; B: string };
  outputs: OutputsSetting;
}
export interface OutputsSetting {
  template: Record<Org, string>;
  donorId: string;
  /** A finished report with a DOCX of each sampled scope. */
  report: Record<'projA' | 'projShared' | 'progA', string>;
  /** A job of a colleague in A, with a file. */
  colleaguesJob: string;
}

const SECTIONS: ReportSection[] = [
  { key: 'cover', kind: 'cover', title: 'Cover', enabled: true, text: '' },
  { key: 'iptt', kind: 'iptt', title: 'Indicator performance tracking table', enabled: true, text: '' },
];
const PNG = makePng(120, 40);

async function insertTemplate(db: Database, organisationId: string) {
  const now = nowIso();
  const id = newId();
  const name = `Quarterly performance report ${id.slice(0, 8)}`;
  await db.insertInto('report_templates').values({ id, organisation_id: organisationId, name, description: '', version: 1, archived: 0, created_by: null, created_at: now, updated_at: now }).execute();
  await db.insertInto('report_template_versions').values({ template_id: id, version: 1, name, sections_json: JSON.stringify(SECTIONS), created_by: null, created_at: now }).execute();
  return id;
}

async function ensureLogo(db: Database, organisationId: string) {
  if (await db.selectFrom('organisation_logos').select('organisation_id').where('organisation_id', '=', organisationId).executeTakeFirst()) return;
  await db.insertInto('organisation_logos').values({ organisation_id: organisationId, media_type: 'image/png', content: PNG, updated_at: nowIso() }).execute();
}

async function insertReport(db: Database, o: { scopeType: 'project' | 'programme'; scopeId: string; organisationId: string; templateId: string }) {
  const id = newId();
  await db
    .insertInto('generated_reports')
    .values({
      id, scope_type: o.scopeType, scope_id: o.scopeId, organisation_id: o.organisationId, template_id: o.templateId, template_version: 1, agreement_id: null,
      period_start: '2025-04-01', period_end: '2025-06-30', language: 'en', title: 'Quarterly report Q2 2025', status: 'done', job_id: null, data_json: '{}',
      regenerated_from: null, created_by: null, created_at: nowIso(), finished_at: nowIso(),
    })
    .execute();
  const content = Buffer.from('PK matrix report');
  await db.insertInto('generated_report_files').values({
    report_id: id, format: 'docx', file_name: 'quarterly-report.docx', size: content.length, sha256: createHash('sha256').update(content).digest('hex'), content,
  }).execute();
  return id;
}

async function insertJob(db: Database, createdBy: string, organisationId: string) {
  const id = newId();
  await db.insertInto('jobs').values({
    id, kind: 'values.export', payload_json: '{}', status: 'done', progress: 100, progress_note: null, result_json: '{}', error_code: null, error_message: null,
    attempts: 1, locked_by: null, locked_until: null, organisation_id: organisationId, created_by: createdBy, created_at: nowIso(), started_at: nowIso(), finished_at: nowIso(),
  }).execute();
  const content = Buffer.from('district,value\nMopti,40\n', 'utf8');
  await db.insertInto('job_files').values({ job_id: id, file_name: 'values.csv', media_type: 'text/csv', size: content.length, content, created_at: nowIso() }).execute();
  return id;
}

async function insertAgreement(db: Database, projectId: string, donorId: string) {
  const id = newId();
  await db.insertInto('agreements').values({
    id, project_id: projectId, donor_organisation_id: donorId, agreement_number: `AID-${id.slice(0, 8)}`, title: 'Child protection grant', start_date: '2025-01-01',
    end_date: '2026-12-31', report_frequency: 'quarter', report_due_days: 30, template_id: null, report_language: 'en', created_at: nowIso(), updated_at: nowIso(),
  }).execute();
  return id;
}

async function insertShareLink(db: Database, projectId: string, createdBy: string) {
  const id = newId();
  await db.insertInto('share_links').values({
    id, token_hash: createHash('sha256').update(id).digest('hex'), kind: 'project', report_id: null, project_id: projectId, label: 'ECHO desk officer',
    created_by: createdBy, created_at: nowIso(), expires_at: '2099-01-01T00:00:00.000Z', revoked_at: null, revoked_by: null, last_accessed_at: null, access_count: 0,
  }).execute();
  return id;
}

async function insertApiToken(db: Database, userId: string) {
  const id = newId();
  await db.insertInto('api_tokens').values({
    id, user_id: userId, name: 'Power BI', token_hash: createHash('sha256').update(id).digest('hex'), prefix: 'fbk_matrix', created_at: nowIso(), expires_at: null, last_used_at: null, revoked_at: null,
  }).execute();
  return id;
}

/**
 * A template and a logo for each organisation, a donor taking part in every project, finished
 * reports, a colleague's job, and what IATI requires of A's and the shared project (their lead's
 * identifier, a description, a sector; the monitoring set-up placed every project in Mali).
 */
export async function setUpOutputs(db: Database, w: Omit<OutputsWorld, 'outputs'>): Promise<OutputsSetting> {
  const donor = await buildOrganisation(db, { name: `European Civil Protection and Humanitarian Aid ${newId().slice(0, 6)}`, type: '40' });
  const template = { A: await insertTemplate(db, w.org.A), B: await insertTemplate(db, w.org.B) };
  for (const o of ['A', 'B'] as const) {
    await ensureLogo(db, w.org[o]);
    await db.updateTable('organisations').set({ iati_identifier: `XM-DAC-${o}-${newId().slice(0, 6)}` }).where('id', '=', w.org[o]).execute();
  }
  for (const p of ['projA', 'projB', 'projShared'] as const) {
    await db.insertInto('project_organisations').values({ project_id: w.proj[p], organisation_id: donor.id, role: 'donor' }).execute();
    await db.updateTable('projects').set({ description: 'Child protection in the regions of Mopti and Ségou.' }).where('id', '=', w.proj[p]).execute();
    await db.insertInto('project_sectors').values({ project_id: w.proj[p], sector_code: '15160' }).execute();
    const placed = await db.selectFrom('project_countries').select('country_code').where('project_id', '=', w.proj[p]).execute();
    if (!placed.length) await db.insertInto('project_countries').values({ project_id: w.proj[p], country_code: 'MLI' }).execute();
  }
  return {
    template,
    donorId: donor.id,
    report: {
      projA: await insertReport(db, { scopeType: 'project', scopeId: w.proj.projA, organisationId: w.org.A, templateId: template.A }),
      projShared: await insertReport(db, { scopeType: 'project', scopeId: w.proj.projShared, organisationId: w.org.B, templateId: template.A }),
      progA: await insertReport(db, { scopeType: 'programme', scopeId: w.prog.progA, organisationId: w.org.A, templateId: template.A }),
    },
    colleaguesJob: await insertJob(db, w.user.A, w.org.A),
  };
}

/** Public routes: what a share link shows its holder, checked by the token (sharing.db.test.ts), not by a role. */
export const OUTPUTS_PUBLIC = [
  { method: 'GET', path: '/api/shared/:token' },
  { method: 'GET', path: '/api/shared/:token/files/:format' },
];

export function outputsRows<A extends { name: string }, W extends OutputsWorld>(k: OutputsKit<A, W>): Row<A, W>[] {
  const anyone = (): Outcome => 'allowed';
  const userOf = (w: W, actorName: string) => k.actorUserId(w, actorName) ?? w.user.A;
  const rows: Row<A, W>[] = [];
  const add = (row: Row<A, W>) => rows.push(row);
  const manages = (a: A, p: Proj | Prog) => k.holds(a, MANAGING, CHAIN[p]);

  // Report templates and logos: A's are read by all its people (every actor), B's only from the installation.
  const readsTemplates = (a: A, o: Org) => o === 'A' || k.holds(a, 'any', ['installation']);
  const editsTemplates = (a: A, o: Org) =>
    k.holds(a, MANAGING, CHAIN[`org${o}`]) || (o === 'A' && k.holds(a, ['programme_manager', 'me_officer'], ['progA']));
  add({ method: 'GET', path: '/api/report-templates', target: 'all', success: 200, expected: anyone, request: async () => ({ url: '/api/report-templates' }) });
  for (const o of ['A', 'B'] as const) {
    const target = `organisation ${o}`;
    const read = (a: A) => k.gate(readsTemplates(a, o), true);
    const edit = (a: A) => k.gate(readsTemplates(a, o), editsTemplates(a, o));
    add({ method: 'GET', path: '/api/report-templates', target, success: 200, expected: read, request: async (w) => ({ url: `/api/report-templates?organisationId=${w.org[o]}` }) });
    add({
      method: 'POST', path: '/api/report-templates', target, success: 201, expected: edit,
      request: async (w) => ({ url: '/api/report-templates', body: { organisationId: w.org[o], name: `Monthly donor update ${k.unique()}`, sections: SECTIONS } }),
    });
    const tpl = `a template of ${target}`;
    add({ method: 'GET', path: '/api/report-templates/:id', target: tpl, success: 200, expected: read, request: async (w) => ({ url: `/api/report-templates/${w.outputs.template[o]}` }) });
    add({
      method: 'PUT', path: '/api/report-templates/:id', target: tpl, success: 200, expected: edit,
      request: async (w) => ({ url: `/api/report-templates/${await insertTemplate(k.db(), w.org[o])}`, body: { name: `EU interim narrative ${k.unique()}`, sections: SECTIONS, version: 1 } }),
    });
    add({ method: 'GET', path: '/api/report-templates/:id/versions', target: tpl, success: 200, expected: read, request: async (w) => ({ url: `/api/report-templates/${w.outputs.template[o]}/versions` }) });
    add({
      method: 'GET', path: '/api/report-templates/:id/versions/:version', target: tpl, success: 200, expected: read,
      request: async (w) => ({ url: `/api/report-templates/${w.outputs.template[o]}/versions/1` }),
    });
    const replace = (a: A) => k.gate(readsTemplates(a, o), k.holds(a, ADMINS, CHAIN[`org${o}`]));
    add({ method: 'GET', path: '/api/organisations/:id/logo', target, success: 200, expected: read, request: async (w) => ({ url: `/api/organisations/${w.org[o]}/logo` }) });
    add({
      method: 'PUT', path: '/api/organisations/:id/logo', target, success: 200, expected: replace,
      request: async (w) => ({ url: `/api/organisations/${w.org[o]}/logo`, body: PNG, headers: { 'content-type': 'image/png' } }),
    });
    add({
      method: 'DELETE', path: '/api/organisations/:id/logo', target, success: 204, expected: replace,
      request: async (w) => {
        await ensureLogo(k.db(), w.org[o]);
        return { url: `/api/organisations/${w.org[o]}/logo` };
      },
    });
  }

  // Agreements: read with the project, kept by its managers; the calendar answers everyone.
  for (const p of ['projA', 'projB', 'projShared'] as const) {
    const read = (a: A) => k.gate(k.sees(a, p), true);
    const edit = (a: A) => k.gate(k.sees(a, p), manages(a, p));
    const one = `an agreement of ${LABEL[p]}`;
    const body = (w: W) => ({
      donorOrganisationId: w.outputs.donorId, agreementNumber: `ECHO/${k.unique()}`, title: 'Child protection grant', startDate: '2025-01-01', endDate: '2026-12-31',
      reportFrequency: 'quarter', reportDueDays: 30,
    });
    add({ method: 'GET', path: '/api/projects/:id/agreements', target: LABEL[p], success: 200, expected: read, request: async (w) => ({ url: `/api/projects/${w.proj[p]}/agreements` }) });
    add({ method: 'POST', path: '/api/projects/:id/agreements', target: LABEL[p], success: 201, expected: edit, request: async (w) => ({ url: `/api/projects/${w.proj[p]}/agreements`, body: body(w) }) });
    add({
      method: 'PUT', path: '/api/agreements/:id', target: one, success: 200, expected: edit,
      request: async (w) => ({ url: `/api/agreements/${await insertAgreement(k.db(), w.proj[p], w.outputs.donorId)}`, body: body(w) }),
    });
    add({
      method: 'DELETE', path: '/api/agreements/:id', target: one, success: 204, expected: edit,
      request: async (w) => ({ url: `/api/agreements/${await insertAgreement(k.db(), w.proj[p], w.outputs.donorId)}` }),
    });
  }
  add({ method: 'GET', path: '/api/report-calendar', target: 'all', success: 200, expected: anyone, request: async () => ({ url: '/api/report-calendar?from=2025-01-01&to=2025-12-31' }) });

  // Reports: read by every role but reporters on the scope's chain, made and removed by its managers.
  type ReportScope = 'projA' | 'projShared' | 'progA';
  const reportScopes: readonly ReportScope[] = ['projA', 'projShared', 'progA'];
  const kindOf = (s: Proj | Prog) => (s.startsWith('proj') ? 'project' : 'programme');
  const idOf = (w: W, s: Proj | Prog) => (s.startsWith('proj') ? w.proj[s as Proj] : w.prog[s as Prog]);
  const readsReports = (a: A, s: Proj | Prog) => k.gate(k.sees(a, s), k.holds(a, REPORT_READERS, CHAIN[s]));
  const managesReports = (a: A, s: Proj | Prog) => k.gate(k.sees(a, s), manages(a, s));
  for (const s of [...reportScopes, 'projB'] as const) {
    add({
      method: 'GET', path: '/api/reports', target: LABEL[s], success: 200, expected: (a) => readsReports(a, s),
      request: async (w) => ({ url: `/api/reports?scopeType=${kindOf(s)}&scopeId=${idOf(w, s)}` }),
    });
  }
  // A country is seen by whoever sees one of its projects (all are in Mali); its reports belong to the reader's organisation, A.
  add({
    method: 'GET', path: '/api/reports', target: 'country MLI', success: 200,
    expected: (a) => k.gate(k.sees(a, 'projA') || k.sees(a, 'projShared') || k.sees(a, 'projB'), k.holds(a, REPORT_READERS, CHAIN.orgA)),
    request: async () => ({ url: '/api/reports?scopeType=country&scopeId=MLI' }),
  });
  for (const s of [...reportScopes, 'projB'] as const) {
    add({
      method: 'POST', path: '/api/reports', target: LABEL[s], success: 202, expected: (a) => managesReports(a, s),
      request: async (w) => ({
        url: '/api/reports',
        // B's own project may use only B's templates; the others take A's (the shared project's partner).
        body: { scope: { type: kindOf(s), id: idOf(w, s) }, templateId: w.outputs.template[s === 'projB' ? 'B' : 'A'], periodStart: '2025-04-01', periodEnd: '2025-06-30', language: 'en' },
      }),
    });
  }
  for (const s of reportScopes) {
    const target = `a finished report of ${LABEL[s]}`;
    add({ method: 'GET', path: '/api/reports/:id', target, success: 200, expected: (a) => readsReports(a, s), request: async (w) => ({ url: `/api/reports/${w.outputs.report[s]}` }) });
    add({
      method: 'GET', path: '/api/reports/:id/files/:format', target: `${target}, docx`, success: 200, expected: (a) => readsReports(a, s),
      request: async (w) => ({ url: `/api/reports/${w.outputs.report[s]}/files/docx` }),
    });
    add({ method: 'POST', path: '/api/reports/:id/regenerate', target, success: 202, expected: (a) => managesReports(a, s), request: async (w) => ({ url: `/api/reports/${w.outputs.report[s]}/regenerate` }) });
    add({
      method: 'DELETE', path: '/api/reports/:id', target, success: 204, expected: (a) => managesReports(a, s),
      request: async (w) => {
        const organisationId = s === 'projShared' ? w.org.B : w.org.A;
        return { url: `/api/reports/${await insertReport(k.db(), { scopeType: kindOf(s), scopeId: idOf(w, s), organisationId, templateId: w.outputs.template.A })}` };
      },
    });
  }

  // Jobs: their creator's; installation admins read anyone's; everyone else gets 404.
  const ownJobs = new Map<string, Promise<string>>();
  const ownJob = (w: W, actorName: string) => {
    if (!ownJobs.has(actorName)) ownJobs.set(actorName, insertJob(k.db(), userOf(w, actorName), w.org.A));
    return ownJobs.get(actorName)!;
  };
  const colleagues = (a: A) => k.gate(k.holds(a, ADMINS, ['installation']), true);
  add({ method: 'GET', path: '/api/jobs/:id', target: 'mine', success: 200, expected: anyone, request: async (w, actor) => ({ url: `/api/jobs/${await ownJob(w, actor)}` }) });
  add({ method: 'GET', path: '/api/jobs/:id/file', target: 'mine', success: 200, expected: anyone, request: async (w, actor) => ({ url: `/api/jobs/${await ownJob(w, actor)}/file` }) });
  add({ method: 'GET', path: '/api/jobs/:id', target: "a colleague's in A", success: 200, expected: colleagues, request: async (w) => ({ url: `/api/jobs/${w.outputs.colleaguesJob}` }) });
  add({ method: 'GET', path: '/api/jobs/:id/file', target: "a colleague's in A", success: 200, expected: colleagues, request: async (w) => ({ url: `/api/jobs/${w.outputs.colleaguesJob}/file` }) });

  // Share links: the project's reporting managers make, list and revoke them.
  for (const p of ['projA', 'projB', 'projShared'] as const) {
    const edit = (a: A) => k.gate(k.sees(a, p), manages(a, p));
    add({
      method: 'POST', path: '/api/share-links', target: `live view of ${LABEL[p]}`, success: 201, expected: edit,
      request: async (w) => ({ url: '/api/share-links', body: { kind: 'project', projectId: w.proj[p], expiresInDays: 30, label: 'ECHO desk officer' } }),
    });
    add({ method: 'GET', path: '/api/share-links', target: LABEL[p], success: 200, expected: edit, request: async (w) => ({ url: `/api/share-links?projectId=${w.proj[p]}` }) });
    add({
      method: 'POST', path: '/api/share-links/:id/revoke', target: `a link to ${LABEL[p]}`, success: 200, expected: edit,
      request: async (w) => ({ url: `/api/share-links/${await insertShareLink(k.db(), w.proj[p], w.user.A)}/revoke` }),
    });
  }
  for (const s of ['projA', 'projShared'] as const) {
    add({
      method: 'POST', path: '/api/share-links', target: `a finished report of ${LABEL[s]}`, success: 201, expected: (a) => managesReports(a, s),
      request: async (w) => ({ url: '/api/share-links', body: { kind: 'report', reportId: w.outputs.report[s], expiresInDays: 7, label: 'USAID AOR' } }),
    });
  }

  // API tokens: one's own; installation admins list and revoke anyone's.
  const installationAdmin = (a: A) => k.holds(a, ADMINS, ['installation']);
  add({ method: 'GET', path: '/api/api-tokens', target: 'mine', success: 200, expected: anyone, request: async () => ({ url: '/api/api-tokens' }) });
  add({ method: 'GET', path: '/api/api-tokens', target: "a colleague's in A", success: 200, expected: (a) => k.gate(true, installationAdmin(a)), request: async (w) => ({ url: `/api/api-tokens?userId=${w.user.A}` }) });
  add({ method: 'GET', path: '/api/api-tokens', target: "everyone's", success: 200, expected: (a) => k.gate(true, installationAdmin(a)), request: async () => ({ url: '/api/api-tokens?all=true' }) });
  add({ method: 'POST', path: '/api/api-tokens', target: 'mine', success: 201, expected: anyone, request: async () => ({ url: '/api/api-tokens', body: { name: `Power BI ${k.unique()}`, expiresInDays: 90 } }) });
  add({
    method: 'POST', path: '/api/api-tokens/:id/revoke', target: 'mine', success: 200, expected: anyone,
    request: async (w, actor) => ({ url: `/api/api-tokens/${await insertApiToken(k.db(), userOf(w, actor))}/revoke` }),
  });
  for (const o of ['A', 'B'] as const) {
    add({
      method: 'POST', path: '/api/api-tokens/:id/revoke', target: `a member of ${o}'s`, success: 200, expected: (a) => k.gate(installationAdmin(a), true),
      request: async (w) => ({ url: `/api/api-tokens/${await insertApiToken(k.db(), w.user[o])}/revoke` }),
    });
  }

  // IATI: the project's managers publish it; others who see it get 403.
  const publishes = (p: Proj) => (a: A) => k.gate(k.sees(a, p), manages(a, p));
  for (const p of ['projA', 'projB', 'projShared'] as const) {
    add({ method: 'GET', path: '/api/iati/check', target: LABEL[p], success: 200, expected: publishes(p), request: async (w) => ({ url: `/api/iati/check?projectIds=${w.proj[p]}` }) });
  }
  for (const p of ['projA', 'projShared'] as const) {
    add({
      method: 'GET', path: '/api/iati/activities.xml', target: LABEL[p], success: 200, expected: publishes(p),
      request: async (w) => ({ url: `/api/iati/activities.xml?projectIds=${w.proj[p]}&language=en` }),
    });
  }
  for (const p of ['projA', 'projB'] as const) {
    add({ method: 'GET', path: '/api/projects/:id/iati.xml', target: LABEL[p], success: 200, expected: publishes(p), request: async (w) => ({ url: `/api/projects/${w.proj[p]}/iati.xml?language=en` }) });
  }

  // Open data: a project's values with whoever sees it; the 4W table for everyone, by what each sees.
  for (const p of ['projA', 'projB', 'projShared'] as const) {
    add({ method: 'GET', path: '/api/projects/:id/values.hxl.csv', target: LABEL[p], success: 200, expected: (a) => k.gate(k.sees(a, p), true), request: async (w) => ({ url: `/api/projects/${w.proj[p]}/values.hxl.csv` }) });
  }
  for (const p of ['projShared', 'projB'] as const) {
    add({
      method: 'POST', path: '/api/projects/:id/exports', target: `${LABEL[p]}, xlsx`, success: 202, expected: (a) => k.gate(k.sees(a, p), true),
      request: async (w) => ({ url: `/api/projects/${w.proj[p]}/exports`, body: { format: 'xlsx' } }),
    });
  }
  add({ method: 'GET', path: '/api/open-data/4w.hxl.csv', target: 'all', success: 200, expected: anyone, request: async () => ({ url: '/api/open-data/4w.hxl.csv?country=MLI' }) });
  for (const g of ['progA', 'progShared'] as const) {
    add({
      method: 'GET', path: '/api/open-data/4w.hxl.csv', target: LABEL[g], success: 200, expected: (a) => k.gate(k.sees(a, g), true),
      request: async (w) => ({ url: `/api/open-data/4w.hxl.csv?programmeId=${w.prog[g]}` }),
    });
  }
  return rows;
}
