import type { z } from 'zod';
import type { CreatedShareLink, CreateShareLinkBody, ShareLink } from '@shared/schemas/sharing.js';
import { addMs, DAY_MS, nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { invalid, notFound } from '../../lib/errors.js';
import { newId, newSecret, sha256 } from '../../lib/ids.js';
import { authorise, hasRole, organisationChain, projectChain } from '../access/access.policy.js';
import { recordAudit } from '../audit/audit.repository.js';
import { loadVisibleProject } from '../projects/projects.service.js';
import { ROUND_MANAGERS } from '../reporting/reporting-access.js';
import { auditableShareLink, toShareLink } from './sharing.mapper.js';
import * as repo from './sharing.repository.js';

/**
 * Share links, managed by the people who manage the project's reporting (admin, programme manager,
 * M&E officer on its chain). A project they cannot see is 404; one they see but do not manage, 403.
 * What a link shows to its holder is in shared-view.service.ts.
 */

async function managedProject(ctx: Ctx, projectId: string) {
  const project = await loadVisibleProject(ctx, projectId);
  const chain = projectChain({ id: project.id, programmeId: project.programme_id, organisationId: project.organisation_id });
  authorise(true, hasRole(ctx.actor, ROUND_MANAGERS, chain));
  return project;
}

/** The project a new link is about, and the report for a report link (finished, of that one project). */
async function linkTarget(ctx: Ctx, body: z.infer<typeof CreateShareLinkBody>) {
  if (body.kind === 'project') return { project: await managedProject(ctx, body.projectId), reportId: null };
  const report = await repo.findReport(ctx.db, body.reportId);
  if (!report) throw notFound();
  if (report.scope_type !== 'project') {
    // Only people of the report's organisation learn that it exists and why it cannot be shared.
    authorise(hasRole(ctx.actor, 'any', organisationChain(report.organisation_id)), true);
    throw invalid({ field: 'body.reportId', reason: 'report_not_of_project' });
  }
  const project = await managedProject(ctx, report.scope_id);
  if (report.status !== 'done') throw invalid({ field: 'body.reportId', reason: 'report_not_ready' });
  return { project, reportId: report.id };
}

export async function createShareLink(ctx: Ctx, body: z.infer<typeof CreateShareLinkBody>, publicUrl: string): Promise<CreatedShareLink> {
  const { project, reportId } = await linkTarget(ctx, body);
  const token = newSecret();
  const now = nowIso();
  const row = {
    id: newId(),
    token_hash: sha256(token),
    kind: body.kind,
    report_id: reportId,
    project_id: project.id,
    label: body.label,
    created_by: ctx.actor.userId,
    created_at: now,
    expires_at: addMs(now, body.expiresInDays * DAY_MS),
    revoked_at: null,
    revoked_by: null,
    last_accessed_at: null,
    access_count: 0,
  };
  return inTransaction(ctx, async (tx) => {
    await repo.insertShareLink(tx.db, row);
    await recordAudit(tx, { action: 'share_link.create', entityType: 'share_link', entityId: row.id, organisationId: project.organisation_id, after: auditableShareLink(row) });
    const created = (await repo.findShareLink(tx.db, row.id))!;
    return { ...toShareLink(created, now), url: `${publicUrl.replace(/\/+$/, '')}/shared/${token}` };
  });
}

export async function listShareLinks(ctx: Ctx, projectId: string): Promise<{ items: ShareLink[] }> {
  await managedProject(ctx, projectId);
  const now = nowIso();
  return { items: (await repo.listShareLinks(ctx.db, projectId)).map((r) => toShareLink(r, now)) };
}

/** Revoking is final; revoking a revoked link changes nothing and answers it as it is. */
export async function revokeShareLink(ctx: Ctx, id: string): Promise<ShareLink> {
  const link = await repo.findShareLink(ctx.db, id);
  if (!link) throw notFound();
  const project = await managedProject(ctx, link.project_id);
  return inTransaction(ctx, async (tx) => {
    const before = (await repo.findShareLink(tx.db, id))!;
    const now = nowIso();
    if (before.revoked_at) return toShareLink(before, now);
    await repo.revokeShareLink(tx.db, id, now, ctx.actor.userId);
    const after = (await repo.findShareLink(tx.db, id))!;
    await recordAudit(tx, {
      action: 'share_link.revoke',
      entityType: 'share_link',
      entityId: id,
      organisationId: project.organisation_id,
      before: auditableShareLink(before),
      after: auditableShareLink(after),
    });
    return toShareLink(after, now);
  });
}
