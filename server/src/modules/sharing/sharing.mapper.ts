import type { ShareLink, ShareLinkStatus, ShareKind } from '@shared/schemas/sharing.js';
import type { ShareLinkRow } from './sharing.repository.js';

export const linkStatus = (r: Pick<ShareLinkRow, 'revoked_at' | 'expires_at'>, now: string): ShareLinkStatus =>
  r.revoked_at ? 'revoked' : r.expires_at <= now ? 'expired' : 'active';

export const toShareLink = (r: ShareLinkRow, now: string): ShareLink => ({
  id: r.id,
  kind: r.kind as ShareKind,
  projectId: r.project_id,
  report:
    r.report_id && r.report_title !== null
      ? { id: r.report_id, title: r.report_title, periodStart: r.report_period_start!, periodEnd: r.report_period_end! }
      : null,
  label: r.label,
  status: linkStatus(r, now),
  createdAt: r.created_at,
  createdByName: r.created_by_name,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  revokedByName: r.revoked_by_name,
  lastAccessedAt: r.last_accessed_at,
  accessCount: r.access_count,
});

/** What the audit log keeps of a link: never the token or its hash. */
export const auditableShareLink = (r: Pick<ShareLinkRow, 'kind' | 'project_id' | 'report_id' | 'label' | 'expires_at' | 'revoked_at'>) => ({
  kind: r.kind,
  projectId: r.project_id,
  reportId: r.report_id,
  label: r.label,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});
