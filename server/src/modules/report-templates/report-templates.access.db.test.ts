import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportTemplate } from '@shared/schemas/report-templates.js';
import { buildTemplateWorld, sampleSections, type TemplateWorld } from '../../test/report-template-factories.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';
import { makePng } from '../organisations/logo.test-images.js';

/**
 * Who may do what with the lead organisation's templates and logo, one row per kind of person.
 * Read: its people and those managing its projects; write: its admins, programme managers and M&E
 * officers; logo: its admins. Anyone who may not read gets 404, so ids cannot be probed.
 */
type Who = keyof TemplateWorld['users'];
const MATRIX: Record<Who, { read: number; write: number; logoRead: number; logoWrite: number }> = {
  installationAdmin: { read: 200, write: 200, logoRead: 200, logoWrite: 200 },
  admin: { read: 200, write: 200, logoRead: 200, logoWrite: 200 },
  pm: { read: 200, write: 200, logoRead: 200, logoWrite: 403 },
  me: { read: 200, write: 200, logoRead: 200, logoWrite: 403 },
  reporter: { read: 200, write: 403, logoRead: 200, logoWrite: 403 },
  viewer: { read: 200, write: 403, logoRead: 200, logoWrite: 403 },
  projectManager: { read: 200, write: 403, logoRead: 200, logoWrite: 403 },
  partner: { read: 404, write: 404, logoRead: 404, logoWrite: 404 },
  donorViewer: { read: 404, write: 404, logoRead: 404, logoWrite: 404 },
  outsider: { read: 404, write: 404, logoRead: 404, logoWrite: 404 },
};

let t: TestApp;
let w: TemplateWorld;
let template: ReportTemplate;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildTemplateWorld(t.db);
  const admin = await t.as(w.users.admin.id);
  template = (await admin.post('/api/report-templates', { organisationId: w.lead.id, name: 'Matrix', sections: sampleSections() })).json() as ReportTemplate;
  expect((await admin.request('PUT', `/api/organisations/${w.lead.id}/logo`, makePng(40, 20), { 'content-type': 'image/png' })).statusCode).toBe(200);
});
afterAll(() => t.close());

const currentVersion = async () => (await t.db.selectFrom('report_templates').select('version').where('id', '=', template.id).executeTakeFirstOrThrow()).version;
const asRead = (status: number) => (status === 201 ? 200 : status);

describe('report template and logo access', () => {
  for (const [who, expected] of Object.entries(MATRIX) as [Who, (typeof MATRIX)[Who]][]) {
    it(`${who}: read ${expected.read}, write ${expected.write}, logo ${expected.logoRead}/${expected.logoWrite}`, async () => {
      const agent: Agent = await t.as(w.users[who].id);
      const base = `/api/report-templates/${template.id}`;
      const reads = [
        (await agent.get(`/api/report-templates?organisationId=${w.lead.id}`)).statusCode,
        (await agent.get(base)).statusCode,
        (await agent.get(`${base}/versions`)).statusCode,
        (await agent.get(`${base}/versions/1`)).statusCode,
      ];
      expect(reads).toEqual([expected.read, expected.read, expected.read, expected.read]);

      const created = await agent.post('/api/report-templates', { organisationId: w.lead.id, name: `By ${who}`, sections: sampleSections() });
      const saved = await agent.request('PUT', base, { name: 'Matrix', description: who, sections: sampleSections(), version: await currentVersion() });
      expect([asRead(created.statusCode), saved.statusCode]).toEqual([expected.write, expected.write]);

      expect((await agent.get(`/api/organisations/${w.lead.id}/logo`)).statusCode).toBe(expected.logoRead);
      const logo = await agent.request('PUT', `/api/organisations/${w.lead.id}/logo`, makePng(40, 20), { 'content-type': 'image/png' });
      expect(logo.statusCode).toBe(expected.logoWrite);
    });
  }

  it('names no template of the lead organisation to those who may not read them, in the unfiltered list either', async () => {
    for (const who of ['partner', 'donorViewer', 'outsider'] as const) {
      const res = await (await t.as(w.users[who].id)).get('/api/report-templates?includeArchived=true');
      expect(res.statusCode).toBe(200);
      const body = res.json() as { items: { organisationId: string }[]; organisations: { id: string }[] };
      expect(body.items.some((i) => i.organisationId === w.lead.id)).toBe(false);
      expect(body.organisations.some((o) => o.id === w.lead.id)).toBe(false);
    }
  });

  it('refuses every route to someone signed out', async () => {
    const anonymous = t.anonymous();
    expect((await anonymous.get('/api/report-templates')).statusCode).toBe(401);
    expect((await anonymous.get(`/api/report-templates/${template.id}`)).statusCode).toBe(401);
    expect((await anonymous.get(`/api/organisations/${w.lead.id}/logo`)).statusCode).toBe(401);
  });
});
