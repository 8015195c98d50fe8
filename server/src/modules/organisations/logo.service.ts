import { createHash } from 'node:crypto';
import { ORGANISATION_LOGO_MAX_BYTES, type OrganisationLogoInfo } from '@shared/schemas/report-templates.js';
import type { Database } from '../../db/database.js';
import { nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { ADMINS, authorise, hasRole, organisationChain } from '../access/access.policy.js';
import { recordAudit } from '../audit/audit.repository.js';
import { mayReadTemplates } from '../report-templates/report-templates.access.js';
import { type LogoImage, readLogoImage } from './logo.image.js';
import * as repo from './logo.repository.js';
import { findOrganisation } from './organisations.repository.js';

/**
 * An organisation's logo, printed on its report covers. Its people (those who may read its report
 * templates) see it; its admins replace or remove it. The type and size in pixels come from the bytes.
 */

/** Larger than any cover needs; keeps renderers from decoding a huge image. */
export const LOGO_MAX_PIXELS = 4000;

/** 413 naming the limit in megabytes (here or at the body parser). */
export const logoTooLarge = () =>
  new AppError('payload_too_large', [{ field: 'body', reason: 'file_too_large', params: { maximum: ORGANISATION_LOGO_MAX_BYTES / (1024 * 1024) } }]);

async function checkAccess(ctx: Ctx, organisationId: string, write: boolean): Promise<void> {
  const organisation = await findOrganisation(ctx.db, organisationId);
  const canSee = !!organisation && (await mayReadTemplates(ctx.db, ctx.actor, organisationId));
  authorise(canSee, !write || hasRole(ctx.actor, ADMINS, organisationChain(organisationId)));
}

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');
const infoOf = (image: LogoImage, size: number, updatedAt: string): OrganisationLogoInfo => ({ ...image, size, updatedAt });

export async function putLogo(ctx: Ctx, organisationId: string, content: Buffer): Promise<OrganisationLogoInfo> {
  await checkAccess(ctx, organisationId, true);
  if (content.length > ORGANISATION_LOGO_MAX_BYTES) throw logoTooLarge();
  if (content.length === 0) throw invalid({ field: 'body', reason: 'empty_file' });
  const image = readLogoImage(content);
  if (!image) throw invalid({ field: 'body', reason: 'logo_not_png_or_jpeg' });
  if (image.width > LOGO_MAX_PIXELS || image.height > LOGO_MAX_PIXELS) {
    throw invalid({ field: 'body', reason: 'logo_too_many_pixels', params: { width: image.width, height: image.height, maximum: LOGO_MAX_PIXELS } });
  }
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findLogo(tx.db, organisationId);
    const row = { organisation_id: organisationId, media_type: image.mediaType, content, updated_at: nowIso() };
    await repo.replaceLogo(tx.db, row);
    const info = infoOf(image, content.length, row.updated_at);
    await recordAudit(tx, {
      action: 'organisation.logo_update',
      entityType: 'organisation',
      entityId: organisationId,
      organisationId,
      before: before ? auditable(before) : null,
      after: { ...auditable(row), width: image.width, height: image.height },
    });
    return info;
  });
}

/** What the audit keeps of a logo: its type, size and fingerprint, never its bytes. */
const auditable = (r: { media_type: string; content: Buffer }) => ({ mediaType: r.media_type, size: r.content.length, sha256: sha256(r.content) });

export async function getLogo(ctx: Ctx, organisationId: string): Promise<{ mediaType: string; content: Buffer; updatedAt: string }> {
  await checkAccess(ctx, organisationId, false);
  const row = await repo.findLogo(ctx.db, organisationId);
  if (!row) throw notFound();
  return { mediaType: row.media_type, content: Buffer.from(row.content), updatedAt: row.updated_at };
}

export async function deleteLogo(ctx: Ctx, organisationId: string): Promise<void> {
  await checkAccess(ctx, organisationId, true);
  await inTransaction(ctx, async (tx) => {
    const before = await repo.findLogo(tx.db, organisationId);
    if (!before || !(await repo.deleteLogo(tx.db, organisationId))) throw notFound();
    await recordAudit(tx, { action: 'organisation.logo_delete', entityType: 'organisation', entityId: organisationId, organisationId, before: auditable(before) });
  });
}

/** For report covers (no access check: report generation has decided already). Null when there is none or it no longer reads as an image. */
export async function loadOrganisationLogo(
  db: Database,
  organisationId: string,
): Promise<{ mediaType: 'image/png' | 'image/jpeg'; content: Buffer; width: number; height: number } | null> {
  const row = await repo.findLogo(db, organisationId);
  if (!row) return null;
  const content = Buffer.from(row.content);
  const image = readLogoImage(content);
  return image ? { ...image, content } : null;
}
