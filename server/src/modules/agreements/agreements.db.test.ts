import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agreement, AgreementList } from '@shared/schemas/agreements.js';
import { newId } from '../../lib/ids.js';
import { buildOrganisation, buildProgramme, buildProject, buildUser } from '../../test/factories.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';
import { getAgreement } from './agreements.service.js';
import { type AgreementWorld, buildAgreementWorld, buildGeneratedReport, buildTemplate } from './agreements.test-world.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const as = (w: AgreementWorld, who: keyof AgreementWorld['users']): Promise<Agent> => t.as(w.users[who].id);
const fields = (res: { json(): unknown }) => (res.json() as { error: { details?: { field?: string; reason: string }[] } }).error.details?.map((d) => `${d.field}:${d.reason}`);
const put = (agent: Agent, id: string, body: unknown) => agent.request('PUT', `/api/agreements/${id}`, body);

const usaid = (w: AgreementWorld, over: Record<string, unknown> = {}) => ({
  donorOrganisationId: w.donor.id,
  agreementNumber: '72068823CA00012',
  title: 'Focal cities cooperative agreement',
  startDate: '2024-01-01',
  endDate: '2024-12-31',
  reportFrequency: 'quarter',
  reportDueDays: 30,
  templateId: w.template.id,
  reportLanguage: 'fr',
  ...over,
});

async function created(w: AgreementWorld, over: Record<string, unknown> = {}): Promise<Agreement> {
  const res = await (await as(w, 'manager')).post(`/api/projects/${w.project.id}/agreements`, usaid(w, over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Agreement;
}

describe('agreements of a project', () => {
  it('creates an agreement with its donor, template and report schedule, audited', async () => {
    const w = await buildAgreementWorld(t.db);
    const a = await created(w);
    expect(a).toMatchObject({
      projectId: w.project.id,
      donor: { id: w.donor.id, name: w.donor.name, acronym: 'DNR' },
      agreementNumber: '72068823CA00012',
      startDate: '2024-01-01',
      endDate: '2024-12-31',
      reportFrequency: 'quarter',
      reportDueDays: 30,
      templateId: w.template.id,
      templateName: 'Quarterly performance report',
      reportLanguage: 'fr',
      // Every 2024 quarter is long past due: the first one comes next.
      nextReport: { periodKey: '2024-Q1', periodStart: '2024-01-01', periodEnd: '2024-03-31', dueDate: '2024-04-30', status: 'overdue', report: null },
      overdueCount: 4,
    });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', a.id).execute();
    expect(audit.map((e) => [e.action, e.organisation_id])).toEqual([['agreement.create', w.lead.id]]);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ donorOrganisationId: w.donor.id, agreementNumber: '72068823CA00012', reportFrequency: 'quarter' });
  });

  it('lists the agreements to everyone who sees the project, with the form options for managers only', async () => {
    const w = await buildAgreementWorld(t.db);
    const a = await created(w);
    const managerView = (await (await as(w, 'manager')).get(`/api/projects/${w.project.id}/agreements`)).json() as AgreementList;
    expect(managerView.canManage).toBe(true);
    expect(managerView.items.map((i) => i.id)).toEqual([a.id]);
    expect(managerView.options.donors.map((d) => d.id)).toEqual([w.donor.id]);
    // The lead organisation's template only, not the other organisation's.
    expect(managerView.options.templates).toEqual([{ id: w.template.id, name: 'Quarterly performance report' }]);
    for (const who of ['viewer', 'donorViewer', 'leadReporter', 'partnerReporter'] as const) {
      const res = await (await as(w, who)).get(`/api/projects/${w.project.id}/agreements`);
      expect({ who, status: res.statusCode }).toEqual({ who, status: 200 });
      const list = res.json() as AgreementList;
      expect({ who, ids: list.items.map((i) => i.id), canManage: list.canManage, options: list.options }).toEqual({
        who, ids: [a.id], canManage: false, options: { donors: [], templates: [] },
      });
    }
  });

  it('works out the periods in the fiscal year of the organisation that owns the project', async () => {
    const w = await buildAgreementWorld(t.db);
    await t.db.updateTable('organisations').set({ fiscal_year_start_month: 10 }).where('id', '=', w.lead.id).execute();
    const a = await created(w, { startDate: '2024-11-15', endDate: '2025-09-30', reportDueDays: 45 });
    expect(a.nextReport).toMatchObject({ periodKey: 'FY2025-Q1', periodStart: '2024-11-15', periodEnd: '2024-12-31', dueDate: '2025-02-14' });
    expect(a.overdueCount).toBe(4);
  });

  it('counts a finished report covering the period as submitted, and skips failed ones and other projects', async () => {
    const w = await buildAgreementWorld(t.db);
    const a = await created(w);
    const report = { projectId: w.project.id, organisationId: w.lead.id, templateId: w.template.id, agreementId: a.id };
    // A semester report covers Q1 and Q2; a failed Q3 report does not count; nor does a report filed under another project.
    await buildGeneratedReport(t.db, { ...report, periodStart: '2024-01-01', periodEnd: '2024-06-30', finishedAt: '2024-07-20T10:00:00.000Z' });
    await buildGeneratedReport(t.db, { ...report, periodStart: '2024-07-01', periodEnd: '2024-09-30', status: 'failed' });
    const elsewhere = await buildProject(t.db, { programmeId: w.programme.id, leadOrganisationId: w.lead.id });
    await buildGeneratedReport(t.db, { ...report, projectId: elsewhere.id, periodStart: '2024-07-01', periodEnd: '2024-09-30' });
    const [listed] = ((await (await as(w, 'viewer')).get(`/api/projects/${w.project.id}/agreements`)).json() as AgreementList).items;
    expect(listed).toMatchObject({ nextReport: { periodKey: '2024-Q3', status: 'overdue' }, overdueCount: 2 });
    expect(await getAgreement(t.db, a.id)).toMatchObject({ id: a.id, agreementNumber: '72068823CA00012', donor: { id: w.donor.id }, overdueCount: 2 });
    expect(await getAgreement(t.db, w.project.id)).toBeUndefined();
  });

  it('updates every field, audited with before and after', async () => {
    const w = await buildAgreementWorld(t.db);
    const a = await created(w);
    const res = await put(await as(w, 'manager'), a.id, usaid(w, { agreementNumber: '72068823CA00012-M1', reportFrequency: 'semester', reportDueDays: 60, templateId: null, endDate: '2025-06-30', reportLanguage: 'en' }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ agreementNumber: '72068823CA00012-M1', reportFrequency: 'semester', reportDueDays: 60, templateId: null, templateName: null, endDate: '2025-06-30', reportLanguage: 'en' });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', a.id).where('action', '=', 'agreement.update').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json!)).toMatchObject({ reportFrequency: 'quarter', templateId: w.template.id });
    expect(JSON.parse(audit.after_json!)).toMatchObject({ reportFrequency: 'semester', templateId: null });
  });

  it('deletes an agreement, audited; its reports stay without it', async () => {
    const w = await buildAgreementWorld(t.db);
    const a = await created(w);
    const report = await buildGeneratedReport(t.db, { projectId: w.project.id, organisationId: w.lead.id, templateId: w.template.id, agreementId: a.id, periodStart: '2024-01-01', periodEnd: '2024-03-31' });
    const res = await (await as(w, 'manager')).delete(`/api/agreements/${a.id}`);
    expect(res.statusCode, res.body).toBe(204);
    expect(await t.db.selectFrom('agreements').select('id').where('id', '=', a.id).execute()).toEqual([]);
    expect((await t.db.selectFrom('generated_reports').select('agreement_id').where('id', '=', report.id).executeTakeFirstOrThrow()).agreement_id).toBeNull();
    const audit = await t.db.selectFrom('audit_log').select(['action', 'before_json']).where('entity_id', '=', a.id).where('action', '=', 'agreement.delete').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json!)).toMatchObject({ agreementNumber: '72068823CA00012' });
    expect((await (await as(w, 'manager')).delete(`/api/agreements/${a.id}`)).statusCode).toBe(404);
  });
});

describe('agreement validation', () => {
  it('names every field that is wrong', async () => {
    const w = await buildAgreementWorld(t.db);
    const manager = await as(w, 'manager');
    const url = `/api/projects/${w.project.id}/agreements`;
    const shape = await manager.post(url, usaid(w, { agreementNumber: '  ', reportFrequency: 'week', reportDueDays: 181, startDate: '2024-02-30', reportLanguage: 'de' }));
    expect(shape.statusCode).toBe(400);
    expect(fields(shape)?.sort()).toEqual(['body.agreementNumber:required', 'body.reportDueDays:too_big', 'body.reportFrequency:invalid_value', 'body.reportLanguage:invalid_value', 'body.startDate:invalid_date']);

    const dates = await manager.post(url, usaid(w, { startDate: '1999-12-31', endDate: '2100-01-01' }));
    expect(fields(dates)).toEqual(['body.startDate:date_out_of_range', 'body.endDate:date_out_of_range']);
    expect(fields(await manager.post(url, usaid(w, { startDate: '2025-01-01', endDate: '2024-12-31' })))).toEqual(['body.endDate:end_before_start']);

    const archived = await buildTemplate(t.db, w.lead.id, { archived: true });
    expect(fields(await manager.post(url, usaid(w, { templateId: w.foreignTemplate.id })))).toEqual(['body.templateId:template_not_of_organisation']);
    expect(fields(await manager.post(url, usaid(w, { templateId: archived.id })))).toEqual(['body.templateId:template_archived']);
    expect(fields(await manager.post(url, usaid(w, { templateId: w.project.id })))).toEqual(['body.templateId:template_not_of_organisation']);
    expect(await t.db.selectFrom('agreements').select('id').where('project_id', '=', w.project.id).execute()).toEqual([]);
  });

  it('takes only a donor of the project, saying so in the reader language', async () => {
    const w = await buildAgreementWorld(t.db);
    const manager = await as(w, 'manager');
    const url = `/api/projects/${w.project.id}/agreements`;
    // The implementing partner exists but does not fund the project.
    const partner = await manager.post(url, usaid(w, { donorOrganisationId: w.partner.id }), { 'accept-language': 'fr' });
    expect(partner.statusCode).toBe(400);
    expect(fields(partner)).toEqual(['body.donorOrganisationId:not_project_donor']);
    expect((partner.json() as { error: { details: { message: string }[] } }).error.details[0]!.message).toContain("n'est pas bailleur du projet");
    expect(fields(await manager.post(url, usaid(w, { donorOrganisationId: newId() })))).toEqual(['body.donorOrganisationId:unknown_reference']);
  });

  it('keeps an agreement editable when its donor has left the project, but refuses to switch to a non-donor', async () => {
    const w = await buildAgreementWorld(t.db);
    const a = await created(w);
    await t.db.deleteFrom('project_organisations').where('project_id', '=', w.project.id).where('organisation_id', '=', w.donor.id).execute();
    const manager = await as(w, 'manager');
    expect((await put(manager, a.id, usaid(w, { title: 'Extended' }))).statusCode).toBe(200);
    expect(fields(await put(manager, a.id, usaid(w, { donorOrganisationId: w.partner.id })))).toEqual(['body.donorOrganisationId:not_project_donor']);
  });

  it('refuses a second agreement with the same number on the project (409), but not on another project', async () => {
    const w = await buildAgreementWorld(t.db);
    const a = await created(w);
    const again = await (await as(w, 'manager')).post(`/api/projects/${w.project.id}/agreements`, usaid(w));
    expect(again.statusCode).toBe(409);
    expect(fields(again)).toEqual(['body.agreementNumber:duplicate']);
    // Saving an agreement under its own number is no clash.
    expect((await put(await as(w, 'manager'), a.id, usaid(w, { reportDueDays: 20 }))).statusCode).toBe(200);
    const other = await buildAgreementWorld(t.db);
    expect((await (await as(other, 'manager')).post(`/api/projects/${other.project.id}/agreements`, usaid(other))).statusCode).toBe(201);
  });
});

describe('who may change agreements', () => {
  it('lets admins, programme managers and M&E officers on the chain write; others who see the project get 403', async () => {
    const w = await buildAgreementWorld(t.db);
    const url = `/api/projects/${w.project.id}/agreements`;
    const onProgramme = await buildUser(t.db, { organisationId: w.lead.id, grants: [{ role: 'programme_manager', scopeType: 'programme', scopeId: w.programme.id }] });
    const orgAdmin = await buildUser(t.db, { organisationId: w.lead.id, grants: [{ role: 'admin', scopeType: 'organisation', scopeId: w.lead.id }] });
    let n = 0;
    for (const id of [onProgramme.id, orgAdmin.id]) {
      expect((await (await t.as(id)).post(url, usaid(w, { agreementNumber: `NFCC-2024-0${++n}` }))).statusCode).toBe(201);
    }
    const a = await created(w);
    for (const who of ['viewer', 'donorViewer', 'leadReporter', 'partnerReporter'] as const) {
      const agent = await as(w, who);
      const codes = [
        (await agent.post(url, usaid(w, { agreementNumber: 'X-1' }))).statusCode,
        (await put(agent, a.id, usaid(w))).statusCode,
        (await agent.delete(`/api/agreements/${a.id}`)).statusCode,
      ];
      expect({ who, codes }).toEqual({ who, codes: [403, 403, 403] });
    }
  });

  it('answers 404 to someone from another organisation, for reading and writing alike', async () => {
    const w = await buildAgreementWorld(t.db);
    const a = await created(w);
    const stranger = await t.as((await buildUser(t.db, { organisationId: (await buildOrganisation(t.db)).id, grants: [] })).id);
    const otherOrg = await buildOrganisation(t.db);
    const otherAdmin = await t.as((await buildUser(t.db, { organisationId: otherOrg.id, grants: [{ role: 'admin', scopeType: 'organisation', scopeId: otherOrg.id }] })).id);
    for (const agent of [stranger, otherAdmin]) {
      expect((await agent.get(`/api/projects/${w.project.id}/agreements`)).statusCode).toBe(404);
      expect((await agent.post(`/api/projects/${w.project.id}/agreements`, usaid(w, { agreementNumber: 'X-2' }))).statusCode).toBe(404);
      expect((await put(agent, a.id, usaid(w))).statusCode).toBe(404);
      expect((await agent.delete(`/api/agreements/${a.id}`)).statusCode).toBe(404);
    }
    // The other organisation's own projects are not this one.
    const theirs = await buildProject(t.db, { programmeId: (await buildProgramme(t.db, { organisationId: otherOrg.id })).id, leadOrganisationId: otherOrg.id });
    expect((await otherAdmin.get(`/api/projects/${theirs.id}/agreements`)).statusCode).toBe(200);
  });

  it('needs a session', async () => {
    const w = await buildAgreementWorld(t.db);
    expect((await t.anonymous().get(`/api/projects/${w.project.id}/agreements`)).statusCode).toBe(401);
    expect((await t.anonymous().get('/api/report-calendar?from=2026-01-01&to=2026-03-31')).statusCode).toBe(401);
  });
});
