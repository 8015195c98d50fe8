import type { Role } from '@shared/roles.js';
import {
  AGREEMENT_MAX_DATE,
  AGREEMENT_MIN_DATE,
  type Agreement,
  type AgreementBody,
  type AgreementList,
} from '@shared/schemas/agreements.js';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import { nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { conflict, type DetailInput, forbidden, invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { hasRole, projectChain } from '../access/access.policy.js';
import { recordAudit } from '../audit/audit.repository.js';
import { loadVisibleProject } from '../projects/projects.service.js';
import { todayUtc } from '../reporting/rounds.mapper.js';
import { auditableAgreement, toAgreement } from './agreements.mapper.js';
import * as repo from './agreements.repository.js';

/**
 * A project's funding agreements. Everyone who can see the project reads them (a donor's viewer
 * sees the agreements it is party to); those who run the project's reporting (admin, programme
 * manager, M&E officer on its chain) add, change and delete them.
 */
export const AGREEMENT_MANAGERS: readonly Role[] = ['admin', 'programme_manager', 'me_officer'];

type Body = z.infer<typeof AgreementBody>;

/** The project (404 when the reader cannot see it) and whether the reader manages its agreements. */
async function projectAccess(ctx: Ctx, projectId: string) {
  const project = await loadVisibleProject(ctx, projectId);
  const chain = projectChain({ id: project.id, programmeId: project.programme_id, organisationId: project.organisation_id });
  return { project, canManage: hasRole(ctx.actor, AGREEMENT_MANAGERS, chain) };
}

/** An agreement whose project the reader can see (404 otherwise), with their right to change it. */
async function loadAgreement(ctx: Ctx, id: string) {
  const row = await repo.findAgreement(ctx.db, id);
  if (!row) throw notFound();
  return { row, ...(await projectAccess(ctx, row.project_id)) };
}

const reportsOf = async (db: Database, rows: repo.AgreementRow[]) => {
  const reports = await repo.finishedReports(db, rows);
  return (agreementId: string) => reports.filter((r) => r.agreement_id === agreementId);
};

export async function listAgreements(ctx: Ctx, projectId: string): Promise<AgreementList> {
  const { project, canManage } = await projectAccess(ctx, projectId);
  const rows = await repo.agreementsOfProject(ctx.db, projectId);
  const reports = await reportsOf(ctx.db, rows);
  const today = todayUtc();
  const [donors, templates] = canManage ? await Promise.all([repo.projectDonors(ctx.db, projectId), repo.templatesOf(ctx.db, project.organisation_id)]) : [[], []];
  return { items: rows.map((r) => toAgreement(r, reports(r.id), today)), canManage, options: { donors, templates } };
}

/**
 * For report generation (H1): the agreement with its donor and next report, or undefined.
 * No access check: the caller has already checked the report's project, and must check that the
 * agreement's projectId is that project.
 */
export async function getAgreement(db: Database, id: string): Promise<Agreement | undefined> {
  const row = await repo.findAgreement(db, id);
  if (!row) return undefined;
  return toAgreement(row, (await reportsOf(db, [row]))(row.id), todayUtc());
}

/**
 * Every problem with the body at once, each named by its field. The donor and the template are
 * checked when they are set or changed: an agreement whose donor later left the project stays
 * editable, and says so by keeping its donor.
 */
async function checkBody(ctx: Ctx, projectId: string, ownerId: string, body: Body, before?: repo.AgreementRow): Promise<void> {
  const problems: DetailInput[] = [];
  for (const field of ['startDate', 'endDate'] as const) {
    if (body[field] < AGREEMENT_MIN_DATE || body[field] > AGREEMENT_MAX_DATE) {
      problems.push({ field: `body.${field}`, reason: 'date_out_of_range', params: { min: AGREEMENT_MIN_DATE, max: AGREEMENT_MAX_DATE } });
    }
  }
  if (body.endDate < body.startDate) problems.push({ field: 'body.endDate', reason: 'end_before_start' });

  if (body.donorOrganisationId !== before?.donor_organisation_id) {
    const donors = await repo.projectDonors(ctx.db, projectId);
    if (!donors.some((d) => d.id === body.donorOrganisationId)) {
      const exists = await repo.organisationExists(ctx.db, body.donorOrganisationId);
      problems.push({ field: 'body.donorOrganisationId', reason: exists ? 'not_project_donor' : 'unknown_reference' });
    }
  }
  if (body.templateId && body.templateId !== before?.template_id) {
    const template = await repo.findTemplate(ctx.db, body.templateId);
    if (!template || template.organisation_id !== ownerId) problems.push({ field: 'body.templateId', reason: 'template_not_of_organisation' });
    else if (template.archived) problems.push({ field: 'body.templateId', reason: 'template_archived' });
  }
  if (problems.length) throw invalid(...problems);
  // Two agreements of one project with one number would make report covers ambiguous.
  if (await repo.sameNumber(ctx.db, projectId, body.agreementNumber, before?.id ?? null)) throw conflict('body.agreementNumber');
}

const columns = (body: Body) => ({
  donor_organisation_id: body.donorOrganisationId,
  agreement_number: body.agreementNumber,
  title: body.title,
  start_date: body.startDate,
  end_date: body.endDate,
  report_frequency: body.reportFrequency,
  report_due_days: body.reportDueDays,
  template_id: body.templateId,
  report_language: body.reportLanguage,
});

async function hydrate(ctx: Ctx, id: string): Promise<Agreement> {
  return (await getAgreement(ctx.db, id))!;
}

export async function createAgreement(ctx: Ctx, projectId: string, body: Body): Promise<Agreement> {
  return inTransaction(ctx, async (tx) => {
    const { project, canManage } = await projectAccess(tx, projectId);
    if (!canManage) throw forbidden();
    await checkBody(tx, projectId, project.organisation_id, body);
    const now = nowIso();
    const row = { id: newId(), project_id: projectId, ...columns(body), created_at: now, updated_at: now };
    await repo.insertAgreement(tx.db, row);
    await recordAudit(tx, { action: 'agreement.create', entityType: 'agreement', entityId: row.id, organisationId: project.organisation_id, after: auditableAgreement(row) });
    return hydrate(tx, row.id);
  });
}

export async function updateAgreement(ctx: Ctx, id: string, body: Body): Promise<Agreement> {
  return inTransaction(ctx, async (tx) => {
    const { row: before, project, canManage } = await loadAgreement(tx, id);
    if (!canManage) throw forbidden();
    await checkBody(tx, before.project_id, project.organisation_id, body, before);
    const patch = { ...columns(body), updated_at: nowIso() };
    await repo.updateAgreement(tx.db, id, patch);
    await recordAudit(tx, {
      action: 'agreement.update',
      entityType: 'agreement',
      entityId: id,
      organisationId: project.organisation_id,
      before: auditableAgreement(before),
      after: auditableAgreement({ ...before, ...patch }),
    });
    return hydrate(tx, id);
  });
}

/** Reports generated for the agreement stay in the history; they simply no longer name it. */
export async function deleteAgreement(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { row: before, project, canManage } = await loadAgreement(tx, id);
    if (!canManage) throw forbidden();
    await repo.deleteAgreement(tx.db, id);
    await recordAudit(tx, { action: 'agreement.delete', entityType: 'agreement', entityId: id, organisationId: project.organisation_id, before: auditableAgreement(before) });
  });
}
