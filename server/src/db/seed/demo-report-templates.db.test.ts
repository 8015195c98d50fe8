import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../lib/context.js';
import { SYSTEM_ACTOR } from '../../modules/access/actor.js';
import { loadOrganisationLogo } from '../../modules/organisations/logo.service.js';
import { loadTemplateVersion } from '../../modules/report-templates/report-templates.load.js';
import { buildOrganisation } from '../../test/factories.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.js';
import { seedReportTemplates } from './demo-report-templates.js';

/** The demo's three donor templates and logo go through the services: valid, versioned and audited. */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe('demo report templates', () => {
  it('seeds the USAID, EU and monthly templates at version 1 and the logo, in one transaction', async () => {
    const db = database.handle.db;
    const org = await buildOrganisation(db);
    const ids = await db.transaction().execute(async (trx) => {
      const ctx: Ctx = { db: trx, actor: { ...SYSTEM_ACTOR, name: 'Demo workspace seed' }, requestId: 'seed-demo', ip: null, locale: 'en' };
      return seedReportTemplates(ctx, org.id);
    });
    expect([...ids.keys()]).toEqual(['USAID quarterly performance report', 'EU interim narrative report', 'Monthly donor update']);
    const usaid = await loadTemplateVersion(db, ids.get('USAID quarterly performance report')!);
    expect(usaid?.version).toBe(1);
    expect(usaid?.sections.map((s) => s.kind)).toEqual([
      'cover', 'executive_summary', 'iptt', 'narrative_by_result', 'disaggregation_tables', 'people_reached', 'budget_vs_actual', 'risks_and_lessons', 'annexes',
    ]);
    expect(usaid?.sections[0]!.text).toContain('United States Agency for International Development');
    const eu = await loadTemplateVersion(db, ids.get('EU interim narrative report')!);
    expect(eu?.sections.find((s) => s.kind === 'narrative_by_result')?.text).toContain('Annex I of the grant contract');
    expect((await loadTemplateVersion(db, ids.get('Monthly donor update')!))?.sections.map((s) => s.kind)).toEqual(['cover', 'executive_summary', 'people_reached', 'iptt']);
    expect(await loadOrganisationLogo(db, org.id)).toMatchObject({ mediaType: 'image/png', width: 360, height: 120 });
    const audit = await db.selectFrom('audit_log').select('action').where('organisation_id', '=', org.id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['organisation.logo_update', 'report_template.create', 'report_template.create', 'report_template.create']);
  });
});
