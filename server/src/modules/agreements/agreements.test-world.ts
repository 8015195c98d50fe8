import type { Database } from '../../db/database.js';
import { nowIso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { buildOrganisation, buildUser } from '../../test/factories.js';
import { buildReportingWorld } from '../../test/reporting-factories.js';

/** A report template row of an organisation, written straight to the table. */
export async function buildTemplate(db: Database, organisationId: string, o: { name?: string; archived?: boolean } = {}) {
  const now = nowIso();
  const row = {
    id: newId(), organisation_id: organisationId, name: o.name ?? `Template ${newId().slice(0, 8)}`, description: '', version: 1,
    archived: o.archived ? 1 : 0, created_by: null, created_at: now, updated_at: now,
  };
  await db.insertInto('report_templates').values(row).execute();
  return row;
}

/** A generated report row as the report job leaves it, written straight to the table. */
export async function buildGeneratedReport(
  db: Database,
  o: { projectId: string; organisationId: string; templateId: string; agreementId: string | null; periodStart: string; periodEnd: string; status?: string; finishedAt?: string },
) {
  const now = nowIso();
  const row = {
    id: newId(), scope_type: 'project', scope_id: o.projectId, organisation_id: o.organisationId, template_id: o.templateId, template_version: 1,
    agreement_id: o.agreementId, period_start: o.periodStart, period_end: o.periodEnd, language: 'en', title: 'Quarterly report',
    status: o.status ?? 'done', job_id: null, data_json: null, regenerated_from: null, created_by: null, created_at: now,
    finished_at: o.status && o.status !== 'done' ? null : (o.finishedAt ?? now),
  };
  await db.insertInto('generated_reports').values(row).execute();
  return row;
}

/**
 * The reporting world with a donor: the donor organisation funds the project and has a viewer on
 * it; the lead organisation has a report template; another organisation has one too.
 */
export async function buildAgreementWorld(db: Database) {
  const w = await buildReportingWorld(db);
  const donor = await buildOrganisation(db, { type: '10', acronym: 'DNR' });
  await db.insertInto('project_organisations').values({ project_id: w.project.id, organisation_id: donor.id, role: 'donor' }).execute();
  const donorViewer = await buildUser(db, { organisationId: donor.id, grants: [{ role: 'viewer', scopeType: 'project', scopeId: w.project.id }] });
  const template = await buildTemplate(db, w.lead.id, { name: 'Quarterly performance report' });
  const foreignTemplate = await buildTemplate(db, w.other.id);
  return { ...w, donor, template, foreignTemplate, users: { ...w.users, donorViewer } };
}
export type AgreementWorld = Awaited<ReturnType<typeof buildAgreementWorld>>;
