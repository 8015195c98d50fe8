import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportTemplate, ReportTemplateList, ReportTemplateVersion, ReportTemplateVersionList } from '@shared/schemas/report-templates.js';
import { newId } from '../../lib/ids.js';
import { buildTemplateWorld, sampleSections, type TemplateWorld } from '../../test/report-template-factories.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';
import { loadTemplateVersion } from './report-templates.load.js';

/** Report templates: saving writes versions, stale saves lose, names are unique per organisation, every change audited. */
let t: TestApp;
let w: TemplateWorld;
let me: Agent;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildTemplateWorld(t.db);
  me = await t.as(w.users.me.id);
  admin = await t.as(w.users.admin.id);
});
afterAll(() => t.close());

const put = (agent: Agent, id: string, body: unknown) => agent.request('PUT', `/api/report-templates/${id}`, body);
const create = async (agent: Agent, name: string, over: Record<string, unknown> = {}) => {
  const res = await agent.post('/api/report-templates', { organisationId: w.lead.id, name, description: 'For the quarterly donor report.', sections: sampleSections(), ...over });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as ReportTemplate;
};
const auditOf = (entityId: string) =>
  t.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'report_template').where('entity_id', '=', entityId).orderBy('at').execute();
const reasons = (res: { json(): unknown }) =>
  ((res.json() as { error: { details?: { field?: string; reason: string }[] } }).error.details ?? []).map((d) => `${d.field}:${d.reason}`);

describe('report templates', () => {
  it('creates a template at version 1 and each save writes the next version, older versions still readable', async () => {
    const created = await create(me, 'USAID quarterly');
    expect(created).toMatchObject({ organisationId: w.lead.id, name: 'USAID quarterly', version: 1, archived: false, canEdit: true });
    expect(created.sections.map((s) => s.key)).toEqual(['cover', 'summary', 'iptt', 'annexes']);

    const reordered = [created.sections[0]!, created.sections[2]!, { ...created.sections[1]!, title: 'Summary of the quarter' }];
    const saved = await put(admin, created.id, { name: 'USAID quarterly performance', description: '', sections: reordered, version: 1 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, name: 'USAID quarterly performance', description: '' });
    expect((saved.json() as ReportTemplate).sections.map((s) => s.title)).toEqual(['Cover', 'Indicator performance tracking table', 'Summary of the quarter']);

    const versions = (await me.get(`/api/report-templates/${created.id}/versions`)).json() as ReportTemplateVersionList;
    expect(versions.items.map((v) => [v.version, v.name, v.sectionCount, v.createdByName])).toEqual([
      [2, 'USAID quarterly performance', 3, w.users.admin.name],
      [1, 'USAID quarterly', 4, w.users.me.name],
    ]);
    const first = await me.get(`/api/report-templates/${created.id}/versions/1`);
    expect(first.statusCode).toBe(200);
    expect((first.json() as ReportTemplateVersion).sections).toEqual(sampleSections());
    expect((await me.get(`/api/report-templates/${created.id}/versions/3`)).statusCode).toBe(404);
    expect((await me.get(`/api/report-templates/${created.id}`)).json()).toMatchObject({ version: 2, name: 'USAID quarterly performance' });

    // The helper report generation uses: the current version, or the one a report was made with.
    expect(await loadTemplateVersion(t.db, created.id)).toEqual({
      template: { id: created.id, organisationId: w.lead.id, name: 'USAID quarterly performance' },
      version: 2,
      sections: reordered,
    });
    expect(await loadTemplateVersion(t.db, created.id, 1)).toMatchObject({ version: 1, template: { name: 'USAID quarterly' }, sections: sampleSections() });
    expect(await loadTemplateVersion(t.db, created.id, 9)).toBeNull();
    expect(await loadTemplateVersion(t.db, newId())).toBeNull();
  });

  it('answers 409 stale_version to a save from an older version, and lets only one of two simultaneous saves win', async () => {
    const created = await create(me, 'EU interim narrative');
    const body = { name: 'EU interim narrative', description: '', sections: sampleSections() };
    expect((await put(me, created.id, { ...body, version: 1 })).statusCode).toBe(200);
    const stale = await put(admin, created.id, { ...body, name: 'Overwritten', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'conflict', details: [{ field: 'version', reason: 'stale_version', params: { current: 2 } }] } });

    const both = await Promise.all([put(me, created.id, { ...body, version: 2 }), put(admin, created.id, { ...body, version: 2 })]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const versions = (await me.get(`/api/report-templates/${created.id}/versions`)).json() as ReportTemplateVersionList;
    expect(versions.items.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(await t.db.selectFrom('report_templates').select('name').where('id', '=', created.id).executeTakeFirst()).toEqual({ name: 'EU interim narrative' });
  });

  it('refuses a second template with the same name in the organisation (any case), naming the field', async () => {
    const first = await create(me, 'Monthly donor update');
    const again = await me.post('/api/report-templates', { organisationId: w.lead.id, name: 'monthly DONOR update', sections: sampleSections() });
    expect(again.statusCode).toBe(409);
    expect(reasons(again)).toEqual(['name:template_name_taken']);
    expect((again.json() as { error: { details: { message: string }[] } }).error.details[0]!.message).toContain('monthly DONOR update');

    const second = await create(me, 'Monthly update (short)');
    const rename = await put(me, second.id, { name: 'Monthly donor update', description: '', sections: sampleSections(), version: 1 });
    expect(rename.statusCode).toBe(409);
    expect(reasons(rename)).toEqual(['name:template_name_taken']);
    // Saving a template under its own name is no conflict, and another organisation may use the name.
    expect((await put(me, first.id, { name: 'Monthly donor update', description: 'x', sections: sampleSections(), version: 1 })).statusCode).toBe(200);
    const outsider = await t.as(w.users.outsider.id);
    expect((await outsider.post('/api/report-templates', { organisationId: w.other.id, name: 'Monthly donor update', sections: sampleSections() })).statusCode).toBe(201);
  });

  it('checks sections: at least one, known kinds, keys unique (pointing at the repeat)', async () => {
    const post = (sections: unknown) => me.post('/api/report-templates', { organisationId: w.lead.id, name: `Checked ${newId()}`, sections });
    expect(reasons(await post([]))).toEqual(['body.sections:too_small']);
    expect(reasons(await post([{ key: 'x', kind: 'horoscope', title: 'Stars', enabled: true }]))).toEqual(['body.sections.0.kind:invalid_value']);
    const twice = [sampleSections()[0], { ...sampleSections()[1], key: 'cover' }];
    const dup = await post(twice);
    expect(dup.statusCode).toBe(400);
    expect(reasons(dup)).toEqual(['body.sections.1.key:invalid_value']);
    expect(reasons(await post([{ key: 'Cover Page', kind: 'cover', title: 'Cover', enabled: true }]))).toEqual(['body.sections.0.key:pattern_mismatch']);
    expect(reasons(await post([{ key: 'c', kind: 'cover', title: '  ', enabled: true }]))).toEqual(['body.sections.0.title:required']);
    expect(reasons(await post([{ key: 'c', kind: 'cover', title: 'Cover', enabled: true, titles: { de: 'Deckblatt' } }]))).toEqual(['body.sections.0.titles.de:unknown_field']);
  });

  it('keeps a section’s titles and fixed text in other languages through a save', async () => {
    const created = await create(me, 'EU interim narrative (translated)');
    const sections = sampleSections().map((s, i) => (i === 1 ? { ...s, titles: { fr: 'Résumé analytique', ar: 'الملخص التنفيذي' }, texts: { fr: 'Texte exigé par le bailleur.' } } : s));
    const saved = await put(me, created.id, { name: created.name, description: '', sections, version: 1 });
    expect(saved.statusCode, saved.body).toBe(200);
    const read = (await me.get(`/api/report-templates/${created.id}`)).json() as { sections: { titles?: Record<string, string>; texts?: Record<string, string> }[] };
    expect(read.sections[1]).toMatchObject({ titles: { fr: 'Résumé analytique', ar: 'الملخص التنفيذي' }, texts: { fr: 'Texte exigé par le bailleur.' } });
    expect(read.sections[0]!.titles).toBeUndefined();
  });

  it('archives and restores through a save, archived ones listed only when asked, each change audited', async () => {
    const created = await create(me, 'Archived layout');
    const body = { name: 'Archived layout', description: '', sections: sampleSections() };
    const archived = await put(me, created.id, { ...body, version: 1, archived: true });
    expect(archived.json()).toMatchObject({ archived: true, version: 2 });
    const listed = async (query: string) => ((await me.get(`/api/report-templates?organisationId=${w.lead.id}${query}`)).json() as ReportTemplateList).items.map((i) => i.id);
    expect(await listed('')).not.toContain(created.id);
    expect(await listed('&includeArchived=true')).toContain(created.id);
    // A save that leaves `archived` out keeps it as it is.
    expect((await put(me, created.id, { ...body, description: 'Old USAID layout', version: 2 })).json()).toMatchObject({ archived: true, version: 3 });
    expect((await put(me, created.id, { ...body, version: 3, archived: false })).json()).toMatchObject({ archived: false, version: 4 });
    expect(await listed('')).toContain(created.id);

    const audit = await auditOf(created.id);
    expect(audit.map((a) => a.action)).toEqual([
      'report_template.create',
      'report_template.archive',
      'report_template.update',
      'report_template.unarchive',
    ]);
    expect(audit.every((a) => a.actor_user_id === w.users.me.id && a.organisation_id === w.lead.id)).toBe(true);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ name: 'Archived layout', version: 1, sections: [{ key: 'cover', kind: 'cover', enabled: true }, {}, {}, {}] });
    expect(JSON.parse(audit[2]!.before_json!)).toMatchObject({ description: '', version: 2, archived: true });
    expect(JSON.parse(audit[2]!.after_json!)).toMatchObject({ description: 'Old USAID layout', version: 3 });
  });

  it('lists, by organisation, the templates of the organisations the reader may read, with their section counts and who may edit', async () => {
    await create(me, 'Listed with counts');
    const list = (await me.get('/api/report-templates')).json() as ReportTemplateList;
    expect(list.organisations).toEqual([{ id: w.lead.id, name: w.lead.name, acronym: null, canEdit: true }]);
    expect(list.items.find((i) => i.name === 'Listed with counts')).toMatchObject({ sectionCount: 4, version: 1, canEdit: true });
    expect(list.items.every((i) => i.organisationId === w.lead.id)).toBe(true);
    const reporter = (await (await t.as(w.users.reporter.id)).get('/api/report-templates')).json() as ReportTemplateList;
    expect(reporter.organisations).toEqual([{ id: w.lead.id, name: w.lead.name, acronym: null, canEdit: false }]);
    expect(reporter.items.every((i) => !i.canEdit)).toBe(true);
    const partner = (await (await t.as(w.users.partner.id)).get('/api/report-templates')).json() as ReportTemplateList;
    expect(partner.organisations.map((o) => o.id)).toEqual([w.partner.id]);
    expect(partner.items).toEqual([]);
    expect((await me.get(`/api/report-templates?organisationId=${newId()}`)).statusCode).toBe(404);
  });
});
