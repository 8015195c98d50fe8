import type { z } from 'zod';
import type {
  ListReportTemplatesQuery,
  ReportTemplate,
  ReportTemplateInput,
  ReportTemplateList,
  ReportTemplateUpdate,
  ReportTemplateVersion,
  ReportTemplateVersionList,
} from '@shared/schemas/report-templates.js';
import { nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { authorise } from '../access/access.policy.js';
import { recordAudit } from '../audit/audit.repository.js';
import { editableTemplateOrganisations, mayEditTemplates, mayReadTemplates, readableTemplateOrganisations } from './report-templates.access.js';
import { auditableTemplate, parseSections, toSummary, toTemplate, toVersion } from './report-templates.mapper.js';
import * as repo from './report-templates.repository.js';

/**
 * Donor report templates. Every save writes a new version row and moves the template to it, so a
 * generated report names the exact layout it used; a save names the version it edited and loses
 * (409 stale_version) when someone saved in between.
 */

const staleVersion = (current: number) => new AppError('conflict', [{ field: 'version', reason: 'stale_version', params: { current } }]);
const nameTaken = (name: string) => new AppError('conflict', [{ field: 'name', reason: 'template_name_taken', params: { name } }]);

export async function listTemplates(ctx: Ctx, query: z.infer<typeof ListReportTemplatesQuery>): Promise<ReportTemplateList> {
  const readable = await readableTemplateOrganisations(ctx.db, ctx.actor);
  if (query.organisationId && readable && !readable.includes(query.organisationId)) throw notFound();
  const scope = query.organisationId ? [query.organisationId] : readable;
  const organisations = await repo.organisationsByIds(ctx.db, scope);
  if (query.organisationId && !organisations.length) throw notFound();
  const editable = await editableTemplateOrganisations(ctx.db, ctx.actor, organisations.map((o) => o.id));
  const rows = await repo.listTemplates(ctx.db, scope, query.includeArchived);
  return {
    items: rows.map((r) => toSummary(r, editable.has(r.organisation_id))),
    organisations: organisations.map((o) => ({ id: o.id, name: o.name, acronym: o.acronym, canEdit: editable.has(o.id) })),
  };
}

/** The template if the reader may read it (404 otherwise, so ids cannot be probed). */
async function readable(ctx: Ctx, id: string): Promise<repo.TemplateWithSections> {
  const row = await repo.findTemplate(ctx.db, id);
  authorise(!!row && (await mayReadTemplates(ctx.db, ctx.actor, row.organisation_id)), true);
  return row!;
}

export async function getTemplate(ctx: Ctx, id: string): Promise<ReportTemplate> {
  const row = await readable(ctx, id);
  return toTemplate(row, await mayEditTemplates(ctx.db, ctx.actor, row.organisation_id));
}

export async function createTemplate(ctx: Ctx, body: ReportTemplateInput): Promise<ReportTemplate> {
  const exists = (await repo.organisationsByIds(ctx.db, [body.organisationId])).length > 0;
  authorise(exists && (await mayReadTemplates(ctx.db, ctx.actor, body.organisationId)), await mayEditTemplates(ctx.db, ctx.actor, body.organisationId));
  return inTransaction(ctx, async (tx) => {
    if (await repo.findTemplateByName(tx.db, body.organisationId, body.name)) throw nameTaken(body.name);
    const now = nowIso();
    const row = {
      id: newId(),
      organisation_id: body.organisationId,
      name: body.name,
      description: body.description,
      version: 1,
      archived: 0,
      created_by: authorOf(ctx),
      created_at: now,
      updated_at: now,
    };
    const sections_json = JSON.stringify(body.sections);
    await repo.insertTemplate(tx.db, row);
    await repo.insertVersion(tx.db, { template_id: row.id, version: 1, name: row.name, sections_json, created_by: authorOf(ctx), created_at: now });
    await recordAudit(tx, {
      action: 'report_template.create',
      entityType: 'report_template',
      entityId: row.id,
      organisationId: row.organisation_id,
      after: auditableTemplate({ ...row, sections: body.sections }),
    });
    return toTemplate({ ...row, sections_json }, true);
  });
}

/** Saves a new version: name, description, sections and (optionally) archived, from the version the editor opened. */
export async function updateTemplate(ctx: Ctx, id: string, body: ReportTemplateUpdate): Promise<ReportTemplate> {
  return inTransaction(ctx, async (tx) => {
    const before = await readable(tx, id);
    authorise(true, await mayEditTemplates(tx.db, ctx.actor, before.organisation_id));
    if (body.version !== before.version) throw staleVersion(before.version);
    if (await repo.findTemplateByName(tx.db, before.organisation_id, body.name, id)) throw nameTaken(body.name);
    const now = nowIso();
    const version = before.version + 1;
    const patch = {
      name: body.name,
      description: body.description,
      version,
      archived: body.archived === undefined ? before.archived : body.archived ? 1 : 0,
      updated_at: now,
    };
    // Guarded by the version, so two saves from the same version cannot both win.
    if (!(await repo.updateTemplateAtVersion(tx.db, id, before.version, patch))) throw staleVersion(before.version + 1);
    const sections_json = JSON.stringify(body.sections);
    await repo.insertVersion(tx.db, { template_id: id, version, name: body.name, sections_json, created_by: authorOf(ctx), created_at: now });
    const after = { ...before, ...patch, sections_json };
    await recordAudit(tx, {
      action: archiveAction(before.archived, patch.archived),
      entityType: 'report_template',
      entityId: id,
      organisationId: before.organisation_id,
      before: auditableTemplate({ ...before, sections: parseSections(before.sections_json) }),
      after: auditableTemplate({ ...after, sections: body.sections }),
    });
    return toTemplate(after, true);
  });
}

const archiveAction = (before: number, after: number) =>
  before === after ? 'report_template.update' : after === 1 ? 'report_template.archive' : 'report_template.unarchive';

/** The command line acts as a system user that has no users row: its versions name no author. */
const authorOf = (ctx: Ctx) => (ctx.actor.email === 'system' ? null : ctx.actor.userId);

export async function listVersions(ctx: Ctx, id: string): Promise<ReportTemplateVersionList> {
  await readable(ctx, id);
  const rows = await repo.listVersions(ctx.db, id);
  return {
    items: rows.map((r) => {
      const { sections, ...rest } = toVersion(r);
      return { ...rest, sectionCount: sections.length };
    }),
  };
}

export async function getVersion(ctx: Ctx, id: string, version: number): Promise<ReportTemplateVersion> {
  await readable(ctx, id);
  const row = await repo.findVersion(ctx.db, id, version);
  if (!row) throw notFound();
  return toVersion(row);
}
