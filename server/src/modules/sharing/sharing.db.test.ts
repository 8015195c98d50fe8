import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Iptt, IpttRow } from '@shared/schemas/monitoring.js';
import type { CreatedShareLink, SharedView, ShareLink } from '@shared/schemas/sharing.js';
import { addMs, nowIso } from '../../lib/clock.js';
import { newId, sha256 } from '../../lib/ids.js';
import { buildUser } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildIpttWorld, type IpttWorld } from '../analytics/iptt.test-world.js';

const PUBLIC_URL = 'https://fieldbook.example.org';
let t: TestApp;
let w: IpttWorld;
let meOfficer: { id: string };

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: `${PUBLIC_URL}/` });
  w = await buildIpttWorld(t.db);
  meOfficer = await buildUser(t.db, { organisationId: w.org.id, grants: [{ role: 'me_officer', scopeType: 'project', scopeId: w.p1.id }] });
});
afterAll(async () => t.close());

async function share(userId: string, body: Record<string, unknown>, status = 201) {
  const res = await (await t.as(userId)).post('/api/share-links', body);
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as CreatedShareLink;
}
const tokenOf = (link: CreatedShareLink) => link.url.split('/shared/')[1]!;
/** A visitor from an address of its own, so throttling in one test does not reach another. */
const visit = (url: string, remoteAddress = '198.51.100.10') => t.app.inject({ method: 'GET', url, remoteAddress });
const linkRow = (id: string) => t.db.selectFrom('share_links').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** A finished (or not) report of a scope with its DOCX, written as the report job would. */
async function buildReport(o: { scopeType?: string; scopeId?: string; status?: string } = {}) {
  const now = nowIso();
  const templateId = newId();
  await t.db
    .insertInto('report_templates')
    .values({ id: templateId, organisation_id: w.org.id, name: `Quarterly ${templateId}`, description: '', version: 1, archived: 0, created_by: null, created_at: now, updated_at: now })
    .execute();
  const id = newId();
  await t.db
    .insertInto('generated_reports')
    .values({
      id, scope_type: o.scopeType ?? 'project', scope_id: o.scopeId ?? w.p1.id, organisation_id: w.org.id, template_id: templateId, template_version: 1,
      agreement_id: null, period_start: '2025-01-01', period_end: '2025-03-31', language: 'en', title: 'Quarterly report Q1 2025', status: o.status ?? 'done',
      job_id: null, data_json: null, regenerated_from: null, created_by: null, created_at: now, finished_at: now,
    })
    .execute();
  const content = Buffer.from('PK\u0003\u0004 a Word document');
  await t.db
    .insertInto('generated_report_files')
    .values({ report_id: id, format: 'docx', file_name: 'Rapport trimestriel T1 2025.docx', size: content.length, sha256: sha256(content.toString('latin1')), content })
    .execute();
  return { id, content };
}

describe('making and listing share links', () => {
  it('gives the full address once and keeps only the SHA-256 of its token', async () => {
    const link = await share(w.users.manager.id, { kind: 'project', projectId: w.p1.id, label: 'ECHO desk officer' });
    expect(link.url).toMatch(new RegExp(`^${PUBLIC_URL}/shared/[A-Za-z0-9_-]{43}$`));
    expect(link).toMatchObject({ kind: 'project', projectId: w.p1.id, label: 'ECHO desk officer', status: 'active', accessCount: 0, report: null });
    const days = (new Date(link.expiresAt).getTime() - new Date(link.createdAt).getTime()) / 86_400_000;
    expect(days).toBe(30);
    const row = await linkRow(link.id);
    expect(row.token_hash).toBe(sha256(tokenOf(link)));

    const list = (await (await t.as(w.users.manager.id)).get(`/api/share-links?projectId=${w.p1.id}`)).json() as { items: ShareLink[] };
    const listed = list.items.find((x) => x.id === link.id)!;
    expect(listed).toMatchObject({ label: 'ECHO desk officer', createdByName: expect.any(String) as string });
    expect(listed).not.toHaveProperty('url');
    expect(JSON.stringify(list)).not.toContain(tokenOf(link));

    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', link.id).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'share_link.create', actor_user_id: w.users.manager.id, organisation_id: w.org.id });
    expect(audit.after_json).not.toContain(tokenOf(link));
  });

  it("lets the project's M&E officer share, and refuses viewers, partner reporters (403) and outsiders (404)", async () => {
    await share(meOfficer.id, { kind: 'project', projectId: w.p1.id, label: 'Donor field visit', expiresInDays: 7 });
    await share(w.users.viewer.id, { kind: 'project', projectId: w.p1.id, label: 'x' }, 403);
    await share(w.users.partner.id, { kind: 'project', projectId: w.p1.id, label: 'x' }, 403);
    await share(w.users.outsider.id, { kind: 'project', projectId: w.p1.id, label: 'x' }, 404);
    expect((await (await t.as(w.users.viewer.id)).get(`/api/share-links?projectId=${w.p1.id}`)).statusCode).toBe(403);
    expect((await (await t.as(w.users.outsider.id)).get(`/api/share-links?projectId=${w.p1.id}`)).statusCode).toBe(404);
    // The M&E officer of P1 manages nothing on P2.
    await share(meOfficer.id, { kind: 'project', projectId: w.p2.id, label: 'x' }, 404);
  });

  it('refuses an expiry outside 1 to 90 days and a missing label', async () => {
    for (const extra of [{ expiresInDays: 0 }, { expiresInDays: 91 }, { label: '' }]) {
      await share(w.users.manager.id, { kind: 'project', projectId: w.p1.id, label: 'Desk officer', ...extra }, 400);
    }
  });

  it('shares only a finished report of one project', async () => {
    const running = await buildReport({ status: 'running' });
    const res = await (await t.as(w.users.manager.id)).post('/api/share-links', { kind: 'report', reportId: running.id, label: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { details: [{ field: 'body.reportId', reason: 'report_not_ready' }] } });
    const programmeReport = await buildReport({ scopeType: 'programme', scopeId: w.programme.id });
    const res2 = await (await t.as(w.users.manager.id)).post('/api/share-links', { kind: 'report', reportId: programmeReport.id, label: 'x' });
    expect(res2.json()).toMatchObject({ error: { details: [{ reason: 'report_not_of_project' }] } });
    await share(w.users.outsider.id, { kind: 'report', reportId: programmeReport.id, label: 'x' }, 404);
    await share(w.users.manager.id, { kind: 'report', reportId: newId(), label: 'x' }, 404);
  });
});

describe('opening a project link signed out', () => {
  let token: string;
  let link: CreatedShareLink;
  beforeAll(async () => {
    link = await share(w.users.manager.id, { kind: 'project', projectId: w.p1.id, label: 'ECHO desk officer' });
    token = tokenOf(link);
  });

  it("shows the project and its approved IPTT, never a pending value nor another project's rows", async () => {
    const res = await visit(`/api/shared/${token}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const view = res.json() as Extract<SharedView, { kind: 'project' }>;
    expect(view).toMatchObject({ kind: 'project', organisationName: 'Lead organisation', label: 'ECHO desk officer' });
    expect(view.project).toMatchObject({ code: w.p1.code, title: 'Water for Kolwezi' });
    expect(view.project.implementingOrganisations.map((o) => o.name)).toEqual(['Partner organisation']);
    const iptt: Iptt = view.iptt;
    expect(iptt).toMatchObject({ scope: 'project', scopeId: w.p1.id, includesPending: false, canIncludePending: false });
    const i1 = iptt.rows.find((r): r is Extract<IpttRow, { kind: 'indicator' }> => r.kind === 'indicator' && r.indicatorId === w.indicators.i1.id)!;
    // Q3 holds only a pending 10: empty here; the life-of-project actual is the approved 415, not 425.
    expect(i1.periods.map((c) => c.actual?.value ?? null)).toEqual([150, 145, null, 120]);
    expect(i1.lop.actual).toMatchObject({ value: 415, pending: false });
    expect(JSON.stringify(iptt)).not.toContain('"pending":true');
    // Every organisation's approved figures, the partner's included (Q2 = 120 lead + 25 partner).
    expect(i1.periods[1]!.actual!.value).toBe(145);
    const ids = iptt.rows.flatMap((r) => (r.kind === 'indicator' ? [r.indicatorId] : []));
    expect(ids).not.toContain(w.indicators.j1.id);
    expect(iptt.rows.some((r) => r.kind === 'project')).toBe(false);
  });

  it('cannot be turned to pending values or another scope through the query', async () => {
    expect((await visit(`/api/shared/${token}?includePending=true`)).statusCode).toBe(400);
    expect((await visit(`/api/shared/${token}?scope=project&id=${w.p2.id}`)).statusCode).toBe(400);
    const yearly = (await visit(`/api/shared/${token}?granularity=year`)).json() as Extract<SharedView, { kind: 'project' }>;
    expect(yearly.iptt.periods.map((p) => p.key)).toEqual(['2025']);
  });

  it('has no files to download', async () => {
    expect((await visit(`/api/shared/${token}/files/docx`)).statusCode).toBe(404);
  });

  it('counts and audits every access with the address and no user', async () => {
    const before = (await linkRow(link.id)).access_count;
    await visit(`/api/shared/${token}`, '203.0.113.44');
    const row = await linkRow(link.id);
    expect(row.access_count).toBe(before + 1);
    expect(row.last_accessed_at).not.toBeNull();
    const entries = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', link.id).where('action', '=', 'share_link.accessed').execute();
    expect(entries.length).toBe(before + 1);
    expect(entries.find((e) => e.ip === '203.0.113.44')).toMatchObject({ actor_user_id: null, actor_email: null, organisation_id: w.org.id });
  });
});

describe('a report link', () => {
  it('lists the report files and streams them signed out', async () => {
    const report = await buildReport();
    const link = await share(w.users.manager.id, { kind: 'report', reportId: report.id, label: 'EU programme manager' });
    expect(link.report).toMatchObject({ id: report.id, title: 'Quarterly report Q1 2025' });
    const token = tokenOf(link);
    const view = (await visit(`/api/shared/${token}`)).json() as Extract<SharedView, { kind: 'report' }>;
    expect(view).toMatchObject({ kind: 'report', report: { title: 'Quarterly report Q1 2025', periodStart: '2025-01-01', periodEnd: '2025-03-31' } });
    expect(view.files).toEqual([{ format: 'docx', fileName: 'Rapport trimestriel T1 2025.docx', size: report.content.length, downloadUrl: `/api/shared/${token}/files/docx` }]);
    expect(view).not.toHaveProperty('iptt');

    const file = await visit(view.files[0]!.downloadUrl);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file.headers['content-disposition']).toContain("filename*=UTF-8''Rapport%20trimestriel%20T1%202025.docx");
    expect(file.rawPayload.equals(report.content)).toBe(true);
    expect((await visit(`/api/shared/${token}/files/pdf`)).statusCode).toBe(404);

    const row = await linkRow(link.id);
    expect(row.access_count).toBe(2);
    const accessed = await t.db.selectFrom('audit_log').select('after_json').where('entity_id', '=', link.id).where('action', '=', 'share_link.accessed').execute();
    expect(accessed.map((a) => (JSON.parse(a.after_json!) as { file?: string }).file ?? 'view').sort()).toEqual(['docx', 'view']);
  });
});

describe('expired, revoked and unknown links', () => {
  it('answer the same 404 as an unknown token, and the revocation is audited', async () => {
    const revoked = await share(w.users.manager.id, { kind: 'project', projectId: w.p1.id, label: 'Former desk officer' });
    const expired = await share(w.users.manager.id, { kind: 'project', projectId: w.p1.id, label: 'Last year' });
    expect((await visit(`/api/shared/${tokenOf(revoked)}`, '198.51.100.20')).statusCode).toBe(200);

    const res = await (await t.as(meOfficer.id)).post(`/api/share-links/${revoked.id}/revoke`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'revoked', revokedByName: expect.any(String) as string });
    await t.db.updateTable('share_links').set({ expires_at: addMs(nowIso(), -1000) }).where('id', '=', expired.id).execute();

    const bodies = [];
    for (const url of [`/api/shared/${tokenOf(revoked)}`, `/api/shared/${tokenOf(expired)}`, `/api/shared/${'x'.repeat(43)}`, `/api/shared/${tokenOf(revoked)}/files/docx`]) {
      const r = await visit(url, '198.51.100.20');
      expect(r.statusCode, url).toBe(404);
      const { requestId: _r, ...error } = (r.json() as { error: { requestId?: string } }).error;
      bodies.push(error);
    }
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);

    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', revoked.id).where('action', '=', 'share_link.revoke').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_user_id: meOfficer.id });
    // Refused visits are not counted as accesses.
    expect((await linkRow(revoked.id)).access_count).toBe(1);
  });

  it('may be revoked only by managers of the project', async () => {
    const link = await share(w.users.manager.id, { kind: 'project', projectId: w.p1.id, label: 'Board member' });
    expect((await (await t.as(w.users.viewer.id)).post(`/api/share-links/${link.id}/revoke`)).statusCode).toBe(403);
    expect((await (await t.as(w.users.outsider.id)).post(`/api/share-links/${link.id}/revoke`)).statusCode).toBe(404);
    expect((await visit(`/api/shared/${tokenOf(link)}`, '198.51.100.30')).statusCode).toBe(200);
  });

  it('throttles an address that keeps guessing, like sign-in', async () => {
    const link = await share(w.users.manager.id, { kind: 'project', projectId: w.p1.id, label: 'Auditor' });
    const guesser = '192.0.2.99';
    let last = 0;
    for (let i = 0; i < 21; i++) last = (await visit(`/api/shared/guess-${i}`, guesser)).statusCode;
    expect(last).toBe(429);
    expect((await visit(`/api/shared/${tokenOf(link)}`, guesser)).statusCode).toBe(429);
    expect((await visit(`/api/shared/${tokenOf(link)}`, '192.0.2.100')).statusCode).toBe(200);
  });
});
